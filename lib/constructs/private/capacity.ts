import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import { CapacityKind } from "../../plan/gpu-plan";
import { Decision } from "../../selection/decision";
import { BatchOptions, FleetOptions, ReplicaBounds } from "../workload-props";
import { DEFAULT_BATCH_INSTANCE_TYPES, createBatchEnvironment } from "./batch-environment";
import { createFleet, fleetInstanceTypes } from "./fleet";
import { metadataOptions } from "./launch-template";
import { ResourceNames } from "./resource-names";
import { literalTags } from "./terraform-text";

export interface CapacityProps {
  readonly decision: Decision;
  readonly launchTemplate: LaunchTemplate;
  readonly names: ResourceNames;
  readonly subnetIds: string[];
  readonly securityGroupId: string;
  readonly instanceProfileArn: string;
  readonly replicas?: ReplicaBounds;
  readonly fleet: FleetOptions;
  readonly batch?: BatchOptions;
  readonly weightsGiB: number;
  /** On every resource and every instance. */
  readonly stableTags: Record<string, string>;
  /** The decision (type, GPU, price): on what Terraform updates in place and what runs exactly the chosen type. */
  readonly decisionTags: Record<string, string>;
}

export interface CreatedCapacity {
  /** Every type the capacity may launch, the chosen one first. */
  readonly instanceTypes: readonly string[];
  readonly instances: { readonly min: number; readonly desired: number; readonly max: number };
}

/** The AWS engine for the workload's scale: instances, an Auto Scaling fleet, or AWS Batch. */
export function createCapacity(scope: Construct, kind: CapacityKind, props: CapacityProps): CreatedCapacity {
  const { decision } = props;
  if (kind === "aws-batch") {
    const batch = props.batch!;
    const instanceTypes = fleetInstanceTypes(decision, { maxFallbacks: (batch.maxInstanceTypes ?? DEFAULT_BATCH_INSTANCE_TYPES) - 1 });
    createBatchEnvironment(scope, { ...props, name: props.names.batch, rolePrefix: props.names.rolePrefix, options: batch, instanceTypes });
    // Batch keeps at least minVcpus running and grows to maxVcpus, whole instances at a time.
    const atLeast = Math.ceil((batch.minVcpus ?? 0) / decision.spec.vcpus);
    return { instanceTypes, instances: { min: atLeast, desired: atLeast, max: Math.ceil(batch.maxVcpus / decision.spec.vcpus) } };
  }
  if (kind === "auto-scaling-group") {
    const bounds = props.replicas!;
    createFleet(scope, { ...props, namePrefix: props.names.autoScalingGroupPrefix, policyName: props.names.scalingPolicy, bounds, options: props.fleet });
    return { instanceTypes: fleetInstanceTypes(decision, props.fleet), instances: { min: bounds.min, desired: bounds.desired ?? bounds.min, max: bounds.max } };
  }
  const tags = literalTags({ ...props.stableTags, ...props.decisionTags });
  for (let node = 0; node < decision.nodeCount; node++) {
    createInstance(scope, kind === "cluster" ? `node-${node}` : "instance", props.launchTemplate, tags);
  }
  return { instanceTypes: [decision.instanceType], instances: { min: decision.nodeCount, desired: decision.nodeCount, max: decision.nodeCount } };
}

/**
 * One instance from the launch template; everything else (IMDSv2, volumes, network) comes from the template.
 * Its tags (the decision's price among them) update in place; the template's content does not depend on them.
 */
function createInstance(scope: Construct, id: string, launchTemplate: LaunchTemplate, tags: Record<string, string>): Instance {
  return new Instance(scope, id, {
    launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
    // Repeated from the template for scanners that read aws_instance alone (CKV_AWS_79, CKV_AWS_126, CKV_AWS_135).
    metadataOptions: metadataOptions(true),
    monitoring: true,
    ebsOptimized: true,
    tags,
  });
}
