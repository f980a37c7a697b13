import * as fs from "fs";
import * as path from "path";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { LaunchableTypes } from "../../../selection/fallbacks";
import { expectedUsdPerInstanceHour } from "../../../selection/select-instance";
import { iamDescription } from "../../../validation/aws-text";
import { KarpenterManifests, KarpenterOptions, KarpenterResources } from "../../capacity";
import { stackOf } from "../framework";
import { SESSION_MANAGER_STATEMENTS, trustPolicy } from "../instance-role";
import { addRolePolicy } from "../grants";
import { literalText } from "../terraform-text";
import { CapacityEngine, WorkloadContext } from "./capacity-engine";
import { GPU_RESOURCE, NODE_LABELS, attachNodeRolePolicies, kubernetesNodeSettings, kubernetesNodeTypes, podPlacement } from "./kubernetes-nodes";
import { capacityCost, typeNames } from "./workload-capacity";
import { kubernetesManifestResource } from "./kubernetes-manifest";

const karpenterOf = (ctx: WorkloadContext): KarpenterOptions => (ctx.props.capacity as { readonly karpenter: KarpenterOptions }).karpenter;

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
function karpenterManifests(ctx: WorkloadContext, types: LaunchableTypes, maxNodes: number, rootVolumeSizeGiB: number): KarpenterManifests {
  const { decision: d, names } = ctx;
  const options = karpenterOf(ctx);
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
export const KARPENTER: CapacityEngine = {
  kind: "karpenter",
  // Karpenter picks the image (its alias) and the instance profile (from the role); nothing launches from the
  // workload's launch template, which carries the plan-time drift guard of the chosen type.
  serviceLaunchesInstances: true,
  settings: () => kubernetesNodeSettings(false),
  create(scope, ctx, shared) {
    const { decision } = ctx;
    const options = karpenterOf(ctx);
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
