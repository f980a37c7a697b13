import { Decision } from "../../selection/decision";
import { SelectionRequirements } from "../../selection/requirements";
import { selectInstance } from "../../selection/select-instance";
import { DEFAULT_TAXONOMY, Taxonomy } from "../../taxonomy/taxonomy";

/** Decisions are kept for at most this many distinct requirements per taxonomy; then the oldest half is dropped. */
const KEPT_PER_TAXONOMY = 1000;

const kept = new WeakMap<Taxonomy, Map<string, Decision>>();

/**
 * selectInstance, once per distinct requirements: workloads that ask for the same thing (a fleet of identical
 * servers across stacks) share one decision, which is immutable, instead of each keeping its own candidates alive.
 */
export function sharedDecision(requirements: SelectionRequirements): Decision {
  const taxonomy = requirements.taxonomy ?? DEFAULT_TAXONOMY;
  const key = requirementsKey(requirements);
  // What JSON cannot write (a BigInt, a cycle) is not kept: selection judges it and says what is wrong.
  if (key === undefined) return selectInstance(requirements);
  let decisions = kept.get(taxonomy);
  const found = decisions?.get(key);
  if (found) return found;
  const decision = selectInstance(requirements);
  if (!decisions) kept.set(taxonomy, (decisions = new Map()));
  if (decisions.size >= KEPT_PER_TAXONOMY) [...decisions.keys()].slice(0, KEPT_PER_TAXONOMY / 2).forEach((k) => decisions!.delete(k));
  decisions.set(key, decision);
  return decision;
}

/** The requirements as text; numbers JSON cannot write (NaN, ±Infinity) stay distinct from null. */
function requirementsKey(requirements: SelectionRequirements): string | undefined {
  try {
    return JSON.stringify({ ...requirements, taxonomy: undefined }, (_, value: unknown) =>
      typeof value === "number" && !Number.isFinite(value) ? { nonFinite: String(value) } : value,
    );
  } catch {
    return undefined;
  }
}
