import { CostChange, PlanComparison, WorkloadComparison } from "../plan/compare-plans";
import { planTotals } from "../plan/gpu-plan";
import { formatUsd, formatUsdChange } from "../plan/money";
import { CommandOutput } from "./command";
import { markdownTable } from "./markdown";
import { PlanName, markdownName, textName } from "./plan-name";
import { instancesText } from "./table";
import { wrap } from "./wrap";

/**
 * Cost limits of `report --compare-to`: an expected monthly increase above either of its limits, or a worst-case
 * monthly increase above either of its own, fails the command (exit 1).
 */
export interface CostLimits {
  readonly failAboveUsd?: number;
  readonly failAbovePercent?: number;
  readonly failAboveMaxUsd?: number;
  readonly failAboveMaxPercent?: number;
}

/** Where each plan was read, for the JSON document. */
export interface PlanFiles {
  readonly base: string;
  readonly head: string;
}

/** The cost diff of `report --compare-to` as text, Markdown (a pull-request comment) or JSON, and the limits it breaks. */
export function compareReport(comparison: PlanComparison, files: PlanFiles, limits: CostLimits, markdown: boolean): CommandOutput {
  const failed = [
    ...limitsBroken(comparison.totals.usdPerMonth, "expected", { usd: limits.failAboveUsd, percent: limits.failAbovePercent }, [
      "--fail-above-usd",
      "--fail-above-percent",
    ]),
    ...limitsBroken(comparison.totals.maxUsdPerMonth, "worst-case", { usd: limits.failAboveMaxUsd, percent: limits.failAboveMaxPercent }, [
      "--fail-above-max-usd",
      "--fail-above-max-percent",
    ]),
  ];
  const json = {
    base: { file: files.base, ...comparison.base },
    head: { file: files.head, ...comparison.head },
    samePrices: comparison.samePrices,
    totals: comparison.totals,
    counts: comparison.counts,
    workloads: comparison.workloads,
    check: {
      failAboveUsd: limits.failAboveUsd ?? null,
      failAbovePercent: limits.failAbovePercent ?? null,
      failAboveMaxUsd: limits.failAboveMaxUsd ?? null,
      failAboveMaxPercent: limits.failAboveMaxPercent ?? null,
      failed: failed.length > 0,
      reasons: failed,
    },
  };
  const text = markdown ? markdownReport(comparison, limits, failed) : textReport(comparison, limits, failed);
  return { json, text, failed };
}

/** Why a monthly increase (expected or worst-case) breaks its limits, one sentence per limit; empty when it does not. */
function limitsBroken(total: CostChange, which: string, limit: { usd?: number; percent?: number }, flags: readonly [string, string]): string[] {
  const reasons: string[] = [];
  if (limit.usd !== undefined && total.delta > limit.usd) {
    reasons.push(`the ${which} monthly cost rises by ${formatUsd(total.delta)}, more than ${flags[0]} ${limit.usd}.`);
  }
  if (limit.percent !== undefined && total.delta > 0) {
    if (total.deltaPercent === null) {
      reasons.push(`the ${which} monthly cost rises from $0 to ${formatUsd(total.head)}, more than any percentage: ${flags[1]} ${limit.percent}.`);
    } else if (total.deltaPercent > limit.percent) {
      reasons.push(`the ${which} monthly cost rises by ${total.deltaPercent}%, more than ${flags[1]} ${limit.percent}.`);
    }
  }
  return reasons;
}

/** The infracost-style headline: the expected change, then the worst case's. */
function headline(c: PlanComparison): [string, string] {
  return [costSentence("Monthly cost", c.totals.usdPerMonth, " expected"), costSentence("Worst-case monthly cost", c.totals.maxUsdPerMonth, "")];
}

function costSentence(subject: string, t: CostChange, qualifier: string): string {
  if (t.delta === 0) return `${subject} will not change: ${formatUsd(t.head)}${qualifier}.`;
  const direction = t.delta > 0 ? "increase" : "decrease";
  const by = `${formatUsd(Math.abs(t.delta))} (${percentText(t.delta, t.base)})`;
  return t.base === 0
    ? `${subject} will ${direction} by ${by} to ${formatUsd(t.head)}${qualifier}.`
    : `${subject} will ${direction} by ${by}, from ${formatUsd(t.base)} to ${formatUsd(t.head)}${qualifier}.`;
}

/**
 * "+3.2%", "−100.0%", "+<0.1%", or "from $0" where the base is $0: one decimal of the exact ratio (the JSON's
 * deltaPercent has two), so the text never rounds a rounded figure.
 */
export function percentText(delta: number, base: number): string {
  if (base === 0) return "from $0";
  const percent = (Math.abs(delta) / base) * 100;
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "";
  return percent > 0 && percent < 0.05 ? `${sign}<0.1%` : `${sign}${percent.toFixed(1)}%`;
}

const MARK = { added: "+", removed: "-", changed: "~", unchanged: " " } as const;

function textReport(c: PlanComparison, limits: CostLimits, failed: readonly string[]): string {
  const name = textName;
  const lines = ["GPU workloads: cost change", "", ...headline(c), ""];
  for (const w of c.workloads.filter((w) => w.change !== "unchanged")) {
    lines.push(wrap(`${MARK[w.change]} ${workloadName(w, name)} (${changeLabel(w)})`, "    "));
    const field = (label: string, value: string) => lines.push(wrap(`    ${label.padEnd(11)} ${value}`, " ".repeat(16)));
    if (w.base && w.head && w.base.region !== w.head.region) field("region", `${name(w.base.region)} → ${name(w.head.region)}`);
    if (w.base && w.head && w.base.purchase !== w.head.purchase) field("purchase", `${name(w.base.purchase)} → ${name(w.head.purchase)}`);
    field(
      "instance",
      beforeAfter(w, (s) => name(s.instanceType)),
    );
    field(
      "instances",
      beforeAfter(w, (s) => instancesText(s.instances)),
    );
    field("expected", `${costBeforeAfter(w, "usdPerMonth")} a month: ${changeText(w, "usdPerMonth")}`);
    field("worst case", `${costBeforeAfter(w, "maxUsdPerMonth")} a month: ${changeText(w, "maxUsdPerMonth")}`);
    lines.push("");
  }
  lines.push(unchangedLine(c, name), "", pricesLine(c), ...checkLines(limits, failed));
  return lines.map((line) => wrap(line)).join("\n");
}

const HEADERS = ["workload", "change", "instance", "instances", "expected $/month", "Δ $/month", "worst case $/month", "Δ worst case $/month"];

/** The change as a pull-request comment: a headline, one row per change. Names from the plan are inline code. */
function markdownReport(c: PlanComparison, limits: CostLimits, failed: readonly string[]): string {
  const name = markdownName;
  const [expected, worst] = headline(c);
  const changed = c.workloads.filter((w) => w.change !== "unchanged");
  const rows = changed.map((w) => [
    workloadName(w, name),
    changeLabel(w),
    beforeAfter(w, (s) => name(s.instanceType)),
    beforeAfter(w, (s) => instancesText(s.instances)),
    costBeforeAfter(w, "usdPerMonth"),
    changeText(w, "usdPerMonth"),
    costBeforeAfter(w, "maxUsdPerMonth"),
    changeText(w, "maxUsdPerMonth"),
  ]);
  return [
    "## GPU workloads: cost change",
    "",
    `**${expected}**`,
    worst,
    "",
    ...(rows.length ? [markdownTable(HEADERS, rows), ""] : []),
    unchangedLine(c, name),
    "",
    pricesLine(c),
    ...checkLines(limits, failed).map((line) => line.replace(/^(Cost check \w+)/, "**$1**")),
  ].join("\n");
}

/** The construct path, with its stack where the path does not start with it. */
function workloadName(w: WorkloadComparison, name: PlanName): string {
  return w.path.startsWith(`${w.stack}/`) ? name(w.path) : `${name(w.path)} (stack ${name(w.stack)})`;
}

function changeLabel(w: WorkloadComparison): string {
  return w.pricesOnly ? "changed: prices only" : w.change;
}

/** "g5.xlarge → g6e.xlarge", "g6.xlarge" when both sides agree, "– → g6.xlarge" for an added workload; `show` writes a side. */
function beforeAfter(w: WorkloadComparison, show: (side: NonNullable<WorkloadComparison["base"]>) => string): string {
  const before = w.base ? show(w.base) : "–";
  const after = w.head ? show(w.head) : "–";
  return before === after ? after : `${before} → ${after}`;
}

/** As beforeAfter, with $0.00 for the side where the workload does not exist: it costs nothing there. */
function costBeforeAfter(w: WorkloadComparison, field: "usdPerMonth" | "maxUsdPerMonth"): string {
  const before = formatUsd(w.base?.[field] ?? 0);
  const after = formatUsd(w.head?.[field] ?? 0);
  return before === after ? after : `${before} → ${after}`;
}

function changeText(w: WorkloadComparison, field: "usdPerMonth" | "maxUsdPerMonth"): string {
  const delta = w.delta[field];
  return w.base && delta !== 0 ? `${formatUsdChange(delta)} (${percentText(delta, w.base[field])})` : formatUsdChange(delta);
}

function unchangedLine(c: PlanComparison, name: PlanName): string {
  const same = c.workloads.filter((w) => w.change === "unchanged");
  if (c.workloads.length === 0) return "No workloads to compare.";
  if (same.length === 0) return "Every workload changed, was added or was removed.";
  const total = planTotals(same.map((w) => w.head!));
  const count = same.length === 1 ? `1 workload unchanged (${workloadName(same[0], name)})` : `${same.length} workloads unchanged`;
  return `${count}: ${formatUsd(total.usdPerMonth)} a month expected, ${formatUsd(total.maxUsdPerMonth)} in the worst case.`;
}

function pricesLine(c: PlanComparison): string {
  const { base, head } = c;
  if (!base.workloads && !head.workloads) return "Neither plan has GPU workloads.";
  if (!base.workloads || !head.workloads) {
    const priced = head.workloads ? head : base;
    return `Prices: on-demand as of ${priced.pricesAsOf}, spot estimates as of ${priced.spotPricesAsOf}; the ${priced === head ? "base" : "head"} plan has no GPU workloads; a month is ${priced.hoursPerMonth} hours.`;
  }
  if (c.samePrices) {
    return `Prices: on-demand as of ${head.pricesAsOf}, spot estimates as of ${head.spotPricesAsOf}, in both plans; a month is ${head.hoursPerMonth} hours.`;
  }
  return (
    `Prices were read on different days (base: on-demand ${base.pricesAsOf}, spot ${base.spotPricesAsOf}; head: on-demand ${head.pricesAsOf}, spot ${head.spotPricesAsOf}): ` +
    "part of a change may come from the new prices rather than from a change to the app."
  );
}

function checkLines(limits: CostLimits, failed: readonly string[]): string[] {
  const given = (pairs: [string, number | undefined][]) =>
    pairs
      .filter(([, v]) => v !== undefined)
      .map(([flag, v]) => `${flag} ${v}`)
      .join(" and ");
  const expected = given([
    ["--fail-above-usd", limits.failAboveUsd],
    ["--fail-above-percent", limits.failAbovePercent],
  ]);
  const worst = given([
    ["--fail-above-max-usd", limits.failAboveMaxUsd],
    ["--fail-above-max-percent", limits.failAboveMaxPercent],
  ]);
  if (!expected && !worst) return [];
  const within = [expected && `the expected monthly change is within ${expected}`, worst && `the worst-case monthly change within ${worst}`]
    .filter(Boolean)
    .join(", and ");
  if (failed.length === 0) return ["", `Cost check passed: ${within}.`];
  return ["", `Cost check failed: ${failed.join(" ")}`];
}
