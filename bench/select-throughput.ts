// Child: selectInstance decisions per second over the embedded table, for a mix of requirements.
// Deep imports, as the CLI does: selection needs no cdktf, so the child need not load it.
import { SelectionRequirements } from "../lib/selection/requirements";
import { selectInstance } from "../lib/selection/select-instance";
import { DEFAULT_TAXONOMY } from "../lib/taxonomy/taxonomy";
import { WORKLOAD_CLASSES } from "../lib/taxonomy/workload-class";
import { report } from "./measure";

const seconds = Number(process.argv[2] ?? 2);

type Mix = readonly { label: string; requirements: SelectionRequirements }[];

/** What users ask for without a model: each class's defaults, an ordered GPU fallback list, a region. */
const WITHOUT_SIZING: Mix = [
  ...WORKLOAD_CLASSES.map((workload) => ({ label: `${workload} (defaults)`, requirements: { workload } })),
  { label: "realtime-inference gpus [L40S, A10G]", requirements: { workload: "realtime-inference", gpus: ["L40S", "A10G"] } },
  { label: "batch-processing gpus [L4, T4]", requirements: { workload: "batch-processing", gpus: ["L4", "T4"] } },
  { label: "realtime-inference region eu-west-1", requirements: { workload: "realtime-inference", region: "eu-west-1" } },
  { label: "training region us-west-2", requirements: { workload: "training", region: "us-west-2" } },
];

/** Sizing by the work: memory estimates per candidate, a throughput target, USD per run. */
const WITH_SIZING: Mix = [
  { label: "realtime-inference + llama-3.1-8b", requirements: { workload: "realtime-inference", model: "llama-3.1-8b" } },
  { label: "image-generation + sdxl", requirements: { workload: "image-generation", model: "sdxl" } },
  { label: "fine-tuning + mistral-7b", requirements: { workload: "fine-tuning", model: "mistral-7b" } },
  {
    label: "realtime-inference + llama-3.1-8b, 2,000 tokens/s",
    requirements: { workload: "realtime-inference", model: "llama-3.1-8b", throughput: { outputTokensPerSecond: 2000 } },
  },
  {
    label: "fine-tuning full llama-3.1-8b, 1e9 tokens",
    requirements: { workload: "fine-tuning", model: "llama-3.1-8b", usage: { mode: "full" }, trainingTokens: 1e9 },
  },
];

/**
 * Sizing on varied requirements: 1,000 distinct requests (no two alike, so a cache keyed by the request object would
 * never hit), from a seeded generator: a catalog language model, the class, a throughput target or a training-token
 * count at random sizes, a context, a region or none. What a platform's many workloads, or an API, would ask.
 */
function variedSizing(count: number): SelectionRequirements[] {
  let seed = 20261207;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const models = [
    "llama-3.1-8b",
    "llama-3.2-3b",
    "mistral-7b",
    "qwen2.5-7b",
    "qwen2.5-14b",
    "qwen3-8b",
    "gemma-2-9b",
    "qwen3-30b-a3b",
    "llama-3.1-70b",
    "phi-4",
  ];
  const regions = [undefined, "us-east-1", "us-west-2", "eu-west-1"];
  const out: SelectionRequirements[] = [];
  while (out.length < count) {
    const model = pick(models);
    const region = pick(regions);
    const kind = next();
    if (kind < 0.5) {
      const outputTokensPerSecond = Math.round(100 + next() * 30_000);
      out.push({
        workload: pick(["realtime-inference", "batch-processing"]),
        model,
        region,
        usage: { contextTokens: pick([2048, 4096, 8192]) },
        throughput: { outputTokensPerSecond },
      });
    } else if (kind < 0.8) {
      out.push({ workload: "fine-tuning", model, region, usage: { contextTokens: pick([2048, 4096]) }, trainingTokens: Math.round(1e7 + next() * 1e9) });
    } else {
      out.push({ workload: "training", model, region, trainingTokens: Math.round(1e9 + next() * 1e11), maxHours: pick([undefined, 72, 240]) });
    }
    // Only answerable requests: an infeasible one is a different path (its error), measured by the tests, not here.
    if (!feasible(out[out.length - 1])) out.pop();
  }
  return out;
}

function feasible(requirements: SelectionRequirements): boolean {
  try {
    selectInstance(requirements);
    return true;
  } catch {
    return false;
  }
}

/** Round-robin over `items` for `ms` of wall time; the instance-type length sum keeps the work observable. */
function run(items: readonly SelectionRequirements[], ms: number): { decisions: number; elapsedMs: number; checksum: number } {
  let decisions = 0;
  let checksum = 0;
  const start = performance.now();
  let elapsedMs = 0;
  while (elapsedMs < ms) {
    // Check the clock once per round so timing stays out of the measured work.
    for (const requirements of items) checksum += selectInstance(requirements).instanceType.length;
    decisions += items.length;
    elapsedMs = performance.now() - start;
  }
  return { decisions, elapsedMs, checksum };
}

/** One mix: round-robin for `seconds` after a warm-up, then each entry alone, briefly, to show which requirement costs what. */
function measureMix(mix: Mix) {
  const all = mix.map((m) => m.requirements);
  run(all, 500); // warm-up: let V8 optimize selection before measuring
  const mixed = run(all, seconds * 1000);
  const perEntry = mix.map(({ label, requirements }) => {
    const r = run([requirements], 200);
    return { label, instanceType: selectInstance(requirements).instanceType, perSecond: (r.decisions / r.elapsedMs) * 1000 };
  });
  return { decisions: mixed.decisions, elapsedMs: mixed.elapsedMs, perSecond: (mixed.decisions / mixed.elapsedMs) * 1000, perEntry, checksum: mixed.checksum };
}

/** The varied requests, each decided once per round: no request object is ever decided twice in a row. */
function measureVaried() {
  const all = variedSizing(1000);
  run(all, 500);
  const r = run(all, seconds * 1000);
  // How many requests share what sizing keeps (all but the work's amounts): the reuse the figure rests on.
  const shapes = new Set(
    all.map((q) =>
      JSON.stringify({ ...q, throughput: q.throughput !== undefined, trainingTokens: q.trainingTokens !== undefined, maxHours: q.maxHours !== undefined }),
    ),
  );
  return {
    requests: all.length,
    shapes: shapes.size,
    decisions: r.decisions,
    elapsedMs: r.elapsedMs,
    perSecond: (r.decisions / r.elapsedMs) * 1000,
    checksum: r.checksum,
  };
}

/**
 * The first decision of each shape: every request has a context length no other has, so nothing kept applies (the
 * sizing of every type is computed). What a process pays for each new model-and-usage it is asked about.
 */
function measureFirstOfShape() {
  const all = variedSizing(2000).map((q, i) => ({ ...q, usage: { ...q.usage, contextTokens: 1024 + i } }));
  const start = performance.now();
  let checksum = 0;
  for (const q of all) checksum += selectInstance(q).instanceType.length;
  const elapsedMs = performance.now() - start;
  return { decisions: all.length, elapsedMs, perSecond: (all.length / elapsedMs) * 1000, checksum };
}

report({
  instanceTypes: DEFAULT_TAXONOMY.instanceTypes.length,
  withoutSizing: measureMix(WITHOUT_SIZING),
  withSizing: measureMix(WITH_SIZING),
  variedSizing: measureVaried(),
  firstOfShape: measureFirstOfShape(),
});
