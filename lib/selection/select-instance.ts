import { GpuName } from "../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../taxonomy/instance-type";
import { regionsNearestFirst } from "../taxonomy/regions";
import { DEFAULT_TAXONOMY, Taxonomy, gpuModel } from "../taxonomy/taxonomy";
import { WORKLOAD_CLASSES } from "../taxonomy/workload-class";
import { WORKLOAD_PROFILES } from "../taxonomy/workload-profiles";
import { Objective, PurchaseOption } from "../taxonomy/workload-profile";
import { REFERENCE_REGION, instancePrice, rowPriceRegion } from "../taxonomy/pricing";
import { gpusLabel, usableMemoryGiB } from "../taxonomy/gpu-share";
import { HOURS_PER_MONTH, round2, round4 } from "../plan/money";
import { CONSTRAINTS, Constraint, MEMORY_CONSTRAINTS, ResolvedRequirements, scopeMiss, scopeMissed } from "./constraints";
import { Candidate, Decision, JobRun, Rejection } from "./decision";
import { InvalidRequirementError, NoFeasibleInstanceError } from "../validation/errors";
import { DEFAULT_MIN_CLUSTER_NETWORK_GBPS } from "./estimate/interconnect";
import { fleetAtLoad } from "./estimate/throughput";
import { JobEstimate, jobAt } from "./estimate/training-time";
import { GpuModel } from "../taxonomy/gpu-model";
import { MAX_AUTO_NODES, SizingStore, sizeOnNodes, sizeType, sizingKey, sizingStore } from "./size-type";
import { resolveGpuName, resolveInstanceType, resolveModel } from "./resolve-names";
import { SelectionRequirements } from "./requirements";
import { spotClusterError, validateRequirements } from "./validate-requirements";

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
  return choose(requirements) as unknown as Decision;
}

function choose(requirements: SelectionRequirements): SelectedInstance {
  validateRequirements(requirements);
  const taxonomy = requirements.taxonomy ?? DEFAULT_TAXONOMY;
  const resolved = resolve(requirements, taxonomy);
  const objective =
    requirements.objective ?? (requirements.trainingTokens !== undefined ? "job-cost" : requirements.throughput !== undefined ? "throughput-cost" : resolved.profile.objective);
  // Types outside the GPU scope are rejected from their row alone; candidates are built for the rest.
  // Escalation GPUs count as in scope until the memory check below says whether they are needed.
  const provisional = { ...resolved, escalated: true };
  const outOfScope = taxonomy.instanceTypes.map((spec) => scopeMissed(spec, provisional) !== undefined);

  // Sizing depends on the model, the usage and the type, not on the work's size or the price: a catalog model's is
  // kept across decisions (the default taxonomy's data never changes), anything else's within this decision.
  const shared = taxonomy === DEFAULT_TAXONOMY && typeof requirements.model === "string" ? resolved.model?.name : undefined;
  const store = sizingStore(shared, sizingKey(resolved));
  const candidates: Candidate[] = [];
  taxonomy.instanceTypes.forEach((spec, i) => outOfScope[i] || candidates.push(toCandidate(spec, resolved, taxonomy, store)));

  const escalated = resolved.escalation.size > 0 && !candidates.some((c) => resolved.pool.has(c.gpu.name) && meetsAll(c, resolved, MEMORY_ONLY));
  const final: ResolvedRequirements = { ...resolved, escalated };
  const active = CONSTRAINTS.filter((k) => k.value(final) !== undefined);
  // Feasibility stops at the first miss; the words of every miss are written only when asked for (rejected, errors).
  const feasibleSet = new Set(candidates.filter((c) => meetsAll(c, final, active)));
  let scoredCache: Scored[] | undefined;
  const scored = () => (scoredCache ??= candidates.map((candidate) => ({ candidate, misses: feasibleSet.has(candidate) ? [] : missesOf(candidate, final, active) })));
  const order = decisionOrder(objective);
  const feasible = [...feasibleSet].sort(order);

  if (feasible.length === 0) throw noFeasibleInstance(rejectionsInTableOrder(taxonomy, outOfScope, provisional, scored()), final, taxonomy, candidates);

  const chosen = feasible[0];
  const purchase = resolved.purchase;
  // The estimator may have grown the run to several nodes: such a cluster cannot be bought on spot.
  if (purchase === "spot" && chosen.nodeCount > 1) throw spotClusterError(chosen.nodeCount);
  // Months from the unrounded hour: rounding a total to four decimals first could lose cents a month.
  const instances = chosen.nodeCount * chosen.replicas;
  const hourly = expectedUsdPerInstanceHour(chosen, purchase) * instances;
  // The run at the expected price: the on-demand cost per job scaled by the price actually paid (spot for spot).
  const run = chosen.job && jobRun(chosen.job.hours, (chosen.job.usdPerJob * hourly) / chosen.onDemandUsdPerHour, requirements.runsPerMonth);
  // Copied in by Object.assign, not spread into a literal: a spread of this many fields took half a decision's time.
  return new SelectedInstance(chosen, {
    workload: requirements.workload,
    objective,
    purchase,
    region: resolved.region,
    regionKnown: requirements.region !== undefined,
    usdPerHour: round4(hourly),
    usdPerMonth: round2(run ? (run.usdPerRun / run.hoursPerRun) * monthHours(run) : hourly * HOURS_PER_MONTH),
    run,
    maxUsdPerMonth: round2(chosen.usdPerInstanceHour * instances * HOURS_PER_MONTH),
    reason: explain(chosen, final, objective, elsewhereIn(candidates, feasibleSet, final, active, order), usualCard(chosen, feasible, final)),
    alternatives: feasible.slice(1),
    pricesAsOf: taxonomy.asOf,
    spotPricesAsOf: taxonomy.spotPricesAsOf ?? taxonomy.asOf,
  }, () => rejectionsInTableOrder(taxonomy, outOfScope, provisional, scored()));
}

/** A job's runs, each costing `usdPerRun`. Runs given must fit in a month. */
export function jobRun(hoursPerRun: number, usdPerRun: number, runsPerMonth: number | undefined): JobRun {
  if (runsPerMonth !== undefined && hoursPerRun * runsPerMonth > HOURS_PER_MONTH) {
    throw new InvalidRequirementError(
      "runsPerMonth",
      runsPerMonth,
      `${runsPerMonth} runs of ${hoursPerRun} h take ${round2(hoursPerRun * runsPerMonth)} h, more than a month's ${HOURS_PER_MONTH}: give at most ${Math.floor(HOURS_PER_MONTH / hoursPerRun) || "less than one"} runs, or a deadline (maxHours) that shortens them`,
    );
  }
  return { hoursPerRun, usdPerRun: round2(usdPerRun), runsPerMonth: runsPerMonth ?? 1 };
}

/** Hours a month a job's instances run: its runs, at most the month (a run longer than a month bills all of it). */
export function monthHours(run: JobRun): number {
  return Math.min(HOURS_PER_MONTH, run.hoursPerRun * run.runsPerMonth);
}

/**
 * A decision whose rejections (every other type and the words of each miss) are written on first read: most callers
 * never read them, and writing them was most of a decision's cost. They are in its JSON like any other field.
 */
class SelectedInstance {
  readonly #rejections: () => readonly Rejection[];
  #rejected?: readonly Rejection[];

  constructor(chosen: Candidate, fields: Omit<Decision, "rejected" | keyof Candidate>, rejections: () => readonly Rejection[]) {
    Object.assign(this, chosen, fields);
    this.#rejections = rejections;
  }

  get rejected(): readonly Rejection[] {
    return (this.#rejected ??= this.#rejections());
  }

  toJSON(): Decision {
    return { ...(this as unknown as Decision), rejected: this.rejected };
  }
}

/** True when the candidate meets every constraint: stops at the first miss. */
function meetsAll(c: Candidate, r: ResolvedRequirements, applicable: readonly Constraint[]): boolean {
  for (const constraint of applicable) if (constraint.fails ? constraint.fails(c, r) : constraint.miss(c, r)) return false;
  return true;
}

/** With a region given: the best candidate ignoring the region, if it is not offered there (the reason names it). */
function elsewhereIn(
  candidates: readonly Candidate[],
  feasible: ReadonlySet<Candidate>,
  r: ResolvedRequirements,
  active: readonly Constraint[],
  order: (a: Candidate, b: Candidate) => number,
): Candidate | undefined {
  if (!r.requirements.region) return undefined;
  const region = active.find((k) => k.name === "region")!;
  const others = active.filter((k) => k !== region);
  const best = candidates.filter((c) => feasible.has(c) || (region.miss(c, r) && meetsAll(c, r, others))).sort(order)[0];
  return best && !feasible.has(best) ? best : undefined;
}

/** Scope misses and scored candidates are both in table order (sorted by name): merge them. */
function rejectionsInTableOrder(taxonomy: Taxonomy, outOfScope: readonly boolean[], provisional: ResolvedRequirements, scored: readonly Scored[]): Rejection[] {
  const rejected: Rejection[] = [];
  let next = 0;
  taxonomy.instanceTypes.forEach((spec, i) => {
    const misses = outOfScope[i] ? [scopeMiss(spec, provisional)!] : scored[next++].misses;
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
  const userChoseGpus = Boolean(requirements.gpus || requirements.anyOf || pinned);
  const mode = requirements.usage?.mode ?? profile.modelMode;
  // A model and its work: every GPU competes on cost per unit of work; the class's list is its usual card, not a wall.
  const byWork = !userChoseGpus && requirements.model !== undefined && (mode === "inference" ? requirements.throughput : requirements.trainingTokens) !== undefined;
  const pool = new Map<GpuName, number>();
  if (requirements.gpus) named.forEach((g) => pool.has(g) || pool.set(g, pool.size));
  else (requirements.anyOf || pinned ? named : byWork ? taxonomy.gpus.map((g) => g.name) : profile.allowedGpus).forEach((g) => pool.set(g, 0));
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
    escalation: new Set(userChoseGpus || byWork ? [] : profile.escalationGpus),
    byWork,
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
    mode,
    precision: requirements.model === undefined ? undefined : (requirements.usage?.precision ?? "bf16"),
    throughput: requirements.throughput,
    trainingTokens: requirements.trainingTokens,
    maxHours: requirements.maxHours,
    minClusterNetworkGbps: requirements.minClusterNetworkGbps ?? (mode === "inference" ? undefined : DEFAULT_MIN_CLUSTER_NETWORK_GBPS),
  };
}

function toCandidate(spec: InstanceTypeSpec, r: ResolvedRequirements, taxonomy: Taxonomy, store: SizingStore): Candidate {
  const gpu = gpuModel(taxonomy, spec.gpu);
  const fraction = spec.gpuFraction ?? 1;
  const sized = sizeType(spec, gpu, r, store);
  let { nodeCount, memoryEstimate } = sized;
  const price = instancePrice(spec, r.region);
  // Unpriced types (no public price known) rank last and the "price" constraint rejects them.
  const usdPerInstanceHour = price.usdPerInstanceHour ?? Number.POSITIVE_INFINITY;
  const expectedHourly = expectedUsdPerInstanceHour({ usdPerInstanceHour, spotUsdPerInstanceHour: price.spotUsdPerInstanceHour }, r.purchase);
  const throughput = sized.replica && fleetAtLoad(sized.replica, r.throughput, expectedHourly);
  let job: JobEstimate | undefined;
  if (sized.job) {
    const tokens = r.trainingTokens!;
    job = jobAt(sized.job, tokens, round4(usdPerInstanceHour * nodeCount));
    // A deadline: a type that can join a cluster grows to the fewest nodes that finish in time.
    if (r.maxHours !== undefined && job.hours > r.maxHours && r.requirements.nodes === undefined && canJoinCluster(spec, r)) {
      const nodes = nodesForDeadline(spec, gpu, r, store, nodeCount, r.maxHours);
      const grown = sizeOnNodes(spec, gpu, r, store, nodes);
      [nodeCount, memoryEstimate, job] = [nodes, grown.memoryEstimate, jobAt(grown.job, tokens, round4(usdPerInstanceHour * nodes))];
    }
  }
  const nodesUsdPerHour = usdPerInstanceHour * nodeCount;
  // A run sharded over several GPUs of one instance is slow over PCIe: NVLink/NVSwitch types rank first, unless USD per job decides.
  const sharded = r.mode !== "inference" && (memoryEstimate?.gpuCount ?? 1) > 1 && r.trainingTokens === undefined;
  return {
    instanceType: spec.instanceType,
    spec,
    gpu,
    gpuCount: spec.gpuCount,
    nodeCount,
    gpuFraction: fraction,
    usdPerInstanceHour,
    spotUsdPerInstanceHour: price.spotUsdPerInstanceHour,
    // The whole fleet: every node, and every replica a throughput target needs.
    onDemandUsdPerHour: round4(nodesUsdPerHour * (throughput?.replicas ?? 1)),
    replicas: throughput?.replicas ?? 1,
    priceFromReferenceRegion: price.fromReferenceRegion,
    usdPerTflopsHour: usdPerInstanceHour / (spec.gpuCount * fraction * gpu.bf16Tflops),
    preferenceRank: r.pool.get(spec.gpu) ?? (r.escalation.has(spec.gpu) ? r.pool.size : Number.MAX_SAFE_INTEGER),
    // Every field always present (undefined when absent): one object shape keeps the scan's property reads fast.
    memoryEstimate,
    precision: sized.precision,
    throughput,
    throughputShortfall: sized.throughputShortfall,
    job,
    interconnectRank: sharded && spec.gpuCount > 1 && spec.gpuInterconnect === "PCIe" ? 1 : 0,
    layoutMiss: sized.layoutMiss,
  };
}

/**
 * The fewest nodes (more than `fewest`) that finish a run by the deadline, at most MAX_AUTO_NODES. From two nodes up
 * the MFU no longer changes with the count, so the steps' time falls as 1/nodes: the count follows from two nodes' speed.
 */
function nodesForDeadline(spec: InstanceTypeSpec, gpu: GpuModel, r: ResolvedRequirements, store: SizingStore, fewest: number, maxHours: number): number {
  const two = sizeOnNodes(spec, gpu, r, store, 2).job;
  const stepSeconds = maxHours * 3600 - two.startSeconds;
  if (stepSeconds <= 0) return MAX_AUTO_NODES;
  const needed = Math.ceil((2 * two.secondsPerToken * r.trainingTokens!) / stepSeconds - 1e-9);
  return Math.min(MAX_AUTO_NODES, Math.max(fewest + 1, 2, needed));
}

/** Nodes of this type may be joined into one run: EFA at the bandwidth a multi-node run needs. */
function canJoinCluster(spec: InstanceTypeSpec, r: ResolvedRequirements): boolean {
  return spec.efaInterfaces > 0 && spec.networkGbps >= (r.minClusterNetworkGbps ?? 0);
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
  const metric = METRICS[objective];
  const tie = (c: Candidate) => (objective === "job-cost" ? (c.job?.hours ?? Number.POSITIVE_INFINITY) : 0);
  return (a, b) =>
    a.preferenceRank - b.preferenceRank ||
    a.interconnectRank - b.interconnectRank ||
    metric(a) - metric(b) ||
    tie(a) - tie(b) ||
    (a.instanceType < b.instanceType ? -1 : a.instanceType > b.instanceType ? 1 : 0);
}

/** What each objective minimizes. */
const METRICS: Readonly<Record<Objective, (c: Candidate) => number>> = {
  cost: (c) => c.onDemandUsdPerHour,
  "compute-cost": (c) => c.usdPerTflopsHour,
  "job-cost": (c) => c.job?.usdPerJob ?? Number.POSITIVE_INFINITY,
  "throughput-cost": (c) => (c.throughput ? c.onDemandUsdPerHour : Number.POSITIVE_INFINITY),
};

/**
 * Ranked by work, a choice outside the class's usual GPUs is compared with the best usual one (null: none was
 * feasible); undefined when there is nothing to compare.
 */
function usualCard(chosen: Candidate, feasible: readonly Candidate[], r: ResolvedRequirements): Candidate | null | undefined {
  const usual = r.profile.allowedGpus;
  if (!r.byWork || usual.includes(chosen.gpu.name)) return undefined;
  return feasible.find((c) => usual.includes(c.gpu.name)) ?? null;
}

/** Why a choice outside the class's usual GPUs beats them, in the objective's measure. */
function beatsUsual(chosen: Candidate, usual: Candidate | null, r: ResolvedRequirements, objective: Objective): string {
  const cards = r.profile.allowedGpus.join(", ");
  const head = `${chosen.gpu.name} is outside ${r.profile.displayName}'s usual GPUs (${cards}), which were ranked with it by the work`;
  if (usual === null) return `${head}: none of them meets the requirements`;
  const type = `${usual.nodeCount * usual.replicas > 1 ? `${usual.nodeCount * usual.replicas} × ` : ""}${usual.instanceType}`;
  if (objective === "job-cost") return `${head}: $${chosen.job!.usdPerJob.toFixed(2)} per run against $${usual.job!.usdPerJob.toFixed(2)} on ${type}, the best of them`;
  return `${head}: $${chosen.onDemandUsdPerHour.toFixed(2)}/h on-demand for the fleet against $${usual.onDemandUsdPerHour.toFixed(2)}/h on ${type}, the best of them`;
}

function explain(chosen: Candidate, r: ResolvedRequirements, objective: Objective, elsewhere: Candidate | undefined, usual: Candidate | null | undefined): string {
  const nodes = chosen.nodeCount > 1 ? `${chosen.nodeCount} × ` : "";
  const nodesHourly = chosen.usdPerInstanceHour * chosen.nodeCount;
  const price = nodesHourly.toFixed(nodesHourly < 10 ? 3 : 2);
  // A type not sold in us-east-1 is quoted at its own price region's price (p6-b300: us-west-2's).
  const pricedIn = chosen.priceFromReferenceRegion ? rowPriceRegion(chosen.spec) : r.region;
  const where = !r.requirements.region
    ? ` in ${pricedIn}, no region given`
    : chosen.priceFromReferenceRegion
      ? ` in ${pricedIn}: the table has no ${r.region} price`
      : ` in ${r.region}`;
  const what = `${nodes}${chosen.instanceType} (${gpusLabel(chosen.gpuCount, chosen.gpuFraction, chosen.gpu.name)}, $${price}/h on-demand${where})`;
  const how = HOW[objective](r.profile.displayName);
  const preference = r.requirements.gpus && r.pool.size > 1 ? ` (${chosen.gpu.name} is the first preferred GPU with a feasible instance)` : "";
  const parts = [
    r.pinned
      ? `${what} was pinned by the user (instanceType) and meets every requirement given`
      : `${what} is ${how}${preference}: ${r.profile.reason}`,
  ];
  const e = chosen.memoryEstimate;
  if (e) {
    parts.push(
      `${e.model} ${e.mode} needs ${e.perGpuGiB} GiB per GPU across ${e.gpuCount} GPU${e.gpuCount > 1 ? "s" : ""}` +
        `${chosen.nodeCount > 1 ? ` on ${chosen.nodeCount} nodes` : ""} of ${usableMemoryGiB(chosen.gpu, chosen.gpuFraction).toFixed(1)} GiB usable` +
        (r.model?.kind === "llm" && e.mode === "inference" && e.gpuCount < chosen.gpuCount
          ? ` (${chosen.gpuCount / e.gpuCount} copies per instance: vLLM's tensor-parallel size must divide ${e.model}'s ${r.model.attentionHeads} attention heads)`
          : ""),
    );
  }
  if (chosen.precision && chosen.precision.support !== "native") parts.push(chosen.precision.note);
  if (r.mode !== "inference" && (chosen.memoryEstimate?.gpuCount ?? 1) > chosen.nodeCount && chosen.spec.gpuInterconnect === "PCIe") {
    parts.push(
      chosen.interconnectRank > 0
        ? `its ${chosen.gpuCount} GPUs share PCIe: no NVLink/NVSwitch type met the requirements, and sharded training over PCIe runs at about half the speed`
        : `its ${chosen.gpuCount} GPUs share PCIe, which halves sharded training's speed; the cost per run counts it`,
    );
  }
  const t = chosen.throughput;
  if (t) {
    parts.push(
      `${t.outputTokensPerSecondPerReplica} output tokens/s per replica (${t.sequencesPerReplica} sequence${t.sequencesPerReplica === 1 ? "" : "s"}, ${t.outputTokensPerSecondPerStream} tokens/s each, bound by ${t.boundBy})` +
        `${r.throughput ? `, ${t.replicas} replica${t.replicas > 1 ? "s" : ""} for ${r.throughput.outputTokensPerSecond} tokens/s ($${chosen.onDemandUsdPerHour.toFixed(2)}/h on-demand for the fleet)` : ""}, $${t.usdPerMillionOutputTokens} per million output tokens`,
    );
  }
  const j = chosen.job;
  if (j) {
    const deadline = r.maxHours === undefined ? "" : `, within the ${r.maxHours} h deadline${chosen.nodeCount > 1 && r.requirements.nodes === undefined ? ` on ${chosen.nodeCount} nodes` : ""}`;
    parts.push(`${j.trainingTokens.toExponential(2)} training tokens take ≈ ${j.hours} h at ${Math.round(j.mfu * 100)}% MFU${deadline}: $${j.usdPerJob.toFixed(2)} per run`);
  }
  if (usual !== undefined) parts.push(beatsUsual(chosen, usual, r, objective));
  if (r.escalated) parts.push(`no ${[...r.pool.keys()].join(" or ")} instance has enough GPU memory, so ${chosen.gpu.name} was allowed`);
  if (elsewhere) parts.push(`${elsewhere.instanceType}, the choice elsewhere, is not offered in ${r.requirements.region}`);
  return parts.join("; ") + ".";
}

/** How the reason names what the objective minimized. */
const HOW: Readonly<Record<Objective, (workload: string) => string>> = {
  cost: (w) => `the lowest-cost feasible ${w} instance`,
  "compute-cost": (w) => `the feasible ${w} instance with the lowest cost per unit of BF16 compute`,
  "job-cost": (w) => `the feasible ${w} instance with the lowest cost per run`,
  "throughput-cost": (w) => `the feasible ${w} instance whose fleet for the throughput costs least`,
};

/** Constraints on how a type is built rather than how big it is: the ones to name when a right-sized type misses only them. */
const BLAMED_FIRST: ReadonlySet<string> = new Set(["interconnect", "minClusterNetworkGbps", "precision", "throughput"]);
/**
 * What the model needs is not a limit anyone set: it is named only when no type misses a limit alone. The 405B model
 * under a $10/h ceiling fails on the ceiling (p5en holds it), not on the model.
 */
const BLAMED_LAST: ReadonlySet<string> = new Set(["model"]);

function noFeasibleInstance(all: readonly Rejection[], r: ResolvedRequirements, taxonomy: Taxonomy, candidates: readonly Candidate[]): NoFeasibleInstanceError {
  const specOf = new Map(taxonomy.instanceTypes.map((t) => [t.instanceType, t]));
  // Blame the constraint that alone rules out the most candidates; failing that, the most frequent miss.
  const inPool = all.filter((s) => !s.misses.some((m) => m.constraint === "gpus" || m.constraint === "legacy" || m.constraint === "instanceType"));
  const relevant = inPool.length ? inPool : all;
  const tally = (list: readonly { misses: readonly { constraint: string }[] }[]) => {
    const counts = new Map<string, number>();
    for (const s of list) for (const m of s.misses) counts.set(m.constraint, (counts.get(m.constraint) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || CONSTRAINTS.findIndex((k) => k.name === a[0]) - CONSTRAINTS.findIndex((k) => k.name === b[0]));
  };
  // A type that is right in every way but its links or its precision is the nearest miss: those are blamed before sizes.
  const rank = (name: string) => (BLAMED_FIRST.has(name) ? 0 : BLAMED_LAST.has(name) ? 2 : 1);
  const sole = tally(relevant.filter((s) => s.misses.length === 1)).sort((a, b) => rank(a[0]) - rank(b[0]));
  const constraintName = (sole[0] ?? tally(relevant)[0])[0];
  const constraint = CONSTRAINTS.find((k) => k.name === constraintName)!;
  const price = (name: string) => specOf.get(name)!.usdPerInstanceHour ?? Number.POSITIVE_INFINITY;
  const blamed = (s: Rejection) => (s.misses.some((m) => m.constraint === constraintName) ? 0 : 1);
  const nearest = [...relevant]
    .sort((a, b) => a.misses.length - b.misses.length || blamed(a) - blamed(b) || price(a.instanceType) - price(b.instanceType) || (a.instanceType < b.instanceType ? -1 : 1))
    .slice(0, 3)
    .map((s) => ({ instanceType: s.instanceType, misses: s.misses.map((m) => m.reason) }));
  let hint: string | undefined;
  const region = r.requirements.region;
  if (constraintName === "region" && region) {
    const offering = new Set(relevant.filter((s) => s.misses.every((m) => m.constraint === "region")).flatMap((s) => specOf.get(s.instanceType)!.regions));
    if (offering.size) hint = `Regions that offer a suitable type, nearest first: ${regionsNearestFirst(region, [...offering]).join(", ")}.`;
  } else {
    hint = cheapestFix(relevant, constraintName, candidates);
  }
  return new NoFeasibleInstanceError(constraintName, constraint.value(r), nearest, hint);
}

/**
 * What satisfying the rest would take: the cheapest type that misses only the blamed constraint, or, for a deadline,
 * the fastest plan (a cheaper one would be slower still).
 */
function cheapestFix(rejections: readonly Rejection[], constraint: string, candidates: readonly Candidate[]): string | undefined {
  const only = new Set(rejections.filter((s) => s.misses.length === 1 && s.misses[0].constraint === constraint).map((s) => s.instanceType));
  const deadline = constraint === "maxHours";
  const measure = (c: Candidate) => (deadline ? c.job!.hours : c.onDemandUsdPerHour);
  const best = candidates.filter((c) => only.has(c.instanceType)).sort((a, b) => measure(a) - measure(b) || (a.instanceType < b.instanceType ? -1 : 1))[0];
  if (!best) return undefined;
  const instances = best.nodeCount * best.replicas;
  const what = `${instances > 1 ? `${instances} × ` : ""}${best.instanceType} (${gpusLabel(best.gpuCount, best.gpuFraction, best.gpu.name)}), $${best.onDemandUsdPerHour.toFixed(2)}/h on-demand`;
  if (deadline) return `The fastest plan that meets every other requirement takes ${best.job!.hours} h: ${what}.`;
  const miss = rejections.find((s) => s.instanceType === best.instanceType)!.misses[0].reason;
  return `The cheapest type that meets every other requirement: ${what}; it misses only this one: ${miss}.`;
}

/** What one instance is expected to cost bought this way: the spot estimate on spot where known, else on-demand. */
export function expectedUsdPerInstanceHour(c: Pick<Candidate, "usdPerInstanceHour" | "spotUsdPerInstanceHour">, purchase: PurchaseOption): number {
  return purchase === "spot" && c.spotUsdPerInstanceHour !== null ? c.spotUsdPerInstanceHour : c.usdPerInstanceHour;
}
