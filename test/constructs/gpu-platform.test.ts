import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DEFAULT_TAXONOMY, GpuPlatform, GpuWorkload, RealtimeInference, BatchProcessing, Training } from "../../lib";
import { NETWORK, only } from "./synth";

function appWithPlatform(props: ConstructorParameters<typeof GpuPlatform>[2]) {
  const app = Testing.app();
  const platform = new GpuPlatform(app, "platform", props);
  const stack = (id: string) => {
    const s = new TerraformStack(app, id);
    new AwsProvider(s, "aws", { region: props?.region ?? "us-east-1" });
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
    const tags = Object.fromEntries(only(json, "aws_autoscaling_group").tag.map((t: { key: string; value: string }) => [t.key, t.value]));
    expect(tags).toMatchObject({ CostCenter: "ml", Team: "b", ManagedBy: "cdktf-gpu-workloads" });
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
    expect(new RealtimeInference(s, "narrow", { maxUsdPerHour: 2 }).decision.onDemandUsdPerHour).toBeLessThanOrEqual(2);
    expect(() => new RealtimeInference(s, "gpu", { gpus: ["H100"] })).toThrow(/gpus is \["H100"\]; the organization policy allows only A10G, L40S/);
    expect(() => new RealtimeInference(s, "price", { maxUsdPerHour: 20 })).toThrow(/maxUsdPerHour is 20; the organization policy caps a workload at \$10\/h/);
    expect(() => new RealtimeInference(s, "spot", { purchase: "spot" })).toThrow(/purchase is "spot"; the organization policy allows only on-demand/);
    expect(() => new Training(s, "big", {})).toThrow(
      /No instance type satisfies allowedGpus = \["A10G","L40S"\].*H100 is not allowed by the organization policy/,
    );
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
    const { stack } = appWithPlatform({ network: NETWORK, taxonomy: { usdPerInstanceHour: { "g6e.xlarge": 0.9 }, asOf: "2026-11-01" } });
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

describe("no way around the organization's policy", () => {
  test("a nested platform may not lower a price its outer policy is measured with, nor replace a row", () => {
    const { app } = appWithPlatform({ network: NETWORK, policy: { maxUsdPerHourPerWorkload: 40 } });
    const s = new TerraformStack(app, "s");
    expect(() => new GpuPlatform(s, "cheap", { taxonomy: { usdPerInstanceHour: { "p5.48xlarge": 1 } } })).toThrow(
      /cheap: taxonomy.usdPerInstanceHour\["p5.48xlarge"\] is 1; a nested platform may not lower a price/,
    );
    const row = { ...DEFAULT_TAXONOMY.instanceTypes.find((t) => t.instanceType === "p5.48xlarge")!, usdPerInstanceHour: 1 };
    const s2 = new TerraformStack(app, "s2");
    expect(() => new GpuPlatform(s2, "replace", { taxonomy: { instanceTypes: [row] } })).toThrow(/may add instance types but not replace/);
    // Raising a price or adding a type is tightening, and allowed.
    const s3 = new TerraformStack(app, "s3");
    // Above its price in every region (Tokyo's is the dearest, $37.62/h).
    new GpuPlatform(s3, "dearer", { taxonomy: { usdPerInstanceHour: { "p4de.24xlarge": 40 } } });
    expect(new Training(s3, "t", {}).decision.rejected.find((r) => r.instanceType === "p5.48xlarge")?.constraint).toBe("maxUsdPerHour");
  });

  test("a platform created before the organization's is still bound by it", () => {
    const app = Testing.app();
    const s = new TerraformStack(app, "s");
    new AwsProvider(s, "aws", { region: "us-east-1" });
    new GpuPlatform(s, "team", { network: NETWORK, tags: { Team: "chat" } });
    new GpuPlatform(app, "org", { policy: { allowedGpus: ["L40S"], maxUsdPerHourPerWorkload: 5 } });
    const w = new RealtimeInference(s, "chat", {});
    expect(w.decision.gpu.name).toBe("L40S");
    expect(() => new RealtimeInference(s, "big", { maxUsdPerHour: 10 })).toThrow(/maxUsdPerHour is 10; the organization policy caps a workload at \$5\/h/);
  });

  test("a platform created before a wider organization's is an error at the workload, not a silent widening", () => {
    const app = Testing.app();
    const s = new TerraformStack(app, "s");
    new AwsProvider(s, "aws", { region: "us-east-1" });
    new GpuPlatform(s, "team", { network: NETWORK, policy: { allowedGpus: ["H100"] } });
    new GpuPlatform(app, "org", { policy: { allowedGpus: ["A10G"] } });
    expect(() => new RealtimeInference(s, "chat", {})).toThrow(/s\/team: policy.allowedGpus is \["H100"\]; a nested platform may only narrow/);
  });

  test("a platform given as a prop does not escape the platforms above the workload", () => {
    const app = Testing.app();
    const s = new TerraformStack(app, "s");
    new AwsProvider(s, "aws", { region: "us-east-1" });
    new GpuPlatform(s, "strict", { network: NETWORK, policy: { allowedGpus: ["A10G"] } });
    const side = new TerraformStack(app, "side");
    const loose = new GpuPlatform(side, "loose", { network: NETWORK, policy: { allowedGpus: ["A10G", "L40S"] } });
    expect(new RealtimeInference(s, "chat", { platform: loose, minGpuMemoryGB: 24 }).decision.gpu.name).toBe("A10G");
    expect(() => new RealtimeInference(s, "big", { platform: loose, minGpuMemoryGB: 40 })).toThrow(/No instance type satisfies/);
  });

  test("a platform of another App is refused", () => {
    const other = new GpuPlatform(Testing.app(), "elsewhere", { network: NETWORK });
    const { stack } = appWithPlatform({ network: NETWORK });
    expect(() => new RealtimeInference(stack("s"), "chat", { platform: other })).toThrow(/platform is "elsewhere"; give a GpuPlatform of the same App/);
  });

  test("policies compare GPUs by canonical name", () => {
    const { app } = appWithPlatform({ network: NETWORK, policy: { allowedGpus: ["NVIDIA A10G", "l40s"] } });
    expect(() => new GpuPlatform(new TerraformStack(app, "s"), "team", { policy: { allowedGpus: ["a10g"] } })).not.toThrow();
  });

  test.each([
    [{ region: "constructor" }, /region is "constructor"; use an AWS region code/],
    [{ tags: { "aws:team": "x" } }, /"aws:" prefix is reserved/],
    [{ policy: { allowedGpus: ["A1OG"] } }, /policy.allowedGpus names an unknown GPU "A1OG". Did you mean "A10G"/],
    [{ policy: { allowedPurchaseOptions: ["reserved"] } }, /policy.allowedPurchaseOptions\[0\] is "reserved"/],
    [{ policy: { maxUsdPerHourPerWorkload: NaN } }, /policy.maxUsdPerHourPerWorkload is NaN/],
    [{ taxonomy: { usdPerInstanceHour: { "g5.xlarge": -5 } } }, /taxonomy.usdPerInstanceHour\["g5.xlarge"\] is -5/],
  ])("platform props %j are refused", (props, message) => {
    expect(() => new GpuPlatform(Testing.app(), "p", props as never)).toThrow(message);
  });
});
