import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { Decision } from "../../../selection/decision";
import { DEFAULT_MAX_FALLBACK_PRICE_RATIO, LaunchableTypes, launchableTypes } from "../../../selection/fallbacks";
import { PodPlacement } from "../../capacity";
import type { LaunchSettings, WorkloadContext } from "./capacity-engine";
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
export function kubernetesNodeSettings(multiNode: boolean): LaunchSettings {
  return {
    pinsSubnet: false,
    efa: multiNode,
    allowWithinGroup: multiNode,
    mimeUserData: false,
    scalesOnGpu: false,
    clientsThroughLoadBalancer: false,
    watchesOwnHealth: false,
    admitsWhenHealthy: false,
  };
}

/** The chosen type and its price-bounded same-shape fallbacks, which a node group or a NodePool may launch. */
export function kubernetesNodeTypes(decision: Decision, options: { readonly maxFallbacks?: number; readonly maxFallbackPriceRatio?: number }): LaunchableTypes {
  return launchableTypes(decision, {
    maxFallbacks: options.maxFallbacks ?? DEFAULT_MAX_FALLBACKS,
    maxPriceRatio: options.maxFallbackPriceRatio ?? DEFAULT_MAX_FALLBACK_PRICE_RATIO,
  });
}
