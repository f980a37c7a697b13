// Child: selectInstance decisions per second over the embedded table, for a mix of requirements.
// Deep imports, as the CLI does: selection needs no cdktf, so the child need not load it.
import { SelectionRequirements } from "../lib/selection/requirements";
import { selectInstance } from "../lib/selection/select-instance";
import { DEFAULT_TAXONOMY } from "../lib/taxonomy/taxonomy";
import { WORKLOAD_CLASSES } from "../lib/taxonomy/workload-class";
import { report } from "./measure";

const seconds = Number(process.argv[2] ?? 2);

/** What users ask for: each class's defaults, a model to size for, an ordered GPU fallback list, a region. */
const MIX: readonly { label: string; requirements: SelectionRequirements }[] = [
  ...WORKLOAD_CLASSES.map((workload) => ({ label: `${workload} (defaults)`, requirements: { workload } })),
  { label: "realtime-inference + llama-3.1-8b", requirements: { workload: "realtime-inference", model: "llama-3.1-8b" } },
  { label: "image-generation + sdxl", requirements: { workload: "image-generation", model: "sdxl" } },
  { label: "fine-tuning + mistral-7b", requirements: { workload: "fine-tuning", model: "mistral-7b" } },
  { label: "realtime-inference gpus [L40S, A10G]", requirements: { workload: "realtime-inference", gpus: ["L40S", "A10G"] } },
  { label: "batch-processing gpus [L4, T4]", requirements: { workload: "batch-processing", gpus: ["L4", "T4"] } },
  { label: "realtime-inference region eu-west-1", requirements: { workload: "realtime-inference", region: "eu-west-1" } },
  { label: "training region us-west-2", requirements: { workload: "training", region: "us-west-2" } },
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

const all = MIX.map((m) => m.requirements);
run(all, 500); // warm-up: let V8 optimize selection before measuring
const mixed = run(all, seconds * 1000);
// Each entry alone, briefly, to show which requirement costs what.
const perEntry = MIX.map(({ label, requirements }) => {
  const r = run([requirements], 200);
  return { label, instanceType: selectInstance(requirements).instanceType, perSecond: (r.decisions / r.elapsedMs) * 1000 };
});
report({
  instanceTypes: DEFAULT_TAXONOMY.instanceTypes.length,
  decisions: mixed.decisions,
  elapsedMs: mixed.elapsedMs,
  perSecond: (mixed.decisions / mixed.elapsedMs) * 1000,
  perEntry,
  checksum: mixed.checksum,
});
