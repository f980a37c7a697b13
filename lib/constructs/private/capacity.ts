import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import { CapacityKind } from "../../plan/gpu-plan";
import { Decision } from "../../selection/decision";
import { BatchOptions, FleetOptions, ReplicaBounds } from "../workload-props";
import { DEFAULT_BATCH_INSTANCE_TYPES, createBatchEnvironment } from "./batch-environment";
import { createFleet, fleetInstanceTypes } from "./fleet";

export interface CapacityProps {
  readonly decision: Decision;
  readonly launchTemplate: LaunchTemplate;
  readonly namePrefix: string;
  readonly uniqueName: string;
  readonly subnetIds: string[];
  readonly securityGroupId: string;
  readonly instanceProfileArn: string;
  readonly replicas?: ReplicaBounds;
  readonly fleet: FleetOptions;
  readonly batch?: BatchOptions;
  readonly weightsGiB: number;
  readonly tags: Record<string, string>;
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
    createBatchEnvironment(scope, { ...props, name: props.uniqueName, options: batch, instanceTypes });
    // Batch keeps at least minVcpus running and grows to maxVcpus, whole instances at a time.
    const atLeast = Math.ceil((batch.minVcpus ?? 0) / decision.spec.vcpus);
    return { instanceTypes, instances: { min: atLeast, desired: atLeast, max: Math.ceil(batch.maxVcpus / decision.spec.vcpus) } };
  }
  if (kind === "auto-scaling-group") {
    const bounds = props.replicas!;
    createFleet(scope, { ...props, bounds, options: props.fleet });
    return { instanceTypes: fleetInstanceTypes(decision, props.fleet), instances: { min: bounds.min, desired: bounds.desired ?? bounds.min, max: bounds.max } };
  }
  for (let node = 0; node < decision.nodeCount; node++) {
    createInstance(scope, kind === "cluster" ? `node-${node}` : "instance", props.launchTemplate, props.tags);
  }
  return { instanceTypes: [decision.instanceType], instances: { min: decision.nodeCount, desired: decision.nodeCount, max: decision.nodeCount } };
}

/** One instance from the launch template; everything else (IMDSv2, volumes, network) comes from the template. */
function createInstance(scope: Construct, id: string, launchTemplate: LaunchTemplate, tags: Record<string, string>): Instance {
  return new Instance(scope, id, {
    launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
    // Repeated from the template for scanners that read aws_instance alone (CKV_AWS_79, CKV_AWS_126, CKV_AWS_135).
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2 },
    monitoring: true,
    ebsOptimized: true,
    tags,
  });
}
