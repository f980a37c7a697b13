import { Decision } from "../../../selection/decision";
import { checkOneOf, checkPattern, isDenseList } from "../../../validation/allowed-values";
import { InvalidRequirementError, UnresolvedValueError } from "../../../validation/errors";
import { checkNumber } from "../../../validation/numbers";
import { EKS_NODE_IMAGES, EksNodeGroupOptions } from "../../capacity";
import { GpuWorkloadProps } from "../../workload-props";
import { isToken } from "../tokens";
import { PROP_RULES, validateReplicas } from "../validate-props";

const STRATEGY_KINDS = ["instance", "fleet", "cluster", "aws-batch", "eks-node-group"] as const;
const SHORTHANDS = ["replicas", "fleet", "nodes", "batch"] as const;

/**
 * The props with the `capacity` strategy written out as the shorthands the rest of the library reads (a fleet's
 * replicas and options, a cluster's nodes, AWS Batch's options), after checking that it is one strategy and that no
 * shorthand is given beside it.
 */
export function withCapacityShorthands(props: GpuWorkloadProps): GpuWorkloadProps {
  const strategy = props.capacity;
  if (strategy === undefined) return props;
  if (strategy === null || typeof strategy !== "object" || !(STRATEGY_KINDS as readonly unknown[]).includes(strategy.kind)) {
    throw new InvalidRequirementError("capacity", strategy, "give a strategy: Capacity.instance(), Capacity.fleet({...}), Capacity.cluster({ nodes }), Capacity.awsBatch({...}) or Capacity.eksNodeGroup({...})");
  }
  const beside = SHORTHANDS.find((key) => props[key] !== undefined);
  if (beside) {
    throw new InvalidRequirementError(beside, props[beside], `capacity (${strategy.kind}) says how the instances run; give ${beside} inside the strategy, or leave capacity out`);
  }
  switch (strategy.kind) {
    case "fleet":
      return { ...props, replicas: strategy.replicas, fleet: strategy.fleet };
    case "cluster":
      return { ...props, nodes: strategy.nodes };
    case "aws-batch":
      return { ...props, batch: strategy.batch };
    case "eks-node-group":
      validateEksOptions(strategy.eks, props);
      return props;
    default:
      return props;
  }
}

/** Props an EKS node group has no use for: its pods run the work, EKS composes the nodes' boot. */
const NOT_ON_EKS: readonly (readonly [keyof GpuWorkloadProps, string])[] = [
  ["serve", "on EKS your pods serve: deploy the server as a Deployment with the workload's podPlacement"],
  ["job", "on EKS your pods run the job: deploy it as a Job (or a PyTorchJob) with the workload's podPlacement"],
  ["userData", "EKS writes the nodes' user data (nodeadm on AL2023, TOML on Bottlerocket)"],
  ["ami", "EKS picks the NVIDIA node image for the architecture (capacity.eks.nodeImage chooses AL2023 or Bottlerocket)"],
  ["operatingSystem", "EKS picks the NVIDIA node image for the architecture (capacity.eks.nodeImage chooses AL2023 or Bottlerocket)"],
];

function validateEksOptions(eks: EksNodeGroupOptions, props: GpuWorkloadProps): void {
  if (eks === null || typeof eks !== "object") throw new InvalidRequirementError("capacity.eks", eks, "give { clusterName, ... }");
  if (!isToken(eks.clusterName)) checkPattern("capacity.eks.clusterName", eks.clusterName, /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/, "give the EKS cluster's name (or a reference to it)");
  if (eks.subnetIds !== undefined && !isToken(eks.subnetIds)) {
    if (!isDenseList(eks.subnetIds) || eks.subnetIds.length === 0) throw new InvalidRequirementError("capacity.eks.subnetIds", eks.subnetIds, "give at least one subnet id");
    eks.subnetIds.forEach((subnet, i) => isToken(subnet) || checkPattern(`capacity.eks.subnetIds[${i}]`, subnet, /^subnet-[0-9a-f]{8,17}$/, 'give subnet ids such as "subnet-0abc1234"'));
  }
  if (eks.clusterSecurityGroupId !== undefined && !isToken(eks.clusterSecurityGroupId)) {
    checkPattern("capacity.eks.clusterSecurityGroupId", eks.clusterSecurityGroupId, /^sg-[0-9a-f]{8,17}$/, 'give a security group id such as "sg-0abc1234"');
  }
  checkOneOf("capacity.eks.nodeImage", eks.nodeImage, EKS_NODE_IMAGES);
  if (eks.cniPolicyOnNodeRole !== undefined && typeof eks.cniPolicyOnNodeRole !== "boolean") throw new InvalidRequirementError("capacity.eks.cniPolicyOnNodeRole", eks.cniPolicyOnNodeRole, "give true or false");
  for (const key of ["replicas", "maxFallbacks", "maxFallbackPriceRatio", "maxUnavailable"] as const) {
    if (isToken(eks[key])) throw new UnresolvedValueError(`capacity.eks.${key}`, "it sets the node group's size and types, which BudgetGuard and the plan check at synth");
  }
  validateReplicas(eks.replicas, "capacity.eks.replicas");
  checkNumber("capacity.eks.maxFallbacks", eks.maxFallbacks, PROP_RULES.maxFallbacks);
  checkNumber("capacity.eks.maxFallbackPriceRatio", eks.maxFallbackPriceRatio, PROP_RULES.maxFallbackPriceRatio);
  checkNumber("capacity.eks.maxUnavailable", eks.maxUnavailable, { integer: true, min: 1, max: 100, why: "EKS takes 1 to 100 nodes at once" });
  for (const [key, why] of NOT_ON_EKS) if (props[key] !== undefined) throw new InvalidRequirementError(key, props[key] === null || typeof props[key] !== "object" ? props[key] : "given", `it has no place on an EKS node group: ${why}`);
  for (const target of ["throughput", "inputTokensPerSecond", "imagesPerMinute"] as const) {
    if (props[target] !== undefined && eks.replicas !== undefined) {
      throw new InvalidRequirementError("capacity.eks.replicas", eks.replicas, `${target} sizes the node group; give replicas or ${target}, not both`);
    }
  }
}

/** Checks an EKS node group needs the decision for: whole GPUs, which the NVIDIA device plugin advertises. */
export function validateEksDecision(props: GpuWorkloadProps, decision: Decision): void {
  if (props.capacity?.kind !== "eks-node-group" || (decision.gpuFraction ?? 1) >= 1) return;
  throw new InvalidRequirementError(
    "capacity",
    "Capacity.eksNodeGroup",
    `${decision.instanceType} holds a fraction of a GPU, which the NVIDIA device plugin does not advertise as nvidia.com/gpu; ask for a whole GPU (minGpuMemoryGB: ${Math.ceil(decision.gpu.memoryGB)}, or gpus)`,
  );
}
