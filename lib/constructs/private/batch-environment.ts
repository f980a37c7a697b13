import { BatchComputeEnvironment } from "@cdktf/provider-aws/lib/batch-compute-environment";
import { BatchJobDefinition } from "@cdktf/provider-aws/lib/batch-job-definition";
import { BatchJobQueue } from "@cdktf/provider-aws/lib/batch-job-queue";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import { Decision } from "../../selection/decision";
import { BatchOptions } from "../workload-props";

export const DEFAULT_BATCH_INSTANCE_TYPES = 5;
export const DEFAULT_JOB_ATTEMPTS = 3;
export const DEFAULT_JOB_TIMEOUT_SECONDS = 3600;
/** ECS-optimized Amazon Linux 2023 with NVIDIA drivers: Batch's GPU image (the AL2 one is end of support). */
export const BATCH_GPU_IMAGE_TYPE = "ECS_AL2023_NVIDIA";
/** Share of an instance's memory a job may reserve; the rest is for the OS and the ECS agent. */
const JOB_MEMORY_SHARE = 0.85;

export interface BatchEnvironmentProps {
  readonly name: string;
  readonly decision: Decision;
  readonly options: BatchOptions;
  readonly instanceTypes: readonly string[];
  readonly subnetIds: string[];
  readonly securityGroupId: string;
  readonly instanceProfileArn: string;
  readonly launchTemplate: LaunchTemplate;
  readonly tags: Record<string, string>;
}

export interface BatchEnvironment {
  readonly computeEnvironment: BatchComputeEnvironment;
  readonly jobQueue: BatchJobQueue;
  readonly jobDefinition: BatchJobDefinition;
}

/**
 * A managed compute environment (the service-linked role, least privilege by AWS), a queue, and a
 * job definition that asks for GPUs and retries spot reclaims but not application errors.
 */
export function createBatchEnvironment(scope: Construct, props: BatchEnvironmentProps): BatchEnvironment {
  const { decision, options } = props;
  const spot = decision.purchase === "spot";
  const computeEnvironment = new BatchComputeEnvironment(scope, "compute-environment", {
    name: props.name,
    type: "MANAGED",
    state: "ENABLED",
    computeResources: {
      type: spot ? "SPOT" : "EC2",
      allocationStrategy: spot ? "SPOT_PRICE_CAPACITY_OPTIMIZED" : "BEST_FIT_PROGRESSIVE",
      instanceType: [...props.instanceTypes],
      minVcpus: options.minVcpus ?? 0,
      maxVcpus: options.maxVcpus,
      subnets: props.subnetIds,
      securityGroupIds: [props.securityGroupId],
      instanceRole: props.instanceProfileArn,
      launchTemplate: { launchTemplateId: props.launchTemplate.id, version: "$Latest" },
      ec2Configuration: [{ imageType: BATCH_GPU_IMAGE_TYPE }],
      tags: props.tags,
    },
    tags: props.tags,
  });
  const jobQueue = new BatchJobQueue(scope, "job-queue", {
    name: props.name,
    state: "ENABLED",
    priority: 1,
    computeEnvironmentOrder: [{ order: 1, computeEnvironment: computeEnvironment.arn }],
    tags: props.tags,
  });
  const job = options.job;
  const gpus = job.gpus ?? 1;
  const share = gpus / decision.gpuCount;
  const jobDefinition = new BatchJobDefinition(scope, "job-definition", {
    name: props.name,
    type: "container",
    platformCapabilities: ["EC2"],
    propagateTags: true,
    containerProperties: JSON.stringify({
      image: job.image,
      command: job.command,
      resourceRequirements: [
        { type: "GPU", value: String(gpus) },
        { type: "VCPU", value: String(job.vcpus ?? Math.max(1, Math.floor(decision.spec.vcpus * share) - 1)) },
        { type: "MEMORY", value: String(job.memoryMiB ?? Math.floor(decision.spec.memoryGiB * 1024 * share * JOB_MEMORY_SHARE)) },
      ],
      // Not privileged (CKV_AWS_210): GPUs reach the container through the NVIDIA runtime, not device access.
      privileged: false,
    }),
    retryStrategy: {
      attempts: job.attempts ?? DEFAULT_JOB_ATTEMPTS,
      // A reclaimed spot host reports "Host EC2 (instance i-…) terminated.": retry; anything else is the job's own failure.
      evaluateOnExit: [
        { onStatusReason: "Host EC2*", action: "RETRY" },
        { onReason: "*", action: "EXIT" },
      ],
    },
    timeout: { attemptDurationSeconds: job.timeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS },
    tags: props.tags,
  });
  return { computeEnvironment, jobQueue, jobDefinition };
}
