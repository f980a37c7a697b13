import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";

/**
 * A local EC2 endpoint (127.0.0.1 only) answering the two calls the drift guard's data sources make, from EC2's
 * recorded public answers, not from our table: DescribeInstanceTypeOfferings from moto's recorded offerings
 * (fixtures/ec2-offerings.json), DescribeInstanceTypes from moto's recorded descriptions (fixtures/ec2-instance-types.json),
 * in EC2's XML. As real EC2 does, it answers InvalidInstanceType for a type the region does not offer.
 * The region is the one the caller signed for (SigV4 credential scope).
 */

/** One GPU of a description, in the SDK's shape. */
export interface Gpu {
  readonly Name: string;
  readonly Manufacturer: string;
  readonly Count: number;
  readonly MemoryInfo: { readonly SizeInMiB: number };
}

/** Changes to the recorded answers, for the negative cases. */
export interface Ec2Changes {
  /** Types EC2 describes with these GPUs instead. */
  readonly gpus?: Readonly<Record<string, readonly Gpu[]>>;
  /** Types a region no longer offers. */
  readonly withdrawn?: Readonly<Record<string, readonly string[]>>;
}

const fixtures = path.join(__dirname, "..", "fixtures");
const OFFERINGS: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(fixtures, "ec2-offerings.json"), "utf8")).regions;
const DESCRIBED: Record<string, Record<string, unknown>> = JSON.parse(fs.readFileSync(path.join(fixtures, "ec2-instance-types.json"), "utf8")).types;

const XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/";
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A value of the SDK's shape as EC2's query XML: members camelCase, list entries <item>. */
function xml(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `<item>${xml(v)}</item>`).join("");
  if (value !== null && typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => {
        const name = k[0].toLowerCase() + k.slice(1);
        return `<${name}>${xml(v)}</${name}>`;
      })
      .join("");
  }
  return escape(String(value));
}

/** The account the stub's STS answers for. */
export const STUB_ACCOUNT = "123456789012";

export interface Ec2Stub {
  readonly url: string;
  /** Every call made, "<region> <Action>", first attempts only. */
  readonly calls: string[];
  close(): Promise<void>;
}

export async function startEc2Stub(changes: Ec2Changes = {}): Promise<Ec2Stub> {
  const calls: string[] = [];
  const offered = (region: string) => (OFFERINGS[region] ?? []).filter((t) => !(changes.withdrawn?.[region] ?? []).includes(t));
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      const region = /Credential=[^/]+\/\d+\/([a-z0-9-]+)\/(?:ec2|sts)\//.exec(req.headers.authorization ?? "")?.[1] ?? "unknown";
      const action = form.get("Action") ?? "";
      // A retry of the same call (the SDK's "amz-sdk-request: attempt=2", when a busy machine answers late) is not a
      // second read: only first attempts are recorded.
      const attempt = Number(/attempt=(\d+)/.exec(String(req.headers["amz-sdk-request"] ?? ""))?.[1] ?? 1);
      if (attempt === 1) calls.push(`${region} ${action}`);
      const reply = (status: number, xml: string) => {
        res.writeHead(status, { "content-type": "text/xml;charset=UTF-8" });
        res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
      };
      const listed = (prefix: string) => [...form.entries()].filter(([k]) => new RegExp(`^${prefix}\\.\\d+$`).test(k)).map(([, v]) => v);
      // STS's answer for data.aws_caller_identity (the account in trust conditions and ECS ARNs): AWS's documented example.
      if (action === "GetCallerIdentity") {
        return reply(
          200,
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${STUB_ACCOUNT}:user/stub</Arn><UserId>AIDASTUBSTUBSTUBSTUB1</UserId><Account>${STUB_ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      }
      if (action === "DescribeInstanceTypeOfferings") {
        const wanted = listed("Filter\\.1\\.Value");
        const types = offered(region).filter((t) => wanted.length === 0 || wanted.includes(t));
        const items = types
          .map((t) => `<item><instanceType>${t}</instanceType><locationType>region</locationType><location>${region}</location></item>`)
          .join("");
        return reply(
          200,
          `<DescribeInstanceTypeOfferingsResponse xmlns="${XMLNS}"><requestId>stub</requestId><instanceTypeOfferingSet>${items}</instanceTypeOfferingSet></DescribeInstanceTypeOfferingsResponse>`,
        );
      }
      if (action === "DescribeInstanceTypes") {
        const types = listed("InstanceType");
        const missing = types.filter((t) => !offered(region).includes(t));
        if (missing.length) {
          return reply(
            400,
            `<Response><Errors><Error><Code>InvalidInstanceType</Code><Message>The following supplied instance types do not exist: [${missing.join(", ")}]</Message></Error></Errors><RequestID>stub</RequestID></Response>`,
          );
        }
        const described = types.map((t) => {
          const gpus = changes.gpus?.[t];
          return gpus ? { ...DESCRIBED[t], GpuInfo: { Gpus: gpus } } : DESCRIBED[t];
        });
        return reply(
          200,
          `<DescribeInstanceTypesResponse xmlns="${XMLNS}"><requestId>stub</requestId><instanceTypeSet>${xml(described)}</instanceTypeSet></DescribeInstanceTypesResponse>`,
        );
      }
      reply(
        400,
        `<Response><Errors><Error><Code>InvalidAction</Code><Message>the stub answers no ${escape(action)}</Message></Error></Errors><RequestID>stub</RequestID></Response>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
