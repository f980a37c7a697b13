import { CapacityKind } from "../../../plan/gpu-plan";
import { HOURS_PER_MONTH, round2, round4 } from "../../../plan/money";
import { Candidate, Decision, JobRun } from "../../../selection/decision";
import { LaunchableTypes } from "../../../selection/fallbacks";
import { expectedUsdPerInstanceHour } from "../../../selection/select-instance";

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

/**
 * Expected cost at the desired size, and the worst case: for every type the capacity may launch, the most
 * instances of it the capacity can hold (a fleet's maximum; for Batch, maxVcpus in that type's vCPUs) at its
 * on-demand price (spot is bounded by on-demand); the dearest of those sets the bound.
 */
export function capacityCost(
  kind: CapacityKind,
  types: LaunchableTypes,
  size: { readonly min: number; readonly desired: number },
  mostInstancesOf: (type: Candidate) => number,
  usdPerHour: number,
): WorkloadCapacity {
  const worst = types.launchable
    .map((type) => ({ type, instances: mostInstancesOf(type), usdPerHour: mostInstancesOf(type) * type.usdPerInstanceHour }))
    .reduce((a, b) => (b.usdPerHour > a.usdPerHour ? b : a));
  return {
    kind,
    instanceTypes: typeNames(types.launchable),
    droppedInstanceTypes: typeNames(types.droppedByPrice),
    instances: { ...size, max: worst.instances },
    usdPerHour: round4(usdPerHour),
    usdPerMonth: round2(usdPerHour * HOURS_PER_MONTH),
    maxUsdPerMonth: round2(worst.usdPerHour * HOURS_PER_MONTH),
    maxInstanceType: worst.type.instanceType,
  };
}

/** `n` instances of the chosen type alone (a single instance, a cluster's nodes), at the decision's purchase option. */
export function fixedCapacity(kind: CapacityKind, decision: Decision, n: number): WorkloadCapacity {
  const types = { launchable: [decision], droppedByPrice: [] };
  return capacityCost(kind, types, { min: n, desired: n }, () => n, expectedUsdPerInstanceHour(decision, decision.purchase) * n);
}

export function typeNames(candidates: readonly Candidate[]): string[] {
  return candidates.map((c) => c.instanceType);
}

/**
 * A job's capacity priced by its runs: its instances stop when the job ends, so a month costs the runs it holds
 * (the decision's, at the same prices), not 730 hours. Anything else runs all month.
 */
export function withJobRuns(capacity: WorkloadCapacity, decision: Decision, stopsWhenDone: boolean): WorkloadCapacity {
  const run = decision.run;
  if (!run || !stopsWhenDone || (capacity.kind !== "instance" && capacity.kind !== "cluster")) return capacity;
  return { ...capacity, run, usdPerMonth: decision.usdPerMonth };
}
