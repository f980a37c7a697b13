import * as path from "path";
import { GPU_PLAN_FILE, PlannedWorkload } from "../plan/gpu-plan";
import { readPlanFile } from "../plan/read-plan";
import { formatUsd as money } from "../plan/money";
import { Command } from "./command";
import { renderTable } from "./table";

const HEADERS = ["workload", "class", "capacity", "instance", "GPUs", "instances", "purchase", "$/hour", "$/month", "max $/month"];

export const reportCommand: Command = {
  name: "report",
  summary: "the cost table of a synthesized app, per stack, with totals (for pull requests)",
  usage: "gpu-workloads report [--dir cdktf.out] [--markdown | --json]",
  flags: { dir: "string", markdown: "boolean", json: "boolean" },
  run(flags) {
    const plan = readPlanFile(path.join(String(flags.dir ?? "cdktf.out"), GPU_PLAN_FILE));
    const stacks = [...new Set(plan.workloads.map((w) => w.stack))].sort();
    const totals = (list: readonly PlannedWorkload[]) => ({
      usdPerHour: round(list.reduce((s, w) => s + w.usdPerHour, 0), 4),
      usdPerMonth: round(list.reduce((s, w) => s + w.usdPerMonth, 0), 2),
      maxUsdPerMonth: round(list.reduce((s, w) => s + w.maxUsdPerMonth, 0), 2),
    });
    const perStack = stacks.map((stack) => {
      const workloads = plan.workloads.filter((w) => w.stack === stack);
      return { stack, workloads, totals: totals(workloads) };
    });
    const json = { pricesAsOf: plan.pricesAsOf, stacks: perStack.map((s) => ({ stack: s.stack, ...s.totals, workloads: s.workloads })), totals: totals(plan.workloads) };
    const markdown = flags.markdown === true;
    const table = (rows: (string | number)[][]) => (markdown ? markdownTable(HEADERS, rows) : renderTable(HEADERS, rows));
    const name = (text: string) => (markdown ? markdownText(text) : text);
    const lines: string[] = [markdown ? "## GPU workloads: cost plan" : "GPU workloads: cost plan", ""];
    for (const s of perStack) {
      lines.push(markdown ? `### Stack ${name(s.stack)}` : `Stack ${s.stack}`, "");
      lines.push(table([...s.workloads.map(row), totalRow(`${s.stack} total`, s.totals)]), "");
    }
    const app = totals(plan.workloads);
    lines.push(
      `${markdown ? "**" : ""}App total: ${money(app.usdPerHour)}/hour, ${money(app.usdPerMonth)}/month; up to ${money(app.maxUsdPerMonth)}/month at maximum scale.${markdown ? "**" : ""}`,
      "",
      `On-demand Linux prices in us-east-1 as of ${plan.pricesAsOf}; a month is ${plan.hoursPerMonth} hours. Spot workloads are priced on-demand (an upper bound) unless a spot price is known.`,
    );
    return { json, text: lines.join("\n") };
  },
};

function row(w: PlannedWorkload): (string | number)[] {
  const { min, desired, max } = w.instances;
  const instances = min === max ? String(desired) : `${desired} (${min}–${max})`;
  const types = w.instanceTypes.length > 1 ? ` +${w.instanceTypes.length - 1} fallback` : "";
  return [w.path, w.workloadClass, w.capacity, w.instanceType + types, `${w.gpuCount}× ${w.gpu}`, instances, w.purchase, money(w.usdPerHour), money(w.usdPerMonth), money(w.maxUsdPerMonth)];
}

function totalRow(label: string, t: { usdPerHour: number; usdPerMonth: number; maxUsdPerMonth: number }): (string | number)[] {
  return [label, "", "", "", "", "", "", money(t.usdPerHour), money(t.usdPerMonth), money(t.maxUsdPerMonth)];
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

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
