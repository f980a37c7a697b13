import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { BatchComputeEnvironment } from "@cdktf/provider-aws/lib/batch-compute-environment";
import { BatchJobDefinition } from "@cdktf/provider-aws/lib/batch-job-definition";
import { BatchJobQueue } from "@cdktf/provider-aws/lib/batch-job-queue";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { PlacementGroup } from "@cdktf/provider-aws/lib/placement-group";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Annotations, Fn, TerraformOutput, Token } from "cdktf";
import { Construct } from "constructs";
import { Decision } from "../selection/decision";
import { WORKLOAD_PROFILES } from "../taxonomy/workload-profiles";
import { DEFAULT_TAXONOMY } from "../taxonomy/taxonomy";
import { PolicyViolationError, UnresolvedValueError, inConstruct } from "../validation/errors";
import { GpuPlatform, PlatformSettings } from "./gpu-platform";
import { imageId, rootDeviceName } from "./private/ami";
import { RootVolume, rootVolume } from "./private/root-volume";
import { forwardAppWideAspects } from "./private/app-wide-aspects";
import { stackOf } from "./private/framework";
import { CapacityEngine, LaunchSettings, WorkloadContext } from "./private/capacity/capacity-engine";
import { jobBootScript } from "../boot/job-boot";
import { metricsAgentScript } from "../boot/metrics-agent";
import { serverBootScript } from "../boot/server-boot";
import { libraryPart } from "../boot/shell";
import { ContainerService, ecrRepositoryArn, s3Location } from "./private/serving/container-service";
import { efaImageWarning } from "./private/serving/workload-containers";
import { fleetAdmission } from "./private/capacity/fleet-admission";
import { nodeListParameters } from "./private/capacity/job-stop";
import { serverHealthWatch } from "./private/capacity/instances";
import { WorkloadCapacity, withJobRuns } from "./private/capacity/workload-capacity";
import { regionGuard, typeGuard } from "./private/drift-guard";
import { createInstanceProfile } from "./private/instance-role";
import { DEFAULT_LOG_RETENTION_DAYS, createWorkloadLogGroup } from "./private/log-group";
import { launchTemplateConfig } from "./private/launch-template";
import { WorkloadLaunchTemplateProps, launchTemplateSpec } from "../specs/launch-template";
import { registerPlanFile } from "./private/plan-file";
import { isGoverned, policyViolations } from "./private/policy";
import { DeployedCapacity, deployedCapacity } from "./private/deployed-capacity";
import { resolveWorkload } from "./private/resolve-workload";
import { addRolePolicy } from "./private/grants";
import { checkStatement, publishMetricsStatements, pullEcrStatements, readS3Statements, readSecretStatements } from "../specs/iam";
import { addRule, createSecurityGroup, ruleId } from "./private/security-group";
import { ingressRule } from "../specs/security-group";
import { contentId, movedFrom } from "./private/content-id";
import { literalText } from "../specs/terraform-text";
import { decisionOutputs, handleOutputs } from "../specs/outputs";
import { isToken } from "./private/tokens";
import { composeUserData } from "./private/user-data";
import { validateAllowFrom } from "./private/validate-props";
import { GPU_WORKLOAD_BRAND } from "./private/workload-brand";
import { AllowFrom, AmiOperatingSystem, GpuWorkloadProps } from "./workload-props";
import type { CapacityKindHandles, KarpenterManifests, KarpenterResources, PodPlacement } from "./capacity";
import { PolicyStatement } from "../specs/iam";

export type { WorkloadCapacity } from "./workload-capacity";

/**
 * A GPU workload: chooses the instance type for what the workload is, then synthesizes secure
 * compute for it on the AWS engine that fits its scale (an instance, an Auto Scaling fleet with
 * fallbacks, an EFA training cluster, or AWS Batch), a plan-time drift guard, and tags, outputs and a
 * plan file that explain the choice and its cost.
 */
export class GpuWorkload extends Construct {
  /** What was chosen, why, and what else was considered. */
  readonly decision: Decision;
  /** Instances, the types it may launch, and cost (expected and worst case). */
  readonly capacity: WorkloadCapacity;
  /** Root volume size the launch template gives, in GiB. */
  readonly rootVolumeSizeGiB: number;
  /** The root volume every instance gets: size, gp3 throughput and IOPS, and what they cost per month. */
  readonly rootVolume: RootVolume;
  /** The instances' role (trusted by EC2 alone; Session Manager plus what the capacity needs). AWS Batch jobs use jobRole instead. */
  readonly role: IamRole;
  /** The instance profile that hands `role` to the instances. */
  readonly instanceProfile: IamInstanceProfile;
  /** The instances' security group: no inbound unless allowed, HTTPS out. */
  readonly securityGroup: SecurityGroup;
  /** Every instance starts from this template. */
  readonly launchTemplate: LaunchTemplate;
  /** Where the containers log (a server, a job, AWS Batch jobs); undefined when the workload runs none. */
  readonly logGroup?: CloudwatchLogGroup;
  /** The capacity's resources, typed by its kind: narrow on `kind` for the handles the kind always has. */
  readonly capacityHandles: CapacityKindHandles;
  // The capacity's resources, set from what its kind created; undefined where the kind has none.
  /** A single instance or a cluster's nodes; undefined for a fleet or AWS Batch. */
  declare readonly instances?: readonly Instance[];
  /** A fleet's Auto Scaling group. */
  declare readonly autoScalingGroup?: AutoscalingGroup;
  /** A cluster's placement group. */
  declare readonly placementGroup?: PlacementGroup;
  /** AWS Batch: the managed compute environment that launches the instances. */
  declare readonly computeEnvironment?: BatchComputeEnvironment;
  /** AWS Batch: the queue jobs are submitted to. */
  declare readonly jobQueue?: BatchJobQueue;
  /** AWS Batch: the job definition (image, GPUs, vCPUs, memory, retries, timeout). */
  declare readonly jobDefinition?: BatchJobDefinition;
  /** AWS Batch: the role the jobs' containers run with; grants go here. */
  declare readonly jobRole?: IamRole;
  /** A serving fleet's internal Network Load Balancer: where clients call (see GpuWorkload.endpoint). */
  declare readonly loadBalancer?: Lb;
  /** A serving fleet's target group: the instances, health-checked on the server's path. */
  declare readonly targetGroup?: LbTargetGroup;
  /** A serving fleet's TCP listener on the server's port. */
  declare readonly listener?: LbListener;
  /** The load balancer's security group: a serving fleet's allowFrom rules are here. */
  declare readonly loadBalancerSecurityGroup?: SecurityGroup;
  /** A single server's health alarm (no action unless you add one, e.g. an SNS topic ARN in alarmActions). */
  declare readonly healthAlarm?: CloudwatchMetricAlarm;
  /** An EKS managed node group (Capacity.eksNodeGroup). */
  declare readonly nodeGroup?: EksNodeGroup;
  /** On an EKS node group or Karpenter: the nodeSelector, tolerations and GPU limit that land a pod on the workload's nodes. */
  declare readonly podPlacement?: PodPlacement;
  /** Karpenter: the nodes' role, which the EC2NodeClass names. */
  declare readonly nodeRole?: IamRole;
  /** Karpenter: the NodePool and EC2NodeClass, also written to stacks/<stack>/karpenter/<name>.yaml at synth. */
  declare readonly karpenterManifests?: KarpenterManifests;
  /** Karpenter with delivery "kubernetes-manifest": the NodePool's and EC2NodeClass's `kubernetes_manifest` resources. */
  declare readonly karpenterResources?: KarpenterResources;
  /** OS of the AMI the instances boot. */
  private readonly os: AmiOperatingSystem;
  /** Inline policies and inbound rules added, counted as earlier releases named them (for their moved blocks). */
  private added = { policies: 0, ingress: 0 };
  /** The stable tags (literal Terraform text), for rules added after construction. */
  private readonly tags: Record<string, string>;
  /** The workload's region is given and the provider's is not literal: Terraform compares them at plan. */
  private regionCheckedAtPlan = false;
  /** The platform the props named, if any: at synth the workload is judged again under it and every platform above. */
  private readonly givenPlatform?: GpuPlatform;

  /**
   * Chooses the instance type and synthesizes the capacity. Throws a GpuWorkloadsError, prefixed with the construct's
   * path, when the props are invalid or no instance type satisfies them.
   */
  constructor(scope: Construct, id: string, props: GpuWorkloadProps) {
    super(scope, id);
    // Resolve and select: every check, the instance type, the capacity kind. Nothing is built before it.
    const spec = this.withPath(() => resolveWorkload(this, props));
    props = spec.props;
    const { platform, engine, settings, job } = spec;
    let context = spec.context;
    this.decision = spec.decision;
    this.os = spec.os;
    this.givenPlatform = props.platform;
    this.regionCheckedAtPlan = spec.regionCheckedAtPlan;
    const userData = this.withPath(() => this.userData(settings, context));
    const decision = this.decision;
    const { names, network, stableTags: tags } = context;
    this.tags = tags;
    const os = this.os;
    this.rootVolume = rootVolume(props.rootVolumeSizeGiB, (context.service ?? job)?.imageSizeGiB, context.weightsGiB);
    this.rootVolumeSizeGiB = this.rootVolume.sizeGiB;
    const { role, instanceProfile } = createInstanceProfile(this, names, tags);
    this.role = role;
    this.instanceProfile = instanceProfile;
    // GPU utilization for scaling, a single server's health for its alarm: to the workload's own namespace only.
    if (settings.scalesOnGpu || settings.watchesOwnHealth) addRolePolicy(this, "publish-metrics", role, publishMetricsStatements(names.metricNamespace));
    const throughLb = settings.clientsThroughLoadBalancer;
    this.securityGroup = createSecurityGroup(this, {
      vpcId: network.vpcId,
      namePrefix: names.securityGroupPrefix,
      description: `${WORKLOAD_PROFILES[decision.workload].displayName} ${this.node.path}: ${throughLb ? "its load balancer only" : props.allowFrom?.length ? "listed clients only" : "no inbound"}, HTTPS out`,
      // A serving fleet's clients reach the load balancer; the instances accept it alone.
      allowFrom: throughLb ? [] : (props.allowFrom ?? []),
      allowTo: props.allowTo ?? [],
      allowWithinGroup: settings.allowWithinGroup,
      tags,
    });
    const container = context.service ?? job;
    // What the containers print (a server's, a job's, AWS Batch jobs'), in the workload's own group.
    if (container || props.batch) {
      this.logGroup = createWorkloadLogGroup(this, role, {
        name: names.logGroup,
        retentionDays: container?.logRetentionDays ?? props.batch?.job.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
        kmsKeyArn: props.logKmsKeyArn,
        tags,
      });
    }
    if (container) this.containerGrants(container);
    if (job) {
      const launched = job;
      const warning = efaImageWarning(job.image, settings.efa && this.decision.spec.efaInterfaces > 0);
      if (warning) Annotations.of(this).addWarning(warning);
      context = { ...context, nodeUserData: (node, first) => this.nodeUserData(context, settings, launched, node, first) };
    }
    const prepared = engine.prepare?.(this, context) ?? {};
    // Each read of a resource attribute is a new token, for which cdktf records a stack trace: read each once.
    const securityGroupId = this.securityGroup.id;
    const instanceProfileArn = instanceProfile.arn;
    const service = engine.serviceLaunchesInstances;
    const template: WorkloadLaunchTemplateProps = {
      namePrefix: names.launchTemplatePrefix,
      // No price, reason or date here: the template's content is what instances are created from (no churn).
      description: `cdktf-gpu-workloads ${WORKLOAD_PROFILES[decision.workload].displayName} ${this.node.path} on ${decision.instanceType}`,
      containersUseInstanceRole: context.containersUseInstanceRole,
      instanceType: decision.instanceType,
      // A service (AWS Batch) picks its image and sets the role and interfaces itself.
      imageId: service ? undefined : imageId(props.ami, decision.spec.cpuArchitecture, os),
      rootDeviceName: service ? "/dev/xvda" : rootDeviceName(os),
      rootVolume: this.rootVolume,
      instanceProfileArn: service ? undefined : instanceProfileArn,
      network: service
        ? undefined
        : {
            securityGroupId,
            subnetId: settings.pinsSubnet ? firstSubnet(network.subnetIds) : undefined,
            efaInterfaces: settings.efa ? decision.spec.efaInterfaces : 0,
            networkCards: decision.spec.networkCards,
          },
      placementGroupName: prepared.placementGroup?.name,
      capacityReservationId: props.capacityReservationId,
      capacityBlock: decision.purchase === "capacity-block",
      userData,
      tags,
      preconditions: [...typeGuard(this, decision), ...(this.regionCheckedAtPlan ? [regionGuard(this, decision.region)] : [])],
    };
    const templateProps = engine.launchTemplate?.(template, context, prepared, securityGroupId) ?? template;
    this.launchTemplate = new LaunchTemplate(this, "launch-template", launchTemplateConfig(launchTemplateSpec(this.node.path, templateProps)));
    const built = engine.create(this, context, {
      launchTemplate: this.launchTemplate,
      role,
      securityGroup: this.securityGroup,
      instanceProfileArn,
      placementGroup: prepared.placementGroup,
      rootVolumeSizeGiB: this.rootVolume.sizeGiB,
    });
    this.capacity = withJobRuns(built.capacity, decision, context.shutdownOnExit === true);
    // The engine of this kind made this kind's handles (CapacityEngine<S, H>): the kind completes them.
    this.capacityHandles = { kind: engine.kind, ...built.handles } as CapacityKindHandles;
    Object.assign(this, built.handles);
    this.addOutputs(engine, securityGroupId);
    // What the resources launch, judged under the policy: a fleet's spot share or on-demand base, its worst case.
    const { violations } = isGoverned(platform.policy) ? this.judged() : { violations: [] };
    if (violations.length) {
      // Nothing half-synthesized: the workload leaves the tree with what it built.
      scope.node.tryRemoveChild(id);
      throw inConstruct(new PolicyViolationError(violations), this.node.path);
    }
    // Branded last: a workload whose construction failed (and was caught) is not planned or budgeted.
    Object.defineProperty(this, GPU_WORKLOAD_BRAND, { value: true });
    registerPlanFile(this);
    forwardAppWideAspects(stackOf(this));
  }

  /**
   * What the final resources will launch (after every property set and override since construction), and how it
   * breaks the policy of every platform above the workload as the tree stands now. The App's validation calls it at
   * synth, so a platform added after the workload, or an escape hatch, is judged too.
   * @internal
   */
  judged(): { readonly deployed: DeployedCapacity; readonly violations: readonly string[] } {
    let settings: PlatformSettings;
    try {
      settings = GpuPlatform.settingsFor(this, this.givenPlatform);
    } catch (error) {
      return { deployed: deployedCapacity(this, DEFAULT_TAXONOMY), violations: [(error as Error).message] };
    }
    const deployed = deployedCapacity(this, settings.taxonomy);
    const platforms = [
      ...new Set([...GpuPlatform.above(this), ...(this.givenPlatform ? [this.givenPlatform] : [])].map((p) => `GpuPlatform ${p.node.path}`)),
    ].join(", ");
    return { deployed, violations: policyViolations(deployed, settings.policy, platforms, settings.taxonomy) };
  }

  /**
   * The user's user data composed with ours: the GPU metrics agent for fleets that scale on it, MIME
   * multi-part for AWS Batch. A Terraform reference cannot be composed at synth, so it is refused there.
   */
  private userData(settings: LaunchSettings, context: WorkloadContext): string | undefined {
    const { userData, service, names } = context;
    const arch = this.decision.spec.cpuArchitecture === "arm64" ? "arm64" : "amd64";
    const parts = [
      ...(settings.scalesOnGpu ? [metricsAgentScript(this.os === "amazon-linux-2023" ? "amazon-linux" : "ubuntu", arch, names.metricNamespace)] : []),
      ...(service
        ? [
            serverBootScript({
              container: service,
              port: service.port!,
              healthCheckPath: service.healthCheckPath!,
              region: this.decision.region,
              logGroupName: names.logGroup,
              admission: settings.admitsWhenHealthy ? fleetAdmission(names.parameterPath, context.serverReadySeconds!) : undefined,
              healthWatch: settings.watchesOwnHealth ? serverHealthWatch(context) : undefined,
            }),
          ]
        : []),
    ];
    const ours = parts.length ? [libraryPart(), ...parts] : [];
    if (isToken(userData)) {
      if (ours.length || settings.mimeUserData) {
        throw new UnresolvedValueError(
          "userData",
          ours.length
            ? settings.scalesOnGpu
              ? "it is combined with the GPU metrics agent the fleet scales on; or set fleet.scalingMetric to a metric your user data reports"
              : "it is combined with the served container's first-boot script"
            : "AWS Batch needs it as MIME multi-part, which is composed at synth",
        );
      }
      return userData;
    }
    return composeUserData(ours, userData, settings.mimeUserData);
  }

  /** What the container's host needs: pulling its image, its secrets and weights. */
  private containerGrants(service: ContainerService): void {
    const repository = ecrRepositoryArn(service.image);
    if (repository) this.grantPullEcr(repository);
    for (const arn of new Set(Object.values(service.secretEnv).map((s) => s.secretArn))) this.grantSecretRead(arn);
    if (service.weightsS3Uri) {
      const { bucketArn, prefix } = s3Location(service.weightsS3Uri);
      this.grantReadS3(bucketArn, prefix);
    }
  }

  /**
   * One node's user data for a training job: the library's parts, the job started once with the distributed
   * environment (the first node's address by reference for the others), then the user's. The whole document, since an
   * instance's user data replaces its template's.
   */
  private nodeUserData(context: WorkloadContext, settings: LaunchSettings, job: ContainerService, node: number, first: Instance | undefined): string {
    const d = this.decision;
    const script = jobBootScript({
      container: job,
      region: d.region,
      logGroupName: context.names.logGroup,
      containerUsesInstanceRole: context.containersUseInstanceRole,
      node: { nodes: d.nodeCount, rank: node, gpusPerNode: d.gpuCount, firstNodeAddress: first?.privateIp, efa: settings.efa && d.spec.efaInterfaces > 0 },
      end: {
        shutdown: context.shutdownOnExit === true,
        peerParameters: d.nodeCount > 1 && context.shutdownOnExit ? nodeListParameters(context.names.parameterPath, d.nodeCount) : undefined,
      },
    });
    const text = composeUserData([libraryPart(), script], context.userData, settings.mimeUserData)!;
    // The first node's address is a Terraform reference: the rest of the text must stay literal around it.
    return isToken(text) ? literalText(text) : text;
  }

  /** Where clients call a serving fleet: the internal load balancer's DNS name (port: the server's); undefined otherwise. */
  get endpoint(): string | undefined {
    return this.loadBalancer?.dnsName;
  }

  /** The role the workload's code runs with: its AWS Batch jobs' role, else the instances' role. Grants go here. */
  get runtimeRole(): IamRole {
    return this.jobRole ?? this.role;
  }

  /** Adds a permission to the runtime role as a scoped inline policy: named actions on named resources, no wildcards. */
  addToRolePolicy(statement: PolicyStatement): IamRolePolicy {
    this.withPath(() => checkStatement("statement", statement));
    return this.addPolicy("policy", this.runtimeRole, [statement]);
  }

  /** Lets the workload's code read a bucket's objects under `prefix` (and list them). */
  grantReadS3(bucketArn: string, prefix?: string): IamRolePolicy {
    return this.addPolicy(
      "read-s3",
      this.runtimeRole,
      this.withPath(() => readS3Statements(bucketArn, prefix)),
    );
  }

  /** Lets the instances pull images from one ECR repository (docker on the host, or the ECS agent on AWS Batch). */
  grantPullEcr(repositoryArn: string): IamRolePolicy {
    return this.addPolicy(
      "pull-ecr",
      this.role,
      this.withPath(() => pullEcrStatements(repositoryArn)),
    );
  }

  /** Lets the workload's code read one secret from Secrets Manager. */
  grantSecretRead(secretArn: string): IamRolePolicy {
    return this.addPolicy(
      "read-secret",
      this.runtimeRole,
      this.withPath(() => readSecretStatements(secretArn)),
    );
  }

  /**
   * Opens one more inbound TCP port, to a private CIDR or a security group, checked as the allowFrom prop is. The rule
   * is named by its port and source, as the prop's are: the same port and source again returns the rule already there.
   */
  allowFrom(rule: AllowFrom): VpcSecurityGroupIngressRule {
    this.withPath(() => validateAllowFrom("allowFrom", rule));
    // A serving fleet's clients call its load balancer; everything else is reached directly.
    const lb = this.loadBalancerSecurityGroup;
    const spec = ingressRule(lb ? "load-balancer-ingress" : "ingress", rule, this.node.id);
    const id = ruleId(this, spec);
    const existing = this.node.tryFindChild(id) as VpcSecurityGroupIngressRule | undefined;
    if (existing) return existing;
    return addRule(this, id, (lb ?? this.securityGroup).id, { ...spec, formerId: `ingress-added-${this.added.ingress++}` }, this.tags);
  }

  /**
   * An inline policy named by its role and statements, so the order grants are made in renames none; the same grant
   * again returns the policy already there.
   */
  private addPolicy(what: string, role: IamRole, statements: readonly PolicyStatement[]): IamRolePolicy {
    const content = { role: role.node.id, statements: statements.map((s) => ({ actions: s.actions, resources: s.resources, conditions: s.conditions })) };
    const id = contentId(this, what, content);
    const existing = this.node.tryFindChild(id) as IamRolePolicy | undefined;
    if (existing) return existing;
    const policy = addRolePolicy(this, id, role, statements, { replaceable: true });
    movedFrom(policy, `${what}-${this.added.policies++}`);
    return policy;
  }

  /** Runs a check, recording the workload's path on its error, as construction does. */
  private withPath<T>(check: () => T): T {
    try {
      return check();
    } catch (error) {
      throw inConstruct(error, this.node.path);
    }
  }

  /** The decision and its cost, and the ids of the workload's resources, as Terraform outputs. */
  private addOutputs(engine: CapacityEngine, securityGroupId: string): void {
    // The ids another stack or a script needs; a typed handle in another cdktf stack references them directly.
    const handles = {
      "role-arn": this.runtimeRole.arn,
      "security-group-id": securityGroupId,
      "log-group-name": this.logGroup?.name,
      ...engine.outputs?.(this.capacityHandles),
    };
    for (const output of [...decisionOutputs(this.node.path, this.decision, this.capacity), ...handleOutputs(this.node.path, handles)]) {
      new TerraformOutput(this, output.name, { value: output.value, description: output.description });
    }
  }
}

/** A list variable cannot be indexed at synth time: let Terraform pick its first element. */
function firstSubnet(subnetIds: string[]): string {
  return Token.isUnresolved(subnetIds) ? Fn.element(subnetIds, 0) : subnetIds[0];
}
