import { GpuModel } from "../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../taxonomy/instance-type";
import { InstancePrice, instancePrice } from "../taxonomy/pricing";
import { DEFAULT_TAXONOMY, Taxonomy, gpuModel } from "../taxonomy/taxonomy";
import { Objective, PurchaseOption } from "../taxonomy/workload-profile";
import { round4 } from "../plan/money";
import { CONSTRAINTS, Constraint, MEMORY_CONSTRAINTS, ResolvedRequirements, scopeMissed } from "./constraints";
import { Candidate } from "./decision";
import { MemoryEstimate } from "./memory-estimate";
import { fleetAtLoad, replicasFor } from "./estimate/throughput";
import { JobEstimate, jobAt } from "./estimate/training-time";
import { EmbeddingThroughput, embeddingFleet } from "./estimate/embedding-throughput";
import { DiffusionThroughput, diffusionFleet } from "./estimate/diffusion-throughput";
import { resolveRequirements } from "./resolve-requirements";
import { REQUIREMENT_ROLES, SelectionRequirements } from "./requirements";
import { MAX_AUTO_NODES, SizingStore, TypeSizing, sizeOnNodes, sizeType, sizingKey, sizingStore } from "./size-type";

/** What the work's size decides among the requirements: the rest are judged once per prepared scan. */
export const WORK_CONSTRAINTS: ReadonlySet<string> = new Set(["maxUsdPerHour", "maxHours"]);

/**
 * One in-scope instance type as the requirements without the work's size see it: its sizing and prices, and whether it
 * meets every requirement the work's size does not decide.
 */
export interface TypeCore {
  readonly spec: InstanceTypeSpec;
  readonly gpu: GpuModel;
  readonly sized: TypeSizing;
  readonly price: InstancePrice;
  /** On-demand, Infinity where no price is known (never chosen). */
  readonly usdPerInstanceHour: number;
  /** What one instance is expected to cost bought the decision's way. */
  readonly expectedHourly: number;
  readonly preferenceRank: number;
  readonly interconnectRank: number;
  readonly usdPerTflopsHour: number;
  /** Meets every requirement that the work's size (maxUsdPerHour, maxHours) does not decide. */
  readonly meetsStatic: boolean;
  /** Among those, misses only the region: a candidate for "the choice elsewhere". */
  readonly onlyRegion: boolean;
  /** A deadline may add nodes: judged whole, as a candidate, in every decision. */
  readonly mayGrow: boolean;
}

/**
 * The part of a decision that does not depend on the work's size (a throughput target's tokens per second, training
 * tokens, a deadline's hours, a price ceiling): the types in scope, each one's sizing and prices and static verdict.
 * For a catalog model (or none) under the default taxonomy it is kept across decisions, keyed by the requirements
 * without those amounts: a platform's many workloads, or an API's many requests, differ mostly in them.
 */
export interface PreparedScan {
  /** Resolved, escalation decided; its amounts are those of the request that prepared it (see withAmounts). */
  readonly resolved: ResolvedRequirements;
  /** Resolved with every escalation GPU in scope: what scope misses are told against. */
  readonly provisional: ResolvedRequirements;
  readonly objective: Objective;
  readonly outOfScope: readonly boolean[];
  /** The in-scope types, in table order. */
  readonly cores: readonly TypeCore[];
  /** Every constraint that applies, in order. */
  readonly active: readonly Constraint[];
  readonly store: SizingStore;
  readonly taxonomy: Taxonomy;
}

const PREPARED = new Map<string, PreparedScan>();
/** The kept scans are emptied when there are more than this many: memory stays bounded in a long-running process. */
const MAX_PREPARED = 1_000;

/** The prepared scan for these requirements: kept across decisions where the data cannot change, else built. */
export function preparedScan(requirements: SelectionRequirements, taxonomy: Taxonomy): PreparedScan {
  const shareable = taxonomy === DEFAULT_TAXONOMY && (requirements.model === undefined || typeof requirements.model === "string");
  if (!shareable) return prepare(requirements, taxonomy);
  const key = staticKey(requirements);
  if (key === undefined) return prepare(requirements, taxonomy);
  let scan = PREPARED.get(key);
  if (!scan) {
    if (PREPARED.size >= MAX_PREPARED) PREPARED.clear();
    PREPARED.set(key, (scan = prepare(requirements, taxonomy)));
  }
  return scan;
}

/**
 * Every requirement but the work's amounts, and whether each amount is given (that changes what is sized and judged);
 * undefined for what JSON cannot spell (a BigInt among unchecked extras): such a request is prepared on its own.
 */
function staticKey(q: SelectionRequirements): string | undefined {
  try {
    return stringifyStatic(q);
  } catch {
    return undefined;
  }
}

/** Requirements whose amount a decision applies to a prepared scan: the key holds only whether each is given. */
const AMOUNTS: ReadonlySet<string> = new Set(["inputTokensPerSecond", "imagesPerMinute", "trainingTokens", "maxHours", "runsPerMonth", "maxUsdPerHour"]);

/** Every requirement selection reads (REQUIREMENT_ROLES), so one added there is in the key too; the taxonomy is decided by the caller. */
function stringifyStatic(q: SelectionRequirements): string {
  const given = q as unknown as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(REQUIREMENT_ROLES).map((key) =>
      key === "taxonomy"
        ? null
        : key === "throughput"
          ? q.throughput && { floor: q.throughput.minTokensPerSecondPerStream ?? null }
          : AMOUNTS.has(key)
            ? given[key] !== undefined
            : given[key],
    ),
  );
}

function prepare(requirements: SelectionRequirements, taxonomy: Taxonomy): PreparedScan {
  const resolved = resolveRequirements(requirements, taxonomy);
  const objective =
    requirements.objective ??
    (requirements.trainingTokens !== undefined
      ? "job-cost"
      : requirements.throughput !== undefined || requirements.inputTokensPerSecond !== undefined || requirements.imagesPerMinute !== undefined
        ? "throughput-cost"
        : resolved.profile.objective);
  // Types outside the GPU scope are rejected from their row alone; the rest are sized. Escalation GPUs count as in
  // scope until the memory check below says whether they are needed.
  const provisional = { ...resolved, escalated: true };
  const outOfScope = taxonomy.instanceTypes.map((spec) => scopeMissed(spec, provisional) !== undefined);
  // Sizing depends on the model, the usage and the type: a catalog model's is kept across decisions, anything else's here.
  const shared = taxonomy === DEFAULT_TAXONOMY && typeof requirements.model === "string" ? resolved.model?.name : undefined;
  const store = sizingStore(shared, sizingKey(resolved));
  const partial = taxonomy.instanceTypes.flatMap((spec, i) => (outOfScope[i] ? [] : [coreOf(spec, resolved, taxonomy, store)]));
  const inPoolFits = (c: Candidate) => resolved.pool.has(c.gpu.name) && meetsAll(c, resolved, MEMORY_ONLY);
  const escalated = resolved.escalation.size > 0 && !partial.some((core) => inPoolFits(staticCandidate(core, resolved)));
  const final: ResolvedRequirements = { ...resolved, escalated };
  const active = CONSTRAINTS.filter((k) => k.value(final) !== undefined);
  const fixed = active.filter((k) => !WORK_CONSTRAINTS.has(k.name));
  const withoutRegion = fixed.filter((k) => k.name !== "region");
  const cores = partial.map((core): TypeCore => {
    const c = staticCandidate(core, final);
    const meetsStatic = meetsAll(c, final, fixed);
    // Written out, not spread: a spread object of this many fields is slow to read in the decisions' hot loop.
    return {
      spec: core.spec,
      gpu: core.gpu,
      sized: core.sized,
      price: core.price,
      usdPerInstanceHour: core.usdPerInstanceHour,
      expectedHourly: core.expectedHourly,
      preferenceRank: core.preferenceRank,
      interconnectRank: core.interconnectRank,
      usdPerTflopsHour: core.usdPerTflopsHour,
      mayGrow: core.mayGrow,
      meetsStatic,
      onlyRegion: !meetsStatic && final.requirements.region !== undefined && meetsAll(c, final, withoutRegion),
    };
  });
  return { resolved: final, provisional, objective, outOfScope, cores, active, store, taxonomy };
}

function coreOf(spec: InstanceTypeSpec, r: ResolvedRequirements, taxonomy: Taxonomy, store: SizingStore): Omit<TypeCore, "meetsStatic" | "onlyRegion"> {
  const gpu = gpuModel(taxonomy, spec.gpu);
  const fraction = spec.gpuFraction ?? 1;
  const sized = sizeType(spec, gpu, r, store);
  const price = instancePrice(spec, r.region);
  // Unpriced types (no public price known) rank last and the "price" constraint rejects them.
  const usdPerInstanceHour = price.usdPerInstanceHour ?? Number.POSITIVE_INFINITY;
  // A run sharded over several GPUs of one instance is slow over PCIe: NVLink/NVSwitch types rank first, unless USD per job decides.
  const sharded = r.mode !== "inference" && (sized.memoryEstimate?.gpuCount ?? 1) > 1 && r.trainingTokens === undefined;
  return {
    spec,
    gpu,
    sized,
    price,
    usdPerInstanceHour,
    expectedHourly: expectedUsdPerInstanceHour({ usdPerInstanceHour, spotUsdPerInstanceHour: price.spotUsdPerInstanceHour }, r.purchase),
    preferenceRank: r.pool.get(spec.gpu) ?? (r.escalation.has(spec.gpu) ? r.pool.size : Number.MAX_SAFE_INTEGER),
    interconnectRank: sharded && spec.gpuCount > 1 && spec.gpuInterconnect === "PCIe" ? 1 : 0,
    usdPerTflopsHour: usdPerInstanceHour / (spec.gpuCount * fraction * gpu.bf16Tflops),
    mayGrow: sized.job !== undefined && r.maxHours !== undefined && r.requirements.nodes === undefined && canJoinCluster(spec, r),
  };
}

/** The requirements of this decision on a prepared scan: its static part, this request's amounts. */
export function withAmounts(scan: PreparedScan, requirements: SelectionRequirements): ResolvedRequirements {
  return {
    ...scan.resolved,
    requirements,
    throughput: requirements.throughput,
    inputTokensPerSecond: requirements.inputTokensPerSecond,
    imagesPerMinute: requirements.imagesPerMinute,
    trainingTokens: requirements.trainingTokens,
    maxHours: requirements.maxHours,
  };
}

/** What the work's size makes of a type: its nodes (a deadline may add some), replicas, the fleet's price, the run. */
export interface Amounts {
  readonly nodeCount: number;
  readonly memoryEstimate?: MemoryEstimate;
  readonly replicas: number;
  readonly onDemandUsdPerHour: number;
  readonly job?: JobEstimate;
  readonly embedding?: EmbeddingThroughput;
  readonly images?: DiffusionThroughput;
}

export function amountsOf(core: TypeCore, r: ResolvedRequirements, store: SizingStore): Amounts {
  const { sized, usdPerInstanceHour } = core;
  let nodeCount = sized.nodeCount;
  let memoryEstimate = sized.memoryEstimate;
  let job: JobEstimate | undefined;
  if (sized.job) {
    const tokens = r.trainingTokens!;
    job = jobAt(sized.job, tokens, round4(usdPerInstanceHour * nodeCount));
    // A deadline: a type that can join a cluster grows to the fewest nodes that finish in time.
    if (core.mayGrow && job.hours > r.maxHours!) {
      const nodes = nodesForDeadline(core, r, store, nodeCount, r.maxHours!);
      const grown = sizeOnNodes(core.spec, core.gpu, r, store, nodes);
      [nodeCount, memoryEstimate, job] = [nodes, grown.memoryEstimate, jobAt(grown.job, tokens, round4(usdPerInstanceHour * nodes))];
    }
  }
  const embedding =
    sized.embeddingPerReplica !== undefined && r.model?.kind === "embedding"
      ? embeddingFleet(r.model, memoryEstimate!.contextTokens, sized.embeddingPerReplica, r.inputTokensPerSecond!, core.expectedHourly, core.spec.gpuCount)
      : undefined;
  const images =
    sized.imagesPerReplica !== undefined && r.model?.kind === "diffusion"
      ? diffusionFleet(
          r.model,
          sized.imagesPerReplica.steps,
          sized.imagesPerReplica.imagesPerMinute,
          r.imagesPerMinute!,
          core.expectedHourly,
          core.gpu,
          core.spec.gpuCount,
        )
      : undefined;
  const replicas = sized.replica ? replicasFor(sized.replica, r.throughput) : (embedding?.replicas ?? images?.replicas ?? 1);
  // The whole fleet: every node, and every replica a throughput target needs.
  return { nodeCount, memoryEstimate, replicas, onDemandUsdPerHour: round4(usdPerInstanceHour * nodeCount * replicas), job, embedding, images };
}

/** The type as a candidate, with the work's amounts. */
export function candidateOf(core: TypeCore, r: ResolvedRequirements, a: Amounts): Candidate {
  const { spec, sized } = core;
  return {
    instanceType: spec.instanceType,
    spec,
    gpu: core.gpu,
    gpuCount: spec.gpuCount,
    nodeCount: a.nodeCount,
    gpuFraction: spec.gpuFraction ?? 1,
    usdPerInstanceHour: core.usdPerInstanceHour,
    spotUsdPerInstanceHour: core.price.spotUsdPerInstanceHour,
    onDemandUsdPerHour: a.onDemandUsdPerHour,
    replicas: a.replicas,
    priceFromReferenceRegion: core.price.fromReferenceRegion,
    usdPerTflopsHour: core.usdPerTflopsHour,
    preferenceRank: core.preferenceRank,
    // Every field always present (undefined when absent): one object shape keeps the scan's property reads fast.
    memoryEstimate: a.memoryEstimate,
    precision: sized.precision,
    throughput: sized.replica && fleetAtLoad(sized.replica, r.throughput, core.expectedHourly),
    throughputShortfall: sized.throughputShortfall,
    job: a.job,
    embedding: a.embedding,
    images: a.images,
    interconnectRank: core.interconnectRank,
    layoutMiss: sized.layoutMiss,
  };
}

/** The candidate the static constraints judge: no amounts, so nothing the work's size decides. */
function staticCandidate(core: Omit<TypeCore, "meetsStatic" | "onlyRegion">, r: ResolvedRequirements): Candidate {
  const usdPerHour = round4(core.usdPerInstanceHour * core.sized.nodeCount);
  return candidateOf(
    core as TypeCore,
    { ...r, throughput: undefined },
    { nodeCount: core.sized.nodeCount, memoryEstimate: core.sized.memoryEstimate, replicas: 1, onDemandUsdPerHour: usdPerHour },
  );
}

/**
 * The fewest nodes (more than `fewest`) that finish a run by the deadline, at most MAX_AUTO_NODES. From two nodes up
 * the MFU no longer changes with the count, so the steps' time falls as 1/nodes: the count follows from two nodes' speed.
 */
function nodesForDeadline(core: TypeCore, r: ResolvedRequirements, store: SizingStore, fewest: number, maxHours: number): number {
  const two = sizeOnNodes(core.spec, core.gpu, r, store, 2).job;
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

/** True when the candidate meets every constraint: stops at the first miss. */
export function meetsAll(c: Candidate, r: ResolvedRequirements, applicable: readonly Constraint[]): boolean {
  for (const constraint of applicable) if (constraint.fails ? constraint.fails(c, r) : constraint.miss(c, r)) return false;
  return true;
}

/** What ranking reads of a candidate: enough to rank a type without building it. */
export type Ranked = Pick<
  Candidate,
  "instanceType" | "preferenceRank" | "interconnectRank" | "onDemandUsdPerHour" | "usdPerTflopsHour" | "job" | "embedding" | "images"
> & {
  readonly throughput?: unknown;
};

/** Preference first, then NVLink before PCIe for sharded runs, then the objective's metric, hours for a run, the name. */
export function decisionOrder(objective: Objective): (a: Ranked, b: Ranked) => number {
  const metric = METRICS[objective];
  const tie = (c: Ranked) => (objective === "job-cost" ? (c.job?.hours ?? Number.POSITIVE_INFINITY) : 0);
  return (a, b) =>
    a.preferenceRank - b.preferenceRank ||
    a.interconnectRank - b.interconnectRank ||
    metric(a) - metric(b) ||
    tie(a) - tie(b) ||
    (a.instanceType < b.instanceType ? -1 : a.instanceType > b.instanceType ? 1 : 0);
}

/** What each objective minimizes. */
const METRICS: Readonly<Record<Objective, (c: Ranked) => number>> = {
  cost: (c) => c.onDemandUsdPerHour,
  "compute-cost": (c) => c.usdPerTflopsHour,
  "job-cost": (c) => c.job?.usdPerJob ?? Number.POSITIVE_INFINITY,
  "throughput-cost": (c) => (c.throughput || c.embedding || c.images ? c.onDemandUsdPerHour : Number.POSITIVE_INFINITY),
};

/** What one instance is expected to cost bought this way: the spot estimate on spot where known, else on-demand. */
export function expectedUsdPerInstanceHour(c: Pick<Candidate, "usdPerInstanceHour" | "spotUsdPerInstanceHour">, purchase: PurchaseOption): number {
  return purchase === "spot" && c.spotUsdPerInstanceHour !== null ? c.spotUsdPerInstanceHour : c.usdPerInstanceHour;
}
