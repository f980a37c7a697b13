import * as fs from "fs";
import * as path from "path";
import { GpuWorkloadsError } from "../validation/errors";
import { GPU_PLAN_FILE, GpuPlan, emptyPlan } from "./gpu-plan";
import { BadPlanError, readPlanFile, refuseViolations } from "./read-plan";
import { SynthesizedStack, readSynthesizedStacks } from "./synth-stacks";

/**
 * The plan of the synth in `dir`, held to the synth's own stacks, so that a plan cannot say less than what would be
 * deployed: a synth whose stacks hold this library's resources but no plan (a synth that stopped before its
 * validation, or skipped it) is an error, not "$0"; a plan whose workloads do not match the stacks' launch templates
 * (one per workload, by instance type) and fleets (by max_size) is a BadPlan; a plan that records violations is refused.
 * Without a synth beside it (no manifest.json) the plan is read alone, unless `how.requireSynth` (a pull request's head).
 * A synth without workloads has no plan: it reads as an empty one where `how.emptyWithoutWorkloads` (one side of a
 * comparison), else as the missing plan it is (NoPlan).
 */
export function readSynthPlan(
  dir: string,
  flag: string,
  how: { readonly requireSynth: boolean; readonly emptyWithoutWorkloads: boolean },
): { readonly file: string; readonly plan: GpuPlan } {
  const { requireSynth } = how;
  const file = path.join(dir, GPU_PLAN_FILE);
  const folder = fs.statSync(dir, { throwIfNoEntry: false });
  // Nothing there: the synth has not run (readPlanFile says so); a plan file alone cannot be held to its stacks.
  if (!folder) return { file, plan: readPlanFile(file, flag) };
  if (!folder.isDirectory()) {
    if (!requireSynth) return { file, plan: readPlanFile(file, flag) };
    throw new GpuWorkloadsError(
      "NoSynth",
      `${dir} (${flag}) is not a folder: give the pull request's whole synth output folder (cdktf.out), whose stacks its plan is checked against.`,
    );
  }
  const stacks = readSynthesizedStacks(dir, flag);
  const hasPlan = fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  if (!hasPlan && stacks) {
    const workloads = [...stacks.values()].reduce((n, s) => n + s.launchTemplateTypes.length, 0);
    if (workloads > 0) {
      throw new GpuWorkloadsError(
        "NoPlan",
        `${dir} (${flag}) holds a synth whose stacks have ${workloads} cdktf-gpu-workloads launch template(s), but no ${GPU_PLAN_FILE}: the synth did not finish its validation (it failed, or the App skipped validations), so its cost is unknown. Synthesize again.`,
      );
    }
    return { file, plan: how.emptyWithoutWorkloads ? emptyPlan() : readPlanFile(file, flag) };
  }
  const plan = readPlanFile(file, flag);
  refuseViolations(file, plan);
  if (!stacks) {
    if (requireSynth) {
      throw new GpuWorkloadsError(
        "NoSynth",
        `${dir} (${flag}) holds a plan but no synth (manifest.json): the plan is checked against the stacks it came with, so give the whole cdktf.out.`,
      );
    }
    return { file, plan };
  }
  const mismatch = crossCheck(plan, stacks);
  if (mismatch) throw new BadPlanError(file, `it does not match the synthesized stacks beside it: ${mismatch}`, flag);
  return { file, plan };
}

/** Where the plan and the stacks disagree, in one sentence; undefined when they agree. */
function crossCheck(plan: GpuPlan, stacks: ReadonlyMap<string, SynthesizedStack>): string | undefined {
  const names = [...new Set([...stacks.keys(), ...plan.workloads.map((w) => w.stack)])].sort();
  for (const name of names) {
    const stack = stacks.get(name) ?? { launchTemplateTypes: [], fleetMaxSizes: [] };
    const workloads = plan.workloads.filter((w) => w.stack === name);
    const sorted = (values: readonly (string | number)[]) => [...values].map(String).sort().join(", ") || "none";
    const [stackTypes, planTypes] = [sorted(stack.launchTemplateTypes), sorted(workloads.map((w) => w.instanceType))];
    if (stackTypes !== planTypes) return `stack ${JSON.stringify(name.slice(0, 100))} launches ${stackTypes} (its launch templates), the plan ${planTypes}`;
    const [stackMax, planMax] = [sorted(stack.fleetMaxSizes), sorted(workloads.filter((w) => w.capacity === "auto-scaling-group").map((w) => w.instances.max))];
    if (stackMax !== planMax)
      return `stack ${JSON.stringify(name.slice(0, 100))} has fleets of at most ${stackMax} instances (their max_size), the plan ${planMax}`;
  }
  return undefined;
}
