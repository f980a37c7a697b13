import { BatchProcessing, Capacity, RealtimeInference, Training } from "../../lib";
import { NETWORK, synthStack } from "./synth";

describe("capacityHandles: each kind's resources, typed by the kind", () => {
  test("narrowed on kind, the handles a kind always has are there, and they are the workload's own", () => {
    synthStack((s) => {
      const fleet = new RealtimeInference(s, "fleet", { network: NETWORK, capacity: Capacity.fleet({ replicas: 2 }) });
      const batch = new BatchProcessing(s, "batch", { network: NETWORK, capacity: Capacity.awsBatch({ maxVcpus: 16, job: { image: "busybox:1.36" } }) });
      const cluster = new Training(s, "cluster", { network: NETWORK, capacity: Capacity.cluster({ nodes: 2 }) });
      const eks = new RealtimeInference(s, "eks", {
        network: NETWORK,
        capacity: Capacity.eksNodeGroup({ clusterName: "ml", clusterSecurityGroupId: "sg-0abc1234" }),
      });
      const single = new RealtimeInference(s, "single", { network: NETWORK });
      const handles = fleet.capacityHandles;
      if (handles.kind !== "auto-scaling-group") throw new Error(`a fleet's handles are ${handles.kind}'s`);
      // No `!` or `?.`: the group is always there for this kind.
      expect(handles.autoScalingGroup).toBe(fleet.autoScalingGroup);
      // @ts-expect-error an Auto Scaling group's handles have no job queue
      expect(handles.jobQueue).toBeUndefined();
      expect(batch.capacityHandles).toMatchObject({ kind: "aws-batch", jobQueue: batch.jobQueue, jobDefinition: batch.jobDefinition, jobRole: batch.jobRole });
      expect(cluster.capacityHandles).toMatchObject({ kind: "cluster", placementGroup: cluster.placementGroup });
      expect(cluster.capacityHandles.kind === "cluster" && cluster.capacityHandles.instances).toHaveLength(2);
      expect(eks.capacityHandles).toMatchObject({ kind: "eks-node-group", nodeGroup: eks.nodeGroup, podPlacement: eks.podPlacement });
      expect(single.capacityHandles).toMatchObject({ kind: "instance", instances: single.instances });
      // The kind is the plan's: the same word the report and the plan file use.
      expect([fleet, batch, cluster, eks, single].map((w) => w.capacityHandles.kind)).toEqual([fleet, batch, cluster, eks, single].map((w) => w.capacity.kind));
    });
  });
});
