import * as fs from "fs";
import * as path from "path";
import { TerraformStack } from "cdktf";
// Not re-exported from the package root: the hook cdktf itself uses for constructs that write files at synth.
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { IConstruct } from "constructs";
import { GPU_PLAN_FILE, GPU_PLAN_VERSION, GpuPlan, PlannedWorkload } from "../../plan/gpu-plan";
import { HOURS_PER_MONTH } from "../../plan/money";
import type { GpuWorkload } from "../gpu-workload";

/** Alternatives a plan lists per workload: enough for a reviewer to weigh the choice. */
const PLAN_ALTERNATIVES = 3;

const appsWithPlan = new WeakSet<IConstruct>();

/**
 * Writes cdktf.out/gpu-plan.json during synth: every workload of the app, sorted by path, no timestamps,
 * so the file is deterministic. Only the app's first workload registers the writer (one tree walk per
 * synth, not one per workload); the tree is complete by the time it runs.
 */
export function registerPlanFile(workload: GpuWorkload): void {
  const root = workload.node.root;
  if (appsWithPlan.has(root)) return;
  appsWithPlan.add(root);
  addCustomSynthesis(workload, {
    onSynthesize(session) {
      fs.writeFileSync(path.join(session.outdir, GPU_PLAN_FILE), JSON.stringify(buildPlan(workloadsOf(root)), null, 2) + "\n");
    },
  });
}

export function buildPlan(workloads: readonly GpuWorkload[]): GpuPlan {
  return {
    version: GPU_PLAN_VERSION,
    tool: "cdktf-gpu-workloads",
    pricesAsOf: workloads[0]?.decision.pricesAsOf ?? "",
    hoursPerMonth: HOURS_PER_MONTH,
    workloads: workloads.map(planned),
  };
}

function workloadsOf(root: IConstruct): GpuWorkload[] {
  return root.node
    .findAll()
    .filter((c): c is GpuWorkload => "decision" in c && "capacity" in c)
    .sort((a, b) => (a.node.path < b.node.path ? -1 : 1));
}

function planned(w: GpuWorkload): PlannedWorkload {
  const d = w.decision;
  const spot = d.purchase === "spot" && d.spec.spotUsdPerHour !== undefined ? d.spec.spotUsdPerHour * w.capacity.instances.desired : null;
  return {
    stack: TerraformStack.of(w).node.id,
    path: w.node.path,
    workloadClass: d.workload,
    instanceType: d.instanceType,
    instanceTypes: w.capacity.instanceTypes,
    gpu: d.gpu.name,
    gpuCount: d.gpuCount,
    capacity: w.capacity.kind,
    nodes: d.nodeCount,
    instances: w.capacity.instances,
    purchase: d.purchase,
    usdPerInstanceHour: d.hourlyUsd,
    usdPerHour: w.capacity.usdPerHour,
    usdPerMonth: w.capacity.usdPerMonth,
    maxUsdPerMonth: w.capacity.maxUsdPerMonth,
    spotUsdPerHourEstimate: spot,
    reason: d.reason,
    alternatives: d.alternatives.slice(0, PLAN_ALTERNATIVES).map((a) => ({
      instanceType: a.instanceType,
      gpu: a.gpu.name,
      gpuCount: a.gpuCount,
      usdPerHour: a.totalHourlyUsd,
    })),
  };
}
