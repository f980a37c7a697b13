import { GpuModel } from "../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../taxonomy/instance-type";
import { WorkloadClass } from "../taxonomy/workload-class";
import { Objective, PurchaseOption } from "../taxonomy/workload-profile";
import { MemoryEstimate } from "./memory-estimate";

/** One instance type scored against the requirements. */
export interface Candidate {
  readonly instanceType: string;
  readonly spec: InstanceTypeSpec;
  readonly gpu: GpuModel;
  /** GPUs per node. */
  readonly gpuCount: number;
  readonly nodeCount: number;
  /** On-demand USD/hour of one node. */
  readonly hourlyUsd: number;
  /** On-demand USD/hour of all nodes. */
  readonly totalHourlyUsd: number;
  /** USD/hour per dense BF16 TFLOPS, the `compute-cost` objective. */
  readonly usdPerTflopsHour: number;
  /** Position of the candidate's GPU in the preference (0 is first). */
  readonly preferenceRank: number;
  /** The memory estimate for this candidate's GPUs, when a model was given. */
  readonly memoryEstimate?: MemoryEstimate;
}

/**
 * A candidate that failed, with the requirements it missed (the first one ruled it out). For a
 * candidate outside the allowed GPUs only that miss is recorded: nothing else could bring it back.
 */
export interface Rejection {
  readonly instanceType: string;
  readonly constraint: string;
  readonly reason: string;
  readonly misses: readonly { readonly constraint: string; readonly reason: string }[];
}

/** The answer of `selectInstance`: what, why, and what else was considered. */
export interface Decision extends Candidate {
  readonly workload: WorkloadClass;
  readonly objective: Objective;
  readonly purchase: PurchaseOption;
  /** One sentence that says why this instance. */
  readonly reason: string;
  /** Feasible candidates in decision order, best first. */
  readonly alternatives: readonly Candidate[];
  /** Every other instance type of the taxonomy and what ruled it out. */
  readonly rejected: readonly Rejection[];
  /** Price as-of date of the taxonomy. */
  readonly pricesAsOf: string;
}
