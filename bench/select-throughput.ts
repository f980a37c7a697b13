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

report({ instanceTypes: DEFAULT_TAXONOMY.instanceTypes.length, withoutSizing: measureMix(WITHOUT_SIZING), withSizing: measureMix(WITH_SIZING) });
