import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { Decision } from "../../../selection/decision";
import { DEFAULT_MAX_FALLBACK_PRICE_RATIO, LaunchableTypes, launchableTypes } from "../../../selection/fallbacks";
import type { LaunchSettings, WorkloadContext } from "./capacity-engine";
import { literalText } from "../../../specs/terraform-text";
import { checkOneOf, checkPattern, isDenseList } from "../../../validation/allowed-values";
import { InvalidRequirementError, UnresolvedValueError } from "../../../validation/errors";
import { checkNumber } from "../../../validation/numbers";
import { EKS_NODE_IMAGES, EksNodeGroupOptions, KarpenterOptions, PodPlacement } from "../../capacity";
import { GpuWorkloadProps } from "../../workload-props";
import { isToken } from "../tokens";
import { PROP_RULES, validateReplicas } from "../validate-props";
import { DEFAULT_MAX_FALLBACKS } from "./fleet";

/** The extended resource the NVIDIA device plugin advertises, and the taint that keeps other pods off GPU nodes. */
export const GPU_RESOURCE = "nvidia.com/gpu";

/** Labels a workload's Kubernetes nodes carry; the workload's own one is what its pods select. */
export const NODE_LABELS = { workload: "gpu-workloads/workload", workloadClass: "gpu-workloads/workload-class", gpu: "gpu-workloads/gpu" } as const;

/**
 * AWS-managed policies of an EKS node role, as EKS's user guide lists them ("Amazon EKS node IAM role", read 2026-12-08):
 * the kubelet describes EC2 resources and joins the cluster (worker node policy); the networking add-ons pull their
 * images from ECR (pull only); the VPC CNI assigns pod addresses from the node's role unless its own service account
 * has a role (CNI policy, optional).
 */
const NODE_ROLE_POLICIES = {
  worker: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
  ecrPull: "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
  cni: "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
} as const;

/** Attaches the node role's managed policies (the CNI's only when `cni`). */
export function attachNodeRolePolicies(scope: Construct, roleName: string, cni: boolean): IamRolePolicyAttachment[] {
  return Object.entries(NODE_ROLE_POLICIES)
    .filter(([name]) => name !== "cni" || cni)
    .map(([name, policyArn]) => new IamRolePolicyAttachment(scope, `node-role-${name}`, { role: roleName, policyArn }));
}

/** What a pod spec needs to land on the nodes (nodeSelector, tolerations, resources), as JSON for an output. */
export function podPlacementOutput(handles: { readonly podPlacement: PodPlacement }): string {
  return literalText(JSON.stringify(handles.podPlacement));
}

/** The placement of the workload's pods on its nodes: its label, the taint's toleration, one node's GPUs. */
export function podPlacement(ctx: WorkloadContext): PodPlacement {
  return {
    nodeSelector: { [NODE_LABELS.workload]: ctx.names.unique },
    tolerations: [{ key: GPU_RESOURCE, operator: "Exists", effect: "NoSchedule" }],
    resources: { limits: { [GPU_RESOURCE]: String(ctx.decision.gpuCount) } },
  };
}

/**
 * How Kubernetes nodes shape the template and the security group: pods run the work, so nothing of a server's or a
 * job's; several nodes (training) get EFA and a group open to itself.
 */
export function kubernetesNodeSettings(multiNode: boolean): Partial<LaunchSettings> {
  return { efa: multiNode, allowWithinGroup: multiNode };
}

/** The chosen type and its price-bounded same-shape fallbacks, which a node group or a NodePool may launch. */
export function kubernetesNodeTypes(decision: Decision, options: { readonly maxFallbacks?: number; readonly maxFallbackPriceRatio?: number }): LaunchableTypes {
  return launchableTypes(decision, {
    maxFallbacks: options.maxFallbacks ?? DEFAULT_MAX_FALLBACKS,
    maxPriceRatio: options.maxFallbackPriceRatio ?? DEFAULT_MAX_FALLBACK_PRICE_RATIO,
  });
}

/** Props an EKS node group has no use for: its pods run the work, EKS composes the nodes' boot. */
const NOT_ON_EKS: readonly (readonly [keyof GpuWorkloadProps, string])[] = [
  ["serve", "on EKS your pods serve: deploy the server as a Deployment with the workload's podPlacement"],
  ["job", "on EKS your pods run the job: deploy it as a Job (or a PyTorchJob) with the workload's podPlacement"],
  ["userData", "EKS writes the nodes' user data (nodeadm on AL2023, TOML on Bottlerocket)"],
  ["ami", "EKS picks the NVIDIA node image for the architecture (capacity.eks.nodeImage chooses AL2023 or Bottlerocket)"],
  ["operatingSystem", "EKS picks the NVIDIA node image for the architecture (capacity.eks.nodeImage chooses AL2023 or Bottlerocket)"],
];

/** The options EKS node groups and Karpenter share, and the props neither has a use for. */
export function validateEksOptions(eks: EksNodeGroupOptions | KarpenterOptions, props: GpuWorkloadProps, at: string): void {
  if (eks === null || typeof eks !== "object") throw new InvalidRequirementError(at, eks, "give { clusterName, ... }");
  if (!isToken(eks.clusterName))
    checkPattern(`${at}.clusterName`, eks.clusterName, /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/, "give the EKS cluster's name (or a reference to it)");
  if (eks.subnetIds !== undefined && !isToken(eks.subnetIds)) {
    if (!isDenseList(eks.subnetIds) || eks.subnetIds.length === 0)
      throw new InvalidRequirementError(`${at}.subnetIds`, eks.subnetIds, "give at least one subnet id");
    eks.subnetIds.forEach(
      (subnet, i) => isToken(subnet) || checkPattern(`${at}.subnetIds[${i}]`, subnet, /^subnet-[0-9a-f]{8,17}$/, 'give subnet ids such as "subnet-0abc1234"'),
    );
  }
  const clusterSecurityGroupId = "clusterSecurityGroupId" in eks ? eks.clusterSecurityGroupId : undefined;
  if (clusterSecurityGroupId !== undefined && !isToken(clusterSecurityGroupId)) {
    checkPattern(`${at}.clusterSecurityGroupId`, clusterSecurityGroupId, /^sg-[0-9a-f]{8,17}$/, 'give a security group id such as "sg-0abc1234"');
  }
  checkOneOf(`${at}.nodeImage`, eks.nodeImage, EKS_NODE_IMAGES);
  if (eks.cniPolicyOnNodeRole !== undefined && typeof eks.cniPolicyOnNodeRole !== "boolean")
    throw new InvalidRequirementError(`${at}.cniPolicyOnNodeRole`, eks.cniPolicyOnNodeRole, "give true or false");
  for (const key of ["replicas", "maxFallbacks", "maxFallbackPriceRatio", "maxUnavailable"] as const) {
    if (isToken((eks as EksNodeGroupOptions)[key]))
      throw new UnresolvedValueError(`${at}.${key}`, "it sets the node group's size and types, which BudgetGuard and the plan check at synth");
  }
  validateReplicas(eks.replicas, `${at}.replicas`);
  checkNumber(`${at}.maxFallbacks`, eks.maxFallbacks, PROP_RULES.maxFallbacks);
  checkNumber(`${at}.maxFallbackPriceRatio`, eks.maxFallbackPriceRatio, PROP_RULES.maxFallbackPriceRatio);
  checkNumber(`${at}.maxUnavailable`, (eks as EksNodeGroupOptions).maxUnavailable, {
    integer: true,
    min: 1,
    max: 100,
    why: "EKS takes 1 to 100 nodes at once",
  });
  for (const [key, why] of NOT_ON_EKS)
    if (props[key] !== undefined)
      throw new InvalidRequirementError(
        key,
        props[key] === null || typeof props[key] !== "object" ? props[key] : "given",
        `it has no place on EKS capacity (a node group or Karpenter): ${why}`,
      );
  for (const target of ["throughput", "inputTokensPerSecond", "imagesPerMinute"] as const) {
    if (props[target] !== undefined && eks.replicas !== undefined) {
      throw new InvalidRequirementError(`${at}.replicas`, eks.replicas, `${target} sizes the node group; give replicas or ${target}, not both`);
    }
  }
}

/** Whole GPUs only: the NVIDIA device plugin advertises no fraction of one as nvidia.com/gpu. */
export function refuseGpuFraction(decision: Decision, strategy: string): void {
  if ((decision.gpuFraction ?? 1) >= 1) return;
  throw new InvalidRequirementError(
    "capacity",
    strategy,
    `${decision.instanceType} holds a fraction of a GPU, which the NVIDIA device plugin does not advertise as nvidia.com/gpu; ask for a whole GPU (minGpuMemoryGB: ${Math.ceil(decision.gpu.memoryGB)}, or gpus)`,
  );
}
