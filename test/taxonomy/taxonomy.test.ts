import { REGIONAL_PRICES_SOURCES } from "../../lib/taxonomy/data/regional-prices";
import { GpuName } from "../../lib/taxonomy/gpu-model";
import { KNOWN_REGIONS } from "../../lib/taxonomy/regions";
import { DEFAULT_TAXONOMY } from "../../lib/taxonomy/taxonomy";
import { WORKLOAD_CLASSES } from "../../lib/taxonomy/workload-class";
import { WORKLOAD_PROFILES } from "../../lib/taxonomy/workload-profiles";

const { gpus, instanceTypes, models } = DEFAULT_TAXONOMY;
const gpuNames = new Set(gpus.map((g) => g.name));
const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

describe("GPU models", () => {
  test("every GPU the article names, plus H200, B200, B300, the Blackwell RTX PRO 6000 and 4500, V100 (16 and 32 GB) and T4G", () => {
    const expected: GpuName[] = [
      ...["H100", "A100-40GB", "A100-80GB", "L40S", "A10G", "RTX-6000-Ada", "RTX-A5000", "T4", "L4", "H200", "B200", "V100", "V100-32GB", "T4G"],
      ...["B300", "RTX-PRO-6000", "RTX-PRO-4500"],
    ] as GpuName[];
    expect([...gpuNames].sort()).toEqual([...expected].sort());
  });

  test.each(gpus.map((g) => [g.name, g]))("%s has positive figures and a dated source", (_n, g) => {
    expect(g.memoryGB).toBeGreaterThan(0);
    expect(g.usableMemoryMiB).toBeGreaterThan(0);
    // Vendors market GPU memory in binary gigabytes: 16 GB T4 = 16,384 MiB.
    expect(g.usableMemoryMiB).toBeLessThanOrEqual(g.memoryGB * 1024);
    expect(g.memoryBandwidthGBps).toBeGreaterThan(0);
    expect(g.bf16Tflops).toBeGreaterThan(0);
    expect(g.sources.length).toBeGreaterThan(0);
    for (const s of g.sources) {
      expect(s.url).toMatch(/^https:\/\//);
      expect(isIsoDate(s.asOf)).toBe(true);
    }
  });

  test("usable-memory figures in MiB (EC2's, else nvidia-smi's)", () => {
    const usable = (n: GpuName) => gpus.find((g) => g.name === n)!.usableMemoryMiB;
    expect(usable("A10G")).toBe(22888);
    expect(usable("L4")).toBe(22888);
    expect(usable("L40S")).toBe(45776);
    expect(usable("H100")).toBe(81559);
  });

  test("GPUs AWS does not sell name their AWS equivalent, which is sold", () => {
    for (const name of ["RTX-6000-Ada", "RTX-A5000"] as GpuName[]) {
      const g = gpus.find((x) => x.name === name)!;
      expect(g.awsEquivalent).toBeDefined();
      expect(instanceTypes.some((t) => t.gpu === g.awsEquivalent!.gpu)).toBe(true);
      expect(instanceTypes.some((t) => t.gpu === name)).toBe(false);
    }
    expect(gpus.find((g) => g.name === "RTX-6000-Ada")!.awsEquivalent!.gpu).toBe("L40S");
    expect(gpus.find((g) => g.name === "RTX-A5000")!.awsEquivalent!.gpu).toBe("A10G");
  });

  test("aliases do not collide between GPUs", () => {
    const seen = new Map<string, string>();
    for (const g of gpus) {
      for (const a of [g.name, ...g.aliases].map((s) => s.toLowerCase())) {
        expect(seen.get(a) ?? g.name).toBe(g.name);
        seen.set(a, g.name);
      }
    }
  });
});

describe("instance types", () => {
  test("every family and size the issue lists is present", () => {
    const families = new Set(instanceTypes.map((t) => t.family));
    for (const f of ["g4dn", "g5", "g5g", "g6", "g6e", "gr6", "p4d", "p4de", "p5", "p5e", "p5en", "p6-b200", "p3dn"]) {
      expect(families).toContain(f);
    }
    for (const t of ["g4dn.xlarge", "g5.xlarge", "g5.48xlarge", "g6.xlarge", "g6e.xlarge", "p5.4xlarge", "p5.48xlarge", "p6-b200.48xlarge"]) {
      expect(instanceTypes.map((x) => x.instanceType)).toContain(t);
    }
  });

  test("no duplicate types; names match their family", () => {
    const names = instanceTypes.map((t) => t.instanceType);
    expect(new Set(names).size).toBe(names.length);
    for (const t of instanceTypes) expect(t.instanceType.startsWith(`${t.family}.`)).toBe(true);
  });

  test.each(instanceTypes.map((t) => [t.instanceType, t]))("%s is consistent", (_n, t) => {
    expect(gpuNames).toContain(t.gpu);
    expect(t.gpuCount).toBeGreaterThan(0);
    expect(Number.isInteger(t.gpuCount)).toBe(true);
    expect(t.vcpus).toBeGreaterThan(0);
    expect(t.memoryGiB).toBeGreaterThan(0);
    expect(t.networkGbps).toBeGreaterThan(0);
    expect(t.efaInterfaces).toBeGreaterThanOrEqual(0);
    expect(t.localNvmeGB).toBeGreaterThanOrEqual(0);
    // g7 is the one family without a public price in the table's sources yet.
    expect(t.usdPerInstanceHour === undefined ? "no price" : t.usdPerInstanceHour > 0 ? "priced" : t.usdPerInstanceHour).toBe(
      t.family === "g7" ? "no price" : "priced",
    );
    expect(t.regions.length).toBeGreaterThan(0);
    for (const r of t.regions) expect(KNOWN_REGIONS).toContain(r);
    expect(t.sources.length).toBeGreaterThan(0);
    for (const s of t.sources) expect(isIsoDate(s.asOf)).toBe(true);
  });

  test("every row carrying regional prices cites the price table's sources, with their day", () => {
    const priced = instanceTypes.filter((t) => t.regionalPrices !== undefined);
    expect(priced.length).toBeGreaterThan(40);
    for (const t of priced) expect(t.sources).toEqual(expect.arrayContaining([...REGIONAL_PRICES_SOURCES]));
    for (const t of instanceTypes) expect(new Set(t.sources.map((s) => `${s.url} ${s.asOf}`)).size).toBe(t.sources.length);
  });

  test("every single-GPU type is on PCIe", () => {
    const single = instanceTypes.filter((t) => t.gpuCount === 1);
    expect(single.length).toBeGreaterThan(10);
    expect(single.filter((t) => t.gpuInterconnect !== "PCIe").map((t) => t.instanceType)).toEqual([]);
  });

  test("EFA interfaces: one per EFA-capable network card, as AWS's EFA guide lists them", () => {
    const efa = (n: string) => instanceTypes.find((t) => t.instanceType === n)!.efaInterfaces;
    expect(efa("p5.48xlarge")).toBe(32);
    expect(efa("p5en.48xlarge")).toBe(16);
    expect(efa("p6-b200.48xlarge")).toBe(8);
    expect(efa("p4d.24xlarge")).toBe(4);
    expect(efa("p4de.24xlarge")).toBe(4);
  });

  test("bigger sizes of a family never cost less per GPU-hour than half the smallest (sanity on prices)", () => {
    const perGpuHour = (x: (typeof instanceTypes)[number]) => x.usdPerInstanceHour! / (x.gpuCount * (x.gpuFraction ?? 1));
    for (const t of instanceTypes.filter((x) => x.usdPerInstanceHour !== undefined)) {
      const smallest = instanceTypes.filter((x) => x.family === t.family).sort((a, b) => a.vcpus - b.vcpus)[0];
      expect(perGpuHour(t)).toBeGreaterThan(perGpuHour(smallest) / 2);
    }
  });
});

describe("workload profiles", () => {
  test.each(WORKLOAD_CLASSES.map((w) => [w]))("%s: every GPU exists and is sold in at least one region", (w) => {
    const profile = WORKLOAD_PROFILES[w];
    expect(profile.workload).toBe(w);
    expect(profile.reason.length).toBeGreaterThan(20);
    for (const gpu of [...profile.allowedGpus, ...profile.escalationGpus]) {
      expect(gpuNames).toContain(gpu);
      expect(instanceTypes.some((t) => t.gpu === gpu && t.regions.length > 0)).toBe(true);
    }
  });
});

describe("model catalog", () => {
  test("the issue's models are present with sources", () => {
    const names = models.map((m) => m.name);
    for (const n of [
      "llama-3.1-8b",
      "llama-3.1-70b",
      "llama-3.1-405b",
      "llama-3.2-1b",
      "llama-3.2-3b",
      "mistral-7b",
      "mixtral-8x7b",
      "qwen2.5-7b",
      "qwen2.5-72b",
      "sdxl",
      "flux.1-dev",
    ]) {
      expect(names).toContain(n);
    }
    for (const m of models) {
      expect(m.paramsBillion).toBeGreaterThan(0);
      expect(m.sources.length).toBeGreaterThan(0);
    }
    const llms = models.flatMap((m) => (m.kind === "llm" ? [m] : []));
    expect(llms.length).toBeGreaterThan(20);
    for (const m of llms) {
      expect(m.attentionHeads % m.kvHeads).toBe(0);
      expect(m.layers).toBeGreaterThan(0);
      expect(m.contextLengthTokens).toBeGreaterThan(0);
    }
  });
});
