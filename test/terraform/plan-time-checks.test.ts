import { TerraformVariable } from "cdktf";
import { BatchProcessing, RealtimeInference } from "../../lib";
import { findReferee } from "../../scripts/tf-validate";
import { NETWORK, only, synthStack } from "../constructs/synth";
import { evaluate } from "./console";

const describeWithTerraform = "skipped" in findReferee() ? describe.skip : describe;

/** The precondition Terraform evaluates for an ingress CIDR known only at plan, with `cidr` in place of the variable. */
function ingressCheck(allowPublicAddresses: boolean): (cidr: string) => string {
  const json = synthStack((s) => {
    const clients = new TerraformVariable(s, "clients", { type: "string" });
    new RealtimeInference(s, "w", { network: NETWORK, allowFrom: [{ cidr: clients.stringValue, port: 8000, allowPublicAddresses }] });
  });
  const condition: string = only(json, "aws_vpc_security_group_ingress_rule").lifecycle.precondition[0].condition;
  const expression = condition.replace(/^\$\{/, "").replace(/\}$/, "");
  return (cidr) => expression.replace(/var\.clients/g, JSON.stringify(cidr));
}

describeWithTerraform("plan-time checks, evaluated by Terraform itself", () => {
  test("an ingress CIDR from a variable: private blocks pass, public and malformed ones fail", () => {
    const cases: [string, boolean, boolean][] = [
      // cidr, passes without opt-in, passes with allowPublicAddresses
      ["10.0.0.0/8", true, true],
      ["10.20.0.0/16", true, true],
      ["172.16.0.0/12", true, true],
      ["172.31.4.0/24", true, true],
      ["192.168.0.0/16", true, true],
      ["100.64.0.0/10", true, true],
      ["198.19.0.0/16", true, true],
      ["172.32.0.0/16", false, true],
      ["8.8.8.0/24", false, true],
      ["0.0.0.0/1", false, true],
      ["128.0.0.0/1", false, true],
      ["10.0.0.0/7", false, true],
      ["0.0.0.0/0", false, false],
      ["not-a-cidr", false, false],
      ["10.0.0.0/99", false, false],
    ];
    const privateOnly = ingressCheck(false);
    const publicAllowed = ingressCheck(true);
    const results = evaluate([...cases.map(([c]) => privateOnly(c)), ...cases.map(([c]) => publicAllowed(c))]);
    expect(results).toEqual([...cases.map(([, p]) => String(p)), ...cases.map(([, , q]) => String(q))]);
  });
});

describeWithTerraform("policy documents are literal: Terraform renders what IAM is meant to read", () => {
  /** Every inline policy of `json` as Terraform renders it (the attribute is a template string in the JSON syntax). */
  const rendered = (json: ReturnType<typeof synthStack>) => {
    const policies = Object.values(json.resource.aws_iam_role_policy) as { name: string; policy: string }[];
    const results = evaluate(policies.map((p) => JSON.stringify(p.policy)));
    // Grants are named by content ("read-s3-" and a hash): keyed here by what they grant.
    return Object.fromEntries(policies.map((p, i) => [p.name.replace(/-[0-9a-f]{10}$/, ""), JSON.parse(results[i])]));
  };

  test("a template directive in an S3 prefix stays text: the grant is not widened to the whole bucket", () => {
    const prefix = "%{if(false)}x%{endif}/";
    const json = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK }).grantReadS3("arn:aws:s3:::models", prefix));
    expect(rendered(json)["read-s3"].Statement).toEqual([
      { Effect: "Allow", Action: ["s3:GetObject"], Resource: [`arn:aws:s3:::models/${prefix}*`] },
      { Effect: "Allow", Action: ["s3:ListBucket"], Resource: ["arn:aws:s3:::models"], Condition: { StringLike: { "s3:prefix": [`${prefix}*`] } } },
    ]);
  });

  test("an IAM policy variable reaches IAM as written, and an interpolation is not run", () => {
    const json = synthStack((s) =>
      new RealtimeInference(s, "w", { network: NETWORK }).addToRolePolicy({
        actions: ["s3:GetObject"],
        resources: ["arn:aws:s3:::home/${path.module}/notes"],
        conditions: { StringEquals: { "aws:PrincipalTag/team": "${aws:username}" } },
      }),
    );
    expect(rendered(json)["policy"].Statement).toEqual([
      {
        Effect: "Allow",
        Action: ["s3:GetObject"],
        Resource: ["arn:aws:s3:::home/${path.module}/notes"],
        Condition: { StringEquals: { "aws:PrincipalTag/team": "${aws:username}" } },
      },
    ]);
  });
});

describeWithTerraform("an AWS Batch image known only at plan must be pinned there", () => {
  test("tags other than latest and digests pass; none, latest and a registry port alone fail", () => {
    const json = synthStack((s) => {
      const image = new TerraformVariable(s, "image", { type: "string" });
      new BatchProcessing(s, "jobs", { network: NETWORK, batch: { maxVcpus: 8, job: { image: image.stringValue } } });
    });
    const [check] = only(json, "aws_batch_job_definition").lifecycle.precondition;
    expect(check.error_message).toMatch(/batch\.job\.image must be pinned by a tag other than "latest" or by a digest/);
    const expression = (image: string) =>
      check.condition
        .replace(/^\$\{/, "")
        .replace(/\}$/, "")
        .replace(/var\.image/g, JSON.stringify(image));
    const cases: [string, boolean][] = [
      ["123456789012.dkr.ecr.us-east-1.amazonaws.com/embed:1.4.2", true],
      ["python:3.12", true],
      [`busybox@sha256:${"a".repeat(64)}`, true],
      ["registry.example.com:5000/team/embed:2026-12-01", true],
      ["busybox", false],
      ["busybox:latest", false],
      ["registry.example.com:5000/team/embed", false],
      [`busybox@sha256:${"a".repeat(63)}`, false],
    ];
    expect(evaluate(cases.map(([image]) => expression(image)))).toEqual(cases.map(([, pinned]) => String(pinned)));
  });
});
