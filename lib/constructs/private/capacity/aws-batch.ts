import { BatchComputeEnvironment } from "@cdktf/provider-aws/lib/batch-compute-environment";
import { BatchJobDefinition } from "@cdktf/provider-aws/lib/batch-job-definition";
import { BatchJobQueue } from "@cdktf/provider-aws/lib/batch-job-queue";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Construct } from "constructs";
import { Decision } from "../../../selection/decision";
import { DEFAULT_MAX_FALLBACK_PRICE_RATIO, launchableTypes } from "../../../selection/fallbacks";
import { expectedUsdPerInstanceHour } from "../../../selection/select-instance";
import { BatchOptions } from "../../workload-props";
import { createJobRole } from "../instance-role";
import { literalText } from "../../../specs/terraform-text";
import { typeGuard } from "../drift-guard";
import { Precondition } from "cdktf/lib/terraform-conditions";
import { CapacityEngine } from "./capacity-engine";
import { capacityCost, typeNames } from "./workload-capacity";
import { callerAccount } from "../caller-account";
import { addRolePolicy } from "../grants";
import { ecsAgentStatements, pullEcrStatements } from "../../../specs/iam";
import { ecrRepositoryArn } from "../serving/container-service";
import { pinnedImageCondition } from "../../../validation/container-image";
import { isToken } from "../tokens";
import type { AwsBatchCapacity, AwsBatchHandles } from "../../capacity";

export const DEFAULT_BATCH_INSTANCE_TYPES = 5;
export const DEFAULT_JOB_ATTEMPTS = 3;
export const DEFAULT_JOB_TIMEOUT_SECONDS = 3600;
/** ECS-optimized Amazon Linux 2023 with NVIDIA drivers: Batch's GPU image (the AL2 one is end of support). */
export const BATCH_GPU_IMAGE_TYPE = "ECS_AL2023_NVIDIA";
/** Share of an instance's memory a job may reserve; the rest is for the OS and the ECS agent. */
const JOB_MEMORY_SHARE = 0.85;

export interface BatchEnvironmentProps {
  readonly name: string;
  /** Name prefix of the jobs' own role. */
  readonly rolePrefix: string;
  readonly decision: Decision;
  readonly options: BatchOptions;
  readonly instanceTypes: readonly string[];
  readonly subnetIds: string[];
  readonly securityGroupId: string;
  readonly instanceProfileArn: string;
  readonly launchTemplate: LaunchTemplate;
  /** Where the jobs' containers log. */
  readonly logGroupName: string;
  /** On every resource, and on the instances Batch launches (which may be any of instanceTypes). */
  readonly stableTags: Record<string, string>;
  /** On the compute environment only. */
  readonly decisionTags: Record<string, string>;
  /** Plan-time checks of the types besides the chosen one (the launch template checks that). */
  readonly preconditions: Precondition[];
}

export interface BatchEnvironment {
  readonly computeEnvironment: BatchComputeEnvironment;
  readonly jobQueue: BatchJobQueue;
  readonly jobDefinition: BatchJobDefinition;
  readonly jobRole: IamRole;
}

/**
 * A managed compute environment (the service-linked role, least privilege by AWS), a queue, and a
 * job definition that asks for GPUs and retries spot reclaims but not application errors.
 *
 * Least privilege for containers: jobs run with their own role (no permissions until granted), never the
 * instance role: the launch template's IMDS hop limit is 1, so containers cannot reach the instance's
 * credentials. No execution role: on EC2 the ECS agent pulls ECR images and ships awslogs with the instance
 * role; AWS requires an execution role only for Fargate, private-registry auth and secrets injection
 * (ECS Developer Guide, "Amazon ECS task execution IAM role", as of 2026-11-29).
 */
export function createBatchEnvironment(scope: Construct, props: BatchEnvironmentProps): BatchEnvironment {
  const { decision, options } = props;
  const spot = decision.purchase === "spot";
  const stable = props.stableTags;
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
      tags: stable,
    },
    tags: { ...props.stableTags, ...props.decisionTags },
    lifecycle: props.preconditions.length ? { precondition: props.preconditions } : undefined,
  });
  const jobQueue = new BatchJobQueue(scope, "job-queue", {
    name: props.name,
    state: "ENABLED",
    priority: 1,
    computeEnvironmentOrder: [{ order: 1, computeEnvironment: computeEnvironment.arn }],
    tags: stable,
  });
  const jobRole = createJobRole(scope, props.rolePrefix, decision.region, props.stableTags);
  const job = options.job;
  const gpus = job.gpus ?? 1;
  const share = gpus / decision.gpuCount;
  const jobDefinition = new BatchJobDefinition(scope, "job-definition", {
    name: props.name,
    type: "container",
    platformCapabilities: ["EC2"],
    propagateTags: true,
    // User text inside the JSON (image, command) is literal: Terraform must not interpolate "${...}" in it.
    containerProperties: literalText(
      JSON.stringify({
        image: job.image,
        command: job.command,
        jobRoleArn: jobRole.arn,
        readonlyRootFilesystem: job.readonlyRootFilesystem,
        user: job.user,
        resourceRequirements: [
          { type: "GPU", value: String(gpus) },
          { type: "VCPU", value: String(job.vcpus ?? Math.max(1, Math.floor(decision.spec.vcpus * share) - 1)) },
          { type: "MEMORY", value: String(job.memoryMiB ?? Math.floor(decision.spec.memoryGiB * 1024 * share * JOB_MEMORY_SHARE)) },
        ],
        // Not privileged (CKV_AWS_210): GPUs reach the container through the NVIDIA runtime, not device access.
        privileged: false,
        // The workload's own log group, which the instance role may write to alone (Batch's default, /aws/batch/job, is shared).
        logConfiguration: {
          logDriver: "awslogs",
          options: { "awslogs-group": props.logGroupName, "awslogs-region": decision.region, "awslogs-stream-prefix": "job" },
        },
      }),
    ),
    retryStrategy: {
      attempts: job.attempts ?? DEFAULT_JOB_ATTEMPTS,
      // A reclaimed spot host reports "Host EC2 (instance i-…) terminated.": retry; anything else is the job's own failure.
      evaluateOnExit: [
        { onStatusReason: "Host EC2*", action: "RETRY" },
        { onReason: "*", action: "EXIT" },
      ],
    },
    timeout: { attemptDurationSeconds: job.timeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS },
    tags: stable,
    // An image from a variable is only known at plan: pinned there, as a literal one is at synth.
    lifecycle: isToken(job.image)
      ? {
          precondition: [
            {
              condition: `\${${pinnedImageCondition(job.image)}}`,
              errorMessage: literalText(
                `${scope.node.path}: batch.job.image must be pinned by a tag other than "latest" or by a digest (…@sha256:…): every job could run another image`,
              ),
            },
          ],
        }
      : undefined,
  });
  return { computeEnvironment, jobQueue, jobDefinition, jobRole };
}

/** AWS Batch: a managed compute environment over the chosen type and its same-GPU-count fallbacks, a queue and a job definition. */
export const AWS_BATCH: CapacityEngine<AwsBatchCapacity, AwsBatchHandles> = {
  kind: "aws-batch",
  factory: "Capacity.awsBatch({...})",
  outputs: (h) => ({ "job-queue-arn": h.jobQueue.arn, "job-definition-arn": h.jobDefinition.arn }),
  withStrategy: (props, { batch }) => ({ ...props, batch }),
  fromShorthands: (props) => ({ kind: "aws-batch", batch: props.batch! }),
  serviceLaunchesInstances: true,
  settings: () => ({ mimeUserData: true }),
  create(scope, ctx, shared) {
    const { decision } = ctx;
    const { batch } = ctx.strategy;
    const types = launchableTypes(decision, {
      maxFallbacks: (batch.maxInstanceTypes ?? DEFAULT_BATCH_INSTANCE_TYPES) - 1,
      maxPriceRatio: batch.maxFallbackPriceRatio ?? DEFAULT_MAX_FALLBACK_PRICE_RATIO,
    });
    const environment = createBatchEnvironment(scope, {
      name: ctx.names.batch,
      rolePrefix: ctx.names.rolePrefix,
      decision,
      options: batch,
      instanceTypes: typeNames(types.launchable),
      subnetIds: ctx.network.subnetIds,
      securityGroupId: shared.securityGroup.id,
      instanceProfileArn: shared.instanceProfileArn,
      launchTemplate: shared.launchTemplate,
      logGroupName: ctx.names.logGroup,
      stableTags: ctx.stableTags,
      decisionTags: ctx.decisionTags,
      preconditions: types.launchable.slice(1).flatMap((t) => typeGuard(scope, t)),
    });
    addRolePolicy(scope, "ecs-agent", shared.role, ecsAgentStatements(environment.computeEnvironment.ecsClusterArn, decision.region, callerAccount(scope)));
    const repository = ecrRepositoryArn(batch.job.image);
    if (repository) addRolePolicy(scope, "pull-job-image", shared.role, pullEcrStatements(repository));
    // Batch keeps at least minVcpus running and grows to maxVcpus in whole instances of any of its types.
    const atLeast = Math.ceil((batch.minVcpus ?? 0) / decision.spec.vcpus);
    const expected = expectedUsdPerInstanceHour(decision, decision.purchase) * atLeast;
    return {
      capacity: capacityCost("aws-batch", types, { min: atLeast, desired: atLeast }, (c) => Math.ceil(batch.maxVcpus / c.spec.vcpus), expected),
      handles: environment,
    };
  },
  readDeployed(_w, read, handles) {
    const resources = read.configOf(handles.computeEnvironment).compute_resources ?? {};
    const maxVcpus = read.literal<number>(resources.max_vcpus, "the compute environment's max_vcpus") ?? 0;
    const types = (read.literal<string[]>(resources.instance_type, "the compute environment's instance types") ?? []).filter((t) => !isToken(t));
    for (const type of types) {
      const vcpus = read.spec(type)?.vcpus;
      read.launches(type, vcpus ? Math.ceil(maxVcpus / vcpus) : 0);
    }
    read.bought(/SPOT/.test(String(resources.type)) ? "spot" : "on-demand", `the compute environment's type ${resources.type}`);
  },
};
