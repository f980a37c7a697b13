import { Decision } from "../../../selection/decision";
import { GpuWorkloadProps, ReplicaBounds } from "../../workload-props";
import { AWS_BATCH } from "./aws-batch";
import { CapacityEngine } from "./capacity-engine";
import { CLUSTER } from "./cluster";
import { FLEET } from "./fleet";
import { SINGLE_INSTANCE } from "./instances";

/** The capacity kind for the workload's scale: AWS Batch when asked, a cluster for several nodes, a fleet for replicas. */
export function capacityEngine(props: GpuWorkloadProps, decision: Decision, replicas: ReplicaBounds | undefined): CapacityEngine {
  if (props.batch) return AWS_BATCH;
  if (decision.nodeCount > 1) return CLUSTER;
  return replicas ? FLEET : SINGLE_INSTANCE;
}

/**
 * The fleet's size: the user's replicas, or the replicas a throughput target (an embedding model's inputTokensPerSecond, a
 * diffusion model's imagesPerMinute) needs; desired defaults to min. Spot capacity
 * is always a fleet, even of one: a group replaces a reclaimed instance (with the same-GPU fallbacks), a one-time spot
 * request does not.
 */
export function fleetReplicas(props: GpuWorkloadProps, decision: Decision): Required<ReplicaBounds> | undefined {
  const spot = decision.purchase === "spot" && !props.batch && decision.nodeCount === 1;
  const sized = props.throughput !== undefined || props.inputTokensPerSecond !== undefined || props.imagesPerMinute !== undefined ? decision.replicas : undefined;
  const replicas = props.replicas ?? sized ?? (spot ? 1 : undefined);
  if (replicas === undefined || (replicas === 1 && !spot)) return undefined;
  return typeof replicas === "number" ? { min: replicas, max: replicas, desired: replicas } : { min: replicas.min, max: replicas.max, desired: replicas.desired ?? replicas.min };
}
