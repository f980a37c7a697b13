import * as path from "path";
import { GPU_PLAN_FILE, PlannedWorkload } from "../plan/gpu-plan";
import { readPlanFile } from "../plan/read-plan";
import { formatUsd as money, round2, round4 } from "../plan/money";
import { Command } from "./command";
import { gpusLabel } from "../taxonomy/gpu-share";
import { renderTable, usd } from "./table";

const HEADERS = ["workload", "region", "capacity", "instance", "GPUs", "instances", "purchase", "$/inst-h od / spot", "$/hour", "$/month", "max $/month", "max set by"];

export const reportCommand: Command = {
  name: "report",
  summary: "the cost table of a synthesized app, per stack, with totals (for pull requests)",
  usage: "gpu-workloads report [--dir cdktf.out] [--markdown | --json]",
  flags: { dir: "string", markdown: "boolean", json: "boolean" },
  run(flags) {
    const plan = readPlanFile(path.join(String(flags.dir ?? "cdktf.out"), GPU_PLAN_FILE));
    const stacks = [...new Set(plan.workloads.map((w) => w.stack))].sort();
    const totals = (list: readonly PlannedWorkload[]) => ({
      usdPerHour: round4(list.reduce((s, w) => s + w.usdPerHour, 0)),
      usdPerMonth: round2(list.reduce((s, w) => s + w.usdPerMonth, 0)),
      maxUsdPerMonth: round2(list.reduce((s, w) => s + w.maxUsdPerMonth, 0)),
    });
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
    const markdown = flags.markdown === true;
    const table = (rows: (string | number)[][]) => (markdown ? markdownTable(HEADERS, rows) : renderTable(HEADERS, rows));
    const name = (text: string) => (markdown ? markdownText(text) : text);
    const lines: string[] = [markdown ? "## GPU workloads: cost plan" : "GPU workloads: cost plan", ""];
    for (const s of perStack) {
      lines.push(markdown ? `### Stack ${name(s.stack)}` : `Stack ${s.stack}`, "");
      lines.push(table([...s.workloads.map(row), totalRow(`${s.stack} total`, s.totals)]), "");
    }
    const app = totals(plan.workloads);
    const assumed = [...new Set(plan.workloads.filter((w) => !w.regionKnown).map((w) => w.path))];
    lines.push(
      `${markdown ? "**" : ""}App total: ${money(app.usdPerHour)}/hour, ${money(app.usdPerMonth)}/month expected; up to ${money(app.maxUsdPerMonth)}/month in the worst case.${markdown ? "**" : ""}`,
      "",
      `Prices: on-demand Linux per region as of ${plan.pricesAsOf}; spot estimates (median over a region's zones) as of ${plan.spotPricesAsOf}; a month is ${plan.hoursPerMonth} hours. ` +
        "Expected cost prices what is bought on spot at the spot estimate; the worst case is the most instances of the dearest type the capacity may launch, on-demand." +
        (assumed.length ? ` No region known for ${assumed.map(name).join(", ")}: us-east-1 prices.` : ""),
    );
    return { json, text: lines.join("\n") };
  },
};

function row(w: PlannedWorkload): (string | number)[] {
  const { min, desired, max } = w.instances;
  const instances = min === max ? String(desired) : `${desired} (${min}–${max})`;
  const types = w.instanceTypes.length > 1 ? ` +${w.instanceTypes.length - 1} fallback` : "";
  const spot = w.spotUsdPerInstanceHour === null ? "–" : usd(w.spotUsdPerInstanceHour);
  return [
    w.path,
    w.regionKnown ? w.region : `${w.region}*`,
    w.capacity,
    w.instanceType + types,
    gpusLabel(w.gpuCount, w.gpuFraction, w.gpu),
    instances,
    w.purchase,
    `${usd(w.usdPerInstanceHour)} / ${spot}`,
    money(w.usdPerHour),
    money(w.usdPerMonth),
    money(w.maxUsdPerMonth),
    `${w.instances.max} × ${w.maxInstanceType}`,
  ];
}

function totalRow(label: string, t: { usdPerHour: number; usdPerMonth: number; maxUsdPerMonth: number }): (string | number)[] {
  return [label, "", "", "", "", "", "", "", money(t.usdPerHour), money(t.usdPerMonth), money(t.maxUsdPerMonth), ""];
}

function markdownTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const numeric = (h: string) => h.startsWith("$") || h.includes("$/");
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map((h) => (numeric(h) ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((cell) => markdownText(String(cell))).join(" | ")} |`),
  ].join("\n");
}

/**
 * Text from the plan as inert Markdown: a stack or construct name must not open a heading, a link, an
 * image, a mention or HTML in a pull-request comment, nor break out of its table cell.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "&#64;")
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}
