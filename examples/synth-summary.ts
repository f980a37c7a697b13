import * as fs from "fs";
import * as path from "path";
import { GPU_PLAN_FILE, GpuPlan, formatUsd, planTotals } from "../lib";

interface ManifestAnnotation {
  readonly constructPath: string;
  readonly level: string;
  readonly message: string;
}

interface Manifest {
  readonly stacks: Record<string, { readonly synthesizedStackPath: string; readonly annotations: readonly ManifestAnnotation[] }>;
}

/**
 * What `cdktf synth` would tell you, for `node main.js`: each stack written, its resources and GPU cost, then
 * every warning and error (BudgetGuard's among them). Errors set a non-zero exit code, as `cdktf synth` does.
 */
export function printSynthSummary(outdir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as Manifest;
  const plan = JSON.parse(fs.readFileSync(path.join(outdir, GPU_PLAN_FILE), "utf8")) as GpuPlan;
  const names = Object.keys(manifest.stacks).sort();
  const lines = [`Synthesized ${names.length} stacks into ${outdir}/:`];
  for (const name of names) {
    const stack = manifest.stacks[name];
    const terraform = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), "utf8")) as { resource?: Record<string, object> };
    const resources = Object.values(terraform.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
    const workloads = plan.workloads.filter((w) => w.stack === name);
    const { usdPerMonth, maxUsdPerMonth } = planTotals(workloads);
    lines.push(
      `  ${name.padEnd(10)} ${stack.synthesizedStackPath}: ${resources} resources, ` +
        workloads.map((w) => `${w.path.split("/").pop()} on ${w.instanceType}`).join(", ") +
        `; ${formatUsd(usdPerMonth)}/month expected, up to ${formatUsd(maxUsdPerMonth)}/month`,
    );
  }
  const annotations = names.flatMap((name) => manifest.stacks[name].annotations);
  const errors = annotations.filter((a) => a.level.endsWith("/error"));
  for (const a of annotations.filter((a) => a.level.endsWith("/warn"))) lines.push(`Warning at ${a.constructPath}: ${a.message}`);
  lines.push(`Cost table: npx gpu-workloads report --dir ${outdir}`);
  console.log(lines.join("\n"));
  for (const a of errors) console.error(`Error at ${a.constructPath}: ${a.message}`);
  if (errors.length > 0) process.exitCode = 1;
}
