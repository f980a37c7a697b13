import { Decision } from "../../selection/decision";
import { WorkloadClass } from "../../taxonomy/workload-class";
import { literalTags } from "../../specs/terraform-text";

/** Marks what this library manages, so operators can find and cost it. */
const MANAGED_BY = "cdktf-gpu-workloads";

const STABLE_KEYS = ["ManagedBy", "gpu-workloads:workload-class"] as const;
const DECISION_KEYS = ["gpu-workloads:gpu", "gpu-workloads:instance-type", "gpu-workloads:usd-per-instance-hour"] as const;

/** The keys of the library's own tags (stable and the decision's): they count towards AWS's limit per resource. */
export const OWN_TAG_KEYS: readonly string[] = [...STABLE_KEYS, ...DECISION_KEYS];

/**
 * Tags that hold for the workload's whole life: the platform's, the workload's and the library's own.
 * They go on every resource, launch template content included, so they must not change with a price
 * table or a decision (a launch template change replaces single instances and cluster nodes).
 * Literal Terraform text, escaped here once: every resource takes them as they are.
 */
export function stableTags(workload: WorkloadClass, ...extra: (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  // Typed by STABLE_KEYS: a key added here and not there (or the reverse) does not compile.
  const own: Record<(typeof STABLE_KEYS)[number], string> = { ManagedBy: MANAGED_BY, "gpu-workloads:workload-class": workload };
  return literalTags({ ...Object.assign({}, ...extra), ...own });
}

/**
 * The decision as tags, for a cost report or a console filter: only on what Terraform updates in place
 * (instances, the Auto Scaling group itself, the Batch compute environment), never in launch template
 * content, and never propagated to instances that may be of another (fallback) type. Literal Terraform text, as stableTags.
 */
export function decisionTags(decision: Decision): Record<string, string> {
  const own: Record<(typeof DECISION_KEYS)[number], string> = {
    "gpu-workloads:gpu": decision.gpu.name,
    "gpu-workloads:instance-type": decision.instanceType,
    // Per instance, on-demand, in the workload's region: the same on one instance, a cluster node or a fleet group.
    "gpu-workloads:usd-per-instance-hour": decision.usdPerInstanceHour.toFixed(4),
  };
  return literalTags(own);
}
