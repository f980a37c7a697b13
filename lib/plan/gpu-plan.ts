/**
 * The machine-readable plan that synth writes next to the stacks (cdktf.out/gpu-plan.json) and
 * `gpu-workloads report` reads. Pure data: no cdktf, so the CLI can load it cheaply.
 */
export const GPU_PLAN_FILE = "gpu-plan.json";
export const GPU_PLAN_VERSION = 1;

export const CAPACITY_KINDS = ["instance", "auto-scaling-group", "cluster", "aws-batch"] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];

export interface PlannedAlternative {
  readonly instanceType: string;
  readonly gpu: string;
  readonly gpuCount: number;
  readonly usdPerHour: number;
}

export interface PlannedWorkload {
  readonly stack: string;
  readonly path: string;
  readonly workloadClass: string;
  readonly instanceType: string;
  /** Every type the capacity may launch (fleet fallbacks, Batch types), chosen first. */
  readonly instanceTypes: readonly string[];
  readonly gpu: string;
  /** GPUs per instance. */
  readonly gpuCount: number;
  readonly capacity: CapacityKind;
  readonly nodes: number;
  readonly instances: { readonly min: number; readonly desired: number; readonly max: number };
  readonly purchase: string;
  /** On-demand price of one instance. */
  readonly usdPerInstanceHour: number;
  /** At the desired number of instances, on-demand. */
  readonly usdPerHour: number;
  readonly usdPerMonth: number;
  /** At the maximum number of instances, on-demand: the worst case a budget must hold. */
  readonly maxUsdPerMonth: number;
  /** Spot estimate where the purchase is spot and a spot price is known to the taxonomy; null otherwise. */
  readonly spotUsdPerHourEstimate: number | null;
  readonly reason: string;
  readonly alternatives: readonly PlannedAlternative[];
}

export interface GpuPlan {
  readonly version: number;
  readonly tool: "cdktf-gpu-workloads";
  /** As-of date of the prices used. */
  readonly pricesAsOf: string;
  readonly hoursPerMonth: number;
  readonly workloads: readonly PlannedWorkload[];
}
