import { GpuName } from "../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../taxonomy/instance-type";
import { ModelSpec } from "../taxonomy/model-spec";
import { regionsNearestFirst } from "../taxonomy/regions";
import { DEFAULT_TAXONOMY, Taxonomy, gpuModel } from "../taxonomy/taxonomy";
import { WORKLOAD_CLASSES } from "../taxonomy/workload-class";
import { WORKLOAD_PROFILES } from "../taxonomy/workload-profiles";
import { ModelMode, Objective, PurchaseOption } from "../taxonomy/workload-profile";
import { REFERENCE_REGION, instancePrice } from "../taxonomy/pricing";
import { gpusLabel } from "../taxonomy/gpu-share";
import { HOURS_PER_MONTH, round2, round4 } from "../plan/money";
import { CONSTRAINTS, Constraint, MEMORY_CONSTRAINTS, ResolvedRequirements, scopeMiss } from "./constraints";
import { Candidate, Decision, Rejection } from "./decision";
import { InvalidRequirementError, NoFeasibleInstanceError } from "../validation/errors";
import { MemoryEstimate, estimateMemory } from "./memory-estimate";
import { resolveGpuName, resolveInstanceType, resolveModel } from "./resolve-names";
import { SelectionRequirements } from "./requirements";
import { spotClusterError, validateRequirements } from "./validate-requirements";

/** Nodes the estimator may ask for when a full fine-tune or training run does not fit one node. */
export const MAX_AUTO_NODES = 64;

interface Scored {
  readonly candidate: Candidate;
  readonly misses: readonly { readonly constraint: string; readonly reason: string }[];
}

/**
 * Chooses the instance type for a workload: filters the taxonomy by every requirement, then picks by
 * GPU preference and objective (ties: preference order, then instance name). Pure and deterministic.
 * @throws NoFeasibleInstanceError when nothing satisfies the requirements, InvalidRequirementError on malformed input.
 */
export function selectInstance(requirements: SelectionRequirements): Decision {
  validateRequirements(requirements);
  const taxonomy = requirements.taxonomy ?? DEFAULT_TAXONOMY;
  const resolved = resolve(requirements, taxonomy);
  const objective = requirements.objective ?? resolved.profile.objective;
  // Types outside the GPU scope are rejected from their row alone; candidates are built for the rest.
  // Escalation GPUs count as in scope until the memory check below says whether they are needed.
  const provisional = { ...resolved, escalated: true };
  const scopeMisses = taxonomy.instanceTypes.map((spec) => scopeMiss(spec, provisional));
  // Estimates depend only on how many GPUs share the model: compute each count once per decision.
  const estimates = new Map<number, MemoryEstimate>();
  const candidates: Candidate[] = [];
  taxonomy.instanceTypes.forEach((spec, i) => scopeMisses[i] || candidates.push(toCandidate(spec, resolved, taxonomy, estimates)));

  const memoryFits = candidates.some((c) => resolved.pool.has(c.gpu.name) && missesOf(c, resolved, MEMORY_ONLY).length === 0);
  const final: ResolvedRequirements = { ...resolved, escalated: resolved.escalation.size > 0 && !memoryFits };
  const active = CONSTRAINTS.filter((k) => k.value(final) !== undefined);
  const scored: Scored[] = candidates.map((candidate) => ({ candidate, misses: missesOf(candidate, final, active) }));
  const rejected = rejectionsInTableOrder(taxonomy, scopeMisses, scored);
  const order = decisionOrder(objective);
  const feasible = scored.filter((s) => s.misses.length === 0).map((s) => s.candidate).sort(order);

  if (feasible.length === 0) throw noFeasibleInstance(rejected, final, taxonomy);

  const chosen = feasible[0];
  const purchase = resolved.purchase;
  // The estimator may have grown the run to several nodes: such a cluster cannot be bought on spot.
  if (purchase === "spot" && chosen.nodeCount > 1) throw spotClusterError(chosen.nodeCount);
  const usdPerHour = round4(expectedUsdPerInstanceHour(chosen, purchase) * chosen.nodeCount);
  return {
    ...chosen,
    workload: requirements.workload,
    objective,
    purchase,
    region: resolved.region,
    regionKnown: requirements.region !== undefined,
    usdPerHour,
    usdPerMonth: round2(usdPerHour * HOURS_PER_MONTH),
    maxUsdPerMonth: round2(chosen.onDemandUsdPerHour * HOURS_PER_MONTH),
    reason: explain(chosen, final, objective, scored, order),
    alternatives: feasible.slice(1),
    rejected,
    pricesAsOf: taxonomy.asOf,
    spotPricesAsOf: taxonomy.spotPricesAsOf ?? taxonomy.asOf,
  };
}

/** Scope misses and scored candidates are both in table order (sorted by name): merge them. */
function rejectionsInTableOrder(
  taxonomy: Taxonomy,
  scopeMisses: readonly ({ constraint: string; reason: string } | undefined)[],
  scored: readonly Scored[],
): Rejection[] {
  const rejected: Rejection[] = [];
  let next = 0;
  taxonomy.instanceTypes.forEach((spec, i) => {
    const scope = scopeMisses[i];
    const misses = scope ? [scope] : scored[next++].misses;
    if (misses.length) rejected.push({ instanceType: spec.instanceType, constraint: misses[0].constraint, reason: misses[0].reason, misses });
  });
  return rejected;
}

function resolve(requirements: SelectionRequirements, taxonomy: Taxonomy): ResolvedRequirements {
  const profile = WORKLOAD_PROFILES[requirements.workload];
  if (!profile) {
    throw new InvalidRequirementError("workload", requirements.workload, `use one of ${WORKLOAD_CLASSES.join(", ")}`);
  }
  const pinned = requirements.instanceType === undefined ? undefined : resolveInstanceType(taxonomy, requirements.instanceType);
  if (pinned && (requirements.gpus || requirements.anyOf)) {
    throw new InvalidRequirementError("instanceType", requirements.instanceType, "give either instanceType (one exact type) or gpus/anyOf, not both");
  }
  const named = pinned
    ? [pinned.gpu]
    : [...(requirements.gpus ?? []).map((g) => resolveGpuName(taxonomy, g, "gpus")), ...(requirements.anyOf ?? []).map((g) => resolveGpuName(taxonomy, g, "anyOf"))];
  const pool = new Map<GpuName, number>();
  if (requirements.gpus) named.forEach((g) => pool.has(g) || pool.set(g, pool.size));
  else (requirements.anyOf || pinned ? named : profile.allowedGpus).forEach((g) => pool.set(g, 0));
  const userChoseGpus = Boolean(requirements.gpus || requirements.anyOf || pinned);
  const policyGpus = requirements.allowedGpus && new Set(requirements.allowedGpus.map((g) => resolveGpuName(taxonomy, g, "allowedGpus")));
  const outsidePolicy = policyGpus && named.filter((g) => !policyGpus.has(g));
  if (outsidePolicy?.length) {
    throw new InvalidRequirementError(
      pinned ? "instanceType" : requirements.gpus ? "gpus" : "anyOf",
      pinned ? requirements.instanceType : outsidePolicy,
      `the organization policy allows only ${[...policyGpus!].join(", ")}`,
    );
  }
  return {
    requirements,
    profile,
    pool,
    poolNames: [...pool.keys()].join(", "),
    escalation: new Set(userChoseGpus ? [] : profile.escalationGpus),
    escalated: false,
    named: new Set(named),
    policyGpus,
    // A pinned type keeps only what the user asked for, not the class's defaults.
    gpuCount: pinned ? requirements.gpuCount : (requirements.gpuCount ?? profile.defaultGpuCount),
    minMemoryBandwidthGBps: pinned ? requirements.minMemoryBandwidthGBps : (requirements.minMemoryBandwidthGBps ?? profile.minMemoryBandwidthGBps),
    model: typeof requirements.model === "string" ? resolveModel(taxonomy, requirements.model) : requirements.model,
    pinned,
    purchase: requirements.purchase ?? profile.purchase,
    region: requirements.region ?? REFERENCE_REGION,
  };
}

function toCandidate(spec: InstanceTypeSpec, r: ResolvedRequirements, taxonomy: Taxonomy, estimates: Map<number, MemoryEstimate>): Candidate {
  const gpu = gpuModel(taxonomy, spec.gpu);
  const { nodeCount, memoryEstimate } = sizeForModel(spec, (gpu.usableMemoryMiB / 1024) * (spec.gpuFraction ?? 1), r, estimates);
  const price = instancePrice(spec, r.region);
  // Unpriced types (no public price known) rank last and the "price" constraint rejects them.
  const usdPerInstanceHour = price.usdPerInstanceHour ?? Number.POSITIVE_INFINITY;
  const fraction = spec.gpuFraction ?? 1;
  return {
    instanceType: spec.instanceType,
    spec,
    gpu,
    gpuCount: spec.gpuCount,
    nodeCount,
    gpuFraction: fraction,
    usdPerInstanceHour,
    spotUsdPerInstanceHour: price.spotUsdPerInstanceHour,
    onDemandUsdPerHour: round4(usdPerInstanceHour * nodeCount),
    priceFromReferenceRegion: price.fromReferenceRegion,
    usdPerTflopsHour: usdPerInstanceHour / (spec.gpuCount * fraction * gpu.bf16Tflops),
    preferenceRank: r.pool.get(spec.gpu) ?? (r.escalation.has(spec.gpu) ? r.pool.size : Number.MAX_SAFE_INTEGER),
    memoryEstimate,
  };
}

/**
 * Nodes and estimate for one instance type. Inference and LoRA shard over one node's GPUs; a full
 * fine-tune that does not fit one node grows to the fewest EFA-connected nodes that hold it.
 */
function sizeForModel(
  spec: InstanceTypeSpec,
  usableGiB: number,
  r: ResolvedRequirements,
  estimates: Map<number, MemoryEstimate>,
): { nodeCount: number; memoryEstimate?: MemoryEstimate } {
  const fixedNodes = r.requirements.nodes;
  const model = r.model;
  if (!model) return { nodeCount: fixedNodes ?? 1 };
  const mode: ModelMode = r.requirements.usage?.mode ?? r.profile.modelMode;
  const usage = { ...r.requirements.usage, mode };
  const estimateOn = (nodes: number) => {
    const gpus = gpusSharing(model, spec.gpuCount * nodes);
    let estimate = estimates.get(gpus);
    if (!estimate) estimates.set(gpus, (estimate = estimateMemory(model, usage, gpus)));
    return estimate;
  };
  if (fixedNodes !== undefined) return { nodeCount: fixedNodes, memoryEstimate: estimateOn(fixedNodes) };
  let estimate = estimateOn(1);
  if (mode !== "full" || estimate.perGpuGiB <= usableGiB || spec.efaInterfaces === 0) return { nodeCount: 1, memoryEstimate: estimate };
  for (let nodes = 2; nodes <= MAX_AUTO_NODES; nodes++) {
    estimate = estimateOn(nodes);
    if (estimate.perGpuGiB <= usableGiB) return { nodeCount: nodes, memoryEstimate: estimate };
  }
  return { nodeCount: 1, memoryEstimate: estimateOn(1) };
}

/** A diffusion pipeline runs whole on one GPU; transformers shard across all of them. */
function gpusSharing(model: ModelSpec, gpus: number): number {
  return model.kind === "diffusion" ? 1 : gpus;
}

const MEMORY_ONLY: readonly Constraint[] = CONSTRAINTS.filter((k) => MEMORY_CONSTRAINTS.has(k.name));

/**
 * Every requirement the candidate misses. A candidate outside the GPU pool (a "scope" miss) is out of
 * the running whatever else holds, so its other requirements are not checked.
 */
function missesOf(c: Candidate, r: ResolvedRequirements, applicable: readonly Constraint[]) {
  const misses: { constraint: string; reason: string }[] = [];
  for (const constraint of applicable) {
    const reason = constraint.miss(c, r);
    if (!reason) continue;
    misses.push({ constraint: constraint.name, reason });
    if (constraint.scope) break;
  }
  return misses;
}

function decisionOrder(objective: Objective): (a: Candidate, b: Candidate) => number {
  const metric = (c: Candidate) => (objective === "cost" ? c.onDemandUsdPerHour : c.usdPerTflopsHour);
  return (a, b) =>
    a.preferenceRank - b.preferenceRank ||
    metric(a) - metric(b) ||
    (a.instanceType < b.instanceType ? -1 : a.instanceType > b.instanceType ? 1 : 0);
}

function explain(chosen: Candidate, r: ResolvedRequirements, objective: Objective, scored: readonly Scored[], order: (a: Candidate, b: Candidate) => number): string {
  const nodes = chosen.nodeCount > 1 ? `${chosen.nodeCount} × ` : "";
  const price = chosen.onDemandUsdPerHour.toFixed(chosen.onDemandUsdPerHour < 10 ? 3 : 2);
  const where = !r.requirements.region
    ? " in us-east-1, no region given"
    : chosen.priceFromReferenceRegion
      ? ` in us-east-1: the table has no ${r.region} price`
      : ` in ${r.region}`;
  const what = `${nodes}${chosen.instanceType} (${gpusLabel(chosen.gpuCount, chosen.gpuFraction, chosen.gpu.name)}, $${price}/h on-demand${where})`;
  const how = objective === "cost" ? "the lowest-cost" : "the lowest cost per unit of BF16 compute among";
  const preference = r.requirements.gpus && r.pool.size > 1 ? ` (${chosen.gpu.name} is the first preferred GPU with a feasible instance)` : "";
  const parts = [
    r.pinned
      ? `${what} was pinned by the user (instanceType) and meets every requirement given`
      : `${what} is ${how} feasible ${r.profile.displayName} instance${preference}: ${r.profile.reason}`,
  ];
  const e = chosen.memoryEstimate;
  if (e) {
    parts.push(
      `${e.model} ${e.mode} needs ${e.perGpuGiB} GiB per GPU across ${e.gpuCount} GPU${e.gpuCount > 1 ? "s" : ""}` +
        `${chosen.nodeCount > 1 ? ` on ${chosen.nodeCount} nodes` : ""} of ${((chosen.gpu.usableMemoryMiB / 1024) * chosen.gpuFraction).toFixed(1)} GiB usable`,
    );
  }
  if (r.escalated) parts.push(`no ${[...r.pool.keys()].join(" or ")} instance has enough GPU memory, so ${chosen.gpu.name} was allowed`);
  const region = r.requirements.region;
  if (region) {
    const elsewhere = scored.filter((s) => s.misses.every((m) => m.constraint === "region")).map((s) => s.candidate).sort(order)[0];
    if (elsewhere && elsewhere.instanceType !== chosen.instanceType) {
      parts.push(`${elsewhere.instanceType}, the choice elsewhere, is not offered in ${region}`);
    }
  }
  return parts.join("; ") + ".";
}

function noFeasibleInstance(all: readonly Rejection[], r: ResolvedRequirements, taxonomy: Taxonomy): NoFeasibleInstanceError {
  const specOf = new Map(taxonomy.instanceTypes.map((t) => [t.instanceType, t]));
  // Blame the constraint that alone rules out the most candidates; failing that, the most frequent miss.
  const inPool = all.filter((s) => !s.misses.some((m) => m.constraint === "gpus" || m.constraint === "legacy" || m.constraint === "instanceType"));
  const relevant = inPool.length ? inPool : all;
  const tally = (list: readonly { misses: readonly { constraint: string }[] }[]) => {
    const counts = new Map<string, number>();
    for (const s of list) for (const m of s.misses) counts.set(m.constraint, (counts.get(m.constraint) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || CONSTRAINTS.findIndex((k) => k.name === a[0]) - CONSTRAINTS.findIndex((k) => k.name === b[0]));
  };
  const sole = tally(relevant.filter((s) => s.misses.length === 1));
  const constraintName = (sole[0] ?? tally(relevant)[0])[0];
  const constraint = CONSTRAINTS.find((k) => k.name === constraintName)!;
  const price = (name: string) => specOf.get(name)!.usdPerInstanceHour ?? Number.POSITIVE_INFINITY;
  const nearest = [...relevant]
    .sort((a, b) => a.misses.length - b.misses.length || price(a.instanceType) - price(b.instanceType) || (a.instanceType < b.instanceType ? -1 : 1))
    .slice(0, 3)
    .map((s) => ({ instanceType: s.instanceType, misses: s.misses.map((m) => m.reason) }));
  let hint: string | undefined;
  const region = r.requirements.region;
  if (constraintName === "region" && region) {
    const offering = new Set(relevant.filter((s) => s.misses.every((m) => m.constraint === "region")).flatMap((s) => specOf.get(s.instanceType)!.regions));
    if (offering.size) hint = `Regions that offer a suitable type, nearest first: ${regionsNearestFirst(region, [...offering]).join(", ")}.`;
  }
  return new NoFeasibleInstanceError(constraintName, constraint.value(r), nearest, hint);
}

/** What one instance is expected to cost bought this way: the spot estimate on spot where known, else on-demand. */
export function expectedUsdPerInstanceHour(c: Pick<Candidate, "usdPerInstanceHour" | "spotUsdPerInstanceHour">, purchase: PurchaseOption): number {
  return purchase === "spot" && c.spotUsdPerInstanceHour !== null ? c.spotUsdPerInstanceHour : c.usdPerInstanceHour;
}
