import { Candidate, Decision } from "./decision";

/** Fallback types a fleet or AWS Batch may launch besides the chosen one. */
export interface FallbackOptions {
  /** false: the chosen type only. @default true */
  readonly fallback?: boolean;
  /** Most fallback types after the chosen one. */
  readonly maxFallbacks: number;
  /** A fallback may cost at most this many times the chosen type per instance-hour, on-demand. */
  readonly maxPriceRatio: number;
}

export interface LaunchableTypes {
  /** The chosen type first, then the fallbacks in decision order. */
  readonly launchable: readonly Candidate[];
  /** Fallbacks left out because they cost more than the bound allows. */
  readonly droppedByPrice: readonly Candidate[];
}

/** Default bound on a fallback's price: twice the chosen type's. */
export const DEFAULT_MAX_FALLBACK_PRICE_RATIO = 2;

/**
 * What capacity may launch: the chosen type, then the feasible alternatives with the same GPU count (a
 * model server's tensor-parallel degree is fixed) on one node, in decision order, up to `maxFallbacks`,
 * and none above `maxPriceRatio` × the chosen type's on-demand price: a shortage of g5.xlarge must not
 * launch a $7.58/h g6e.16xlarge. A fleet sized by a throughput target keeps only types as fast per replica.
 */
export function launchableTypes(decision: Decision, options: FallbackOptions): LaunchableTypes {
  if (options.fallback === false) return { launchable: [decision], droppedByPrice: [] };
  // A fleet sized for a throughput target falls back only to types at least as fast per replica.
  const keepsPace = (a: Candidate) =>
    !decision.throughput || (a.throughput?.outputTokensPerSecondPerReplica ?? 0) >= decision.throughput.outputTokensPerSecondPerReplica;
  const sameShape = decision.alternatives.filter(
    (a) => a.gpuCount === decision.gpuCount && a.gpuFraction === decision.gpuFraction && a.nodeCount === 1 && keepsPace(a),
  );
  const ceiling = decision.usdPerInstanceHour * options.maxPriceRatio;
  const affordable = sameShape.filter((a) => a.usdPerInstanceHour <= ceiling);
  return {
    launchable: [decision, ...affordable.slice(0, options.maxFallbacks)],
    droppedByPrice: sameShape.filter((a) => a.usdPerInstanceHour > ceiling),
  };
}
