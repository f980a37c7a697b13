import { IConstruct } from "constructs";
import type { GpuWorkload } from "../gpu-workload";

/**
 * Marks GpuWorkload instances. A registered symbol, not `instanceof` or duck typing: a construct that
 * merely has `decision` and `capacity` (a wrapper around a workload) is not counted a second time.
 */
export const GPU_WORKLOAD_BRAND = Symbol.for("cdktf-gpu-workloads.GpuWorkload");

export function isGpuWorkload(node: unknown): node is GpuWorkload {
  return typeof node === "object" && node !== null && (node as Record<symbol, unknown>)[GPU_WORKLOAD_BRAND] === true;
}

/** Every workload under `scope`, sorted by construct path (deterministic plans and messages). */
export function workloadsUnder(scope: IConstruct): GpuWorkload[] {
  return scope.node
    .findAll()
    .filter(isGpuWorkload)
    .sort((a, b) => (a.node.path < b.node.path ? -1 : a.node.path > b.node.path ? 1 : 0));
}
