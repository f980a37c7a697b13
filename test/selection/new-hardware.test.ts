import { DEFAULT_TAXONOMY, extendTaxonomy, selectInstance } from "../../lib";
import { runCli } from "../../lib/cli/main";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";

const catalog = (family: string) => JSON.parse(runCli(["catalog", "--family", family, "--json"]).stdout) as Record<string, unknown>[];

describe("current hardware", () => {
  test.each([
    ["g7e", "RTX-PRO-6000", [1, 1, 1, 2, 4, 8], 96],
    ["g7", "RTX-PRO-4500", [1, 1, 1, 2, 4, 8], 32],
    ["p6-b300", "B300", [8], 288],
  ])("catalog --json lists %s with its GPU, count and memory", (family, gpu, counts, gb) => {
    const rows = catalog(family);
    expect(rows.map((r) => r.gpu)).toEqual(counts.map(() => gpu));
    expect(rows.map((r) => r.gpuCount).sort((a, b) => Number(a) - Number(b))).toEqual(counts);
    for (const r of rows) expect(r).toMatchObject({ gpuFraction: 1, gpuMemoryGB: gb });
  });

  test("fractional L4s are listed with their share: 1/8, 1/8, 1/4, 1/2 and gr6f's 1/2", () => {
    const rows = [...catalog("g6f"), ...catalog("gr6f")];
    expect(Object.fromEntries(rows.map((r) => [r.instanceType, [r.gpu, r.gpuFraction, r.gpuMemoryGB]]))).toEqual({
      "g6f.large": ["L4", 0.125, 3],
      "g6f.xlarge": ["L4", 0.125, 3],
      "g6f.2xlarge": ["L4", 0.25, 6],
      "g6f.4xlarge": ["L4", 0.5, 12],
      "gr6f.4xlarge": ["L4", 0.5, 12],
    });
    expect(runCli(["catalog", "--family", "g6f"]).stdout).toMatch(/g6f.large +1\/8× L4 +3 /);
  });

  test("p6-b300: 17 network cards, 16 of them EFA", () => {
    const row = DEFAULT_TAXONOMY.instanceTypes.find((t) => t.instanceType === "p6-b300.48xlarge")!;
    expect(row).toMatchObject({ networkCards: 17, efaInterfaces: 16, gpuCount: 8 });
  });
});

describe("a fraction of a GPU is never counted as a GPU", () => {
  test("asking for one L4 never lands on a g6f; asking for nothing in particular neither", () => {
    for (const workload of [WorkloadClass.BATCH_PROCESSING, WorkloadClass.IMAGE_GENERATION]) {
      expect(selectInstance({ workload, gpus: ["L4"], gpuCount: 1 }).instanceType).toBe("g6.xlarge");
      expect(selectInstance({ workload, gpus: ["L4"] }).instanceType).toBe("g6.xlarge");
    }
    const rejected = selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, gpus: ["L4"], gpuCount: 1 }).rejected.find(
      (r) => r.instanceType === "g6f.large",
    );
    expect(rejected?.reason).toMatch(/1\/8 of an L4, not exactly 1 whole GPU/);
    // The BatchProcessing default stays on a whole T4.
    expect(selectInstance({ workload: WorkloadClass.BATCH_PROCESSING }).instanceType).toBe("g4dn.xlarge");
  });

  test("a small stated memory need can get one, and the decision says it is a share", () => {
    const small = selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, minGpuMemoryGB: 3 });
    expect(small).toMatchObject({ instanceType: "g6f.large", gpuFraction: 0.125, gpuCount: 1 });
    expect(small.reason).toMatch(/^g6f.large \(1\/8× L4,/);
    // 5 GB does not fit an eighth (3 GB): a quarter.
    expect(selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, minGpuMemoryGB: 5 }).instanceType).toBe("g6f.2xlarge");
    const cli = JSON.parse(runCli(["select", "--workload", "batch-processing", "--min-gpu-memory", "3", "--json"]).stdout);
    expect(cli).toMatchObject({ instanceType: "g6f.large", gpuFraction: 0.125 });
  });

  test("a model estimate counts against the share's memory", () => {
    const decision = selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, model: "llama-3.2-1b", usage: { contextTokens: 2048 } });
    const share = (decision.gpu.usableMemoryMiB / 1024) * decision.gpuFraction;
    expect(decision.memoryEstimate!.perGpuGiB).toBeLessThanOrEqual(share);
  });
});

describe("types without a public price", () => {
  test("g7 is known but never chosen until a custom taxonomy prices it", () => {
    const unpriced = selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, gpus: ["RTX-PRO-4500", "A10G"] });
    expect(unpriced.gpu.name).toBe("A10G");
    expect(unpriced.rejected.find((r) => r.instanceType === "g7.2xlarge")?.reason).toMatch(/no public price for g7.2xlarge .* custom taxonomy/);
    const priced = extendTaxonomy({ usdPerInstanceHour: { "g7.2xlarge": 1.2 } });
    expect(selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, gpus: ["RTX-PRO-4500"], taxonomy: priced, region: "us-east-2" }).instanceType).toBe(
      "g7.2xlarge",
    );
  });
});

describe("where the Blackwell workhorses fit", () => {
  test("a 96 GB card serves what L40S needs four GPUs for, on one", () => {
    const decision = selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "llama-3.1-70b", usage: { precision: "int8" } });
    expect(decision.gpu.name).toBe("RTX-PRO-6000");
    expect(decision.gpuCount).toBe(1);
  });

  test("the contract defaults stay: g5 for real-time inference, p5 for training, g4dn for batch", () => {
    expect(selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE }).instanceType).toBe("g5.xlarge");
    expect(selectInstance({ workload: WorkloadClass.TRAINING }).instanceType).toBe("p5.48xlarge");
    expect(selectInstance({ workload: WorkloadClass.BATCH_PROCESSING }).instanceType).toBe("g4dn.xlarge");
  });
});
