import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { Fn, Token } from "cdktf";
import { expectedUsdPerInstanceHour } from "../../../selection/select-instance";
import { EksNodeGroupCapacity, EksNodeGroupHandles, EksNodeGroupOptions } from "../../capacity";
import { typeGuard } from "../drift-guard";
import { CapacityEngine } from "./capacity-engine";
import { createPlacementGroup } from "./cluster";
import { capacityCost, typeNames } from "./workload-capacity";
import {
  GPU_RESOURCE,
  NODE_LABELS,
  attachNodeRolePolicies,
  kubernetesNodeSettings,
  kubernetesNodeTypes,
  podPlacement,
  podPlacementOutput,
  refuseGpuFraction,
  validateEksOptions,
} from "./kubernetes-nodes";
import { isToken } from "../tokens";

/** The EKS AMI type for the node image and the CPU architecture (NVIDIA drivers included). */
function amiType(options: EksNodeGroupOptions, arch: string): string {
  const family = options.nodeImage === "bottlerocket" ? "BOTTLEROCKET" : "AL2023";
  return `${family}_${arch === "arm64" ? "ARM_64" : "x86_64"}_NVIDIA`;
}

/** Bottlerocket keeps images and pods on its second volume; AL2023 on its root. The template sizes that one. */
function dataDeviceName(options: EksNodeGroupOptions): string {
  return options.nodeImage === "bottlerocket" ? "/dev/xvdb" : "/dev/xvda";
}

/**
 * An EKS managed node group: the chosen type and its price-bounded fallbacks, the NVIDIA AMI type, tainted so only GPU
 * pods land there, sized by the replicas. Several nodes (training) share a placement group and EFA interfaces.
 */
export const EKS_NODE_GROUP: CapacityEngine<EksNodeGroupCapacity, EksNodeGroupHandles> = {
  kind: "eks-node-group",
  factory: "Capacity.eksNodeGroup({...})",
  outputs: (h) => ({ "node-group-name": h.nodeGroup.nodeGroupName, "pod-placement": podPlacementOutput(h) }),
  withStrategy(props, { eks }) {
    validateEksOptions(eks, props, "capacity.eks");
    return props;
  },
  checkDecision: (_props, decision) => refuseGpuFraction(decision, "Capacity.eksNodeGroup"),
  strategyReplicas: ({ eks }) => eks.replicas,
  // EKS picks the image (the AMI type) and hands the node role to the instances; the template leaves them out.
  serviceLaunchesInstances: true,
  settings: (ctx) => kubernetesNodeSettings(ctx.decision.nodeCount > 1),
  prepare(scope, ctx) {
    const { eks } = ctx.strategy;
    const clusterSecurityGroupId =
      eks.clusterSecurityGroupId ?? new DataAwsEksCluster(scope, "eks-cluster", { name: eks.clusterName }).vpcConfig.get(0).clusterSecurityGroupId;
    const placementGroup = ctx.decision.nodeCount > 1 ? createPlacementGroup(scope, ctx.names.placementGroup, ctx.stableTags) : undefined;
    return { placementGroup, extraSecurityGroupIds: [clusterSecurityGroupId] };
  },
  launchTemplate(template, ctx, prepared, securityGroupId) {
    const { eks } = ctx.strategy;
    const nodes = ctx.decision.nodeCount;
    return {
      ...template,
      // The group lists the types (the chosen one and its fallbacks); a Capacity Block launches the one it reserved.
      instanceType: ctx.decision.purchase === "capacity-block" ? template.instanceType : undefined,
      rootDeviceName: dataDeviceName(eks),
      // Never a subnet (EKS places the nodes); the cluster's security group beside the workload's, or nodes cannot join.
      network: {
        securityGroupId,
        extraSecurityGroupIds: prepared.extraSecurityGroupIds,
        efaInterfaces: nodes > 1 ? ctx.decision.spec.efaInterfaces : 0,
        networkCards: ctx.decision.spec.networkCards,
        interfaces: nodes > 1 && ctx.decision.spec.efaInterfaces > 0,
      },
    };
  },
  create(scope, ctx, shared) {
    const { decision } = ctx;
    const { eks } = ctx.strategy;
    const multiNode = decision.nodeCount > 1;
    const bounds = multiNode
      ? { min: decision.nodeCount, max: decision.nodeCount, desired: decision.nodeCount }
      : (ctx.replicas ?? { min: 1, max: 1, desired: 1 });
    const capacityBlock = decision.purchase === "capacity-block";
    const types = capacityBlock ? { launchable: [decision], droppedByPrice: [] } : kubernetesNodeTypes(decision, eks);
    const policies = attachNodeRolePolicies(scope, shared.role.name, eks.cniPolicyOnNodeRole !== false);
    const subnets = eks.subnetIds ?? ctx.network.subnetIds;
    const nodeGroup = new EksNodeGroup(scope, "node-group", {
      clusterName: eks.clusterName,
      nodeGroupNamePrefix: ctx.names.nodeGroupPrefix,
      nodeRoleArn: shared.role.arn,
      // A placement group holds one Availability Zone: a training group takes the first subnet.
      subnetIds: multiNode ? [Token.isUnresolved(subnets) ? Fn.element(subnets, 0) : subnets[0]] : subnets,
      amiType: amiType(eks, decision.spec.cpuArchitecture),
      capacityType: capacityBlock ? "CAPACITY_BLOCK" : decision.purchase === "spot" ? "SPOT" : "ON_DEMAND",
      instanceTypes: capacityBlock ? undefined : typeNames(types.launchable),
      scalingConfig: { minSize: bounds.min, maxSize: bounds.max, desiredSize: bounds.desired },
      updateConfig: { maxUnavailable: eks.maxUnavailable ?? 1 },
      launchTemplate: { id: shared.launchTemplate.id, version: shared.launchTemplate.latestVersion.toString() },
      labels: { [NODE_LABELS.workload]: ctx.names.unique, [NODE_LABELS.workloadClass]: decision.workload, [NODE_LABELS.gpu]: decision.gpu.name },
      taint: [{ key: GPU_RESOURCE, value: "true", effect: "NO_SCHEDULE" }],
      tags: { ...ctx.stableTags, ...ctx.decisionTags },
      // The role's policies are attached before nodes join (and detached only after they leave).
      dependsOn: policies,
      lifecycle: {
        ...(types.launchable.length > 1 && { precondition: types.launchable.slice(1).flatMap((t) => typeGuard(scope, t)) }),
        // The drift guard checked these types: the group must launch no other (instance_types set after construction).
        ...(!capacityBlock && {
          postcondition: [
            {
              condition: `\${length(setsubtract(self.instance_types, ${JSON.stringify(typeNames(types.launchable))})) == 0}`,
              errorMessage:
                `cdktf-gpu-workloads: ${scope.node.path} was chosen, checked and priced for ${typeNames(types.launchable).join(", ")}, but its node group launches ` +
                '${join(", ", self.instance_types)}; choose the types through the workload\'s props, not by changing the group',
            },
          ],
        }),
        // The cluster autoscaler (or a person) moves the desired size within the bounds; an apply does not undo it.
        ...(bounds.max > bounds.min && { ignoreChanges: ["scaling_config[0].desired_size"] }),
      },
    });
    const expected = bounds.desired * expectedUsdPerInstanceHour(decision, decision.purchase);
    return {
      capacity: capacityCost(this.kind, types, { min: bounds.min, desired: bounds.desired }, () => bounds.max, expected),
      handles: { nodeGroup, placementGroup: shared.placementGroup, podPlacement: podPlacement(ctx) },
    };
  },
  readDeployed(_w, read, handles) {
    const group = read.configOf(handles.nodeGroup);
    const scaling = (Array.isArray(group.scaling_config) ? group.scaling_config[0] : group.scaling_config) ?? {};
    const max = read.literal<number>(scaling.max_size, "the node group's max_size") ?? 0;
    // Without instance_types the group launches the template's type (a Capacity Block's).
    const listed =
      group.instance_types === undefined ? [read.templateType] : (read.literal<string[]>(group.instance_types, "the node group's instance_types") ?? []);
    for (const type of listed.filter((t): t is string => t !== undefined && !isToken(t))) read.launches(type, max);
    const capacityType = String(group.capacity_type ?? "ON_DEMAND");
    read.bought(
      capacityType === "SPOT" ? "spot" : capacityType === "CAPACITY_BLOCK" ? "capacity-block" : "on-demand",
      `the node group's capacity_type ${capacityType}`,
    );
  },
};
