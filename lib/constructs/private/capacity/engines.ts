import { CapacityKind } from "../../../plan/gpu-plan";
import { Decision } from "../../../selection/decision";
import { ownValue } from "../../../validation/allowed-values";
import { InvalidRequirementError } from "../../../validation/errors";
import { CapacityStrategy } from "../../capacity";
import { GpuWorkloadProps, ReplicaBounds } from "../../workload-props";
import { AWS_BATCH } from "./aws-batch";
import { CapacityEngine } from "./capacity-engine";
import { CLUSTER } from "./cluster";
import { EKS_NODE_GROUP } from "./eks-node-group";
import { FLEET } from "./fleet";
import { KARPENTER } from "./karpenter";
import { SINGLE_INSTANCE } from "./instances";

/** The engine of each capacity strategy: a new kind is its module and one line here. */
export const STRATEGY_ENGINES: { readonly [K in CapacityStrategy["kind"]]: CapacityEngine<Extract<CapacityStrategy, { kind: K }>> } = {
  instance: SINGLE_INSTANCE,
  fleet: FLEET,
  cluster: CLUSTER,
  "aws-batch": AWS_BATCH,
  "eks-node-group": EKS_NODE_GROUP,
  karpenter: KARPENTER,
};

/** The engine of a strategy's kind, or undefined for a kind no strategy has. */
export function strategyEngine(kind: unknown): CapacityEngine | undefined {
  return typeof kind === "string" ? ownValue<CapacityEngine>(STRATEGY_ENGINES, kind) : undefined;
}

const BY_KIND: ReadonlyMap<CapacityKind, CapacityEngine> = new Map(Object.values(STRATEGY_ENGINES).map((engine) => [engine.kind, engine]));

/** The engine that built capacity of `kind` (a workload's capacity.kind). */
export function engineOfKind(kind: CapacityKind): CapacityEngine {
  return BY_KIND.get(kind)!;
}

/**
 * The capacity kind: the strategy given, else the workload's scale decides (AWS Batch when asked, a cluster for several
 * nodes, a fleet for replicas).
 */
export function capacityEngine(props: GpuWorkloadProps, decision: Decision, replicas: ReplicaBounds | undefined): CapacityEngine {
  const kind = props.capacity?.kind;
  if (kind === "instance" && (replicas || decision.nodeCount > 1)) {
    const why =
      decision.nodeCount > 1
        ? `the run needs ${decision.nodeCount} nodes (Capacity.cluster)`
        : decision.purchase === "spot"
          ? "spot runs as a fleet of one, which replaces a reclaimed instance (Capacity.fleet)"
          : `the target needs ${replicas!.max} replicas (Capacity.fleet)`;
    throw new InvalidRequirementError("capacity", "Capacity.instance()", `one instance cannot hold this workload: ${why}`);
  }
  if (kind !== undefined) return strategyEngine(kind)!;
  if (props.batch) return AWS_BATCH;
  if (decision.nodeCount > 1) return CLUSTER;
  return replicas ? FLEET : SINGLE_INSTANCE;
}

/**
 * The fleet's size: the user's replicas (or the strategy's), or the replicas a throughput target (an embedding model's
 * inputTokensPerSecond, a diffusion model's imagesPerMinute) needs; desired defaults to min. Spot capacity is always a
 * fleet, even of one: a group replaces a reclaimed instance (with the same-GPU fallbacks), a one-time spot request does
 * not. Capacity.fleet() is a fleet even of one.
 */
export function fleetReplicas(props: GpuWorkloadProps, decision: Decision): Required<ReplicaBounds> | undefined {
  const strategy = props.capacity;
  const spot = decision.purchase === "spot" && !props.batch && decision.nodeCount === 1;
  const sized =
    props.throughput !== undefined || props.inputTokensPerSecond !== undefined || props.imagesPerMinute !== undefined ? decision.replicas : undefined;
  const engine = strategy && strategyEngine(strategy.kind);
  // A fleet, a node group and a NodePool have bounds even for one node.
  const bounded = engine?.strategyReplicas !== undefined;
  const given = props.replicas ?? engine?.strategyReplicas?.(strategy!);
  const replicas = given ?? sized ?? (spot || bounded ? 1 : undefined);
  if (replicas === undefined || (replicas === 1 && !spot && !bounded)) return undefined;
  return typeof replicas === "number"
    ? { min: replicas, max: replicas, desired: replicas }
    : { min: replicas.min, max: replicas.max, desired: replicas.desired ?? replicas.min };
}
