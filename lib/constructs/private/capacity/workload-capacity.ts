import { CapacityKind } from "../../../plan/gpu-plan";
import { HOURS_PER_MONTH, round2, round4 } from "../../../plan/money";
import { Candidate, Decision } from "../../../selection/decision";
import { LaunchableTypes } from "../../../selection/fallbacks";
import { expectedUsdPerInstanceHour } from "../../../selection/select-instance";
import { WorkloadCapacity } from "../../workload-capacity";

export type { WorkloadCapacity };

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
