import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, TerraformOutput, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { CapacityKind } from "../plan/gpu-plan";
import { HOURS_PER_MONTH } from "../plan/money";
import { Decision } from "../selection/decision";
import { GpuWorkloadsError } from "../selection/errors";
import { SelectionRequirements } from "../selection/requirements";
import { selectInstance } from "../selection/select-instance";
import { WORKLOAD_PROFILES } from "../taxonomy/workload-profiles";
import { GpuPlatform } from "./gpu-platform";
import { CONTAINER_WORKSPACE_GIB, DLAMI_ROOT_SNAPSHOT_GIB, defaultOperatingSystem, imageId, rootDeviceName } from "./private/ami";
import { forwardAppWideAspects } from "./private/app-wide-aspects";
import { createCapacity } from "./private/capacity";
import { driftGuardPreconditions } from "./private/drift-guard";
import { gpuMetricsScript, multipartUserData } from "./private/gpu-metrics-user-data";
import { ManagedPolicy, createInstanceProfile } from "./private/instance-role";
import { createLaunchTemplate } from "./private/launch-template";
import { registerPlanFile } from "./private/plan-file";
import { createSecurityGroup } from "./private/security-group";
import { workloadTags } from "./private/tags";
import { createPlacementGroup } from "./private/training-cluster";
import { applyPolicy, validateDecisionFit, validateWorkloadProps } from "./private/validate-props";
import { GpuWorkloadProps, ReplicaBounds } from "./workload-props";

/** Instances a workload runs, and what they cost on-demand. */
export interface WorkloadCapacity {
  readonly kind: CapacityKind;
  /** Every type the capacity may launch, the chosen one first. */
  readonly instanceTypes: readonly string[];
  readonly instances: { readonly min: number; readonly desired: number; readonly max: number };
  /** At the desired number of instances. */
  readonly usdPerHour: number;
  readonly usdPerMonth: number;
  /** At the maximum number of instances: what a budget must hold. */
  readonly maxUsdPerMonth: number;
}

/**
 * A GPU workload: chooses the instance type for what the workload is, then synthesizes secure
 * compute for it on the AWS engine that fits its scale (an instance, an Auto Scaling fleet with
 * fallbacks, an EFA training cluster, or AWS Batch), a plan-time drift guard, and tags, outputs and a
 * plan file that explain the choice and its cost.
 */
export class GpuWorkload extends Construct {
  /** What was chosen, why, and what else was considered. */
  readonly decision: Decision;
  /** Instances and cost. */
  readonly capacity: WorkloadCapacity;
  /** Root volume size the launch template gives, in GiB. */
  readonly rootVolumeSizeGiB: number;

  constructor(scope: Construct, id: string, props: GpuWorkloadProps) {
    super(scope, id);
    const platform = props.platform ?? GpuPlatform.of(this);
    try {
      validateWorkloadProps(props, platform);
      this.decision = selectInstance(this.requirements(props, platform));
      validateDecisionFit(props, this.decision);
    } catch (error) {
      if (error instanceof GpuWorkloadsError) error.message = `${this.node.path}: ${error.message}`;
      throw error;
    }
    const decision = this.decision;
    const network = (props.network ?? platform?.network)!;
    const tags = workloadTags(decision, platform?.tags, props.tags);
    // AWS names allow fewer characters than construct ids: letters, digits and hyphens suit every resource here.
    const safeId = id.replace(/[^A-Za-z0-9-]/g, "-");
    const namePrefix = `${safeId.slice(0, 31)}-`;
    const uniqueName = `${safeId.slice(0, 40)}-${this.node.addr.slice(0, 8)}`;
    const os = props.operatingSystem ?? defaultOperatingSystem(decision.spec.family);
    const weightsGiB = decision.memoryEstimate?.parts.weightsGiB ?? 0;
    this.rootVolumeSizeGiB = props.rootVolumeSizeGiB ?? DLAMI_ROOT_SNAPSHOT_GIB + CONTAINER_WORKSPACE_GIB + Math.ceil(weightsGiB);
    const replicas = replicaBounds(props.replicas);
    const kind: CapacityKind = props.batch ? "aws-batch" : decision.nodeCount > 1 ? "cluster" : replicas ? "auto-scaling-group" : "instance";
    const scalesOnGpu = kind === "auto-scaling-group" && replicas!.max > replicas!.min && (props.fleet?.scalingMetric ?? "gpu-utilization") === "gpu-utilization";

    const extraPolicies: ManagedPolicy[] = [...(scalesOnGpu ? ["cloudWatchAgent" as const] : []), ...(kind === "aws-batch" ? ["batchContainerInstance" as const] : [])];
    const instanceProfile = createInstanceProfile(this, namePrefix, tags, extraPolicies);
    const securityGroup = createSecurityGroup(this, {
      vpcId: network.vpcId,
      namePrefix,
      description: `${WORKLOAD_PROFILES[decision.workload].displayName} ${this.node.path}: ${props.allowFrom?.length ? "listed clients only" : "no inbound"}, HTTPS out`,
      allowFrom: props.allowFrom ?? [],
      allowTo: props.allowTo ?? [],
      allowWithinGroup: kind === "cluster",
      tags,
    });
    const placementGroup = kind === "cluster" ? createPlacementGroup(this, uniqueName, tags) : undefined;
    const userData = scalesOnGpu && !Token.isUnresolved(props.userData)
      ? multipartUserData([gpuMetricsScript(os, decision.spec.cpuArchitecture), ...(props.userData ? [props.userData] : [])])
      : props.userData;
    const launchTemplate = createLaunchTemplate(this, {
      namePrefix,
      description: decision.reason,
      instanceType: decision.instanceType,
      // AWS Batch picks its ECS GPU image and sets the role and interfaces itself.
      imageId: kind === "aws-batch" ? undefined : imageId(props.ami, decision.spec.cpuArchitecture, os),
      rootDeviceName: kind === "aws-batch" ? "/dev/xvda" : rootDeviceName(os),
      rootVolumeSizeGiB: this.rootVolumeSizeGiB,
      instanceProfileArn: kind === "aws-batch" ? undefined : instanceProfile.arn,
      network:
        kind === "aws-batch"
          ? undefined
          : {
              securityGroupId: securityGroup.id,
              subnetId: kind === "auto-scaling-group" ? undefined : firstSubnet(network.subnetIds),
              efaInterfaces: kind === "cluster" || props.efa ? decision.spec.efaInterfaces : 0,
            },
      placementGroupName: placementGroup?.name,
      capacityReservationId: props.capacityReservationId,
      marketType: decision.purchase === "capacity-block" ? "capacity-block" : decision.purchase === "spot" && kind === "instance" ? "spot" : undefined,
      userData,
      tags,
      preconditions: driftGuardPreconditions(this, decision),
    });

    const { instanceTypes, instances } = createCapacity(this, kind, {
      decision,
      launchTemplate,
      namePrefix,
      uniqueName,
      subnetIds: network.subnetIds,
      securityGroupId: securityGroup.id,
      instanceProfileArn: instanceProfile.arn,
      replicas,
      fleet: props.fleet ?? {},
      batch: props.batch,
      weightsGiB,
      tags,
    });
    const price = decision.hourlyUsd;
    this.capacity = {
      kind,
      instanceTypes,
      instances,
      usdPerHour: Math.round(price * instances.desired * 10000) / 10000,
      usdPerMonth: round2(price * instances.desired * HOURS_PER_MONTH),
      maxUsdPerMonth: round2(price * instances.max * HOURS_PER_MONTH),
    };
    this.addOutputs();
    registerPlanFile(this);
    forwardAppWideAspects(TerraformStack.of(this));
  }

  private requirements(props: GpuWorkloadProps, platform: GpuPlatform | undefined): SelectionRequirements {
    return applyPolicy(
      {
        workload: props.workload,
        gpus: props.gpus,
        anyOf: props.anyOf,
        minGpuMemoryGB: props.minGpuMemoryGB,
        minTotalGpuMemoryGB: props.minTotalGpuMemoryGB,
        gpuCount: props.gpuCount,
        minVcpus: props.minVcpus,
        minMemoryGiB: props.minMemoryGiB,
        minMemoryBandwidthGBps: props.minMemoryBandwidthGBps,
        efa: props.efa,
        cpuArchitecture: props.cpuArchitecture,
        region: props.region ?? platform?.region ?? providerRegion(this),
        maxUsdPerHour: props.maxUsdPerHour,
        purchase: props.purchase,
        objective: props.objective,
        model: props.model,
        usage: props.usage,
        nodes: props.nodes,
        taxonomy: platform?.taxonomy,
      },
      platform?.policy ?? {},
    );
  }

  private addOutputs(): void {
    const d = this.decision;
    const outputs: Record<string, string | number> = {
      "instance-type": d.instanceType,
      gpu: d.gpu.name,
      "gpu-count": d.gpuCount * this.capacity.instances.desired,
      "usd-per-hour": this.capacity.usdPerHour,
      "usd-per-month": this.capacity.usdPerMonth,
      reason: d.reason,
    };
    for (const [name, value] of Object.entries(outputs)) {
      new TerraformOutput(this, name, { value, description: `${this.node.path}: ${name.replace(/-/g, " ")} chosen by cdktf-gpu-workloads` });
    }
  }
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

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
