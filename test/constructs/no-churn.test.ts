import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { BatchProcessing, DEFAULT_TAXONOMY, GpuPlatform, GpuWorkload, RealtimeInference, Training } from "../../lib";
import { WORKLOAD_PROFILES } from "../../lib/taxonomy/workload-profiles";
import { NETWORK, SynthesizedStack } from "./synth";

/** Attributes of aws_instance that Terraform updates in place; every other one forces a new instance. */
const IN_PLACE_INSTANCE_ATTRIBUTES = ["tags", "tags_all", "//"];

/** An app with every capacity kind, at the given prices. */
function synthesize(priceFactor: number, asOf: string): { json: SynthesizedStack; workloads: GpuWorkload[] } {
  const app = Testing.app();
  const priced = DEFAULT_TAXONOMY.instanceTypes.filter((t) => t.usdPerInstanceHour !== undefined);
  const usdPerInstanceHour = Object.fromEntries(priced.map((t) => [t.instanceType, Math.round(t.usdPerInstanceHour! * priceFactor * 1e4) / 1e4]));
  new GpuPlatform(app, "platform", { network: NETWORK, taxonomy: { usdPerInstanceHour, asOf } });
  const stack = new TerraformStack(app, "s");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const workloads = [
    new RealtimeInference(stack, "chat", { model: "llama-3.1-8b" }),
    new RealtimeInference(stack, "fleet", { replicas: { min: 1, max: 3 } }),
    new Training(stack, "cluster", { nodes: 2 }),
    new BatchProcessing(stack, "batch", { batch: { maxVcpus: 16, job: { image: "busybox:1.36" } } }),
  ];
  return { json: JSON.parse(Testing.synth(stack)), workloads };
}

function withoutInPlace(resource: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(resource).filter(([key]) => !IN_PLACE_INSTANCE_ATTRIBUTES.includes(key)));
}

describe("no churn: a new price table or a reworded reason never replaces a running machine", () => {
  test("launch templates and every replacement-forcing attribute of aws_instance are byte-identical", () => {
    // GIVEN today's prices and wording
    const before = synthesize(1, "2026-11-27");
    // WHEN prices rise 10%, the table's date moves and the reasons are reworded
    const reasons = Object.values(WORKLOAD_PROFILES).map((p) => jest.replaceProperty(p as { reason: string }, "reason", `reworded: ${p.reason.toUpperCase()}`));
    const after = synthesize(1.1, "2027-01-15");
    reasons.forEach((r) => r.restore());
    // THEN the decisions are the same machines with other prices and words...
    expect(after.workloads.map((w) => w.decision.instanceType)).toEqual(before.workloads.map((w) => w.decision.instanceType));
    after.workloads.forEach((w, i) => {
      expect(w.decision.reason).not.toBe(before.workloads[i].decision.reason);
      expect(w.decision.onDemandUsdPerHour).toBeGreaterThan(before.workloads[i].decision.onDemandUsdPerHour);
    });
    // ...and what instances are created from did not change by a byte.
    expect(JSON.stringify(after.json.resource.aws_launch_template)).toBe(JSON.stringify(before.json.resource.aws_launch_template));
    const instances = (json: SynthesizedStack) => Object.values(json.resource.aws_instance).map(withoutInPlace);
    expect(instances(after.json)).toHaveLength(3);
    expect(JSON.stringify(instances(after.json))).toBe(JSON.stringify(instances(before.json)));
    // The new price reaches the instances' tags, which Terraform updates in place.
    const tags = (json: SynthesizedStack) =>
      Object.values(json.resource.aws_instance).map((i) => (i.tags as Record<string, string>)["gpu-workloads:usd-per-instance-hour"]);
    expect(tags(after.json)).not.toEqual(tags(before.json));
  });
});
