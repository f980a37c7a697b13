import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import fc from "fast-check";
import { GpuPlatform, GpuWorkload, GpuWorkloadsError, selectInstance } from "../../lib";
import { runCli } from "../../lib/cli/main";
import { NETWORK } from "./synth";

/** Every prop a workload takes, each given any JavaScript value (or left out). */
const PROPS = [
  "workload",
  "gpus",
  "anyOf",
  "minGpuMemoryGB",
  "minTotalGpuMemoryGB",
  "gpuCount",
  "minVcpus",
  "minMemoryGiB",
  "minMemoryBandwidthGBps",
  "efa",
  "cpuArchitecture",
  "region",
  "maxUsdPerHour",
  "purchase",
  "objective",
  "model",
  "usage",
  "nodes",
  "ami",
  "operatingSystem",
  "rootVolumeSizeGiB",
  "userData",
  "tags",
  "replicas",
  "fleet",
  "batch",
  "capacityReservationId",
  "allowFrom",
  "allowTo",
] as const;

const anyValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withSparseArray: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, "constructor", "__proto__", "toString", '${file("x")}', "%{ if }", [], {}, null),
);

test("any value for any prop: a typed GpuWorkloadsError, or a workload that synthesizes; never a TypeError", () => {
  fc.assert(
    fc.property(
      fc.constantFrom("realtime-inference", "training", "fine-tuning", "image-generation", "batch-processing"),
      fc.dictionary(fc.constantFrom(...PROPS), anyValue, { maxKeys: 3 }),
      (workload, props) => {
        const app = Testing.app();
        const stack = new TerraformStack(app, "s");
        new AwsProvider(stack, "aws", { region: "us-east-1" });
        try {
          new GpuWorkload(stack, "w", { workload, network: NETWORK, ...props } as never);
        } catch (error) {
          if (!(error instanceof GpuWorkloadsError)) throw error;
          return;
        }
        // What was accepted also synthesizes.
        expect(JSON.parse(Testing.synth(stack)).resource.aws_launch_template).toBeDefined();
      },
    ),
    { numRuns: Number(process.env.PROPERTY_SAMPLE ?? 400) },
  );
});

test("any value for any platform prop: a typed error or a platform", () => {
  const platformProps = fc.dictionary(fc.constantFrom("region", "network", "tags", "policy", "taxonomy"), anyValue, { maxKeys: 2 });
  const policy = fc.record({ policy: fc.dictionary(fc.constantFrom("allowedGpus", "maxUsdPerHourPerWorkload", "allowedPurchaseOptions"), anyValue) });
  const taxonomy = fc.record({ taxonomy: fc.dictionary(fc.constantFrom("instanceTypes", "usdPerInstanceHour", "models", "asOf"), anyValue) });
  fc.assert(
    fc.property(fc.oneof(platformProps, policy, taxonomy), (props) => {
      try {
        new GpuPlatform(Testing.app(), "p", props as never);
      } catch (error) {
        if (!(error instanceof GpuWorkloadsError)) throw error;
      }
    }),
    { numRuns: Number(process.env.PROPERTY_SAMPLE ?? 400) },
  );
});

test("any value for any requirement: selectInstance answers a decision or a typed error", () => {
  const requirement = fc.constantFrom(
    ...PROPS.filter(
      (p) =>
        ![
          "ami",
          "operatingSystem",
          "rootVolumeSizeGiB",
          "userData",
          "tags",
          "replicas",
          "fleet",
          "batch",
          "capacityReservationId",
          "allowFrom",
          "allowTo",
        ].includes(p),
    ),
    "allowedGpus",
    "taxonomy",
  );
  fc.assert(
    fc.property(fc.dictionary(requirement, anyValue, { maxKeys: 3 }), (requirements) => {
      try {
        selectInstance({ workload: "realtime-inference", ...requirements } as never);
      } catch (error) {
        if (!(error instanceof GpuWorkloadsError)) throw error;
      }
    }),
    { numRuns: Number(process.env.PROPERTY_SAMPLE ?? 400) },
  );
});

test("any argv: the CLI answers with exit 0 or 2, never a crash", () => {
  const word = fc.oneof(
    fc.constantFrom(
      "select",
      "estimate",
      "catalog",
      "gpus",
      "report",
      "--workload",
      "training",
      "--gpus",
      "--gpu-count",
      "--model",
      "--json",
      "--markdown",
      "--dir",
      "--__proto__",
      "--toString",
      "--context",
      "--precision",
      "constructor",
      "1e3",
      "NaN",
      "-1",
      "--region",
      "--params",
      "--nodes",
    ),
    fc.string({ maxLength: 12 }),
  );
  fc.assert(
    fc.property(fc.array(word, { maxLength: 6 }), (argv) => {
      const result = runCli(argv);
      expect([0, 2]).toContain(result.exitCode);
    }),
    { numRuns: Number(process.env.PROPERTY_SAMPLE ?? 400) },
  );
});
