import { comparePlans } from "../plan/compare-plans";
import { GpuPlan, PlannedWorkload, planTotals } from "../plan/gpu-plan";
import { readPlanOrEmpty } from "../plan/read-plan";
import { readSynthPlan } from "../plan/read-synth";
import { formatUsd as money, groupThousands, round2, round4 } from "../plan/money";
import { gpusLabel } from "../taxonomy/gpu-share";
import { GpuWorkloadsError } from "../validation/errors";
import { checkNumber } from "../validation/numbers";
import { FlagSpec, JSON_FLAG, ParsedFlags, flag } from "./args";
import { CommandOutput, command } from "./command";
import { compareReport } from "./compare-report";
import { markdownTable } from "./markdown";
import { PlanName, markdownName, textName } from "./plan-name";
import { hourlyOr, instancesText, renderTable } from "./table";
import { wrap } from "./wrap";

/** The Markdown table's columns. */
const HEADERS = [
  "workload",
  "region",
  "capacity",
  "instance",
  "GPUs",
  "instances",
  "purchase",
  "$/inst-h od / spot",
  "$/hour",
  "$/month",
  "max $/month",
  "max set by",
];

/** The flags report takes. */
const REPORT_FLAGS = {
  dir: flag.string("DIR", "the synth's output folder, which holds gpu-plan.json (default cdktf.out)"),
  "compare-to": flag.string("BASE_PLAN", "report the change from this base plan: its gpu-plan.json, or the cdktf.out folder holding it"),
  "fail-above-usd": flag.number("N", "with --compare-to: exit 1 when the expected monthly cost rises by more than N dollars"),
  "fail-above-percent": flag.number("P", "with --compare-to: exit 1 when the expected monthly cost rises by more than P percent"),
  "fail-above-max-usd": flag.number(
    "N",
    "with --compare-to: exit 1 when the worst-case monthly cost rises by more than N dollars (default: --fail-above-usd's N, when any limit is given)",
  ),
  "fail-above-max-percent": flag.number(
    "P",
    "with --compare-to: exit 1 when the worst-case monthly cost rises by more than P percent (default: --fail-above-percent's P, when any limit is given)",
  ),
  markdown: flag.switch("print Markdown for a pull-request comment (names from the plan are inline code)"),
  json: JSON_FLAG,
} satisfies FlagSpec;

/** report's flags as parsed. */
type ReportFlags = ParsedFlags<typeof REPORT_FLAGS>;

export const reportCommand = command({
  name: "report",
  summary: "the cost of a synthesized app per stack, or its change from a base plan (for pull requests)",
  usage:
    "gpu-workloads report [--dir cdktf.out] [--markdown | --json]" +
    " [--compare-to BASE_PLAN [--fail-above-usd N] [--fail-above-percent P] [--fail-above-max-usd N] [--fail-above-max-percent P]]",
  flags: REPORT_FLAGS,
  exitsWith1:
    "with --compare-to, when the expected monthly cost rises above --fail-above-usd or --fail-above-percent, or the worst case above --fail-above-max-usd or --fail-above-max-percent",
  examples: [
    "gpu-workloads report --markdown > cost.md",
    "gpu-workloads report --dir head/cdktf.out --compare-to base/cdktf.out/gpu-plan.json --markdown",
    "gpu-workloads report --compare-to base/cdktf.out --fail-above-usd 500 --fail-above-percent 10",
  ],
  run(flags) {
    const dir = String(flags.dir ?? "cdktf.out");
    if (flags["compare-to"] !== undefined) return compare(flags, dir);
    for (const flag of LIMIT_FLAGS) {
      if (flags[flag] !== undefined)
        throw new GpuWorkloadsError("MissingFlag", `--${flag} limits the change from a base plan; give the base with --compare-to.`);
    }
    // A synth beside the plan (cdktf.out) holds it to its stacks; a synth without a plan is an error here.
    return planReport(readSynthPlan(dir, "--dir", { requireSynth: false, emptyWithoutWorkloads: false }).plan, flags.markdown === true);
  },
});

const LIMIT_FLAGS = ["fail-above-usd", "fail-above-percent", "fail-above-max-usd", "fail-above-max-percent"] as const;

/**
 * `report --compare-to`: the head (--dir, a pull request's whole synth, its plan held to its stacks) against a base
 * plan, with the cost limits. The worst case is gated as well as the expected cost: its own limits, or when only the
 * expected cost's are given, the same ones (a pull request must not raise what the app can spend unnoticed).
 */
function compare(flags: ReportFlags, dir: string): CommandOutput {
  for (const flag of LIMIT_FLAGS) checkNumber(`--${flag}`, flags[flag], { min: 0, unit: flag.endsWith("usd") ? "USD a month" : "percent" });
  const base = readPlanOrEmpty(flags["compare-to"]!, "--compare-to");
  const head = readSynthPlan(dir, "--dir", { requireSynth: true, emptyWithoutWorkloads: true });
  const comparison = comparePlans(base.plan, head.plan, { base: `the base plan ${base.file} (--compare-to)`, head: `the head plan ${head.file} (--dir)` });
  const given = (name: (typeof LIMIT_FLAGS)[number]) => flags[name];
  const anyMax = given("fail-above-max-usd") !== undefined || given("fail-above-max-percent") !== undefined;
  const limits = {
    failAboveUsd: given("fail-above-usd"),
    failAbovePercent: given("fail-above-percent"),
    failAboveMaxUsd: anyMax ? given("fail-above-max-usd") : given("fail-above-usd"),
    failAboveMaxPercent: anyMax ? given("fail-above-max-percent") : given("fail-above-percent"),
  };
  return compareReport(comparison, { base: base.file, head: head.file }, limits, flags.markdown === true);
}

/** The cost table of one plan, per stack. */
function planReport(plan: GpuPlan, markdown: boolean): CommandOutput {
  const stacks = [...new Set(plan.workloads.map((w) => w.stack))].sort();
  const totals = (list: readonly PlannedWorkload[]) => ({ usdPerHour: round4(list.reduce((s, w) => s + w.usdPerHour, 0)), ...planTotals(list) });
  const perStack = stacks.map((stack) => {
    const workloads = plan.workloads.filter((w) => w.stack === stack);
    return { stack, workloads, totals: totals(workloads) };
  });
  const json = {
    pricesAsOf: plan.pricesAsOf,
    spotPricesAsOf: plan.spotPricesAsOf,
    stacks: perStack.map((s) => ({ stack: s.stack, ...s.totals, workloads: s.workloads })),
    totals: totals(plan.workloads),
  };
  return { json, text: markdown ? markdownPlan(plan, perStack, json.totals) : textPlan(plan, perStack, json.totals) };
}

interface Totals {
  readonly usdPerHour: number;
  readonly usdPerMonth: number;
  readonly maxUsdPerMonth: number;
}

interface StackCost {
  readonly stack: string;
  readonly workloads: readonly PlannedWorkload[];
  readonly totals: Totals;
}

/** One table per stack with every column, for a pull request (a browser scrolls sideways). Names from the plan are inline code. */
function markdownPlan(plan: GpuPlan, perStack: readonly StackCost[], app: Totals): string {
  const name = markdownName;
  const lines = ["## GPU workloads: cost plan", ""];
  for (const s of perStack) {
    const rows = [...s.workloads.map((w) => row(w, name)), totalRow(`${name(s.stack)} total`, s.totals)];
    lines.push(`### Stack ${name(s.stack)}`, "", markdownTable(HEADERS, rows), "");
  }
  lines.push(`**${appTotal(app)}**`, "", ...runLines(plan, markdownTable, name), ...volumeLines(plan, markdownTable, name), pricesNote(plan, name));
  return lines.join("\n");
}

/**
 * Within 100 columns: per stack what runs and what it costs, then one table of where and at what prices,
 * with the fallback count after the instance type (explained below the tables).
 */
function textPlan(plan: GpuPlan, perStack: readonly StackCost[], app: Totals): string {
  const name = textName;
  const lines = ["GPU workloads: cost plan", ""];
  for (const s of perStack) {
    const rows = s.workloads.map((w) => [
      name(w.path),
      name(w.instanceType) + (w.instanceTypes.length > 1 ? ` +${w.instanceTypes.length - 1}` : ""),
      instancesText(w.instances),
      name(w.purchase),
      money(w.usdPerHour),
      money(w.usdPerMonth),
      money(w.maxUsdPerMonth),
    ]);
    const total = [`${name(s.stack)} total`, "", "", "", money(s.totals.usdPerHour), money(s.totals.usdPerMonth), money(s.totals.maxUsdPerMonth)];
    lines.push(
      `Stack ${name(s.stack)}`,
      "",
      renderTable(["workload", "instance", "instances", "purchase", "$/hour", "$/month", "max $/month"], [...rows, total]),
      "",
    );
  }
  lines.push(
    "Where and at what prices",
    "",
    renderTable(
      ["workload", "region", "capacity", "GPUs", "$/inst-h", "spot", "max set by"],
      perStack.flatMap((s) =>
        s.workloads.map((w) => [
          name(w.path),
          regionCell(w, name),
          name(w.capacity),
          gpusLabel(w.gpuCount, w.gpuFraction, name(w.gpu)),
          hourlyOr(w.usdPerInstanceHour),
          hourlyOr(w.spotUsdPerInstanceHour),
          maxSetBy(w, name),
        ]),
      ),
    ),
    "",
    wrap(appTotal(app)),
    "",
    ...runLines(plan, (headers, rows) => renderTable(headers, rows), name, wrap),
    ...volumeLines(plan, (headers, rows) => renderTable(headers, rows), name, wrap),
    wrap("instance +N: N fallback types the capacity may also launch. $/inst-h: one instance on-demand; spot: its spot estimate."),
    wrap(pricesNote(plan, name)),
  );
  return lines.join("\n");
}

/**
 * Jobs whose instances stop when they end: their $/month above is their runs, so each one's hours and cost per run and
 * runs a month are shown. Nothing when no workload is such a job.
 */
function runLines(plan: GpuPlan, table: (headers: string[], rows: string[][]) => string, name: PlanName, heading = (t: string) => t): string[] {
  const jobs = plan.workloads.filter((w) => w.run);
  if (jobs.length === 0) return [];
  const rows = jobs.map((w) => {
    const r = w.run!;
    return [name(w.path), `${r.hoursPerRun} h`, money(r.usdPerRun), String(r.runsPerMonth), money(w.usdPerMonth)];
  });
  return [
    heading("Jobs (their instances stop when the job ends: $/month is the runs, not 730 hours; the worst case is their instances left running)"),
    "",
    table(["workload", "hours/run", "$/run", "runs/month", "$/month"], rows),
    "",
  ];
}

/**
 * The root volumes, apart from the instances' cost: each instance's gp3 volume (size, throughput, IOPS) and all of them
 * for a month at us-east-1's list prices. Nothing for a plan written before volumes were recorded.
 */
function volumeLines(plan: GpuPlan, table: (headers: string[], rows: string[][]) => string, name: PlanName, heading = (t: string) => t): string[] {
  const withVolumes = plan.workloads.filter((w) => w.rootVolume);
  if (withVolumes.length === 0) return [];
  const rows = withVolumes.map((w) => {
    const v = w.rootVolume!;
    return [name(w.path), `${groupThousands(v.sizeGiB)} GiB`, `${groupThousands(v.throughputMiBps)} MiB/s`, groupThousands(v.iops), money(v.usdPerMonth)];
  });
  const total = round2(withVolumes.reduce((sum, w) => sum + w.rootVolume!.usdPerMonth, 0));
  return [
    heading("Root volumes (gp3, each instance's; $/month for all instances at the desired size, us-east-1 list prices, not in the totals above)"),
    "",
    table(["workload", "size", "throughput", "IOPS", "$/month"], [...rows, ["total", "", "", "", money(total)]]),
    "",
  ];
}

function appTotal(app: Totals): string {
  return `App total: ${money(app.usdPerHour)}/hour, ${money(app.usdPerMonth)}/month expected; up to ${money(app.maxUsdPerMonth)}/month in the worst case.`;
}

function pricesNote(plan: GpuPlan, name: PlanName): string {
  const assumed = [...new Set(plan.workloads.filter((w) => !w.regionKnown).map((w) => w.path))];
  return (
    `Prices: on-demand Linux per region as of ${plan.pricesAsOf}; spot estimates (median over a region's zones) as of ${plan.spotPricesAsOf}; a month is ${plan.hoursPerMonth} hours. ` +
    "Expected cost prices what is bought on spot at the spot estimate; the worst case is the most instances of the dearest type the capacity may launch, on-demand." +
    (assumed.length ? ` No region known for ${assumed.map(name).join(", ")} (marked *): us-east-1 prices.` : "")
  );
}

/** A Markdown row: every column. */
function row(w: PlannedWorkload, name: PlanName): (string | number)[] {
  const instances = instancesText(w.instances);
  const types = w.instanceTypes.length > 1 ? ` +${w.instanceTypes.length - 1} fallback` : "";
  const spot = hourlyOr(w.spotUsdPerInstanceHour);
  return [
    name(w.path),
    regionCell(w, name),
    name(w.capacity),
    name(w.instanceType) + types,
    gpusLabel(w.gpuCount, w.gpuFraction, name(w.gpu)),
    instances,
    name(w.purchase),
    `${hourlyOr(w.usdPerInstanceHour)} / ${spot}`,
    money(w.usdPerHour),
    money(w.usdPerMonth),
    money(w.maxUsdPerMonth),
    maxSetBy(w, name),
  ];
}

/** The region, marked * where none was known and us-east-1 prices stand in. */
function regionCell(w: PlannedWorkload, name: PlanName): string {
  return w.regionKnown ? name(w.region) : `${name(w.region)}*`;
}

/** What sets the worst case: the most instances of the dearest type. */
function maxSetBy(w: PlannedWorkload, name: PlanName): string {
  return `${w.instances.max} × ${name(w.maxInstanceType)}`;
}

function totalRow(label: string, t: { usdPerHour: number; usdPerMonth: number; maxUsdPerMonth: number }): (string | number)[] {
  return [label, "", "", "", "", "", "", "", money(t.usdPerHour), money(t.usdPerMonth), money(t.maxUsdPerMonth), ""];
}
