import * as fs from "fs";
import * as path from "path";
import { stackOf } from "./framework";
import { IConstruct } from "constructs";
import { GPU_PLAN_FILE, GpuPlan, PlannedWorkload, emptyPlan } from "../../plan/gpu-plan";
import { round2 } from "../../plan/money";
import type { GpuWorkload } from "../gpu-workload";
import { workloadsUnder } from "./workload-brand";
import { recordedViolations } from "./synth-violations";
import { DeployedCapacity } from "./deployed-capacity";

/** Alternatives a plan lists per workload: enough for a reviewer to weigh the choice. */
const PLAN_ALTERNATIVES = 3;

const appsWithPlan = new WeakSet<IConstruct>();

/**
 * Writes cdktf.out/gpu-plan.json when the app synthesizes: every workload of the app, sorted by path, no
 * timestamps, so the file is deterministic. App.synth() validates the app once after every stack is
 * synthesized: the one moment that sees the whole app, whatever stacks it has. So the writer is an App
 * validation (registered once, by the first workload or platform); it writes atomically (temp file +
 * rename) and removes a stale plan when the app has no workloads left. `new App({ skipValidation: true })`
 * skips it along with cdktf's own validations.
 */
export function registerPlanFile(scope: IConstruct): void {
  const root = scope.node.root;
  if (appsWithPlan.has(root)) return;
  appsWithPlan.add(root);
  root.node.addValidation({
    validate() {
      const workloads = workloadsUnder(root);
      // Every workload judged again as the tree and its resources stand now (a platform added later, an override),
      // with what BudgetGuard found: the synth fails on any, whatever CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS says.
      const judged = new Map(workloads.map((w) => [w, w.judged()]));
      const violations = [...workloads.flatMap((w) => judged.get(w)!.violations.map((v) => `${w.node.path}: ${v}`)), ...recordedViolations(root)];
      const outdir = (root as { outdir?: unknown }).outdir;
      if (typeof outdir === "string")
        writePlanFile(
          path.join(outdir, GPU_PLAN_FILE),
          buildPlan(workloads, violations, (w) => judged.get(w)!.deployed),
        );
      return violations;
    },
  });
}

function writePlanFile(file: string, plan: GpuPlan): void {
  if (plan.workloads.length === 0) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(plan, null, 2) + "\n");
  fs.renameSync(temporary, file);
}

/** The plan of `workloads`, their worst cases as their final resources stand (`deployedOf`, else read now). */
export function buildPlan(
  workloads: readonly GpuWorkload[],
  violations: readonly string[] = [],
  deployedOf: (w: GpuWorkload) => DeployedCapacity = (w) => w.judged().deployed,
): GpuPlan {
  return {
    ...emptyPlan(),
    pricesAsOf: workloads[0]?.decision.pricesAsOf ?? "",
    spotPricesAsOf: workloads[0]?.decision.spotPricesAsOf ?? "",
    workloads: workloads.map((w) => planned(w, deployedOf(w))),
    ...(violations.length && { violations: [...violations] }),
  };
}

function planned(w: GpuWorkload, deployed: DeployedCapacity): PlannedWorkload {
  const d = w.decision;
  // The worst case of the final resources (after any override since construction), as BudgetGuard judges it.
  const c = { ...w.capacity, instanceTypes: deployed.instanceTypes, maxUsdPerMonth: deployed.maxUsdPerMonth, maxInstanceType: deployed.maxInstanceType };
  return {
    stack: stackOf(w).node.id,
    path: w.node.path,
    workloadClass: d.workload,
    region: d.region,
    regionKnown: d.regionKnown,
    purchase: d.purchase,
    instanceType: d.instanceType,
    instanceTypes: c.instanceTypes,
    droppedInstanceTypes: c.droppedInstanceTypes,
    gpu: d.gpu.name,
    gpuCount: d.gpuCount,
    gpuFraction: d.gpuFraction,
    nodeCount: d.nodeCount,
    capacity: c.kind,
    instances: { ...c.instances, max: deployed.maxInstances },
    usdPerInstanceHour: d.usdPerInstanceHour,
    spotUsdPerInstanceHour: d.spotUsdPerInstanceHour,
    usdPerHour: c.usdPerHour,
    usdPerMonth: c.usdPerMonth,
    maxUsdPerMonth: c.maxUsdPerMonth,
    maxInstanceType: c.maxInstanceType,
    ...(c.run && { run: { hoursPerRun: c.run.hoursPerRun, usdPerRun: c.run.usdPerRun, runsPerMonth: c.run.runsPerMonth } }),
    reason: d.reason,
    rootVolume: {
      sizeGiB: w.rootVolume.sizeGiB,
      throughputMiBps: w.rootVolume.throughputMiBps,
      iops: w.rootVolume.iops,
      usdPerMonth: round2(w.rootVolume.usdPerVolumeMonth * c.instances.desired),
    },
    alternatives: d.alternatives.slice(0, PLAN_ALTERNATIVES).map((a) => ({
      instanceType: a.instanceType,
      gpu: a.gpu.name,
      gpuCount: a.gpuCount,
      nodeCount: a.nodeCount,
      usdPerInstanceHour: a.usdPerInstanceHour,
      onDemandUsdPerHour: a.onDemandUsdPerHour,
    })),
  };
}
