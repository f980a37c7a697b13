import { Instance } from "@cdktf/provider-aws/lib/instance";
import { PlacementGroup } from "@cdktf/provider-aws/lib/placement-group";
import { Construct } from "constructs";
import { CapacityEngine } from "./capacity-engine";
import { instanceConfig, instanceIds, jobStopProps, nodeJob, readInstances } from "./instances";
import { fixedCapacity } from "./workload-capacity";
import { createJobStop } from "./job-stop";
import type { ClusterCapacity, ClusterHandles } from "../../capacity";

/** A cluster placement group: all nodes in one Availability Zone, close together, for NCCL over EFA. */
export function createPlacementGroup(scope: Construct, name: string, tags: Record<string, string>): PlacementGroup {
  return new PlacementGroup(scope, "placement-group", { name, strategy: "cluster", tags });
}

/** N nodes in one subnet and a cluster placement group, EFA on every card, open to each other only. */
export const CLUSTER: CapacityEngine<ClusterCapacity, ClusterHandles> = {
  kind: "cluster",
  factory: "Capacity.cluster({ nodes })",
  outputs: instanceIds,
  withStrategy: (props, { nodes }) => ({ ...props, nodes }),
  fromShorthands: (_props, decision) => ({ kind: "cluster", nodes: decision.nodeCount }),
  serviceLaunchesInstances: false,
  settings: () => ({ pinsSubnet: true, efa: true, allowWithinGroup: true }),
  prepare: (scope, ctx) => ({ placementGroup: createPlacementGroup(scope, ctx.names.placementGroup, ctx.stableTags) }),
  // prepare made the placement group: shared.placementGroup is set.
  create(scope, ctx, shared) {
    const n = ctx.decision.nodeCount;
    const instances: Instance[] = [];
    for (let node = 0; node < n; node++)
      instances.push(new Instance(scope, `node-${node}`, instanceConfig(ctx, shared.launchTemplate, nodeJob(ctx, node, instances[0]))));
    if (ctx.nodeUserData && ctx.shutdownOnExit) createJobStop(scope, jobStopProps(ctx, shared, instances));
    return { capacity: fixedCapacity(this.kind, ctx.decision, n), handles: { instances, placementGroup: shared.placementGroup! } };
  },
  readDeployed: readInstances,
};
