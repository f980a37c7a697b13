import { TerraformProvider } from "cdktf";
import { Decision } from "../../../selection/decision";
import { checkOneOf, checkPattern, isDenseList } from "../../../validation/allowed-values";
import { InvalidRequirementError, UnresolvedValueError } from "../../../validation/errors";
import { checkNumber } from "../../../validation/numbers";
import { EKS_NODE_IMAGES, EksNodeGroupOptions, KARPENTER_DELIVERIES, KarpenterOptions } from "../../capacity";
import { NetworkProps } from "../../network";
import { GpuWorkloadProps } from "../../workload-props";
import { isToken } from "../tokens";
import { kubernetesManifestResource } from "./kubernetes-manifest";
import { PROP_RULES, validateReplicas } from "../validate-props";

const STRATEGY_KINDS = ["instance", "fleet", "cluster", "aws-batch", "eks-node-group", "karpenter"] as const;
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
    throw new InvalidRequirementError(
      "capacity",
      strategy,
      "give a strategy: Capacity.instance(), Capacity.fleet({...}), Capacity.cluster({ nodes }), Capacity.awsBatch({...}), Capacity.eksNodeGroup({...}) or Capacity.karpenter({...})",
    );
  }
  const beside = SHORTHANDS.find((key) => props[key] !== undefined);
  if (beside) {
    throw new InvalidRequirementError(
      beside,
      props[beside],
      `capacity (${strategy.kind}) says how the instances run; give ${beside} inside the strategy, or leave capacity out`,
    );
  }
  switch (strategy.kind) {
    case "fleet":
      return { ...props, replicas: strategy.replicas, fleet: strategy.fleet };
    case "cluster":
      return { ...props, nodes: strategy.nodes };
    case "aws-batch":
      return { ...props, batch: strategy.batch };
    case "eks-node-group":
      validateEksOptions(strategy.eks, props, "capacity.eks");
      return props;
    case "karpenter":
      validateEksOptions(strategy.karpenter, props, "capacity.karpenter");
      if (isToken(strategy.karpenter.clusterName))
        throw new UnresolvedValueError("capacity.karpenter.clusterName", "Karpenter's EC2NodeClass selects the cluster's security group by its name at synth");
      validateKarpenterDelivery(strategy.karpenter);
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

function validateEksOptions(eks: EksNodeGroupOptions | KarpenterOptions, props: GpuWorkloadProps, at: string): void {
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

/**
 * Checks Kubernetes capacity needs the decision and the network for: whole GPUs, which the NVIDIA device plugin
 * advertises; for Karpenter also literal subnets, one node per run (it keeps no placement group) and no Capacity Block.
 */
export function validateKubernetesCapacity(props: GpuWorkloadProps, decision: Decision, network: NetworkProps): void {
  const kind = props.capacity?.kind;
  if (props.capacity?.kind === "karpenter") {
    // The EC2NodeClass is a file written at synth: its subnets (given, or the workload's or platform's network) must be
    // known then.
    const subnets = props.capacity.karpenter.subnetIds ?? network.subnetIds;
    const at = props.capacity.karpenter.subnetIds ? "capacity.karpenter.subnetIds" : "network.subnetIds";
    if (isToken(subnets)) throw new UnresolvedValueError(at, "Karpenter's EC2NodeClass is written at synth; give literal subnet ids");
    subnets.forEach((subnet, i) => {
      if (isToken(subnet)) throw new UnresolvedValueError(`${at}[${i}]`, "Karpenter's EC2NodeClass is written at synth; give literal subnet ids");
    });
  }
  if (kind === "karpenter" && decision.nodeCount > 1) {
    throw new InvalidRequirementError(
      "capacity",
      "Capacity.karpenter",
      `the run needs ${decision.nodeCount} nodes in one placement group with EFA, which a NodePool does not keep; use Capacity.eksNodeGroup`,
    );
  }
  if (kind === "karpenter" && (decision.purchase === "capacity-block" || props.capacityReservationId !== undefined)) {
    throw new InvalidRequirementError(
      "capacity",
      "Capacity.karpenter",
      "capacity reservations and Capacity Blocks are not rendered for Karpenter yet; use Capacity.eksNodeGroup",
    );
  }
  if ((kind !== "eks-node-group" && kind !== "karpenter") || (decision.gpuFraction ?? 1) >= 1) return;
  throw new InvalidRequirementError(
    "capacity",
    kind === "karpenter" ? "Capacity.karpenter" : "Capacity.eksNodeGroup",
    `${decision.instanceType} holds a fraction of a GPU, which the NVIDIA device plugin does not advertise as nvidia.com/gpu; ask for a whole GPU (minGpuMemoryGB: ${Math.ceil(decision.gpu.memoryGB)}, or gpus)`,
  );
}

/** How the manifests are shipped: "kubernetes-manifest" needs the bindings, and a provider only goes with it. */
function validateKarpenterDelivery(options: KarpenterOptions): void {
  checkOneOf("capacity.karpenter.delivery", options.delivery, KARPENTER_DELIVERIES);
  const provider = options.kubernetesProvider;
  if (options.delivery !== "kubernetes-manifest") {
    if (provider !== undefined)
      throw new InvalidRequirementError(
        "capacity.karpenter.kubernetesProvider",
        provider,
        'give it with delivery: "kubernetes-manifest", which applies the manifests through it',
      );
    return;
  }
  if (provider !== undefined && !(TerraformProvider.isTerraformProvider(provider) && provider.terraformResourceType === "kubernetes")) {
    throw new InvalidRequirementError(
      "capacity.karpenter.kubernetesProvider",
      provider,
      "give a KubernetesProvider of the stack (@cdktf/provider-kubernetes/lib/provider)",
    );
  }
  kubernetesManifestResource("capacity.karpenter.delivery");
}
