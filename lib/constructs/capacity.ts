import type { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import type { BatchComputeEnvironment } from "@cdktf/provider-aws/lib/batch-compute-environment";
import type { BatchJobDefinition } from "@cdktf/provider-aws/lib/batch-job-definition";
import type { BatchJobQueue } from "@cdktf/provider-aws/lib/batch-job-queue";
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import type { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import type { Instance } from "@cdktf/provider-aws/lib/instance";
import type { Lb } from "@cdktf/provider-aws/lib/lb";
import type { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import type { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import type { PlacementGroup } from "@cdktf/provider-aws/lib/placement-group";
import type { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import type { TerraformProvider, TerraformResource } from "cdktf";
import { BatchOptions, FleetOptions, ReplicaBounds } from "./workload-props";

/** The Kubernetes node image of an EKS node group: Amazon Linux 2023 or Bottlerocket, each in its NVIDIA flavour. */
export const EKS_NODE_IMAGES = ["al2023", "bottlerocket"] as const;
/** One of {@link EKS_NODE_IMAGES}. */
export type EksNodeImage = (typeof EKS_NODE_IMAGES)[number];

/**
 * What a pod needs to land on an EKS node group's nodes: a selector on the workload's label, a toleration of the GPU
 * taint, and one node's GPUs as its limit (one pod per node, every GPU of it).
 */
export interface PodPlacement {
  /** The workload's own node label: `{ "gpu-workloads/workload": "<construct id>-<8 characters of its address>" }`. */
  readonly nodeSelector: Readonly<Record<string, string>>;
  /** Tolerates the `nvidia.com/gpu` NoSchedule taint that keeps other pods off the nodes. */
  readonly tolerations: readonly PodToleration[];
  /** The GPUs of one node, as the pod's limit. */
  readonly resources: PodResources;
}

/** A pod's resource limits. */
export interface PodResources {
  /** `{ "nvidia.com/gpu": "<GPUs per node>" }`. */
  readonly limits: Readonly<Record<string, string>>;
}

/** A Kubernetes toleration of a taint, whatever its value. */
export interface PodToleration {
  /** The taint's key. */
  readonly key: string;
  /** Matches any value. */
  readonly operator: "Exists";
  /** The taint's effect. */
  readonly effect: "NoSchedule";
}

/** Where and how an EKS managed node group runs the decision's instances. */
export interface EksNodeGroupOptions {
  /** The EKS cluster the nodes join (its name, or a reference to it). */
  readonly clusterName: string;
  /** Subnets for the nodes. @default - the network's subnetIds (a multi-node training group: the first one) */
  readonly subnetIds?: string[];
  /**
   * The cluster's security group, which lets nodes and the control plane talk; attached with the workload's own.
   * @default - read from the cluster (data source aws_eks_cluster, so the cluster must exist at plan)
   */
  readonly clusterSecurityGroupId?: string;
  /** Nodes: a fixed count or bounds (the cluster autoscaler or Karpenter moves within them). @default - replicas, a throughput target's, else 1 */
  readonly replicas?: number | ReplicaBounds;
  /** The node image: AL2023 or Bottlerocket with NVIDIA drivers (the AMI type follows the CPU architecture). @default "al2023" */
  readonly nodeImage?: EksNodeImage;
  /**
   * Attach AmazonEKS_CNI_Policy to the node role, as EKS's own guide does for a first cluster. Leave it off when the VPC
   * CNI's aws-node service account has its own role (IRSA or Pod Identity), as AWS recommends. @default true
   */
  readonly cniPolicyOnNodeRole?: boolean;
  /** Same-shape fallback types the group may launch, within a price bound, as for a fleet. @default 9 */
  readonly maxFallbacks?: number;
  /** The dearest fallback as a multiple of the chosen type's price. @default 2 */
  readonly maxFallbackPriceRatio?: number;
  /** Nodes a version update may take down at once. @default 1 */
  readonly maxUnavailable?: number;
}

/** Where Karpenter launches the decision's instances, and how it may grow and shrink them. */
export interface KarpenterOptions {
  /** The EKS cluster Karpenter runs in: its cluster security group is found by EKS's tag aws:eks:cluster-name. */
  readonly clusterName: string;
  /**
   * Nodes: the most the NodePool may hold (its nvidia.com/gpu limit is this many nodes' GPUs), and the nodes priced as
   * expected. @default - replicas, a throughput target's, else 1
   */
  readonly replicas?: number | ReplicaBounds;
  /** The node image: Karpenter's al2023 or bottlerocket alias, which picks the NVIDIA variant for GPU types. @default "al2023" */
  readonly nodeImage?: EksNodeImage;
  /** Subnet ids for the nodes (literal: they are written into the EC2NodeClass at synth). @default - the network's subnetIds */
  readonly subnetIds?: string[];
  /** Attach AmazonEKS_CNI_Policy to the node role (see EksNodeGroupOptions.cniPolicyOnNodeRole). @default true */
  readonly cniPolicyOnNodeRole?: boolean;
  /** Same-shape fallback types the NodePool may launch, within a price bound. @default 9 */
  readonly maxFallbacks?: number;
  /** The dearest fallback as a multiple of the chosen type's price. @default 2 */
  readonly maxFallbackPriceRatio?: number;
  /**
   * How the manifests reach the cluster. "files": YAML beside the stack (stacks/<stack>/karpenter/<name>.yaml) for Argo
   * CD, Flux or kubectl. "kubernetes-manifest": `kubernetes_manifest` resources of the stack's hashicorp/kubernetes
   * provider, applied by `cdktf deploy`; that provider reads the cluster's CRDs at plan, so the cluster (with Karpenter
   * installed) must be reachable when Terraform plans. It needs @cdktf/provider-kubernetes 12.1.1 installed and a
   * KubernetesProvider in the stack; cdktf only (CDK Terrain publishes no Kubernetes bindings). @default "files"
   */
  readonly delivery?: KarpenterDelivery;
  /** With delivery "kubernetes-manifest": the Kubernetes provider to apply them with. @default - the stack's default kubernetes provider */
  readonly kubernetesProvider?: TerraformProvider;
}

/** How a workload's Karpenter manifests reach the cluster: see {@link KarpenterOptions.delivery}. */
export const KARPENTER_DELIVERIES = ["files", "kubernetes-manifest"] as const;
/** One of {@link KARPENTER_DELIVERIES}. */
export type KarpenterDelivery = (typeof KARPENTER_DELIVERIES)[number];

/** The `kubernetes_manifest` resources of a workload whose Karpenter manifests Terraform applies. */
export interface KarpenterResources {
  /** The NodePool's `kubernetes_manifest`. */
  readonly nodePool: TerraformResource;
  /** The EC2NodeClass's `kubernetes_manifest`. */
  readonly ec2NodeClass: TerraformResource;
}

/** The Karpenter manifests a workload renders: apply them to the cluster (kubectl, Argo CD, Flux). */
export interface KarpenterManifests {
  /** A karpenter.sh/v1 NodePool. */
  readonly nodePool: Readonly<Record<string, unknown>>;
  /** A karpenter.k8s.aws/v1 EC2NodeClass. */
  readonly ec2NodeClass: Readonly<Record<string, unknown>>;
}

/** A single instance. */
export interface InstanceCapacity {
  /** Discriminates the strategy. */
  readonly kind: "instance";
}

/** An Auto Scaling fleet: the replicas (or a throughput target's) over the chosen type and its fallbacks. */
export interface FleetCapacity {
  /** Discriminates the strategy. */
  readonly kind: "fleet";
  /** The fleet's size, as the replicas prop. @default - a throughput target's, else 1 */
  readonly replicas?: number | ReplicaBounds;
  /** The fleet's options, as the fleet prop. */
  readonly fleet?: FleetOptions;
}

/** An EFA cluster of `nodes` instances in one placement group. */
export interface ClusterCapacity {
  /** Discriminates the strategy. */
  readonly kind: "cluster";
  /** Nodes, as the nodes prop. */
  readonly nodes: number;
}

/** AWS Batch: a managed compute environment, a queue and a job definition. */
export interface AwsBatchCapacity {
  /** Discriminates the strategy. */
  readonly kind: "aws-batch";
  /** The compute environment and job, as the batch prop. */
  readonly batch: BatchOptions;
}

/** An EKS managed node group that the workload's pods land on. */
export interface EksNodeGroupCapacity {
  /** Discriminates the strategy. */
  readonly kind: "eks-node-group";
  /** The cluster and the group's options. */
  readonly eks: EksNodeGroupOptions;
}

/** A Karpenter NodePool and EC2NodeClass that only launch the decision's types, written beside the stack. */
export interface KarpenterCapacity {
  /** Discriminates the strategy. */
  readonly kind: "karpenter";
  /** The cluster and the NodePool's options. */
  readonly karpenter: KarpenterOptions;
}

/** How a workload's instances run: one of the Capacity strategies. */
export type CapacityStrategy = InstanceCapacity | FleetCapacity | ClusterCapacity | AwsBatchCapacity | EksNodeGroupCapacity | KarpenterCapacity;

/**
 * The capacity strategies a workload's `capacity` prop takes. Without one the decision picks as before: AWS Batch when
 * `batch` is given, a cluster for several nodes, a fleet for replicas, else a single instance; `replicas`, `fleet`,
 * `nodes` and `batch` remain shorthands for the first four.
 */
export const Capacity = {
  /** One instance (on-demand or in a capacity reservation). */
  instance: (): InstanceCapacity => ({ kind: "instance" }),
  /** An Auto Scaling group over the chosen type and its same-shape fallbacks. */
  fleet: (options: { readonly replicas?: number | ReplicaBounds } & FleetOptions = {}): FleetCapacity => {
    const { replicas, ...fleet } = options;
    return { kind: "fleet", replicas, fleet };
  },
  /** `nodes` instances joined by EFA in a cluster placement group (training). */
  cluster: (options: { readonly nodes: number }): ClusterCapacity => ({ kind: "cluster", nodes: options.nodes }),
  /** AWS Batch over the chosen type and its fallbacks. */
  awsBatch: (batch: BatchOptions): AwsBatchCapacity => ({ kind: "aws-batch", batch }),
  /** An EKS managed node group of the chosen type and its fallbacks, tainted for GPU pods. */
  eksNodeGroup: (eks: EksNodeGroupOptions): EksNodeGroupCapacity => ({ kind: "eks-node-group", eks }),
  /** A Karpenter NodePool and EC2NodeClass for the chosen type and its fallbacks, tainted for GPU pods. */
  karpenter: (karpenter: KarpenterOptions): KarpenterCapacity => ({ kind: "karpenter", karpenter }),
} as const;

/** A single instance's resources (Capacity.instance()). */
export interface InstanceHandles {
  /** Discriminates the capacity kind. */
  readonly kind: "instance";
  /** The one instance. */
  readonly instances: readonly Instance[];
  /** A server's health alarm (no action unless you add one); undefined without a server. */
  readonly healthAlarm?: CloudwatchMetricAlarm;
}

/** An Auto Scaling fleet's resources (Capacity.fleet()). */
export interface FleetHandles {
  /** Discriminates the capacity kind. */
  readonly kind: "auto-scaling-group";
  /** The group over the chosen type and its fallbacks. */
  readonly autoScalingGroup: AutoscalingGroup;
  /** A serving fleet's internal Network Load Balancer; undefined without a server. */
  readonly loadBalancer?: Lb;
  /** A serving fleet's target group. */
  readonly targetGroup?: LbTargetGroup;
  /** A serving fleet's TCP listener. */
  readonly listener?: LbListener;
  /** The load balancer's security group, which holds a serving fleet's allowFrom rules. */
  readonly loadBalancerSecurityGroup?: SecurityGroup;
}

/** An EFA cluster's resources (Capacity.cluster()). */
export interface ClusterHandles {
  /** Discriminates the capacity kind. */
  readonly kind: "cluster";
  /** The nodes, the first one first. */
  readonly instances: readonly Instance[];
  /** The cluster placement group they share. */
  readonly placementGroup: PlacementGroup;
}

/** AWS Batch's resources (Capacity.awsBatch()). */
export interface AwsBatchHandles {
  /** Discriminates the capacity kind. */
  readonly kind: "aws-batch";
  /** The managed compute environment that launches the instances. */
  readonly computeEnvironment: BatchComputeEnvironment;
  /** The queue jobs are submitted to. */
  readonly jobQueue: BatchJobQueue;
  /** The job definition. */
  readonly jobDefinition: BatchJobDefinition;
  /** The role the jobs' containers run with; grants go here. */
  readonly jobRole: IamRole;
}

/** An EKS managed node group's resources (Capacity.eksNodeGroup()). */
export interface EksNodeGroupHandles {
  /** Discriminates the capacity kind. */
  readonly kind: "eks-node-group";
  /** The node group. */
  readonly nodeGroup: EksNodeGroup;
  /** Multi-node training's placement group; undefined otherwise. */
  readonly placementGroup?: PlacementGroup;
  /** What lands a pod on the nodes. */
  readonly podPlacement: PodPlacement;
}

/** Karpenter's resources and manifests (Capacity.karpenter()). */
export interface KarpenterHandles {
  /** Discriminates the capacity kind. */
  readonly kind: "karpenter";
  /** The nodes' role, which the EC2NodeClass names. */
  readonly nodeRole: IamRole;
  /** The NodePool and EC2NodeClass. */
  readonly karpenterManifests: KarpenterManifests;
  /** Their `kubernetes_manifest` resources, with delivery "kubernetes-manifest"; undefined with files. */
  readonly karpenterResources?: KarpenterResources;
  /** What lands a pod on the nodes. */
  readonly podPlacement: PodPlacement;
}

/**
 * The capacity's resources, typed by its kind: narrow on `kind` and each handle the kind always has is there, e.g.
 * `if (w.capacityHandles.kind === "auto-scaling-group") w.capacityHandles.autoScalingGroup`.
 */
export type CapacityKindHandles = InstanceHandles | FleetHandles | ClusterHandles | AwsBatchHandles | EksNodeGroupHandles | KarpenterHandles;
