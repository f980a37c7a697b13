import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import fc from "fast-check";
import { GpuWorkloadsError, WorkloadProps } from "../../lib";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";
import { findReferee, validateSynthesized } from "../../scripts/tf-validate";
import { WideAppCase, buildWideApp } from "./wide-app";

/** Workloads drawn per run: one terraform validate per region stack, within CI's budget (about 10 s). */
const SAMPLE = Number(process.env.PROPERTY_SAMPLE ?? 40);

const privateCidr = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.constantFrom(8, 16, 24))
    .map(([b, p]) => (p === 8 ? "10.0.0.0/8" : p === 16 ? `10.${b}.0.0/16` : `10.${b}.${b}.0/24`)),
  fc.integer({ min: 16, max: 31 }).map((b) => `172.${b}.0.0/16`),
  fc.constant("192.168.0.0/16"),
  fc.integer({ min: 0, max: 65535 }).map((h) => `fd00:${h.toString(16)}::/64`),
);
const port = fc.integer({ min: 1, max: 65535 });
const tagText = fc.string({ unit: fc.constantFrom(..."aZ09 _.:/=+@-éÜ漢ß".split("")), minLength: 1, maxLength: 40 }).filter((s) => !/^aws:/i.test(s));
/** Construct ids as users type them, including what AWS names and Terraform templates reject. */
const constructId = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
  fc.string({ minLength: 1, maxLength: 140, unit: "grapheme" }).filter((s) => !s.includes("/") && s.trim().length > 0),
  fc.constantFrom('${file("/etc/passwd")}', "%{ for x in y }", "Ünïcødé × id", "-leading-dash", "a".repeat(200)),
);
const userData = fc.constantFrom(
  undefined,
  "#!/bin/bash\necho ready\n",
  "#cloud-config\npackages:\n  - jq\n",
  'Content-Type: multipart/mixed; boundary="XYZ"\nMIME-Version: 1.0\n\n--XYZ\nContent-Type: text/x-shellscript\n\n#!/bin/bash\necho from mime\n--XYZ--\n',
);

const common = fc.record(
  {
    operatingSystem: fc.constantFrom("ubuntu-22.04", "amazon-linux-2023"),
    ami: fc.constantFrom("ami-0123456789abcdef0", "/org/amis/gpu"),
    userData,
    tags: fc.dictionary(tagText, tagText, { maxKeys: 4 }),
    allowFrom: fc.array(
      fc.oneof(fc.record({ cidr: privateCidr, port }), fc.record({ securityGroupId: fc.constant("sg-0123456789abcdef0"), port, description: tagText })),
      { maxLength: 2 },
    ),
    allowTo: fc.array(fc.record({ cidr: privateCidr, port, protocol: fc.constantFrom("tcp" as const, "udp" as const) }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const fleet = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 })).chain(([min, extra]) =>
  fc.record(
    {
      replicas: fc.constant({ min, max: min + extra }),
      fleet: fc.record(
        {
          fallback: fc.boolean(),
          maxFallbacks: fc.integer({ min: 0, max: 39 }),
          spotPercentage: fc.integer({ min: 0, max: 100 }),
          onDemandBaseCapacity: fc.integer({ min: 0, max: min }),
          healthCheckGracePeriodSeconds: fc.integer({ min: 0, max: 3600 }),
          scalingTarget: fc.integer({ min: 1, max: 100 }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ["replicas"] },
  ),
);

const byClass: Record<WorkloadClass, fc.Arbitrary<Omit<WorkloadProps, "network">>> = {
  "realtime-inference": fc.record({ model: fc.constantFrom(undefined, "llama-3.1-8b", "mistral-7b", "qwen2.5-7b") }).chain((p) =>
    fc.oneof(
      fc.constant(p),
      fleet.map((f) => ({ ...p, ...f })),
    ),
  ),
  "image-generation": fc.record({ model: fc.constantFrom(undefined, "sdxl") }).chain((p) =>
    fc.oneof(
      fc.constant(p),
      fleet.map((f) => ({ ...p, ...f })),
    ),
  ),
  "fine-tuning": fc.record({ model: fc.constantFrom("llama-3.2-1b", "llama-3.1-8b", "mistral-7b") }),
  training: fc.record({
    gpus: fc.constantFrom(["H100"], ["A100-80GB"], ["A100-40GB"], ["H200"], ["B200"]),
    nodes: fc.integer({ min: 1, max: 3 }),
  }),
  "batch-processing": fc.oneof(
    fc.constant({}),
    fc.record({
      batch: fc.record({
        maxVcpus: fc.integer({ min: 64, max: 512 }),
        minVcpus: fc.integer({ min: 0, max: 8 }),
        maxInstanceTypes: fc.integer({ min: 1, max: 8 }),
        job: fc.record(
          {
            image: fc.constantFrom("busybox", "123456789012.dkr.ecr.us-east-1.amazonaws.com/jobs:1", "public.ecr.aws/x/y@sha256:" + "a".repeat(64)),
            command: fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }),
            attempts: fc.integer({ min: 1, max: 10 }),
            timeoutSeconds: fc.integer({ min: 60, max: 86_400 }),
            readonlyRootFilesystem: fc.boolean(),
            user: fc.constantFrom("1000", "1000:1000", "app"),
          },
          { requiredKeys: ["image"] },
        ),
      }),
    }),
  ),
};

const workloadCase: fc.Arbitrary<Omit<WideAppCase, "id">> = fc.constantFrom(...(Object.keys(byClass) as WorkloadClass[])).chain((workload) =>
  fc.record({
    workload: fc.constant(workload),
    region: fc.constantFrom("us-east-1", "us-west-2"),
    props: fc.tuple(byClass[workload], common).map(([specific, shared]) => ({ ...shared, ...specific })),
  }),
);

const referee = findReferee();
const describeWithTerraform = "skipped" in referee ? describe.skip : describe;

describeWithTerraform("random valid props synthesize Terraform the real AWS provider accepts", () => {
  test(`${SAMPLE} drawn workloads`, () => {
    const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
    const drawn = fc.sample(fc.tuple(constructId, workloadCase), { seed, numRuns: SAMPLE });
    // Ids must be unique among siblings: the index keeps them apart, the drawn text stays in them.
    const cases: WideAppCase[] = drawn.map(([id, c], i) => ({ ...c, id: `w${i}${id}` }));
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "random-workloads-"));
    let built: ReturnType<typeof buildWideApp>;
    try {
      built = buildWideApp(new App({ outdir }), cases, { onError: typedOnly });
      built.app.synth();
    } catch (error) {
      throw new Error(`PROPERTY_SEED=${seed}: ${(error as Error).stack}`, { cause: error });
    }
    const result = validateSynthesized(outdir, referee as Exclude<typeof referee, { skipped: string }>);
    fs.rmSync(outdir, { recursive: true, force: true });
    // Most draws are feasible: a property that never synthesizes would prove nothing.
    expect({ seed, synthesized: built.synthesized >= SAMPLE * 0.75 }).toEqual({ seed, synthesized: true });
    expect({ seed, errors: result.errors.map((e) => `${e.address}: ${e.summary} ${e.detail}`), skipped: result.skipped }).toEqual({
      seed,
      errors: [],
      skipped: [],
    });
  });
});

/** Valid props may still have no feasible instance (a region without the GPU): that must be a typed error, nothing else. */
function typedOnly(error: unknown, c: WideAppCase): void {
  if (!(error instanceof GpuWorkloadsError)) throw new Error(`untyped error for ${JSON.stringify(c)}: ${(error as Error).stack}`);
}
