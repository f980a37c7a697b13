import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, TerraformOutput, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { Decision } from "../selection/decision";
import { GpuWorkloadsError } from "../selection/errors";
import { SelectionRequirements } from "../selection/requirements";
import { selectInstance } from "../selection/select-instance";
import { WORKLOAD_PROFILES } from "../taxonomy/workload-profiles";
import { GpuPlatform } from "./gpu-platform";
import { CONTAINER_WORKSPACE_GIB, DLAMI_ROOT_SNAPSHOT_GIB, defaultOperatingSystem, imageId, rootDeviceName } from "./private/ami";
import { createAutoScalingGroup, createInstance } from "./private/capacity";
import { driftGuardPreconditions } from "./private/drift-guard";
import { createInstanceProfile } from "./private/instance-role";
import { createLaunchTemplate } from "./private/launch-template";
import { createSecurityGroup } from "./private/security-group";
import { workloadTags } from "./private/tags";
import { applyPolicy, validateWorkloadProps } from "./private/validate-props";
import { GpuWorkloadProps, ReplicaBounds } from "./workload-props";

/** Hours in the month that cost figures use (AWS's pricing calculator convention). */
export const HOURS_PER_MONTH = 730;

/**
 * A GPU workload: chooses the instance type for what the workload is, then synthesizes secure
 * compute for it (IAM role, security group, launch template, instance or Auto Scaling group), a
 * plan-time drift guard, tags and outputs that explain the choice.
 */
export class GpuWorkload extends Construct {
  /** What was chosen, why, and what else was considered. */
  readonly decision: Decision;
  /** Root volume size the launch template gives, in GiB. */
  readonly rootVolumeSizeGiB: number;

  constructor(scope: Construct, id: string, props: GpuWorkloadProps) {
    super(scope, id);
    const platform = props.platform ?? GpuPlatform.of(this);
    try {
      validateWorkloadProps(props, platform);
      this.decision = selectInstance(this.requirements(props, platform));
    } catch (error) {
      if (error instanceof GpuWorkloadsError) error.message = `${this.node.path}: ${error.message}`;
      throw error;
    }
    const decision = this.decision;
    const network = (props.network ?? platform?.network)!;
    const tags = workloadTags(decision, platform?.tags, props.tags);
    const namePrefix = `${id}-`.slice(0, 32);
    const os = props.operatingSystem ?? defaultOperatingSystem(decision.spec.family);
    this.rootVolumeSizeGiB = props.rootVolumeSizeGiB ?? this.defaultRootVolumeGiB();
    const replicas = replicaBounds(props.replicas);
    const spot = decision.purchase === "spot";

    const instanceProfile = createInstanceProfile(this, namePrefix, tags);
    const securityGroup = createSecurityGroup(this, {
      vpcId: network.vpcId,
      namePrefix,
      description: `${WORKLOAD_PROFILES[decision.workload].displayName} ${this.node.path}: ${props.allowFrom?.length ? "listed clients only" : "no inbound"}, HTTPS out`,
      allowFrom: props.allowFrom ?? [],
      allowTo: props.allowTo ?? [],
      tags,
    });
    const launchTemplate = createLaunchTemplate(this, {
      namePrefix,
      description: decision.reason.slice(0, 255),
      instanceType: decision.instanceType,
      imageId: imageId(props.ami, decision.spec.cpuArchitecture, os),
      rootDeviceName: rootDeviceName(os),
      rootVolumeSizeGiB: this.rootVolumeSizeGiB,
      instanceProfileArn: instanceProfile.arn,
      securityGroupId: securityGroup.id,
      subnetId: replicas ? undefined : firstSubnet(network.subnetIds),
      efaInterfaces: 0,
      spot: spot && !replicas,
      userData: props.userData,
      tags,
      preconditions: driftGuardPreconditions(this, decision),
    });
    if (replicas) {
      createAutoScalingGroup(this, { namePrefix, subnetIds: network.subnetIds, bounds: replicas, launchTemplate, spot, tags });
    } else {
      createInstance(this, "instance", launchTemplate, tags);
    }
    this.addOutputs();
  }

  private requirements(props: GpuWorkloadProps, platform: GpuPlatform | undefined): SelectionRequirements {
    const { network: _n, platform: _p, ami: _a, operatingSystem: _o, rootVolumeSizeGiB: _r, userData: _u, tags: _t, replicas: _rep, allowFrom: _f, allowTo: _to, ...selection } = props;
    return applyPolicy(
      { ...selection, region: props.region ?? platform?.region ?? providerRegion(this), taxonomy: platform?.taxonomy },
      platform?.policy ?? {},
    );
  }

  /** The AMI's own size, the model's weights as stored on disk, and room for container images. */
  private defaultRootVolumeGiB(): number {
    const weightsGiB = this.decision.memoryEstimate?.parts.weightsGiB ?? 0;
    return DLAMI_ROOT_SNAPSHOT_GIB + CONTAINER_WORKSPACE_GIB + Math.ceil(weightsGiB);
  }

  private addOutputs(): void {
    const d = this.decision;
    const outputs: Record<string, string | number> = {
      "instance-type": d.instanceType,
      gpu: d.gpu.name,
      "gpu-count": d.gpuCount * d.nodeCount,
      "usd-per-hour": d.totalHourlyUsd,
      "usd-per-month": Math.round(d.totalHourlyUsd * HOURS_PER_MONTH * 100) / 100,
      reason: d.reason,
    };
    for (const [name, value] of Object.entries(outputs)) {
      new TerraformOutput(this, name, { value, description: `${this.node.path}: ${name.replace(/-/g, " ")} chosen by cdktf-gpu-workloads` });
    }
  }
}

/** The region of the stack's default AWS provider, when it is a literal. */
function providerRegion(scope: Construct): string | undefined {
  const provider = TerraformStack.of(scope)
    .node.findAll()
    .find((c): c is AwsProvider => c instanceof AwsProvider && c.alias === undefined);
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
