import * as fs from "fs";
import * as path from "path";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { LaunchableTypes } from "../../../selection/fallbacks";
import { expectedUsdPerInstanceHour } from "../../../selection/select-instance";
import { iamDescription } from "../../../validation/aws-text";
import { checkOneOf } from "../../../validation/allowed-values";
import { InvalidRequirementError, UnresolvedValueError } from "../../../validation/errors";
import { KARPENTER_DELIVERIES, KarpenterCapacity, KarpenterHandles, KarpenterManifests, KarpenterOptions, KarpenterResources } from "../../capacity";
import { stackOf } from "../framework";
import { SESSION_MANAGER_STATEMENTS, trustPolicy } from "../../../specs/iam";
import { addRolePolicy } from "../grants";
import { literalText } from "../../../specs/terraform-text";
import { CapacityEngine, WorkloadContext } from "./capacity-engine";
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
import { capacityCost, typeNames } from "./workload-capacity";
import { kubernetesManifestResource } from "./kubernetes-manifest";
import { Config } from "../deployed-capacity";
import { isToken } from "../tokens";

/** The tag the workload's security group carries, by which its EC2NodeClass selects it (its id is not known at synth). */
const SELECTOR_TAG = NODE_LABELS.workload;

/** Karpenter's instance-gpu-name label: the name EC2 reports, lowercased, spaces as "-" (Karpenter's labels.go). */
function instanceGpuName(gpuName: string, ec2Name: string | undefined): string {
  return (ec2Name ?? gpuName).toLowerCase().replace(/ /g, "-");
}

/**
 * The NodePool and EC2NodeClass for the decision: only the chosen type and its fallbacks (so Karpenter cannot drift to a
 * type the taxonomy rejected), the purchase option, the architecture and the GPU, a GPU limit of the most nodes, the GPU
 * taint, and consolidation suited to the class (a server's nodes only when empty; batch and jobs when underutilized).
 */
function karpenterManifests(ctx: WorkloadContext<KarpenterCapacity>, types: LaunchableTypes, maxNodes: number, rootVolumeSizeGiB: number): KarpenterManifests {
  const { decision: d, names } = ctx;
  const options = ctx.strategy.karpenter;
  const serving = d.workload === "realtime-inference" || d.workload === "image-generation";
  const gpuNames = [...new Set(types.launchable.map((t) => instanceGpuName(t.gpu.name, t.gpu.ec2Name)))];
  const nodePool = {
    apiVersion: "karpenter.sh/v1",
    kind: "NodePool",
    metadata: { name: names.kubernetesName },
    spec: {
      template: {
        metadata: { labels: { [NODE_LABELS.workload]: names.unique, [NODE_LABELS.workloadClass]: d.workload, [NODE_LABELS.gpu]: d.gpu.name } },
        spec: {
          nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: names.kubernetesName },
          requirements: [
            { key: "node.kubernetes.io/instance-type", operator: "In", values: typeNames(types.launchable) },
            { key: "karpenter.sh/capacity-type", operator: "In", values: [d.purchase === "spot" ? "spot" : "on-demand"] },
            { key: "kubernetes.io/arch", operator: "In", values: [d.spec.cpuArchitecture === "arm64" ? "arm64" : "amd64"] },
            { key: "karpenter.k8s.aws/instance-gpu-name", operator: "In", values: gpuNames },
            { key: "karpenter.k8s.aws/instance-gpu-count", operator: "In", values: [String(d.gpuCount)] },
          ],
          taints: [{ key: GPU_RESOURCE, value: "true", effect: "NoSchedule" }],
        },
      },
      limits: { [GPU_RESOURCE]: String(maxNodes * d.gpuCount) },
      disruption: serving
        ? { consolidationPolicy: "WhenEmpty", consolidateAfter: "10m" }
        : { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "1m" },
    },
  };
  const subnets = options.subnetIds ?? ctx.network.subnetIds;
  const ec2NodeClass = {
    apiVersion: "karpenter.k8s.aws/v1",
    kind: "EC2NodeClass",
    metadata: { name: names.kubernetesName },
    spec: {
      amiSelectorTerms: [{ alias: `${options.nodeImage ?? "al2023"}@latest` }],
      role: names.nodeRoleName,
      subnetSelectorTerms: subnets.map((id) => ({ id })),
      // The workload's own group (allowFrom, allowTo) and the cluster's, which EKS tags with the cluster's name.
      securityGroupSelectorTerms: [{ tags: { [SELECTOR_TAG]: names.unique } }, { tags: { "aws:eks:cluster-name": options.clusterName } }],
      metadataOptions: {
        httpEndpoint: "enabled",
        httpProtocolIPv6: "disabled",
        httpPutResponseHopLimit: ctx.containersUseInstanceRole ? 2 : 1,
        httpTokens: "required",
      },
      blockDeviceMappings: [
        {
          deviceName: options.nodeImage === "bottlerocket" ? "/dev/xvdb" : "/dev/xvda",
          ebs: { volumeSize: `${rootVolumeSizeGiB}Gi`, volumeType: "gp3", encrypted: true, deleteOnTermination: true },
        },
      ],
      tags: { ...ctx.stableTags },
    },
  };
  return deepFreeze({ nodePool, ec2NodeClass });
}

/**
 * A Karpenter NodePool and EC2NodeClass, written beside the stack as YAML for GitOps (Argo CD, Flux) or kubectl, and
 * the AWS side: a node role with a fixed name (the EC2NodeClass names it at synth) and the security group's selector tag.
 */
export const KARPENTER: CapacityEngine<KarpenterCapacity, KarpenterHandles> = {
  kind: "karpenter",
  factory: "Capacity.karpenter({...})",
  outputs: (h) => ({ "pod-placement": podPlacementOutput(h) }),
  withStrategy(props, { karpenter }) {
    validateEksOptions(karpenter, props, "capacity.karpenter");
    if (isToken(karpenter.clusterName))
      throw new UnresolvedValueError("capacity.karpenter.clusterName", "Karpenter's EC2NodeClass selects the cluster's security group by its name at synth");
    validateKarpenterDelivery(karpenter);
    return props;
  },
  checkDecision(props, decision, network) {
    // The EC2NodeClass is written at synth: its subnets (given, or the workload's or platform's network) must be known then.
    const options = (props.capacity as KarpenterCapacity).karpenter;
    const subnets = options.subnetIds ?? network.subnetIds;
    const at = options.subnetIds ? "capacity.karpenter.subnetIds" : "network.subnetIds";
    if (isToken(subnets)) throw new UnresolvedValueError(at, "Karpenter's EC2NodeClass is written at synth; give literal subnet ids");
    subnets.forEach((subnet, i) => {
      if (isToken(subnet)) throw new UnresolvedValueError(`${at}[${i}]`, "Karpenter's EC2NodeClass is written at synth; give literal subnet ids");
    });
    if (decision.nodeCount > 1) {
      throw new InvalidRequirementError(
        "capacity",
        "Capacity.karpenter",
        `the run needs ${decision.nodeCount} nodes in one placement group with EFA, which a NodePool does not keep; use Capacity.eksNodeGroup`,
      );
    }
    if (decision.purchase === "capacity-block" || props.capacityReservationId !== undefined) {
      throw new InvalidRequirementError(
        "capacity",
        "Capacity.karpenter",
        "capacity reservations and Capacity Blocks are not rendered for Karpenter yet; use Capacity.eksNodeGroup",
      );
    }
    refuseGpuFraction(decision, "Capacity.karpenter");
  },
  strategyReplicas: ({ karpenter }) => karpenter.replicas,
  // Karpenter picks the image (its alias) and the instance profile (from the role); nothing launches from the
  // workload's launch template, which carries the plan-time drift guard of the chosen type.
  serviceLaunchesInstances: true,
  settings: () => kubernetesNodeSettings(false),
  create(scope, ctx, shared) {
    const { decision } = ctx;
    const options = ctx.strategy.karpenter;
    const bounds = ctx.replicas ?? { min: 1, max: 1, desired: 1 };
    const types = kubernetesNodeTypes(decision, options);
    const nodeRole = new IamRole(scope, "node-role", {
      name: ctx.names.nodeRoleName,
      description: literalText(iamDescription(`Karpenter nodes of ${scope.node.path}: EKS worker, ECR pull, Session Manager`)),
      assumeRolePolicy: trustPolicy("ec2.amazonaws.com"),
      tags: ctx.stableTags,
    });
    addRolePolicy(scope, "node-session-manager", nodeRole, SESSION_MANAGER_STATEMENTS);
    attachNodeRolePolicies(scope, nodeRole.name, options.cniPolicyOnNodeRole !== false);
    shared.securityGroup.tags = { ...ctx.stableTags, [SELECTOR_TAG]: ctx.names.unique };
    const manifests = karpenterManifests(ctx, types, bounds.max, shared.rootVolumeSizeGiB);
    const karpenterResources =
      options.delivery === "kubernetes-manifest" ? applyWithTerraform(scope, manifests, nodeRole, options.kubernetesProvider) : undefined;
    if (!karpenterResources) writeManifestsAtSynth(scope, manifests);
    const expected = bounds.desired * expectedUsdPerInstanceHour(decision, decision.purchase);
    return {
      capacity: capacityCost(this.kind, types, { min: bounds.min, desired: bounds.desired }, () => bounds.max, expected),
      handles: { nodeRole, karpenterManifests: manifests, karpenterResources, podPlacement: podPlacement(ctx) },
    };
  },
  readDeployed(w, read, handles) {
    // Karpenter launches what its NodePool allows: its instance types, up to its GPU limit, of its capacity types. Applied
    // by Terraform, the NodePool is its kubernetes_manifest's, after any override.
    const nodePool: Config = handles.karpenterResources ? read.configOf(handles.karpenterResources.nodePool).manifest : handles.karpenterManifests.nodePool;
    const requirements: Config[] = read.literal(nodePool?.spec?.template?.spec?.requirements, "the NodePool's requirements") ?? [];
    const values = (key: string): string[] =>
      (read.literal<string[]>(requirements.find((r) => r?.key === key)?.values, `the NodePool's ${key} values`) ?? []).filter((v) => !isToken(v));
    const rawLimit = nodePool?.spec?.limits?.[GPU_RESOURCE];
    const gpuLimit = Number(read.literal(rawLimit, `the NodePool's ${GPU_RESOURCE} limit`) ?? NaN);
    // Without a limit Karpenter may launch without end: nothing bounds the worst case.
    if (!isToken(rawLimit) && !Number.isFinite(gpuLimit)) read.cannotJudge(`the NodePool has no ${GPU_RESOURCE} limit, so its most nodes cannot be judged`);
    const max = Number.isFinite(gpuLimit) ? Math.floor(gpuLimit / Math.max(w.decision.gpuCount, 1)) : 0;
    for (const type of values("node.kubernetes.io/instance-type")) read.launches(type, max);
    for (const capacityType of values("karpenter.sh/capacity-type"))
      read.bought(capacityType === "spot" ? "spot" : "on-demand", `the NodePool's karpenter.sh/capacity-type ${capacityType}`);
  },
};

/**
 * The manifests as `kubernetes_manifest` resources: the EC2NodeClass after the role it names (Karpenter checks the role
 * when it reconciles the class), the NodePool after the class it refers to.
 */
function applyWithTerraform(scope: Construct, manifests: KarpenterManifests, nodeRole: IamRole, provider: TerraformProvider | undefined): KarpenterResources {
  const Manifest = kubernetesManifestResource("capacity.karpenter.delivery");
  const ec2NodeClass = new Manifest(scope, "karpenter-ec2-node-class", { manifest: manifests.ec2NodeClass, provider, dependsOn: [nodeRole] });
  const nodePool = new Manifest(scope, "karpenter-node-pool", { manifest: manifests.nodePool, provider, dependsOn: [ec2NodeClass] });
  return { nodePool, ec2NodeClass };
}

/** Where a workload's manifests go in the synth's output: beside its stack's cdk.tf.json. */
function manifestFile(outdir: string, stackName: string, kubernetesName: string): string {
  return path.join(outdir, "stacks", stackName, "karpenter", `${kubernetesName}.yaml`);
}

/** Writes the manifests when the app synthesizes into an output folder (its validation runs once per synth). */
function writeManifestsAtSynth(scope: Construct, manifests: KarpenterManifests): void {
  scope.node.addValidation({
    validate() {
      const outdir = (scope.node.root as { outdir?: unknown }).outdir;
      if (typeof outdir !== "string") return [];
      const file = manifestFile(outdir, stackOf(scope).node.id, String((manifests.nodePool.metadata as { name: string }).name));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${toYaml(manifests.ec2NodeClass)}---\n${toYaml(manifests.nodePool)}`);
      return [];
    },
  });
}

/** YAML for plain data: every string double-quoted as JSON writes it (a valid YAML scalar), so nothing is reinterpreted. */
function toYaml(value: unknown, indent = ""): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}[]\n`;
    return value.map((item) => (isBlock(item) ? `${indent}- ${toYaml(item, `${indent}  `).trimStart()}` : `${indent}- ${JSON.stringify(item)}\n`)).join("");
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return `${indent}{}\n`;
    return entries
      .map(([k, v]) => (isBlock(v) ? `${indent}${JSON.stringify(k)}:\n${toYaml(v, `${indent}  `)}` : `${indent}${JSON.stringify(k)}: ${JSON.stringify(v)}\n`))
      .join("");
  }
  return `${indent}${JSON.stringify(value)}\n`;
}

const isBlock = (v: unknown) => v !== null && typeof v === "object" && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
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
