import { Decision } from "../../selection/decision";
import { WorkloadClass } from "../../taxonomy/workload-class";
import { literalTags } from "./terraform-text";

/** Marks what this library manages, so operators can find and cost it. */
const MANAGED_BY = "cdktf-gpu-workloads";

/**
 * Tags that hold for the workload's whole life: the platform's, the workload's and the library's own.
 * They go on every resource, launch template content included, so they must not change with a price
 * table or a decision (a launch template change replaces single instances and cluster nodes).
 * Literal Terraform text, escaped here once: every resource takes them as they are.
 */
export function stableTags(workload: WorkloadClass, ...extra: (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  return literalTags({ ...Object.assign({}, ...extra), ManagedBy: MANAGED_BY, "gpu-workloads:workload-class": workload });
}

/**
 * The decision as tags, for a cost report or a console filter: only on what Terraform updates in place
 * (instances, the Auto Scaling group itself, the Batch compute environment), never in launch template
 * content, and never propagated to instances that may be of another (fallback) type. Literal Terraform text, as stableTags.
 */
export function decisionTags(decision: Decision): Record<string, string> {
  return literalTags({
    "gpu-workloads:gpu": decision.gpu.name,
    "gpu-workloads:instance-type": decision.instanceType,
    // Per instance, on-demand, in the workload's region: the same on one instance, a cluster node or a fleet group.
    "gpu-workloads:usd-per-instance-hour": decision.usdPerInstanceHour.toFixed(4),
  });
}
