import { Decision } from "../../selection/decision";

/** Marks what this library manages, so operators can find and cost it. */
export const MANAGED_BY = "cdktf-gpu-workloads";

/** The decision as tags: on every resource, so a cost report or a console filter can use them. */
export function workloadTags(decision: Decision, ...extra: (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  return {
    ...Object.assign({}, ...extra),
    ManagedBy: MANAGED_BY,
    "gpu-workloads:workload-class": decision.workload,
    "gpu-workloads:gpu": decision.gpu.name,
    "gpu-workloads:instance-type": decision.instanceType,
    "gpu-workloads:usd-per-hour": decision.totalHourlyUsd.toFixed(4),
  };
}
