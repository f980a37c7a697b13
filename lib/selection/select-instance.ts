import { regionsNearestFirst } from "../taxonomy/regions";
import { DEFAULT_TAXONOMY, Taxonomy } from "../taxonomy/taxonomy";
import { Objective } from "../taxonomy/workload-profile";
import { rowPriceRegion } from "../taxonomy/pricing";
import { gpusLabel, usableMemoryGiB } from "../taxonomy/gpu-share";
import { HOURS_PER_MONTH, formatUsd, round2, round4 } from "../plan/money";
import { CONSTRAINTS, Constraint, ResolvedRequirements, scopeMiss } from "./constraints";
import { Candidate, Decision, JobRun, Rejection } from "./decision";
import { InvalidRequirementError, NoFeasibleInstanceError } from "../validation/errors";
import { SelectionRequirements } from "./requirements";
import { spotClusterError, validateRequirements } from "./validate-requirements";
import {
  Amounts,
  Ranked,
  TypeCore,
  WORK_CONSTRAINTS,
  amountsOf,
  candidateOf,
  decisionOrder,
  expectedUsdPerInstanceHour,
  meetsAll,
  preparedScan,
  withAmounts,
} from "./type-scan";

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
  const scan = preparedScan(requirements, taxonomy);
  const r = withAmounts(scan, requirements);
  const { objective, active } = scan;
  const order = decisionOrder(objective);
  const work = active.filter((k) => WORK_CONSTRAINTS.has(k.name));
  const withoutRegion = active.filter((k) => k.name !== "region");
  // Every type ranked by what ranking reads, without building it: only the chosen (and what is read later) is built.
  const feasible: Entry[] = [];
  const elsewhere: Entry[] = [];
  for (const core of scan.cores) {
    if (!core.meetsStatic && !core.onlyRegion && !core.mayGrow) continue;
    const amounts = amountsOf(core, r, scan.store);
    const entry: Entry = {
      instanceType: core.spec.instanceType,
      preferenceRank: core.preferenceRank,
      interconnectRank: core.interconnectRank,
      onDemandUsdPerHour: amounts.onDemandUsdPerHour,
      usdPerTflopsHour: core.usdPerTflopsHour,
      job: amounts.job,
      embedding: amounts.embedding,
      images: amounts.images,
      throughput: core.sized.replica,
      core,
      amounts,
    };
    if (core.mayGrow) {
      // A deadline may have grown it: its memory and links are judged again, whole.
      const c = candidateOf(core, r, amounts);
      if (meetsAll(c, r, active)) feasible.push(entry);
      else if (core.onlyRegion && meetsAll(c, r, withoutRegion)) elsewhere.push(entry);
    } else if (meetsAll(entry as unknown as Candidate, r, work)) {
      (core.meetsStatic ? feasible : elsewhere).push(entry);
    }
  }
  const every = once(() => scan.cores.map((core) => candidateOf(core, r, amountsOf(core, r, scan.store))));
  const rejections = () =>
    rejectionsInTableOrder(
      taxonomy,
      scan.outOfScope,
      scan.provisional,
      every().map((c) => ({ candidate: c, misses: missesOf(c, r, active) })),
    );
  if (feasible.length === 0) throw noFeasibleInstance(rejections(), r, taxonomy, every());

  const best = feasible.reduce((a, b) => (order(b, a) < 0 ? b : a));
  const chosen = candidateOf(best.core, r, best.amounts);
  const purchase = r.purchase;
  // The estimator may have grown the run to several nodes: such a cluster cannot be bought on spot.
  if (purchase === "spot" && chosen.nodeCount > 1) throw spotClusterError(chosen.nodeCount);
  // Months from the unrounded hour: rounding a total to four decimals first could lose cents a month.
  const instances = chosen.nodeCount * chosen.replicas;
  const hourly = expectedUsdPerInstanceHour(chosen, purchase) * instances;
  // The run at the expected price: the on-demand cost per job scaled by the price actually paid (spot for spot).
  const run = chosen.job && jobRun(chosen.job.hours, (chosen.job.usdPerJob * hourly) / chosen.onDemandUsdPerHour, requirements.runsPerMonth);
  // With a region given, the best type ignoring it, when it is not offered there (the reason names it).
  const away = elsewhere.length ? [...elsewhere, best].reduce((a, b) => (order(b, a) < 0 ? b : a)) : best;
  const alternatives = () =>
    feasible
      .filter((e) => e !== best)
      .sort(order)
      .map((e) => candidateOf(e.core, r, e.amounts));
  // Copied in by Object.assign, not spread into a literal: a spread of this many fields took half a decision's time.
  return new SelectedInstance(
    chosen,
    {
      workload: requirements.workload,
      objective,
      purchase,
      region: r.region,
      regionKnown: requirements.region !== undefined,
      usdPerHour: round4(hourly),
      usdPerMonth: round2(run ? (run.usdPerRun / run.hoursPerRun) * monthHours(run) : hourly * HOURS_PER_MONTH),
      run,
      maxUsdPerMonth: round2(chosen.usdPerInstanceHour * instances * HOURS_PER_MONTH),
      pricesAsOf: taxonomy.asOf,
      spotPricesAsOf: taxonomy.spotPricesAsOf ?? taxonomy.asOf,
    },
    () => explain(chosen, r, objective, away === best ? undefined : candidateOf(away.core, r, away.amounts), usualCard(chosen, feasible, r, order)),
    alternatives,
    rejections,
  );
}

/** A type as the decision ranks it, with what builds its candidate if it is read. */
interface Entry extends Ranked {
  readonly core: TypeCore;
  readonly amounts: Amounts;
}

/** `make`'s value, computed on the first call. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) [value, made] = [make(), true];
    return value as T;
  };
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
 * A decision whose reason, alternatives and rejections (every other type and the words of each miss) are built on first
 * read: many callers never read them, and building them was most of a decision's cost. They are in its JSON like any
 * other field.
 */
class SelectedInstance {
  readonly #reason: () => string;
  readonly #alternatives: () => readonly Candidate[];
  readonly #rejections: () => readonly Rejection[];
  #written?: string;
  #builtAlternatives?: readonly Candidate[];
  #rejected?: readonly Rejection[];

  constructor(
    chosen: Candidate,
    fields: Omit<Decision, "reason" | "rejected" | "alternatives" | keyof Candidate>,
    reason: () => string,
    alternatives: () => readonly Candidate[],
    rejections: () => readonly Rejection[],
  ) {
    Object.assign(this, chosen, fields);
    this.#reason = reason;
    this.#alternatives = alternatives;
    this.#rejections = rejections;
  }

  get reason(): string {
    return (this.#written ??= this.#reason());
  }

  get alternatives(): readonly Candidate[] {
    return (this.#builtAlternatives ??= this.#alternatives());
  }

  get rejected(): readonly Rejection[] {
    return (this.#rejected ??= this.#rejections());
  }

  toJSON(): Decision {
    return { ...(this as unknown as Decision), reason: this.reason, alternatives: this.alternatives, rejected: this.rejected };
  }
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

/**
 * Ranked by work, a choice outside the class's usual GPUs is compared with the best usual one (null: none was
 * feasible); undefined when there is nothing to compare.
 */
function usualCard(
  chosen: Candidate,
  feasible: readonly Entry[],
  r: ResolvedRequirements,
  order: (a: Ranked, b: Ranked) => number,
): Candidate | null | undefined {
  const usual = r.profile.allowedGpus;
  if (!r.byWork || usual.includes(chosen.gpu.name)) return undefined;
  const best = feasible.filter((e) => usual.includes(e.core.gpu.name)).sort(order)[0];
  return best ? candidateOf(best.core, r, best.amounts) : null;
}

/** Why a choice outside the class's usual GPUs beats them, in the objective's measure. */
function beatsUsual(chosen: Candidate, usual: Candidate | null, r: ResolvedRequirements, objective: Objective): string {
  const cards = r.profile.allowedGpus.join(", ");
  const head = `${chosen.gpu.name} is outside ${r.profile.displayName}'s usual GPUs (${cards}), which were ranked with it by the work`;
  if (usual === null) return `${head}: none of them meets the requirements`;
  const type = `${usual.nodeCount * usual.replicas > 1 ? `${usual.nodeCount * usual.replicas} × ` : ""}${usual.instanceType}`;
  if (objective === "job-cost")
    return `${head}: ${formatUsd(chosen.job!.usdPerJob)} per run against ${formatUsd(usual.job!.usdPerJob)} on ${type}, the best of them`;
  return `${head}: ${formatUsd(chosen.onDemandUsdPerHour)}/h on-demand for the fleet against ${formatUsd(usual.onDemandUsdPerHour)}/h on ${type}, the best of them`;
}

function explain(
  chosen: Candidate,
  r: ResolvedRequirements,
  objective: Objective,
  elsewhere: Candidate | undefined,
  usual: Candidate | null | undefined,
): string {
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
    r.pinned ? `${what} was pinned by the user (instanceType) and meets every requirement given` : `${what} is ${how}${preference}: ${r.profile.reason}`,
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
        `${r.throughput ? `, ${t.replicas} replica${t.replicas > 1 ? "s" : ""} for ${r.throughput.outputTokensPerSecond} tokens/s (${formatUsd(chosen.onDemandUsdPerHour)}/h on-demand for the fleet)` : ""}, $${t.usdPerMillionOutputTokens} per million output tokens`,
    );
  }
  const em = chosen.embedding;
  if (em) {
    parts.push(
      `${em.inputTokensPerSecondPerReplica} input tokens/s per instance, ${em.replicas} instance${em.replicas > 1 ? "s" : ""} for ${r.inputTokensPerSecond} input tokens/s ` +
        `(${formatUsd(chosen.onDemandUsdPerHour)}/h on-demand for the fleet), $${em.usdPerMillionInputTokens} per million input tokens`,
    );
  }
  const im = chosen.images;
  if (im) {
    parts.push(
      `${im.imagesPerMinutePerReplica} images/min per instance at ${im.steps} steps, ${im.replicas} instance${im.replicas > 1 ? "s" : ""} for ${r.imagesPerMinute} images/min ` +
        `(${formatUsd(chosen.onDemandUsdPerHour)}/h on-demand for the fleet), $${im.usdPerThousandImages} per thousand images`,
    );
  }
  const j = chosen.job;
  if (j) {
    const deadline =
      r.maxHours === undefined
        ? ""
        : `, within the ${r.maxHours} h deadline${chosen.nodeCount > 1 && r.requirements.nodes === undefined ? ` on ${chosen.nodeCount} nodes` : ""}`;
    parts.push(
      `${j.trainingTokens.toExponential(2)} training tokens take ≈ ${j.hours} h at ${Math.round(j.mfu * 100)}% MFU${deadline}: ${formatUsd(j.usdPerJob)} per run`,
    );
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
    .sort(
      (a, b) =>
        a.misses.length - b.misses.length ||
        blamed(a) - blamed(b) ||
        price(a.instanceType) - price(b.instanceType) ||
        (a.instanceType < b.instanceType ? -1 : 1),
    )
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
  const what = `${instances > 1 ? `${instances} × ` : ""}${best.instanceType} (${gpusLabel(best.gpuCount, best.gpuFraction, best.gpu.name)}), ${formatUsd(best.onDemandUsdPerHour)}/h on-demand`;
  if (deadline) return `The fastest plan that meets every other requirement takes ${best.job!.hours} h: ${what}.`;
  const miss = rejections.find((s) => s.instanceType === best.instanceType)!.misses[0].reason;
  return `The cheapest type that meets every other requirement: ${what}; it misses only this one: ${miss}.`;
}

export { expectedUsdPerInstanceHour };
