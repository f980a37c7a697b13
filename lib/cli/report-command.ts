import * as fs from "fs";
import * as path from "path";
import { GPU_PLAN_FILE, GpuPlan, PlannedWorkload } from "../plan/gpu-plan";
import { formatUsd as money } from "../plan/money";
import { GpuWorkloadsError } from "../selection/errors";
import { Command } from "./command";
import { renderTable } from "./table";

const HEADERS = ["workload", "class", "capacity", "instance", "GPUs", "instances", "purchase", "$/hour", "$/month", "max $/month"];

export const reportCommand: Command = {
  name: "report",
  summary: "the cost table of a synthesized app, per stack, with totals (for pull requests)",
  usage: "gpu-workloads report [--dir cdktf.out] [--markdown | --json]",
  flags: { dir: "string", markdown: "boolean", json: "boolean" },
  run(flags) {
    const plan = readPlan(String(flags.dir ?? "cdktf.out"));
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
    const lines: string[] = [markdown ? "## GPU workloads: cost plan" : "GPU workloads: cost plan", ""];
    for (const s of perStack) {
      lines.push(markdown ? `### Stack \`${s.stack}\`` : `Stack ${s.stack}`, "");
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

function readPlan(dir: string): GpuPlan {
  const file = path.join(dir, GPU_PLAN_FILE);
  if (!fs.existsSync(file)) {
    throw new GpuWorkloadsError("NoPlan", `${file} does not exist. Run the synth first (npm run synth, or cdktf synth), or point --dir at its output folder.`);
  }
  try {
    const plan = JSON.parse(fs.readFileSync(file, "utf8")) as GpuPlan;
    if (!Array.isArray(plan.workloads)) throw new Error("no workloads");
    return plan;
  } catch (error) {
    throw new GpuWorkloadsError("BadPlan", `${file} is not a cdktf-gpu-workloads plan (${(error as Error).message}); synthesize again.`);
  }
}

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
    ...rows.map((r) => `| ${r.map(String).join(" | ")} |`),
  ].join("\n");
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
