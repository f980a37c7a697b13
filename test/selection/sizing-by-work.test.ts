import { selectInstance } from "../../lib/selection/select-instance";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";
import { FLOPS_PER_TOKEN_PER_PARAM } from "../../lib/selection/estimate/training-time";
import { DEFAULT_TAXONOMY, gpuModel } from "../../lib/taxonomy/taxonomy";
import { Roofline } from "../../lib/selection/estimate/throughput";
import { precisionSupport } from "../../lib/selection/estimate/precision-support";
import { resolveModel } from "../../lib/selection/resolve-names";
import { LanguageModelSpec } from "../../lib/taxonomy/model-spec";

const { FINE_TUNING, TRAINING, REALTIME_INFERENCE, BATCH_PROCESSING } = WorkloadClass;

describe("interconnect is part of feasibility", () => {
  test("a full fine-tune of Llama 3.1 8B in eu-west-2 lands on one NVSwitch node, not 2 × g5.12xlarge over 40 Gbps", () => {
    const d = selectInstance({ workload: FINE_TUNING, model: "llama-3.1-8b", usage: { mode: "full" }, region: "eu-west-2" });
    expect(d).toMatchObject({ instanceType: "p4d.24xlarge", nodeCount: 1 });
    expect(d.spec.gpuInterconnect).toBe("NVSwitch");
    expect(d.rejected.find((r) => r.instanceType === "g5.12xlarge")).toMatchObject({
      constraint: "minClusterNetworkGbps",
      reason: expect.stringMatching(/nodes needed and g5.12xlarge links them at 40 Gbps, below the 400 Gbps a multi-node run needs/),
    });
  });

  test("a 70B LoRA shards over NVSwitch (p4d), not 8 × A10G or L40S on PCIe; with only PCIe types allowed the reason says so", () => {
    const d = selectInstance({ workload: FINE_TUNING, model: "llama-3.1-70b", region: "eu-west-2" });
    expect(d.instanceType).toBe("p4d.24xlarge");
    const pcieOnly = selectInstance({ workload: FINE_TUNING, model: "llama-3.1-70b", anyOf: ["L40S", "A10G"] });
    expect(pcieOnly.instanceType).toBe("g6e.48xlarge");
    expect(pcieOnly.reason).toMatch(/its 8 GPUs share PCIe: no NVLink\/NVSwitch type met the requirements/);
    // NVLink/NVSwitch types rank first among sharded candidates even when a PCIe one is cheaper per hour.
    const g6e = d.alternatives.find((a) => a.instanceType === "g6e.48xlarge");
    expect(g6e === undefined || d.alternatives.indexOf(g6e) > d.alternatives.findIndex((a) => a.spec.gpuInterconnect !== "PCIe")).toBe(true);
  });

  test("Training on A10G: the error blames the missing NVLink, not the GPU count", () => {
    expect(() => selectInstance({ workload: TRAINING, gpus: ["A10G"] })).toThrow(
      /No instance type satisfies interconnect = "NVLink or NVSwitch between GPUs".*g5.48xlarge \(g5.48xlarge has no NVLink or NVSwitch: its 8 GPUs share PCIe\)/,
    );
  });

  test("slow nodes join a run only when asked (minClusterNetworkGbps)", () => {
    expect(() => selectInstance({ workload: FINE_TUNING, model: "llama-3.1-8b", usage: { mode: "full" }, anyOf: ["A10G"] })).toThrow(
      /minClusterNetworkGbps = 400/,
    );
    const slow = selectInstance({ workload: FINE_TUNING, model: "llama-3.1-8b", usage: { mode: "full" }, anyOf: ["A10G"], minClusterNetworkGbps: 25 });
    expect(slow.nodeCount).toBeGreaterThan(1);
    expect(slow.spec.networkGbps).toBeGreaterThanOrEqual(25);
  });
});

describe("precision the hardware can run", () => {
  test("bf16 runs as fp16 on a T4 and the decision says so; nativePrecision moves to an L4", () => {
    const t4 = selectInstance({ workload: BATCH_PROCESSING, model: "llama-3.2-3b" });
    expect(t4).toMatchObject({ instanceType: "g4dn.xlarge", precision: { precision: "bf16", support: "emulated", runsAs: "fp16" } });
    expect(t4.reason).toMatch(/bf16 runs as fp16 on T4 \(compute capability 7.5\): same bytes, bf16 needs compute capability 8.0/);
    const native = selectInstance({ workload: BATCH_PROCESSING, model: "llama-3.2-3b", nativePrecision: true });
    expect(native.gpu.name).toBe("L4");
    expect(native.rejected.find((r) => r.instanceType === "g4dn.xlarge")).toMatchObject({
      constraint: "precision",
      reason: expect.stringMatching(/\(nativePrecision\)$/),
    });
  });

  test("fp8: native on Ada and Hopper, weight-only on Ampere, refused on Turing", () => {
    const a10g = selectInstance({ workload: REALTIME_INFERENCE, model: "llama-3.1-8b", usage: { precision: "fp8" } });
    expect(a10g.gpu.name).toBe("A10G");
    expect(a10g.precision).toMatchObject({ support: "weight-only", runsAs: "bf16" });
    expect(a10g.reason).toMatch(/fp8 runs weight-only \(W8A16, Marlin\) on A10G/);
    const native = selectInstance({ workload: REALTIME_INFERENCE, model: "llama-3.1-8b", usage: { precision: "fp8" }, nativePrecision: true });
    expect(["L40S", "RTX-PRO-6000", "RTX-PRO-4500"]).toContain(native.gpu.name);
    expect(() => selectInstance({ workload: BATCH_PROCESSING, model: "llama-3.2-1b", usage: { precision: "fp8" }, anyOf: ["T4"] })).toThrow(
      /precision = "fp8".*fp8 needs compute capability 8.0 \(weight-only\) or 8.9 \(native\); T4 \(compute capability 7.5\) has neither/,
    );
  });
});

describe("size by the work: throughput", () => {
  const llama8b = resolveModel(DEFAULT_TAXONOMY, "llama-3.1-8b") as LanguageModelSpec;

  test("a target yields replicas and USD per million tokens, and the fleet chosen is the cheapest that meets it", () => {
    const d = selectInstance({ workload: REALTIME_INFERENCE, model: "llama-3.1-8b", throughput: { outputTokensPerSecond: 2000 } });
    const t = d.throughput!;
    expect(d.objective).toBe("throughput-cost");
    expect(t.replicas * t.outputTokensPerSecondPerReplica).toBeGreaterThanOrEqual(2000);
    expect((t.replicas - 1) * t.outputTokensPerSecondPerReplica).toBeLessThan(2000);
    // The whole fleet's hour over the tokens the target asks of it in that hour.
    expect(d.usdPerHour).toBeCloseTo(d.usdPerInstanceHour * t.replicas, 3);
    expect(t.usdPerMillionOutputTokens).toBeCloseTo((d.usdPerHour / (2000 * 3600)) * 1e6, 2);
    // onDemandUsdPerHour is the whole fleet's (every replica): the chosen one is the cheapest.
    expect(d.onDemandUsdPerHour).toBeCloseTo(d.usdPerInstanceHour * t.replicas, 3);
    for (const a of d.alternatives) expect(a.onDemandUsdPerHour).toBeGreaterThanOrEqual(d.onDemandUsdPerHour);
    expect(d.reason).toMatch(new RegExp(`${t.replicas} replicas for 2000 tokens/s`));
  });

  test("a stream floor trades batch for speed; one the hardware cannot reach is an error naming the best it can do", () => {
    const free = selectInstance({ workload: REALTIME_INFERENCE, model: "llama-3.1-8b", throughput: { outputTokensPerSecond: 2000 } });
    const fast = selectInstance({
      workload: REALTIME_INFERENCE,
      model: "llama-3.1-8b",
      throughput: { outputTokensPerSecond: 2000, minTokensPerSecondPerStream: 40 },
    });
    expect(fast.throughput!.outputTokensPerSecondPerStream).toBeGreaterThanOrEqual(40);
    expect(fast.throughput!.outputTokensPerSecondPerStream).toBeGreaterThan(free.throughput!.outputTokensPerSecondPerStream);
    expect(() =>
      selectInstance({
        workload: REALTIME_INFERENCE,
        model: "llama-3.1-8b",
        anyOf: ["A10G"],
        throughput: { outputTokensPerSecond: 100, minTokensPerSecondPerStream: 200 },
      }),
    ).toThrow(/throughput = .*tokens\/s per stream at most, below the 200 asked \(throughput.minTokensPerSecondPerStream\)/);
  });

  test("no estimate is above the roofline of its hardware", () => {
    const d = selectInstance({ workload: REALTIME_INFERENCE, model: "llama-3.1-8b", usage: { contextTokens: 8192 } });
    for (const c of [d, ...d.alternatives]) {
      const hw = {
        gpu: c.gpu,
        gpus: c.memoryEstimate!.gpuCount,
        copies: c.gpuCount / c.memoryEstimate!.gpuCount,
        gpuFraction: c.gpuFraction,
        interconnect: c.spec.gpuInterconnect,
        usdPerInstanceHour: 1,
      };
      const ceiling = new Roofline(llama8b, "bf16", precisionSupport("bf16", c.gpu, "inference"), hw).ceilingTokensPerSecondPerStream(8192 - 512 + 256);
      expect(c.throughput!.outputTokensPerSecondPerStream).toBeLessThanOrEqual(ceiling);
    }
  });

  test("a mixture of experts decodes faster than a dense model of its size: each token reads only its experts", () => {
    const dense = selectInstance({ workload: REALTIME_INFERENCE, model: "qwen3-32b", instanceType: "p5.48xlarge" }).throughput!;
    const moe = selectInstance({ workload: REALTIME_INFERENCE, model: "qwen3-30b-a3b", instanceType: "p5.48xlarge" }).throughput!;
    expect(moe.outputTokensPerSecondPerStream).toBeGreaterThan(dense.outputTokensPerSecondPerStream * 1.5);
  });
});

describe("size by the work: cost per job", () => {
  test("with trainingTokens the type that costs least per run wins, and the decision reports hours and USD per run", () => {
    const d = selectInstance({ workload: FINE_TUNING, model: "llama-3.1-8b", usage: { mode: "full" }, trainingTokens: 1e9 });
    expect(d.objective).toBe("job-cost");
    const j = d.job!;
    const gpus = d.gpuCount * d.nodeCount;
    expect(j.hours).toBeCloseTo((6 * 8.03e9 * 1e9) / (gpus * d.gpu.bf16Tflops * 1e12 * j.mfu) / 3600 + j.startHours, 1);
    expect(j.usdPerJob).toBeCloseTo(j.hours * d.onDemandUsdPerHour, -1);
    for (const a of d.alternatives) expect(a.job!.usdPerJob).toBeGreaterThanOrEqual(j.usdPerJob);
    expect(d.reason).toMatch(/1.00e\+9 training tokens take ≈ [\d.]+ h at \d+% MFU: \$[\d,.]+ per run/);
  });

  test("LoRA counts 4 FLOPs per parameter per token, full 6; an explicit objective still wins but the job is reported", () => {
    expect(FLOPS_PER_TOKEN_PER_PARAM).toEqual({ full: 6, lora: 4 });
    const lora = selectInstance({ workload: FINE_TUNING, model: "llama-3.1-8b", trainingTokens: 1e8 });
    expect(lora.job!.flopsPerToken).toBeCloseTo(4 * 8.03e9, -6);
    const byHour = selectInstance({ workload: FINE_TUNING, model: "llama-3.1-8b", trainingTokens: 1e8, objective: "cost" });
    expect(byHour.objective).toBe("cost");
    expect(byHour.job).toBeDefined();
  });

  test("PCIe and slow links lower the MFU the cost per run uses", () => {
    const model = "llama-3.1-8b";
    const p4d = selectInstance({ workload: FINE_TUNING, model, usage: { mode: "full" }, trainingTokens: 1e9, instanceType: "p4d.24xlarge" }).job!;
    const g6e = selectInstance({ workload: FINE_TUNING, model, usage: { mode: "full" }, trainingTokens: 1e9, instanceType: "g6e.48xlarge" }).job!;
    expect(g6e.mfu).toBeLessThan(p4d.mfu / 2);
    expect(g6e.assumptions.join(" ")).toMatch(/8 GPUs on PCIe/);
  });
});

describe("what only a model answers is refused without one", () => {
  test.each([
    [{ workload: REALTIME_INFERENCE, usage: { contextTokens: 8192 } }, /usage is .*it needs a model/],
    [{ workload: REALTIME_INFERENCE, throughput: { outputTokensPerSecond: 100 } }, /throughput is .*it needs a model/],
    [{ workload: FINE_TUNING, trainingTokens: 1e9 }, /trainingTokens is 1000000000; it needs a model/],
    [{ workload: FINE_TUNING, model: "llama-3.1-8b", throughput: { outputTokensPerSecond: 100 } }, /throughput is .*this is a lora run/],
    [{ workload: REALTIME_INFERENCE, model: "llama-3.1-8b", trainingTokens: 1e9 }, /trainingTokens is 1000000000; it applies to fine-tunes/],
    [{ workload: FINE_TUNING, model: "llama-3.1-8b", objective: "job-cost" }, /objective is "job-cost"; job-cost needs trainingTokens/],
    [{ workload: REALTIME_INFERENCE, model: "llama-3.1-8b", throughput: { tokens: 5 } }, /throughput.tokens is 5; use outputTokensPerSecond/],
    [{ workload: REALTIME_INFERENCE, model: "llama-3.1-8b", throughput: { outputTokensPerSecond: -1 } }, /throughput.outputTokensPerSecond is -1/],
  ])("%j", (requirements, message) => {
    expect(() => selectInstance(requirements as never)).toThrow(message);
  });
});

test("gpuModel of every catalog GPU has a compute capability the precision rules read", () => {
  for (const g of DEFAULT_TAXONOMY.gpus) expect(Number(gpuModel(DEFAULT_TAXONOMY, g.name).computeCapability)).toBeGreaterThanOrEqual(7);
});

describe("copies per instance and the whole fleet's cost (issue 18)", () => {
  test("under a throughput target an 8B model on p5.48xlarge runs as 8 copies, not one copy over 8 GPUs, and makes more tokens (about 1.2×)", () => {
    const searched = selectInstance({
      workload: REALTIME_INFERENCE,
      model: "llama-3.1-8b",
      instanceType: "p5.48xlarge",
      throughput: { outputTokensPerSecond: 20000 },
    }).throughput!;
    const oneCopy = selectInstance({
      workload: REALTIME_INFERENCE,
      model: "llama-3.1-8b",
      instanceType: "p5.48xlarge",
      usage: { tensorParallelSize: 8 },
      throughput: { outputTokensPerSecond: 20000 },
    }).throughput!;
    expect(searched.tensorParallelSize * searched.copiesPerReplica).toBe(8);
    expect(searched.copiesPerReplica).toBeGreaterThan(1);
    expect(searched.outputTokensPerSecondPerReplica).toBeGreaterThan(oneCopy.outputTokensPerSecondPerReplica);
  });

  test("maxUsdPerHour caps the whole fleet, and the miss says how many instances at what price", () => {
    const free = selectInstance({ workload: REALTIME_INFERENCE, model: "llama-3.1-8b", throughput: { outputTokensPerSecond: 20000 } });
    expect(free.replicas).toBeGreaterThan(1);
    expect(free.usdPerHour).toBeCloseTo(free.usdPerInstanceHour * free.replicas, 3);
    expect(() =>
      selectInstance({
        workload: REALTIME_INFERENCE,
        model: "llama-3.1-8b",
        throughput: { outputTokensPerSecond: 20000 },
        maxUsdPerHour: free.usdPerInstanceHour * 1.5,
      }),
    ).toThrow(/maxUsdPerHour.*for \d+ instances at \$[\d.]+\/h, above/);
  });

  test("spot: USD per million tokens is at the spot price", () => {
    const onDemand = selectInstance({
      workload: REALTIME_INFERENCE,
      model: "llama-3.1-8b",
      instanceType: "g5.xlarge",
      throughput: { outputTokensPerSecond: 1000 },
    });
    const spot = selectInstance({
      workload: REALTIME_INFERENCE,
      model: "llama-3.1-8b",
      instanceType: "g5.xlarge",
      purchase: "spot",
      throughput: { outputTokensPerSecond: 1000 },
    });
    expect(spot.throughput!.usdPerMillionOutputTokens / onDemand.throughput!.usdPerMillionOutputTokens).toBeCloseTo(
      spot.spotUsdPerInstanceHour! / spot.usdPerInstanceHour,
      2,
    );
  });
});
