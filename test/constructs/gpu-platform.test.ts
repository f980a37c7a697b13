import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GpuPlatform, GpuWorkload, InvalidRequirementError, RealtimeInference, BatchProcessing, Training } from "../../lib";
import { NETWORK, only } from "./synth";

function appWithPlatform(props: ConstructorParameters<typeof GpuPlatform>[2]) {
  const app = Testing.app();
  const platform = new GpuPlatform(app, "platform", props);
  const stack = (id: string) => {
    const s = new TerraformStack(app, id);
    new AwsProvider(s, "aws", { region: "us-east-1" });
    return s;
  };
  return { app, platform, stack };
}

describe("GpuPlatform: set once, inherited by every workload of every stack", () => {
  test("network, region and tags reach workloads in several stacks", () => {
    // GIVEN
    const { stack } = appWithPlatform({ network: NETWORK, region: "eu-west-1", tags: { CostCenter: "ml" } });
    // WHEN
    const a = new RealtimeInference(stack("team-a"), "chat", {});
    const b = new BatchProcessing(stack("team-b"), "jobs", { tags: { Team: "b" } });
    // THEN
    expect(a.decision.spec.regions).toContain("eu-west-1");
    const json = JSON.parse(Testing.synth(TerraformStack.of(b)));
    expect(only(json, "aws_instance").tags).toMatchObject({ CostCenter: "ml", Team: "b", ManagedBy: "cdktf-gpu-workloads" });
    expect(only(json, "aws_security_group").vpc_id).toBe(NETWORK.vpcId);
  });

  test("policy allowedGpus filters every workload's choice", () => {
    const { stack } = appWithPlatform({ network: NETWORK, policy: { allowedGpus: ["L40S"] } });
    const w = new RealtimeInference(stack("s"), "chat", {});
    expect(w.decision.gpu.name).toBe("L40S");
    expect(w.decision.rejected.find((r) => r.instanceType === "g5.xlarge")?.reason).toMatch(/not allowed by the organization policy/);
  });

  test("a workload may narrow the policy but never exceed it", () => {
    const { stack } = appWithPlatform({
      network: NETWORK,
      policy: { allowedGpus: ["A10G", "L40S"], maxUsdPerHourPerWorkload: 10, allowedPurchaseOptions: ["on-demand"] },
    });
    const s = stack("s");
    expect(new RealtimeInference(s, "narrow", { maxUsdPerHour: 2 }).decision.totalHourlyUsd).toBeLessThanOrEqual(2);
    expect(() => new RealtimeInference(s, "gpu", { gpus: ["H100"] })).toThrow(/gpus is \["H100"\]; the organization policy allows only A10G, L40S/);
    expect(() => new RealtimeInference(s, "price", { maxUsdPerHour: 20 })).toThrow(/maxUsdPerHour is 20; the organization policy caps a workload at \$10\/h/);
    expect(() => new RealtimeInference(s, "spot", { purchase: "spot" })).toThrow(/purchase is "spot"; the organization policy allows only on-demand/);
    expect(() => new Training(s, "big", {})).toThrow(/No instance type satisfies allowedGpus = \["A10G","L40S"\].*H100 is not allowed by the organization policy/);
    // BatchProcessing's spot default gives way to the policy's purchase option.
    expect(new BatchProcessing(s, "batch", { anyOf: ["A10G"] }).decision.purchase).toBe("on-demand");
  });

  test("the policy's price ceiling applies when the workload gives none", () => {
    const { stack } = appWithPlatform({ network: NETWORK, policy: { maxUsdPerHourPerWorkload: 40 } });
    const training = new Training(stack("s"), "t", {});
    expect(training.decision.instanceType).toBe("p4de.24xlarge");
    expect(training.decision.rejected.find((r) => r.instanceType === "p5.48xlarge")?.constraint).toBe("maxUsdPerHour");
  });

  test("a nested platform narrows its outer one and cannot widen it", () => {
    const { app } = appWithPlatform({ network: NETWORK, tags: { Org: "x" }, policy: { allowedGpus: ["A10G", "L40S"] } });
    const s = new TerraformStack(app, "s");
    new GpuPlatform(s, "team-platform", { tags: { Team: "t" }, policy: { allowedGpus: ["L40S"] } });
    const w: GpuWorkload = new RealtimeInference(s, "chat", {});
    expect(w.decision.gpu.name).toBe("L40S");
    const json = JSON.parse(Testing.synth(s));
    expect(only(json, "aws_instance").tags).toMatchObject({ Org: "x", Team: "t" });
    const s2 = new TerraformStack(app, "s2");
    expect(() => new GpuPlatform(s2, "wider", { policy: { allowedGpus: ["H100"] } })).toThrow(/a nested platform may only narrow/);
  });

  test("a custom taxonomy with negotiated prices changes decisions", () => {
    const { stack } = appWithPlatform({ network: NETWORK, taxonomy: { onDemandUsdPerHour: { "g6e.xlarge": 0.9 }, asOf: "2026-11-01" } });
    const w = new RealtimeInference(stack("s"), "chat", {});
    expect(w.decision.instanceType).toBe("g6e.xlarge");
    expect(w.decision.pricesAsOf).toBe("2026-11-01");
  });

  test("policy values are validated", () => {
    const app = Testing.app();
    expect(() => new GpuPlatform(app, "p", { policy: { maxUsdPerHourPerWorkload: -1 } })).toThrow(/policy.maxUsdPerHourPerWorkload is -1/);
    expect(() => new GpuPlatform(app, "q", { policy: { allowedGpus: [] } })).toThrow(/policy.allowedGpus is \[\]; allow at least one GPU/);
    new GpuPlatform(app, "r", {});
    expect(() => new GpuPlatform(app, "s", {})).toThrow(/give each scope at most one GpuPlatform/);
  });
});
