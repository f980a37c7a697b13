import { CapacityKind } from "../plan/gpu-plan";
import { JobRun } from "../selection/decision";

/** Instances a workload runs, and what they cost, in the words of COST_VOCABULARY. */
export interface WorkloadCapacity {
  /** How the capacity runs: a single instance, an Auto Scaling group, a cluster or AWS Batch. */
  readonly kind: CapacityKind;
  /** Every type the capacity may launch, the chosen one first. */
  readonly instanceTypes: readonly string[];
  /** Same-shape fallbacks left out because they cost more than the price bound allows. */
  readonly droppedInstanceTypes: readonly string[];
  /** Instances the capacity runs: min, desired and max (fleet bounds, cluster nodes, what Batch's vCPUs hold). */
  readonly instances: {
    /** Fewest instances. */
    readonly min: number;
    /** Instances at the desired size: what usdPerHour prices. */
    readonly desired: number;
    /** Most instances: what maxUsdPerMonth prices. */
    readonly max: number;
  };
  /** All instances at the desired size, at the expected price (spot estimates for the spot share). */
  readonly usdPerHour: number;
  /** usdPerHour × 730 hours; for a job whose instances stop when it ends, usdPerRun × runsPerMonth (at most the 730 hours). */
  readonly usdPerMonth: number;
  /** A job whose instances stop when it ends, with trainingTokens given: its cost per run and runs a month. */
  readonly run?: JobRun;
  /** The worst case: the maximum instances, all of the most expensive type the capacity may launch, on-demand, × 730. */
  readonly maxUsdPerMonth: number;
  /** The type that sets maxUsdPerMonth. */
  readonly maxInstanceType: string;
}
