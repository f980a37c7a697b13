/**
 * What a change to the app does to its GPU cost: the plan of a base revision and the plan of the head,
 * compared workload by workload (key: stack and construct path). Pure data: no cdktf, no files;
 * `gpu-workloads report --compare-to` reads the plans and renders the comparison. Cost words mean what
 * COST_VOCABULARY (./cost-vocabulary.ts) says: "expected" is usdPerMonth, "worst case" maxUsdPerMonth.
 */
import { GpuWorkloadsError, formatValue } from "../validation/errors";
import { GpuPlan, PlannedWorkload, planTotals } from "./gpu-plan";
import { round2 } from "./money";

/** How a workload differs between the plans: only in head, only in base, in a compared field, or not at all. */
export const WORKLOAD_CHANGES = ["added", "removed", "changed", "unchanged"] as const;
/** One of WORKLOAD_CHANGES. */
export type WorkloadChange = (typeof WORKLOAD_CHANGES)[number];

/** Fields that make a workload "changed" when they differ: what it runs, how it is bought, what it costs. */
export const COMPARED_FIELDS = [
  "region",
  "purchase",
  "capacity",
  "instanceType",
  "instanceTypes",
  "gpu",
  "gpuCount",
  "gpuFraction",
  "nodeCount",
  "instances",
  "usdPerInstanceHour",
  "spotUsdPerInstanceHour",
  "usdPerHour",
  "usdPerMonth",
  "maxUsdPerMonth",
  "maxInstanceType",
] as const satisfies readonly (keyof PlannedWorkload)[];
/** One of COMPARED_FIELDS. */
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Of those, the ones new prices alone can change (the dearest launchable type included). */
const PRICE_FIELDS: readonly ComparedField[] = [
  "usdPerInstanceHour",
  "spotUsdPerInstanceHour",
  "usdPerHour",
  "usdPerMonth",
  "maxUsdPerMonth",
  "maxInstanceType",
];

/** One side of a workload's comparison: what it runs and what it costs in that plan. */
export interface ComparedWorkload {
  /** The region whose prices are quoted. */
  readonly region: string;
  /** on-demand, spot or capacity-block. */
  readonly purchase: string;
  /** The chosen instance type. */
  readonly instanceType: string;
  /** How many instances run, as the plan says (a number, or a fleet's range). */
  readonly instances: PlannedWorkload["instances"];
  /** Expected USD per month. */
  readonly usdPerMonth: number;
  /** Worst-case USD per month: the most instances the capacity can run, of the dearest type it may launch, on-demand. */
  readonly maxUsdPerMonth: number;
  /** The type that sets maxUsdPerMonth. */
  readonly maxInstanceType: string;
}

/** Head minus base, in USD per month; the percent is of the base, to two decimals, null when the base is $0 and the head is not. */
export interface CostChange {
  /** The base plan's figure. */
  readonly base: number;
  /** The head plan's figure. */
  readonly head: number;
  /** head − base. */
  readonly delta: number;
  /** delta as a percent of base; null when base is $0 and head is not. */
  readonly deltaPercent: number | null;
}

/** One workload in either plan, both sides side by side. */
export interface WorkloadComparison {
  /** The stack it is in. */
  readonly stack: string;
  /** Its construct path, the key it is matched by. */
  readonly path: string;
  /** Added, removed, changed or unchanged. */
  readonly change: WorkloadChange;
  /** Null for an added workload. */
  readonly base: ComparedWorkload | null;
  /** Null for a removed workload. */
  readonly head: ComparedWorkload | null;
  /** The fields of COMPARED_FIELDS that differ (empty unless changed). */
  readonly changedFields: readonly ComparedField[];
  /** True when only prices differ: same hardware, same size, prices read again. */
  readonly pricesOnly: boolean;
  /** head − base in USD per month (a missing side counts $0). */
  readonly delta: {
    /** Expected. */
    readonly usdPerMonth: number;
    /** Worst case. */
    readonly maxUsdPerMonth: number;
  };
  /** delta as a percent of base; null when base is $0 and head is not. */
  readonly deltaPercent: {
    /** Expected. */
    readonly usdPerMonth: number | null;
    /** Worst case. */
    readonly maxUsdPerMonth: number | null;
  };
}

/** One plan's summary. */
export interface ComparedPlan {
  /** The date of its on-demand prices; empty when it has no workloads. */
  readonly pricesAsOf: string;
  /** The date of its spot estimates; empty when it has no workloads. */
  readonly spotPricesAsOf: string;
  /** Hours in its month. */
  readonly hoursPerMonth: number;
  /** How many workloads it holds. */
  readonly workloads: number;
  /** Its sums over every workload. */
  readonly totals: {
    /** Expected. */
    readonly usdPerMonth: number;
    /** Worst case. */
    readonly maxUsdPerMonth: number;
  };
}

/** What comparePlans answers: both plans' summaries, the total change, and every workload. */
export interface PlanComparison {
  /** The base plan (the target branch). */
  readonly base: ComparedPlan;
  /** The head plan (the pull request). */
  readonly head: ComparedPlan;
  /**
   * False when the two plans' prices were read on different days (pricesAsOf or spotPricesAsOf differ): a
   * delta may then come from a price refresh rather than from a change to the app. True when either plan has
   * no workloads.
   */
  readonly samePrices: boolean;
  /** The change in the plans' totals. */
  readonly totals: {
    /** Expected. */
    readonly usdPerMonth: CostChange;
    /** Worst case. */
    readonly maxUsdPerMonth: CostChange;
  };
  /** How many workloads were added, removed, changed and left unchanged. */
  readonly counts: Readonly<Record<WorkloadChange, number>>;
  /** Every workload of either plan, by stack, then path. */
  readonly workloads: readonly WorkloadComparison[];
}

/** How errors name each plan: the flag and file it came from, e.g. `--compare-to base/cdktf.out/gpu-plan.json`. */
export interface PlanLabels {
  /** How errors name the base plan. */
  readonly base: string;
  /** How errors name the head plan. */
  readonly head: string;
}

/** Two plans whose figures do not mean the same thing, or a plan that lists a workload twice. */
export class PlansNotComparableError extends GpuWorkloadsError {
  /** Code "PlansNotComparable"; the message says which figures differ and what to do. */
  constructor(message: string) {
    super("PlansNotComparable", message);
  }
}

/** Compares a base plan with the head plan; throws PlansNotComparableError when their months or versions differ. */
export function comparePlans(base: GpuPlan, head: GpuPlan, labels: PlanLabels = { base: "the base plan", head: "the head plan" }): PlanComparison {
  if (base.version !== head.version) {
    throw new PlansNotComparableError(
      `${labels.base} has plan version ${base.version} and ${labels.head} version ${head.version}; synthesize both with the same cdktf-gpu-workloads version.`,
    );
  }
  if (base.hoursPerMonth !== head.hoursPerMonth) {
    throw new PlansNotComparableError(
      `${labels.base} counts ${base.hoursPerMonth} hours a month and ${labels.head} ${head.hoursPerMonth}, so their monthly costs differ in meaning; ` +
        "synthesize both with the same cdktf-gpu-workloads version.",
    );
  }
  const before = byKey(base, labels.base);
  const after = byKey(head, labels.head);
  const keys = [...new Set([...before.keys(), ...after.keys()])].map((k) => (before.get(k) ?? after.get(k))!).sort(byStackThenPath);
  const workloads = keys.map((w) => compareWorkload(w.stack, w.path, before.get(key(w)), after.get(key(w))));
  const counts = Object.fromEntries(WORKLOAD_CHANGES.map((c) => [c, workloads.filter((w) => w.change === c).length])) as Record<WorkloadChange, number>;
  const summary = (plan: GpuPlan): ComparedPlan => ({
    pricesAsOf: plan.pricesAsOf,
    spotPricesAsOf: plan.spotPricesAsOf,
    hoursPerMonth: plan.hoursPerMonth,
    workloads: plan.workloads.length,
    totals: planTotals(plan.workloads),
  });
  const b = summary(base);
  const h = summary(head);
  return {
    base: b,
    head: h,
    // A plan without workloads quotes no prices, so it agrees with any.
    samePrices: !base.workloads.length || !head.workloads.length || (base.pricesAsOf === head.pricesAsOf && base.spotPricesAsOf === head.spotPricesAsOf),
    totals: {
      usdPerMonth: costChange(b.totals.usdPerMonth, h.totals.usdPerMonth),
      maxUsdPerMonth: costChange(b.totals.maxUsdPerMonth, h.totals.maxUsdPerMonth),
    },
    counts,
    workloads,
  };
}

/** Head minus base to the cent, and the percent of the base to two decimals (null from $0 to more). */
export function costChange(base: number, head: number): CostChange {
  const delta = round2(head - base);
  return { base, head, delta, deltaPercent: percentOf(delta, base) };
}

function percentOf(delta: number, base: number): number | null {
  if (delta === 0) return 0;
  return base === 0 ? null : round2((delta / base) * 100);
}

function compareWorkload(stack: string, path: string, base: PlannedWorkload | undefined, head: PlannedWorkload | undefined): WorkloadComparison {
  const changedFields = base && head ? COMPARED_FIELDS.filter((f) => JSON.stringify(base[f]) !== JSON.stringify(head[f])) : [];
  const change: WorkloadChange = !base ? "added" : !head ? "removed" : changedFields.length ? "changed" : "unchanged";
  const monthly = costChange(base?.usdPerMonth ?? 0, head?.usdPerMonth ?? 0);
  const worst = costChange(base?.maxUsdPerMonth ?? 0, head?.maxUsdPerMonth ?? 0);
  return {
    stack,
    path,
    change,
    base: base ? side(base) : null,
    head: head ? side(head) : null,
    changedFields,
    pricesOnly: changedFields.length > 0 && changedFields.every((f) => PRICE_FIELDS.includes(f)),
    delta: { usdPerMonth: monthly.delta, maxUsdPerMonth: worst.delta },
    // An added workload has no base to be a percent of.
    deltaPercent: { usdPerMonth: base ? monthly.deltaPercent : null, maxUsdPerMonth: base ? worst.deltaPercent : null },
  };
}

function side(w: PlannedWorkload): ComparedWorkload {
  return {
    region: w.region,
    purchase: w.purchase,
    instanceType: w.instanceType,
    instances: { min: w.instances.min, desired: w.instances.desired, max: w.instances.max },
    usdPerMonth: w.usdPerMonth,
    maxUsdPerMonth: w.maxUsdPerMonth,
    maxInstanceType: w.maxInstanceType,
  };
}

const key = (w: PlannedWorkload) => JSON.stringify([w.stack, w.path]);

function byKey(plan: GpuPlan, label: string): Map<string, PlannedWorkload> {
  const map = new Map<string, PlannedWorkload>();
  for (const w of plan.workloads) {
    if (map.has(key(w))) {
      // formatValue: names from the plan are quoted cut short and with control characters escaped.
      throw new PlansNotComparableError(`${label} lists the workload ${formatValue(w.path)} of stack ${formatValue(w.stack)} twice; synthesize it again.`);
    }
    map.set(key(w), w);
  }
  return map;
}

function byStackThenPath(a: PlannedWorkload, b: PlannedWorkload): number {
  return compareText(a.stack, b.stack) || compareText(a.path, b.path);
}

/** Code-unit order, as report's stacks are sorted: the same on every machine (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
