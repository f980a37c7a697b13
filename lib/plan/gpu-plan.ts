/**
 * The machine-readable plan that synth writes next to the stacks (cdktf.out/gpu-plan.json) and
 * `gpu-workloads report` reads. Pure data: no cdktf, so the CLI can load it cheaply. Cost fields mean
 * what COST_VOCABULARY (./cost-vocabulary.ts) says.
 */
import { HOURS_PER_MONTH, round2 } from "./money";

/** The plan's file name in a synth's output folder. */
export const GPU_PLAN_FILE = "gpu-plan.json";
/** 2: prices per region and purchase option, the worst case over every launchable type, the cost vocabulary. */
export const GPU_PLAN_VERSION = 2;

/** How a workload's capacity runs: a single instance, an Auto Scaling group, an EFA cluster of instances, or AWS Batch. */
export const CAPACITY_KINDS = ["instance", "auto-scaling-group", "cluster", "aws-batch", "eks-node-group", "karpenter"] as const;
/** One of {@link CAPACITY_KINDS}. */
export type CapacityKind = (typeof CAPACITY_KINDS)[number];

/** A feasible type the workload could have run on instead, as the plan file records it. */
export interface PlannedAlternative {
  /** The instance type, e.g. "g6e.xlarge". */
  readonly instanceType: string;
  /** Its GPU's canonical name. */
  readonly gpu: string;
  /** GPUs per instance (per node), never a total. */
  readonly gpuCount: number;
  /** Instances that would run one job together; 1 otherwise. */
  readonly nodeCount: number;
  /** One instance, on-demand, in the region. */
  readonly usdPerInstanceHour: number;
  /** All its instances at the on-demand price: what rankings and price ceilings compare. */
  readonly onDemandUsdPerHour: number;
}

/** The root volume of each instance, and all of them together (not in usdPerHour or usdPerMonth, which price instances). */
export interface PlannedRootVolume {
  /** GiB of each instance's gp3 root volume. */
  readonly sizeGiB: number;
  /** Its provisioned throughput, MiB/s. */
  readonly throughputMiBps: number;
  /** Its provisioned IOPS. */
  readonly iops: number;
  /** All instances' volumes at the desired size, for a month, at us-east-1's gp3 list prices. */
  readonly usdPerMonth: number;
}

/** A job's runs, as the plan file records them (see COST_VOCABULARY). */
export interface PlannedRun {
  /** A job's wall-clock hours per run on all its instances, start (boot, image, weights) included. */
  readonly hoursPerRun: number;
  /** A job's cost per run: all its instances for hoursPerRun, at the expected price. */
  readonly usdPerRun: number;
  /** Runs of a job a month that usdPerMonth counts: the runsPerMonth given, else 1. */
  readonly runsPerMonth: number;
}

/** One workload in the plan file: what was chosen, how it runs, what it costs and why. */
export interface PlannedWorkload {
  /** The stack's id. */
  readonly stack: string;
  /** The construct path of the workload. */
  readonly path: string;
  /** The workload class, e.g. "realtime-inference". */
  readonly workloadClass: string;
  /** The region whose prices are quoted: the workload's, else us-east-1 (see regionKnown). */
  readonly region: string;
  /** False when the workload's region was not known and prices are us-east-1's. */
  readonly regionKnown: boolean;
  /** How the capacity is bought: on-demand, spot or capacity-block. */
  readonly purchase: string;
  /** The chosen instance type. */
  readonly instanceType: string;
  /** Every type the capacity may launch (fleet fallbacks, Batch types), chosen first. */
  readonly instanceTypes: readonly string[];
  /** Fallbacks left out by the price bound. */
  readonly droppedInstanceTypes: readonly string[];
  /** The chosen type's GPU, by canonical name. */
  readonly gpu: string;
  /** GPUs per instance (per node), never a total. */
  readonly gpuCount: number;
  /** The share of each GPU: 1, or 0.125 for an eighth of one. */
  readonly gpuFraction: number;
  /** Instances that run one job together (a training cluster's nodes); 1 otherwise. */
  readonly nodeCount: number;
  /** How the capacity runs. */
  readonly capacity: CapacityKind;
  /** Instances the capacity runs: min, desired and max (fleet bounds, cluster nodes, what Batch's vCPUs hold). */
  readonly instances: {
    /** Fewest instances. */
    readonly min: number;
    /** Instances at the desired size: what usdPerHour prices. */
    readonly desired: number;
    /** Most instances: what maxUsdPerMonth prices. */
    readonly max: number;
  };
  /** One instance, on-demand, in the region. */
  readonly usdPerInstanceHour: number;
  /** One instance, spot estimate (median over the region's zones), in the region; null where none is known. */
  readonly spotUsdPerInstanceHour: number | null;
  /** All instances at the desired size, at the expected price: the spot estimate for what is bought on spot, on-demand for the rest. */
  readonly usdPerHour: number;
  /** usdPerHour × 730 hours; for a job whose instances stop when it ends, usdPerRun × runsPerMonth (at most the 730 hours). */
  readonly usdPerMonth: number;
  /** A job whose instances stop when it ends (trainingTokens given): its cost per run and runs a month; absent otherwise. */
  readonly run?: PlannedRun;
  /** The worst case: the most instances the capacity can run of the most expensive type it may launch, on-demand, × 730 hours. */
  readonly maxUsdPerMonth: number;
  /** The type that sets maxUsdPerMonth. */
  readonly maxInstanceType: string;
  /** One sentence that says why this instance type. */
  readonly reason: string;
  /** Up to three feasible types after the chosen one, in decision order. */
  readonly alternatives: readonly PlannedAlternative[];
  /** The instances' root volumes; absent in plans written before it was recorded. */
  readonly rootVolume?: PlannedRootVolume;
}

/** The plan file (gpu-plan.json): every workload of an app, its choice and its cost. */
export interface GpuPlan {
  /** Version of the file's shape. */
  readonly version: number;
  /** Always "cdktf-gpu-workloads": marks the file as this library's. */
  readonly tool: "cdktf-gpu-workloads";
  /** The day the on-demand prices were read. */
  readonly pricesAsOf: string;
  /** The day the spot estimates were read. */
  readonly spotPricesAsOf: string;
  /** Hours in a month that the monthly figures use (730). */
  readonly hoursPerMonth: number;
  /** Every workload of the app, sorted by construct path. */
  readonly workloads: readonly PlannedWorkload[];
  /**
   * Why the synth that wrote this plan failed (an organization policy or a BudgetGuard broken): present only then. The
   * report refuses such a plan: the app is not deployable as it stands.
   */
  readonly violations?: readonly string[];
}

/** A plan without workloads: what an app without GPU workloads amounts to (synth writes no file for it). */
export function emptyPlan(): GpuPlan {
  return { version: GPU_PLAN_VERSION, tool: "cdktf-gpu-workloads", pricesAsOf: "", spotPricesAsOf: "", hoursPerMonth: HOURS_PER_MONTH, workloads: [] };
}

/** Expected and worst-case USD per month of these workloads (a plan's, or one side of a comparison) together, to the cent. */
export function planTotals(workloads: readonly Pick<PlannedWorkload, "usdPerMonth" | "maxUsdPerMonth">[]): {
  /** Expected. */
  readonly usdPerMonth: number;
  /** Worst case. */
  readonly maxUsdPerMonth: number;
} {
  return {
    usdPerMonth: round2(workloads.reduce((sum, w) => sum + w.usdPerMonth, 0)),
    maxUsdPerMonth: round2(workloads.reduce((sum, w) => sum + w.maxUsdPerMonth, 0)),
  };
}
