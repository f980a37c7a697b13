/**
 * One meaning per word, everywhere: `Decision`, the construct's `capacity`, the plan file, the CLI's
 * `--json`, Terraform outputs and tags (kebab-case: `usd-per-instance-hour`), and the README's table,
 * which a test checks against this one.
 */
export const COST_VOCABULARY = {
  region: "the region whose prices are quoted: the workload's, else us-east-1 (and the CLI and plan say so)",
  purchase: "how the capacity is bought: on-demand, spot or capacity-block",
  gpuCount: "GPUs per instance (per node), never a total",
  nodeCount: "instances that run one job together (a training cluster's nodes); 1 otherwise",
  instances: "instances the capacity runs: min, desired and max (fleet bounds, cluster nodes, what Batch's vCPUs hold)",
  usdPerInstanceHour: "one instance, on-demand, in the region",
  spotUsdPerInstanceHour: "one instance, spot estimate (median over the region's zones), in the region; null where none is known",
  onDemandUsdPerHour: "all instances of a decision (nodes × replicas) at the on-demand price: what rankings and price ceilings compare",
  usdPerHour: "all instances at the desired size, at the expected price: the spot estimate for what is bought on spot, on-demand for the rest",
  usdPerMonth: "usdPerHour × 730 hours; for a job whose instances stop when it ends, usdPerRun × runsPerMonth (at most the 730 hours)",
  hoursPerRun: "a job's wall-clock hours per run on all its instances, start (boot, image, weights) included",
  usdPerRun: "a job's cost per run: all its instances for hoursPerRun, at the expected price",
  runsPerMonth: "runs of a job a month that usdPerMonth counts: the runsPerMonth given, else 1",
  maxUsdPerMonth: "the worst case: the most instances the capacity can run of the most expensive type it may launch, on-demand, × 730 hours",
  maxInstanceType: "the type that sets maxUsdPerMonth",
  pricesAsOf: "the day the on-demand prices were read",
  spotPricesAsOf: "the day the spot estimates were read",
} as const;

export type CostTerm = keyof typeof COST_VOCABULARY;

/** The kebab-case spelling of a term, for Terraform outputs and tags: usdPerInstanceHour → usd-per-instance-hour. */
export function kebab(term: CostTerm): string {
  return term.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
