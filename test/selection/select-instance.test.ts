import { NoFeasibleInstanceError, InvalidRequirementError, UnknownGpuError, UnknownModelError } from "../../lib/validation/errors";
import { selectInstance } from "../../lib/selection/select-instance";
import { extendTaxonomy } from "../../lib/taxonomy/taxonomy";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";

const realtime = WorkloadClass.REALTIME_INFERENCE;

describe("workload defaults (the contract with users)", () => {
  test.each([
    [WorkloadClass.REALTIME_INFERENCE, "g5.xlarge", "A10G", 1, "on-demand"],
    [WorkloadClass.TRAINING, "p5.48xlarge", "H100", 8, "on-demand"],
    [WorkloadClass.BATCH_PROCESSING, "g4dn.xlarge", "T4", 1, "spot"],
    [WorkloadClass.IMAGE_GENERATION, "g6.xlarge", "L4", 1, "on-demand"],
  ])("%s → %s", (workload, instanceType, gpu, gpuCount, purchase) => {
    // WHEN
    const decision = selectInstance({ workload });
    // THEN
    expect(decision.instanceType).toBe(instanceType);
    expect(decision.gpu.name).toBe(gpu);
    expect(decision.gpuCount).toBe(gpuCount);
    expect(decision.purchase).toBe(purchase);
    expect(decision.reason).toContain(instanceType);
    expect(decision.alternatives.length).toBeGreaterThan(0);
  });

  test("training chooses by compute cost: p5 beats the cheaper-per-hour p4de per TFLOPS", () => {
    const decision = selectInstance({ workload: WorkloadClass.TRAINING });
    const p4de = decision.alternatives.find((a) => a.instanceType === "p4de.24xlarge")!;
    expect(p4de.usdPerInstanceHour).toBeLessThan(decision.usdPerInstanceHour);
    expect(p4de.usdPerTflopsHour).toBeGreaterThan(decision.usdPerTflopsHour);
    expect(decision.objective).toBe("compute-cost");
  });

  test("fine-tuning picks from the model's estimate", () => {
    // 4,096-token sequences: the loss's logits alone take 6.9 GiB, so an L40S; 1,024-token sequences fit an A10G.
    expect(selectInstance({ workload: WorkloadClass.FINE_TUNING, model: "llama-3.1-8b" }).gpu.name).toBe("L40S");
    expect(selectInstance({ workload: WorkloadClass.FINE_TUNING, model: "llama-3.1-8b", usage: { contextTokens: 1024 } }).gpu.name).toBe("A10G");
    const full = selectInstance({ workload: WorkloadClass.FINE_TUNING, model: "llama-3.1-8b", usage: { mode: "full" } });
    expect(full.gpuCount * full.gpu.memoryGB).toBeGreaterThan(144);
    expect(full.memoryEstimate!.mode).toBe("full");
  });

  test("every rejected candidate names the constraint that ruled it out", () => {
    const decision = selectInstance({ workload: realtime });
    const all = new Set([decision.instanceType, ...decision.alternatives.map((a) => a.instanceType), ...decision.rejected.map((r) => r.instanceType)]);
    expect(decision.rejected.find((r) => r.instanceType === "g4dn.xlarge")).toMatchObject({ constraint: "gpus" });
    expect(decision.rejected.find((r) => r.instanceType === "p5.48xlarge")).toMatchObject({ constraint: "gpus" });
    expect(all.size).toBe(1 + decision.alternatives.length + decision.rejected.length);
  });
});

describe("each constraint on its own (RealtimeInference)", () => {
  test.each([
    ["minGpuMemoryGB", { minGpuMemoryGB: 40 }, "g6e.xlarge"],
    ["gpuCount exact", { gpuCount: 4 }, "g5.12xlarge"],
    ["gpuCount min", { gpuCount: { min: 2 } }, "g5.12xlarge"],
    // 96 GB on one RTX PRO 6000 ($3.36/h) beats 4 × A10G ($5.67/h).
    ["minTotalGpuMemoryGB", { minTotalGpuMemoryGB: 90 }, "g7e.2xlarge"],
    ["minVcpus", { minVcpus: 16 }, "g5.4xlarge"],
    ["minMemoryGiB", { minMemoryGiB: 60 }, "g5.4xlarge"],
    ["minMemoryBandwidthGBps", { minMemoryBandwidthGBps: 800 }, "g6e.xlarge"],
  ])("%s", (_name, extra, expected) => {
    expect(selectInstance({ workload: realtime, ...extra }).instanceType).toBe(expected);
  });

  test("efa: only sizes with EFA interfaces qualify", () => {
    const decision = selectInstance({ workload: realtime, efa: true });
    expect(decision.spec.efaInterfaces).toBeGreaterThan(0);
    expect(decision.rejected.find((r) => r.instanceType === "g5.xlarge")).toMatchObject({ constraint: "efa" });
  });

  test("cpuArchitecture arm64 selects Graviton g5g when T4G is allowed", () => {
    const decision = selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, gpus: ["T4G"], cpuArchitecture: "arm64" });
    expect(decision.instanceType).toBe("g5g.xlarge");
    expect(decision.spec.cpuArchitecture).toBe("arm64");
  });

  test("region filters to types offered there", () => {
    const decision = selectInstance({ workload: realtime, region: "eu-west-1" });
    expect(decision.spec.regions).toContain("eu-west-1");
  });

  test("maxUsdPerHour caps the price", () => {
    const decision = selectInstance({ workload: realtime, gpuCount: 4, maxUsdPerHour: 20 });
    expect(decision.onDemandUsdPerHour).toBeLessThanOrEqual(20);
  });
});

describe("preferences: ordered fallback vs set", () => {
  test("gpus is ordered: the first GPU with a feasible instance wins even when dearer", () => {
    const decision = selectInstance({ workload: realtime, gpus: ["L40S", "A10G"] });
    expect(decision.gpu.name).toBe("L40S");
    expect(decision.instanceType).toBe("g6e.xlarge");
    expect(decision.reason).toContain("first preferred GPU");
  });

  test("gpus falls back to the next GPU when the first has no feasible instance", () => {
    const decision = selectInstance({ workload: realtime, gpus: ["L40S", "A10G"], cpuArchitecture: "x86_64", maxUsdPerHour: 1.5 });
    expect(decision.gpu.name).toBe("A10G");
  });

  test("anyOf is a set: the objective decides", () => {
    expect(selectInstance({ workload: realtime, anyOf: ["L40S", "A10G"] }).instanceType).toBe("g5.xlarge");
  });

  test("GPU spellings are forgiving", () => {
    for (const spelling of ["NVIDIA A10G", "a10g", "A10G"]) {
      expect(selectInstance({ workload: realtime, gpus: [spelling] }).gpu.name).toBe("A10G");
    }
    expect(selectInstance({ workload: WorkloadClass.TRAINING, gpus: ["A100-80GB"] }).gpu.name).toBe("A100-80GB");
    expect(selectInstance({ workload: WorkloadClass.TRAINING, gpus: ["NVIDIA A100 80GB"] }).gpu.name).toBe("A100-80GB");
  });

  test("legacy instance types are chosen only when their GPU is named", () => {
    const decision = selectInstance({ workload: WorkloadClass.TRAINING, gpus: ["V100-32GB"] });
    expect(decision.spec.legacy).toBe(true);
    expect(selectInstance({ workload: WorkloadClass.TRAINING, anyOf: ["H100", "A100-80GB"] }).spec.legacy).toBeFalsy();
  });
});

describe("memory-driven selection", () => {
  test("Llama 3.1 8B bf16 serves on one A10G", () => {
    const decision = selectInstance({ workload: realtime, model: "llama-3.1-8b" });
    expect(decision.instanceType).toBe("g5.xlarge");
    expect(decision.reason).toMatch(/llama-3.1-8b inference needs [\d.]+ GiB per GPU/);
  });

  test("a 70B bf16 model needs several GPUs of one node", () => {
    const decision = selectInstance({ workload: realtime, model: "llama-3.1-70b" });
    expect(decision.gpuCount).toBeGreaterThan(1);
    expect(decision.nodeCount).toBe(1);
    expect(decision.rejected.find((r) => r.instanceType === "g5.xlarge")).toMatchObject({ constraint: "model" });
  });

  test("RealtimeInference escalates beyond A10G/L40S only when memory demands it", () => {
    // 80 GB fits the class's own RTX PRO 6000 (96 GB): no escalation.
    expect(selectInstance({ workload: realtime, minGpuMemoryGB: 80 }).gpu.name).toBe("RTX-PRO-6000");
    const decision = selectInstance({ workload: realtime, minGpuMemoryGB: 120 });
    expect(decision.gpu.name).toBe("H200");
    expect(decision.reason).toMatch(/no A10G or L40S or RTX-PRO-6000 or RTX-PRO-4500 instance has enough GPU memory/);
    // ...and not for other reasons: a price ceiling is not a reason to escalate.
    expect(() => selectInstance({ workload: realtime, maxUsdPerHour: 0.5 })).toThrow(NoFeasibleInstanceError);
  });

  test("concurrency above vLLM's default max_num_seqs on small GPUs weighs them by memory instead of aborting the decision", () => {
    // 256 is the default below 70 GiB: the server is launched with --max-num-seqs 300, and an A10G holds it.
    const small = selectInstance({ workload: realtime, model: "llama-3.2-1b", usage: { concurrency: 300, contextTokens: 512 } });
    expect(small.instanceType).toBe("g5.xlarge");
    expect(small.throughput?.sequencesPerReplica).toBe(300);
    expect(small.memoryEstimate?.assumptions.join(" ")).toMatch(/the sampler over 300 sequences \(max_num_seqs\)/);
    // An 8B model's 300 × 4096-token cache outgrows the small GPUs: they are rejected by memory, the larger ones stay feasible.
    const large = selectInstance({ workload: realtime, model: "llama-3.1-8b", usage: { concurrency: 300 } });
    expect(large.instanceType).toBe("g7e.24xlarge");
    expect(large.rejected.find((r) => r.instanceType === "g5.xlarge")).toMatchObject({
      constraint: "model",
      reason: expect.stringMatching(/needs 166.5 GiB per GPU on 1 GPUs, above 22.4 GiB usable/),
    });
    // A maxNumSeqs the user gives below the concurrency stays an error.
    expect(() => selectInstance({ workload: realtime, model: "llama-3.1-8b", usage: { concurrency: 300, maxNumSeqs: 200 } })).toThrow(
      /usage.concurrency is 300; vLLM runs at most maxNumSeqs \(200\) sequences at once; raise usage.maxNumSeqs or lower the concurrency/,
    );
  });

  test("a full fine-tune of a 70B model spreads over several EFA nodes", () => {
    const decision = selectInstance({ workload: WorkloadClass.TRAINING, model: "llama-3.1-70b" });
    expect(decision.nodeCount).toBeGreaterThan(1);
    expect(decision.spec.efaInterfaces).toBeGreaterThan(0);
    expect(decision.onDemandUsdPerHour).toBeCloseTo(decision.usdPerInstanceHour * decision.nodeCount, 4);
    expect(decision.reason).toMatch(/on \d+ nodes/);
  });
});

describe("errors", () => {
  test("no feasible instance names the constraint, the value and the nearest candidates", () => {
    expect(() => selectInstance({ workload: realtime, maxUsdPerHour: 0.5 })).toThrow(
      /No instance type satisfies maxUsdPerHour = 0.5.*Nearest candidates: g5.xlarge \(\$1.01\/h, above \$0.5\/h\)/,
    );
    const error = catchError(() => selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, cpuArchitecture: "arm64" }));
    expect(error).toBeInstanceOf(NoFeasibleInstanceError);
    expect(error).toMatchObject({ code: "NoFeasibleInstance", constraint: "cpuArchitecture", value: "arm64" });
  });

  test("unknown GPU answers did you mean", () => {
    expect(() => selectInstance({ workload: realtime, gpus: ["A10"] })).toThrow(UnknownGpuError);
    expect(() => selectInstance({ workload: realtime, gpus: ["L40"] })).toThrow(/unknown GPU "L40". Did you mean .*"L40S"/);
    expect(() => selectInstance({ workload: realtime, anyOf: ["H10O"] })).toThrow(/anyOf names an unknown GPU "H10O". Did you mean "H100"/);
  });

  test("unknown model answers did you mean", () => {
    expect(() => selectInstance({ workload: realtime, model: "llama-3.1-8" })).toThrow(UnknownModelError);
    expect(() => selectInstance({ workload: realtime, model: "lama-3.1-8b" })).toThrow(/Did you mean "llama-3.1-8b"/);
  });

  test.each([
    [{ minGpuMemoryGB: -1 }, /minGpuMemoryGB is -1; give a number above 0 and at most 1024 GB/],
    [{ gpuCount: 1.5 }, /gpuCount is 1.5; give a whole number from 1 to 16/],
    [{ gpuCount: { min: 0 } }, /gpuCount.min is 0/],
    [{ gpus: [] }, /gpus is \[\]; give a non-empty list/],
    [{ gpus: ["A10G"], anyOf: ["L40S"] }, /give either gpus .* or anyOf .*, not both/],
    [{ region: "us-east-9" }, /region is "us-east-9"; use an AWS region code/],
    [{ purchase: "reserved" }, /purchase is "reserved"; use one of on-demand, spot, capacity-block/],
    [{ objective: "speed" }, /objective is "speed"; use one of cost, compute-cost/],
    [{ nodes: 2, purchase: "spot" }, /cannot run on spot/],
  ])("invalid requirement %j", (extra, message) => {
    expect(() => selectInstance({ workload: realtime, ...(extra as object) })).toThrow(InvalidRequirementError);
    expect(() => selectInstance({ workload: realtime, ...(extra as object) })).toThrow(message);
  });

  test("unknown workload class", () => {
    expect(() => selectInstance({ workload: "inference" as never })).toThrow(/workload is "inference"; use one of realtime-inference/);
  });

  test("a region that lacks every suitable type lists the regions that have one, nearest first", () => {
    expect(() => selectInstance({ workload: WorkloadClass.TRAINING, gpus: ["H100"], gpuCount: 8, region: "af-south-1" })).toThrow(
      /p5.48xlarge \(not offered in af-south-1\).*Regions that offer a suitable type, nearest first: sa-east-1, ap-south-1, /,
    );
  });
});

describe("custom taxonomy", () => {
  test("negotiated prices change the decision", () => {
    const taxonomy = extendTaxonomy({ usdPerInstanceHour: { "g6e.xlarge": 0.5 } });
    expect(selectInstance({ workload: realtime, taxonomy }).instanceType).toBe("g6e.xlarge");
  });
});

/** The error `fn` throws; fails the test when it throws none. */
function catchError(fn: () => unknown): Error & Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error("expected an error, none was thrown");
}
