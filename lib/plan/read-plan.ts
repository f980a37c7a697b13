import * as fs from "fs";
import * as path from "path";
import { GpuWorkloadsError, formatValue } from "../validation/errors";
import { replaceActiveCharacters } from "../validation/active-characters";
import { CAPACITY_KINDS, GPU_PLAN_FILE, GPU_PLAN_VERSION, GpuPlan, PlannedWorkload, emptyPlan } from "./gpu-plan";
import { readJsonFile } from "./read-json";
import { SYNTH_MANIFEST } from "./synth-stacks";

/** Largest plan `report` reads: a plan of 10,000 workloads is about 15 MB. */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

/** Deepest nesting of arrays and objects a plan may have: a real one has 5 (plan, workloads, workload, alternatives, alternative). */
export const MAX_PLAN_DEPTH = 32;

/** A plan file that cannot be read as a cdktf-gpu-workloads plan. */
export class BadPlanError extends GpuWorkloadsError {
  constructor(
    readonly file: string,
    readonly problem: string,
    /** The flag that named the file, so the message says which plan it is. */
    readonly flag = "--dir",
  ) {
    super("BadPlan", `${file} (${flag}) is not a cdktf-gpu-workloads plan: ${problem}. Synthesize again (npm run synth or cdktf synth).`);
  }
}

/** The plan file a flag names: the gpu-plan.json inside a folder (a synth's cdktf.out), else the file itself. */
export function planFileAt(fileOrFolder: string): string {
  return fs.statSync(fileOrFolder, { throwIfNoEntry: false })?.isDirectory() ? path.join(fileOrFolder, GPU_PLAN_FILE) : fileOrFolder;
}

/** Characters of one recorded violation a message quotes (they come from the file). */
const MAX_VIOLATION_SHOWN = 1000;

/**
 * Refuses a plan whose synth failed its organization policy or BudgetGuard (the violations it records): what it
 * prices is not deployable as it stands, so no report may pass it.
 */
export function refuseViolations(file: string, plan: GpuPlan): void {
  if (!plan.violations?.length) return;
  const shown = plan.violations.map((v) => replaceActiveCharacters(v.slice(0, MAX_VIOLATION_SHOWN)));
  throw new GpuWorkloadsError("PlanViolations", `the synth that wrote ${file} failed: ${shown.join(" ")} Fix the app and synthesize again.`);
}

/**
 * The plan a flag names and its file, or an empty plan where the flag names a synth's output folder without
 * one: synth writes no plan for an app without GPU workloads (and an app that does not use this library has
 * none either), so a pull request that adds the first workload compares with nothing. A folder that holds no
 * synth, or a path that does not exist, is still an error: a typo must not pass as "no workloads".
 */
export function readPlanOrEmpty(fileOrFolder: string, flag: string): { readonly file: string; readonly plan: GpuPlan } {
  const file = planFileAt(fileOrFolder);
  // lstat: a dangling link named gpu-plan.json is not "no plan"; readPlanFile refuses it as a link.
  if (file !== fileOrFolder && !fs.lstatSync(file, { throwIfNoEntry: false }) && fs.existsSync(path.join(fileOrFolder, SYNTH_MANIFEST))) {
    return { file, plan: emptyPlan() };
  }
  return { file, plan: readPlanFile(file, flag) };
}

/**
 * Reads and checks a plan file (readJsonFile: a regular file, no link, within MAX_PLAN_BYTES and MAX_PLAN_DEPTH, never
 * quoted); every field the report uses is checked for its type. Errors name the file and the flag that gave it.
 */
export function readPlanFile(file: string, flag = "--dir"): GpuPlan {
  const read = readJsonFile(file, { maxBytes: MAX_PLAN_BYTES, maxDepth: MAX_PLAN_DEPTH });
  if ("missing" in read) {
    throw new GpuWorkloadsError(
      "NoPlan",
      `${file} does not exist. Run the synth first (npm run synth, or cdktf synth), or point ${flag} at its output folder.`,
    );
  }
  if ("problem" in read) throw new BadPlanError(file, read.problem, flag);
  return checkPlan(file, read.value, flag);
}

/** "amount": a finite number, never negative (every count and price of a plan): a plan that makes a rise look like a fall is bad. */
type FieldType = "string" | "amount" | "boolean" | "string[]" | "instances" | "capacity" | "amount|null" | "alternatives" | "rootVolume?" | "run?";

const WORKLOAD_FIELDS: Readonly<Record<keyof PlannedWorkload, FieldType>> = {
  stack: "string",
  path: "string",
  workloadClass: "string",
  region: "string",
  regionKnown: "boolean",
  purchase: "string",
  instanceType: "string",
  instanceTypes: "string[]",
  droppedInstanceTypes: "string[]",
  gpu: "string",
  gpuCount: "amount",
  gpuFraction: "amount",
  nodeCount: "amount",
  capacity: "capacity",
  instances: "instances",
  usdPerInstanceHour: "amount",
  spotUsdPerInstanceHour: "amount|null",
  usdPerHour: "amount",
  usdPerMonth: "amount",
  maxUsdPerMonth: "amount",
  maxInstanceType: "string",
  reason: "string",
  alternatives: "alternatives",
  rootVolume: "rootVolume?",
  run: "run?",
};

/** The plan, when every field has the type the report reads; else a BadPlanError naming the first field that does not. */
function checkPlan(file: string, plan: unknown, flag = "--dir"): GpuPlan {
  const bad = (problem: string) => new BadPlanError(file, problem, flag);
  const p = plan as Record<string, unknown>;
  if (!isObject(p)) throw bad("it is not a JSON object");
  // formatValue: a value from the file is quoted cut short and with control characters escaped.
  if (p.tool !== "cdktf-gpu-workloads") throw bad(`"tool" is ${formatValue(p.tool)}, not "cdktf-gpu-workloads"`);
  if (p.version === 1) {
    throw bad("it has version 1 (cdktf-gpu-workloads 0.1: us-east-1 prices only, worst cases at the chosen type); this report reads version 2");
  }
  if (p.version !== GPU_PLAN_VERSION) {
    throw bad(`it has version ${formatValue(p.version)}; this report reads version ${GPU_PLAN_VERSION}`);
  }
  for (const [field, type] of [
    ["pricesAsOf", "string"],
    ["spotPricesAsOf", "string"],
    ["hoursPerMonth", "amount"],
  ] as const) {
    if (!hasType(p[field], type)) throw bad(`"${field}" is not ${typeName(type)}`);
  }
  // Dates reach Markdown comments unescaped, so they must be dates.
  for (const field of ["pricesAsOf", "spotPricesAsOf"]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p[field] as string)) throw bad(`"${field}" is ${formatValue(p[field])}, not a date (YYYY-MM-DD)`);
  }
  if (!Array.isArray(p.workloads)) throw bad('"workloads" is not a list');
  if (p.violations !== undefined && !hasType(p.violations, "string[]")) throw bad('"violations" is not a list of strings');
  p.workloads.forEach((w: unknown, i: number) => {
    if (!isObject(w)) throw bad(`workloads[${i}] is not an object`);
    for (const [field, type] of Object.entries(WORKLOAD_FIELDS)) {
      if (!hasType((w as Record<string, unknown>)[field], type)) throw bad(`workloads[${i}].${field} is not ${typeName(type)}`);
    }
  });
  return plan as GpuPlan;
}

function typeName(type: FieldType): string {
  return type === "amount" ? "a finite number of zero or more" : type === "amount|null" ? "a finite number of zero or more, or null" : `a ${type}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case "amount":
      return typeof value === "number" && Number.isFinite(value) && value >= 0;
    case "amount|null":
      return value === null || hasType(value, "amount");
    case "string[]":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "instances":
      return isObject(value) && ["min", "desired", "max"].every((k) => hasType(value[k], "amount"));
    case "capacity":
      return typeof value === "string" && (CAPACITY_KINDS as readonly string[]).includes(value);
    case "alternatives":
      return (
        Array.isArray(value) &&
        value.every(
          (a) =>
            isObject(a) &&
            hasType(a.instanceType, "string") &&
            hasType(a.gpu, "string") &&
            ["gpuCount", "nodeCount", "usdPerInstanceHour", "onDemandUsdPerHour"].every((k) => hasType(a[k], "amount")),
        )
      );
    case "rootVolume?":
      return value === undefined || (isObject(value) && ["sizeGiB", "throughputMiBps", "iops", "usdPerMonth"].every((k) => hasType(value[k], "amount")));
    case "run?":
      return value === undefined || (isObject(value) && ["hoursPerRun", "usdPerRun", "runsPerMonth"].every((k) => hasType(value[k], "amount")));
    default:
      return typeof value === type;
  }
}
