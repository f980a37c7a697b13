import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { PlacementGroup } from "@cdktf/provider-aws/lib/placement-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Construct } from "constructs";
import { CapacityKind } from "../../../plan/gpu-plan";
import { Decision } from "../../../selection/decision";
import { NetworkProps } from "../../network";
import { AllowFrom, GpuWorkloadProps, ReplicaBounds } from "../../workload-props";
import { ResourceNames } from "../resource-names";
import { ContainerService } from "../serving/container-service";
import { WorkloadLaunchTemplateProps } from "../../../specs/launch-template";
import type { GpuWorkload } from "../../gpu-workload";
import type { CapacityKindHandles, CapacityStrategy } from "../../capacity";
import type { DeployedReader } from "../deployed-capacity";
import { WorkloadCapacity } from "./workload-capacity";

/** What every capacity engine reads about the workload: resolved, with defaults applied; never the raw props. */
export interface WorkloadContext<S extends CapacityStrategy = CapacityStrategy> {
  /** The capacity strategy, given or written from the shorthands (replicas, fleet, nodes, batch). */
  readonly strategy: S;
  /** EFA interfaces were asked for on a single instance or a fleet (clusters always have them). */
  readonly efa: boolean;
  /** The inbound rules the workload's clients need (a serving fleet puts them on its load balancer). */
  readonly allowFrom: readonly AllowFrom[];
  /** The user's own user data, which the library's parts are composed with. */
  readonly userData?: string;
  readonly decision: Decision;
  readonly names: ResourceNames;
  readonly network: NetworkProps;
  /** The fleet's size, from replicas, a throughput target or spot (see fleetReplicas). */
  readonly replicas?: Required<ReplicaBounds>;
  readonly weightsGiB: number;
  /** On every resource and every instance; literal Terraform text (see stableTags). */
  readonly stableTags: Record<string, string>;
  /** The decision (type, GPU, price): on what Terraform updates in place and what runs exactly the chosen type. */
  readonly decisionTags: Record<string, string>;
  /** The server the instances run, when the workload serves. */
  readonly service?: ContainerService;
  /** Seconds from launch until the server should be healthy (readySeconds): the admission hook's heartbeat, a single server's grace. */
  readonly serverReadySeconds?: number;
  /**
   * A training job's user data for node `node`; nodes after the first get the first node's address. Undefined when
   * there is no job: the nodes take the launch template's user data.
   */
  readonly nodeUserData?: (node: number, first: Instance | undefined) => string;
  /** The job stops its instance when it exits (and a failed one the whole cluster). */
  readonly shutdownOnExit?: boolean;
  /**
   * The containers may use the instance role (containersUseInstanceRole; never on AWS Batch, whose jobs have their own):
   * IMDS hop limit 2 and no metadata fence for a job. Otherwise hop limit 1, and the host does every AWS step.
   */
  readonly containersUseInstanceRole: boolean;
}

/**
 * How a capacity kind shapes the launch template, the instance role and the security group. Each is off unless the
 * kind turns it on (CapacityEngine.settings names only those).
 */
export interface LaunchSettings {
  /** The template pins the first subnet (a single instance, a cluster); a group or a service spreads them. */
  readonly pinsSubnet: boolean;
  /** EFA interfaces on every network card that has them. */
  readonly efa: boolean;
  /** All traffic between members of the security group (NCCL/EFA between training nodes). */
  readonly allowWithinGroup: boolean;
  /** User data must be MIME multi-part (AWS Batch). */
  readonly mimeUserData: boolean;
  /** The fleet scales on GPU utilization: the user data installs the metrics agent. */
  readonly scalesOnGpu: boolean;
  /** Clients reach the instances through a load balancer: the allowFrom rules go on its security group. */
  readonly clientsThroughLoadBalancer: boolean;
  /** No load balancer watches the server: the instance probes its health path itself, restarts it, and reports to an alarm. */
  readonly watchesOwnHealth: boolean;
  /** A load balancer watches the server: the group admits a new instance (launch lifecycle hook) once its server is healthy. */
  readonly admitsWhenHealthy: boolean;
}

/** Every launch setting off: a kind turns on what it needs. */
export const NO_LAUNCH_SETTINGS: LaunchSettings = {
  pinsSubnet: false,
  efa: false,
  allowWithinGroup: false,
  mimeUserData: false,
  scalesOnGpu: false,
  clientsThroughLoadBalancer: false,
  watchesOwnHealth: false,
  admitsWhenHealthy: false,
};

/** What was built before the capacity: the capacity attaches to these. */
export interface SharedResources {
  readonly launchTemplate: LaunchTemplate;
  /** The instances' role: what the capacity's own runtime steps need is granted to it. */
  readonly role: IamRole;
  readonly securityGroup: SecurityGroup;
  readonly instanceProfileArn: string;
  readonly placementGroup?: PlacementGroup;
  /** The root volume's size the template gives (a Karpenter EC2NodeClass gives the same). */
  readonly rootVolumeSizeGiB: number;
}

/** A kind's handles as its engine creates them: the workload adds the kind. */
export type WithoutKind<H> = H extends unknown ? Omit<H, "kind"> : never;

/** What a capacity kind builds before the launch template, for the template to refer to. */
export interface PreparedResources {
  /** A cluster's placement group. */
  readonly placementGroup?: PlacementGroup;
  /** Security groups the instances join besides the workload's own (an EKS cluster's). */
  readonly extraSecurityGroupIds?: readonly string[];
}

/**
 * One capacity kind (a single instance, an Auto Scaling fleet, an EFA cluster, AWS Batch, an EKS node group, Karpenter):
 * its strategy's checks, its launch settings, its changes to the launch template, the resources it creates before and
 * after it, its cost, its handles and outputs, and how its resources are read back for the policy. A new kind is its
 * module and a line in engines.ts; its public face is its Capacity factory and options (capacity.ts), and a handle on
 * GpuWorkload for each new resource type.
 */
export interface CapacityEngine<S extends CapacityStrategy = CapacityStrategy, H extends CapacityKindHandles = CapacityKindHandles> {
  readonly kind: CapacityKind;
  /** The call that makes its strategy, for messages: "Capacity.fleet({...})". */
  readonly factory: string;
  /** Checks the strategy's own options (before selection) and writes out the shorthands the rest reads (replicas, nodes, batch). */
  withStrategy?(props: GpuWorkloadProps, strategy: S): GpuWorkloadProps;
  /** The strategy the shorthands (or their absence) stand for, when the workload's scale chose this kind. */
  fromShorthands?(props: GpuWorkloadProps, decision: Decision): S;
  /** Checks what the kind needs of the decision and the network, once selection has run. */
  checkDecision?(props: GpuWorkloadProps, decision: Decision, network: NetworkProps): void;
  /** A kind whose size has bounds even for one node (a fleet, a node group, a NodePool): the replicas its strategy gives, if any. */
  strategyReplicas?(strategy: S): number | ReplicaBounds | undefined;
  /**
   * A service launches the instances from its own GPU image (AWS Batch, EKS, Karpenter): it picks the image, the
   * instance role and the interfaces, and the template leaves them out.
   */
  readonly serviceLaunchesInstances: boolean;
  /** The launch settings the kind turns on; the rest are off. */
  settings?(ctx: WorkloadContext<S>): Partial<LaunchSettings>;
  /** Resources the launch template refers to (a cluster's placement group, an EKS cluster's security group). */
  prepare?(scope: Construct, ctx: WorkloadContext<S>): PreparedResources;
  /** The kind's own changes to the launch template (EKS: no type where the group lists them, its security groups). */
  launchTemplate?(
    template: WorkloadLaunchTemplateProps,
    ctx: WorkloadContext<S>,
    prepared: PreparedResources,
    securityGroupId: string,
  ): WorkloadLaunchTemplateProps;
  create(scope: Construct, ctx: WorkloadContext<S>, shared: SharedResources): { readonly capacity: WorkloadCapacity; readonly handles: WithoutKind<H> };
  /**
   * What the workload's final resources of this kind may launch and buy, read back after every override (the policy,
   * BudgetGuard and the plan file judge this): each type with the most instances of it at once, each purchase option.
   */
  readDeployed(w: GpuWorkload, read: DeployedReader, handles: H): void;
  /** Terraform outputs of the kind's own resources (the ids a script or another stack needs), by output name. */
  outputs?(handles: H): Readonly<Record<string, string | string[] | undefined>>;
}
