/**
 * The machine-readable plan that synth writes next to the stacks (cdktf.out/gpu-plan.json) and
 * `gpu-workloads report` reads. Pure data: no cdktf, so the CLI can load it cheaply. Cost fields mean
 * what COST_VOCABULARY (./cost-vocabulary.ts) says.
 */
export const GPU_PLAN_FILE = "gpu-plan.json";
/** 2: prices per region and purchase option, the worst case over every launchable type, the cost vocabulary. */
export const GPU_PLAN_VERSION = 2;

export const CAPACITY_KINDS = ["instance", "auto-scaling-group", "cluster", "aws-batch"] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];

export interface PlannedAlternative {
  readonly instanceType: string;
  readonly gpu: string;
  readonly gpuCount: number;
  readonly nodeCount: number;
  readonly usdPerInstanceHour: number;
  readonly onDemandUsdPerHour: number;
}

export interface PlannedWorkload {
  readonly stack: string;
  readonly path: string;
  readonly workloadClass: string;
  readonly region: string;
  /** False when the workload's region was not known and prices are us-east-1's. */
  readonly regionKnown: boolean;
  readonly purchase: string;
  readonly instanceType: string;
  /** Every type the capacity may launch (fleet fallbacks, Batch types), chosen first. */
  readonly instanceTypes: readonly string[];
  /** Fallbacks left out by the price bound. */
  readonly droppedInstanceTypes: readonly string[];
  readonly gpu: string;
  readonly gpuCount: number;
  /** The share of each GPU: 1, or 0.125 for an eighth of one. */
  readonly gpuFraction: number;
  readonly nodeCount: number;
  readonly capacity: CapacityKind;
  readonly instances: { readonly min: number; readonly desired: number; readonly max: number };
  readonly usdPerInstanceHour: number;
  readonly spotUsdPerInstanceHour: number | null;
  readonly usdPerHour: number;
  readonly usdPerMonth: number;
  readonly maxUsdPerMonth: number;
  readonly maxInstanceType: string;
  readonly reason: string;
  readonly alternatives: readonly PlannedAlternative[];
}

export interface GpuPlan {
  readonly version: number;
  readonly tool: "cdktf-gpu-workloads";
  readonly pricesAsOf: string;
  readonly spotPricesAsOf: string;
  readonly hoursPerMonth: number;
  readonly workloads: readonly PlannedWorkload[];
}
