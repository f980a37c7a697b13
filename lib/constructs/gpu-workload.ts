import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, TerraformOutput, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { CapacityKind } from "../plan/gpu-plan";
import { CostTerm, kebab } from "../plan/cost-vocabulary";
import { Decision } from "../selection/decision";
import { SelectionRequirements } from "../selection/requirements";
import { selectInstance } from "../selection/select-instance";
import { WORKLOAD_PROFILES } from "../taxonomy/workload-profiles";
import { GpuWorkloadsError, InvalidRequirementError, UnresolvedValueError } from "../validation/errors";
import { GpuPlatform, PlatformSettings } from "./gpu-platform";
import { CONTAINER_WORKSPACE_GIB, DLAMI_ROOT_SNAPSHOT_GIB, dlamiOperatingSystem, imageId, rootDeviceName } from "./private/ami";
import { forwardAppWideAspects } from "./private/app-wide-aspects";
import { WorkloadCapacity, createCapacity } from "./private/capacity";
import { driftGuardPreconditions } from "./private/drift-guard";
import { gpuMetricsScript } from "./private/gpu-metrics-user-data";
import { ManagedPolicy, createInstanceProfile } from "./private/instance-role";
import { createLaunchTemplate } from "./private/launch-template";
import { registerPlanFile } from "./private/plan-file";
import { applyPolicy } from "./private/policy";
import { resourceNames } from "./private/resource-names";
import { createSecurityGroup } from "./private/security-group";
import { decisionTags, stableTags } from "./private/tags";
import { literalText } from "./private/terraform-text";
import { isToken } from "./private/tokens";
import { createPlacementGroup } from "./private/training-cluster";
import { composeUserData } from "./private/user-data";
import { validateDecisionFit, validateTerraformNames, validateWorkloadProps } from "./private/validate-props";
import { GPU_WORKLOAD_BRAND } from "./private/workload-brand";
import { AmiOperatingSystem, GpuWorkloadProps, ReplicaBounds } from "./workload-props";

export type { WorkloadCapacity } from "./private/capacity";

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
  /** OS of the AMI the instances boot. */
  private readonly os: AmiOperatingSystem;

  constructor(scope: Construct, id: string, props: GpuWorkloadProps) {
    super(scope, id);
    let userData: string | undefined;
    let platform: PlatformSettings;
    try {
      if (props === null || typeof props !== "object") throw new InvalidRequirementError("props", props, "give the workload's props as an object");
      validateTerraformNames(this);
      platform = GpuPlatform.settingsFor(this, props.platform);
      validateWorkloadProps(props, props.network ?? platform.network, platform.tags);
      this.decision = selectInstance(this.requirements(props, platform));
      validateDecisionFit(props, this.decision);
      // AWS Batch boots its own ECS GPU image; everything else a DLAMI that must support the family.
      this.os = props.batch ? "amazon-linux-2023" : dlamiOperatingSystem(this.decision.spec.family, this.decision.spec.cpuArchitecture, props.operatingSystem, props.ami !== undefined);
      userData = this.userData(props);
    } catch (error) {
      if (error instanceof GpuWorkloadsError) error.message = `${this.node.path}: ${error.message}`;
      throw error;
    }
    const decision = this.decision;
    const network = (props.network ?? platform.network)!;
    const tags = stableTags(decision.workload, platform.tags, props.tags);
    const names = resourceNames(id, this.node.addr);
    const replicas = fleetReplicas(props, decision);
    const kind = capacityKind(props, decision, replicas);
    const os = this.os;
    // The whole checkpoint is downloaded to every instance, whatever share of it each GPU holds.
    const weightsGiB = decision.memoryEstimate?.weightsTotalGiB ?? 0;
    this.rootVolumeSizeGiB = props.rootVolumeSizeGiB ?? DLAMI_ROOT_SNAPSHOT_GIB + CONTAINER_WORKSPACE_GIB + Math.ceil(weightsGiB);
    const extraPolicies: ManagedPolicy[] = [...(scalesOnGpu(props, kind, replicas) ? ["cloudWatchAgent" as const] : []), ...(kind === "aws-batch" ? ["batchContainerInstance" as const] : [])];
    const instanceProfile = createInstanceProfile(this, names, tags, extraPolicies);
    const securityGroup = createSecurityGroup(this, {
      vpcId: network.vpcId,
      namePrefix: names.securityGroupPrefix,
      description: `${WORKLOAD_PROFILES[decision.workload].displayName} ${this.node.path}: ${props.allowFrom?.length ? "listed clients only" : "no inbound"}, HTTPS out`,
      allowFrom: props.allowFrom ?? [],
      allowTo: props.allowTo ?? [],
      allowWithinGroup: kind === "cluster",
      tags,
    });
    const placementGroup = kind === "cluster" ? createPlacementGroup(this, names.placementGroup, tags) : undefined;
    const batch = kind === "aws-batch";
    const launchTemplate = createLaunchTemplate(this, {
      namePrefix: names.launchTemplatePrefix,
      // No price, reason or date here: the template's content is what instances are created from (no churn).
      description: `cdktf-gpu-workloads ${WORKLOAD_PROFILES[decision.workload].displayName} ${this.node.path} on ${decision.instanceType}`,
      // AWS Batch jobs get their own role; everything else runs containers that use the instance role.
      containersUseInstanceRole: !batch,
      instanceType: decision.instanceType,
      // AWS Batch picks its ECS GPU image and sets the role and interfaces itself.
      imageId: batch ? undefined : imageId(props.ami, decision.spec.cpuArchitecture, os),
      rootDeviceName: batch ? "/dev/xvda" : rootDeviceName(os),
      rootVolumeSizeGiB: this.rootVolumeSizeGiB,
      instanceProfileArn: batch ? undefined : instanceProfile.arn,
      network: batch
        ? undefined
        : {
            securityGroupId: securityGroup.id,
            subnetId: kind === "auto-scaling-group" ? undefined : firstSubnet(network.subnetIds),
            efaInterfaces: kind === "cluster" || props.efa ? decision.spec.efaInterfaces : 0,
            networkCards: decision.spec.networkCards,
          },
      placementGroupName: placementGroup?.name,
      capacityReservationId: props.capacityReservationId,
      marketType: decision.purchase === "capacity-block" ? "capacity-block" : decision.purchase === "spot" && kind === "instance" ? "spot" : undefined,
      userData,
      tags,
      preconditions: driftGuardPreconditions(this, decision),
    });

    this.capacity = createCapacity(this, kind, {
      decision,
      launchTemplate,
      names,
      subnetIds: network.subnetIds,
      securityGroupId: securityGroup.id,
      instanceProfileArn: instanceProfile.arn,
      replicas,
      fleet: props.fleet ?? {},
      batch: props.batch,
      weightsGiB,
      stableTags: tags,
      decisionTags: decisionTags(decision),
    });
    this.addOutputs();
    // Branded last: a workload whose construction failed (and was caught) is not planned or budgeted.
    Object.defineProperty(this, GPU_WORKLOAD_BRAND, { value: true });
    registerPlanFile(this);
    forwardAppWideAspects(TerraformStack.of(this));
  }

  private requirements(props: GpuWorkloadProps, platform: PlatformSettings): SelectionRequirements {
    const { network: _n, platform: _p, ami: _a, operatingSystem: _o, rootVolumeSizeGiB: _r, userData: _u, tags: _t, replicas: _re, fleet: _f, batch: _b, capacityReservationId: _c, allowFrom: _af, allowTo: _at, ...selection } = props;
    return applyPolicy(
      { ...selection, region: props.region ?? platform.region ?? providerRegion(this), taxonomy: platform.taxonomy },
      platform.policy,
    );
  }

  /**
   * The user's user data composed with ours: the GPU metrics agent for fleets that scale on it, MIME
   * multi-part for AWS Batch. A Terraform reference cannot be composed at synth, so it is refused there.
   */
  private userData(props: GpuWorkloadProps): string | undefined {
    const replicas = fleetReplicas(props, this.decision);
    const kind = capacityKind(props, this.decision, replicas);
    const ours = scalesOnGpu(props, kind, replicas) ? [gpuMetricsScript(this.os, this.decision.spec.cpuArchitecture)] : [];
    const mimeRequired = kind === "aws-batch";
    if (isToken(props.userData)) {
      if (ours.length || mimeRequired) {
        throw new UnresolvedValueError(
          "userData",
          ours.length
            ? "it is combined with the GPU metrics agent the fleet scales on; or set fleet.scalingMetric to a metric your user data reports"
            : "AWS Batch needs it as MIME multi-part, which is composed at synth",
        );
      }
      return props.userData;
    }
    return composeUserData(ours, props.userData, mimeRequired);
  }

  /** The decision and its cost as Terraform outputs, named in the cost vocabulary (kebab-case). */
  private addOutputs(): void {
    const d = this.decision;
    const c = this.capacity;
    const costs: Partial<Record<CostTerm, string | number>> = {
      region: d.region,
      gpuCount: d.gpuCount,
      usdPerInstanceHour: d.usdPerInstanceHour,
      usdPerHour: c.usdPerHour,
      usdPerMonth: c.usdPerMonth,
      maxUsdPerMonth: c.maxUsdPerMonth,
    };
    const outputs: Record<string, string | number> = {
      "instance-type": d.instanceType,
      gpu: d.gpu.name,
      ...Object.fromEntries(Object.entries(costs).map(([term, value]) => [kebab(term as CostTerm), value!])),
      instances: c.instances.desired,
      reason: literalText(d.reason),
    };
    for (const [name, value] of Object.entries(outputs)) {
      new TerraformOutput(this, name, { value, description: literalText(`${this.node.path}: ${name.replace(/-/g, " ")} chosen by cdktf-gpu-workloads`) });
    }
  }
}

function capacityKind(props: GpuWorkloadProps, decision: Decision, replicas: ReplicaBounds | undefined): CapacityKind {
  if (props.batch) return "aws-batch";
  if (decision.nodeCount > 1) return "cluster";
  return replicas ? "auto-scaling-group" : "instance";
}

/** The fleet's size: the user's replicas, or the replicas a throughput target needs. */
function fleetReplicas(props: GpuWorkloadProps, decision: Decision): ReplicaBounds | undefined {
  return replicaBounds(props.replicas ?? (props.throughput ? decision.throughput?.replicas : undefined));
}

/** A fleet that can grow scales on GPU utilization unless told otherwise: its user data then runs the metrics agent. */
function scalesOnGpu(props: GpuWorkloadProps, kind: CapacityKind, replicas: ReplicaBounds | undefined): boolean {
  return kind === "auto-scaling-group" && replicas!.max > replicas!.min && (props.fleet?.scalingMetric ?? "gpu-utilization") === "gpu-utilization";
}

const providers = new WeakMap<TerraformStack, AwsProvider>();

/** The region of the stack's default AWS provider (a direct child, as providers are), when it is a literal. */
function providerRegion(scope: Construct): string | undefined {
  const stack = TerraformStack.of(scope);
  let provider = providers.get(stack);
  if (!provider) {
    provider = stack.node.children.find((c): c is AwsProvider => c instanceof AwsProvider && c.alias === undefined);
    if (provider) providers.set(stack, provider);
  }
  const region = provider?.region;
  return region && !Token.isUnresolved(region) ? region : undefined;
}

/** A list variable cannot be indexed at synth time: let Terraform pick its first element. */
function firstSubnet(subnetIds: string[]): string {
  return Token.isUnresolved(subnetIds) ? Fn.element(subnetIds, 0) : subnetIds[0];
}

function replicaBounds(replicas: GpuWorkloadProps["replicas"]): ReplicaBounds | undefined {
  if (replicas === undefined || replicas === 1) return undefined;
  return typeof replicas === "number" ? { min: replicas, max: replicas, desired: replicas } : replicas;
}

