import { IConstruct } from "constructs";
import { Decision } from "../../selection/decision";
import { WorkloadClass } from "../../taxonomy/workload-class";
import { checkOneOf, checkPattern, isDenseList } from "../../validation/allowed-values";
import { checkTags, TAG_LIMITS } from "../../validation/aws-tags";
import { isPrivateCidr, parseCidr, PRIVATE_RANGES, shortRanges } from "../../validation/cidr";
import { InvalidRequirementError } from "../../validation/errors";
import { NumberRule, checkNumber } from "../../validation/numbers";
import { NetworkProps } from "../network";
import { stackOf } from "./framework";
import { AllowFrom, ALLOW_TO_PROTOCOLS, AMI_OPERATING_SYSTEMS, FleetOptions, GpuWorkloadProps, ReplicaBounds, SCALING_STATISTICS } from "../workload-props";
import { DLAMI_ROOT_SNAPSHOT_GIB } from "./ami";
import { PIN_HINT, isPinnedImage } from "../../validation/container-image";
import { checkLogKmsKey, checkLogRetention } from "./log-group";
import { OWN_TAG_KEYS } from "./tags";
import { isToken, refuseTokens } from "./tokens";

/**
 * Bounds of the props selection does not see. Where AWS sets the bound, `why` says so; where it does
 * not (fleet size, grace period), the bound is ours and says that.
 */
export const PROP_RULES = {
  rootVolumeSizeGiB: { integer: true, max: 16384, unit: "GiB", why: "gp3 volumes hold 1 to 16,384 GiB" },
  replicas: { integer: true, min: 1, max: 1000, why: "the library's fleet bound; AWS's is your vCPU quota" },
  maxFallbacks: { integer: true, min: 0, max: 39, why: "an Auto Scaling group takes at most 40 instance types" },
  maxFallbackPriceRatio: { min: 1, max: 100, why: "a multiple of the chosen type's price" },
  spotPercentage: { integer: true, min: 0, max: 100, unit: "percent" },
  healthCheckGracePeriodSeconds: { integer: true, min: 0, max: 86_400, unit: "seconds", why: "the library's bound: a day" },
  gpuUtilizationTarget: { above: 0, max: 100, unit: "percent GPU utilization" },
  customScalingTarget: { above: 0, max: 1e12 },
  maxVcpus: { integer: true, min: 1, max: 100_000, unit: "vCPUs" },
  maxInstanceTypes: { integer: true, min: 1, max: 40 },
  jobGpus: { integer: true, min: 1, max: 16 },
  jobVcpus: { integer: true, min: 1, max: 1024 },
  jobMemoryMiB: { integer: true, min: 4, max: 33_554_432, unit: "MiB", why: "AWS Batch needs at least 4 MiB" },
  attempts: { integer: true, min: 1, max: 10, why: "AWS Batch allows 1 to 10 attempts" },
  timeoutSeconds: { integer: true, min: 60, max: 1_209_600, unit: "seconds", why: "AWS Batch needs at least 60; the library's bound is 14 days" },
  port: { integer: true, min: 1, max: 65535, why: "a TCP or UDP port" },
} as const satisfies Record<string, NumberRule>;

const literal = (value: unknown) => value !== undefined && !isToken(value);

/** Checks the props selection does not see (network, volumes, replicas, rules); tokens pass where Terraform takes them. */
export function validateWorkloadProps(props: GpuWorkloadProps, network: NetworkProps | undefined, platformTags: Readonly<Record<string, string>>): void {
  refuseTokens(props);
  validateNetwork(network);
  if (literal(props.ami))
    checkPattern(
      "ami",
      props.ami,
      /^(ami-[0-9a-f]{8,17}|\/[\w.\-/]{1,2047})$/,
      'give an AMI id ("ami-0abc1234") or an SSM parameter name ("/aws/service/...")',
    );
  checkOneOf("operatingSystem", props.operatingSystem, AMI_OPERATING_SYSTEMS);
  const minimumRoot = props.ami ? 1 : DLAMI_ROOT_SNAPSHOT_GIB;
  checkNumber("rootVolumeSizeGiB", props.rootVolumeSizeGiB, { ...PROP_RULES.rootVolumeSizeGiB, min: minimumRoot });
  if (props.userData !== undefined && typeof props.userData !== "string") {
    throw new InvalidRequirementError("userData", props.userData, "give the user data as a string");
  }
  checkTags("tags", props.tags, isToken);
  const tagCount = new Set([...Object.keys(platformTags), ...Object.keys(props.tags ?? {})]).size + OWN_TAG_KEYS.length;
  if (tagCount > TAG_LIMITS.perResource) {
    throw new InvalidRequirementError(
      "tags",
      `${tagCount} tags with the platform's and the library's ${OWN_TAG_KEYS.length}`,
      `keep to ${TAG_LIMITS.perResource} (AWS's limit per resource)`,
    );
  }
  validateReplicas(props.replicas);
  for (const target of ["throughput", "inputTokensPerSecond", "imagesPerMinute"] as const) {
    if (props[target] === undefined) continue;
    if (props.replicas !== undefined)
      throw new InvalidRequirementError("replicas", props.replicas, `${target} sizes the fleet's replicas; give replicas or ${target}, not both`);
    if (props.batch !== undefined || (props.nodes ?? 1) > 1) {
      throw new InvalidRequirementError(target, props[target], "it sizes an inference fleet; AWS Batch and clusters are sized by batch.maxVcpus and nodes");
    }
  }
  validateCapacityOptions(props);
  validateRules(props);
}

function validateNetwork(network: NetworkProps | undefined): void {
  if (!network) {
    throw new InvalidRequirementError("network", undefined, "give { vpcId, subnetIds } on the workload or on its GpuPlatform");
  }
  if (network === null || typeof network !== "object") throw new InvalidRequirementError("network", network, "give { vpcId, subnetIds }");
  if (!isToken(network.vpcId))
    checkPattern("network.vpcId", network.vpcId, /^vpc-[0-9a-f]{8,17}$/, 'give a VPC id such as "vpc-0abc1234" or a Terraform reference');
  if (isToken(network.subnetIds)) return;
  if (!isDenseList(network.subnetIds) || network.subnetIds.length === 0) {
    throw new InvalidRequirementError("network.subnetIds", network.subnetIds, "give at least one private subnet id");
  }
  network.subnetIds.forEach((subnet, i) => {
    if (!isToken(subnet))
      checkPattern(`network.subnetIds[${i}]`, subnet, /^subnet-[0-9a-f]{8,17}$/, 'give subnet ids such as "subnet-0abc1234" or Terraform references');
  });
}

export function validateReplicas(replicas: GpuWorkloadProps["replicas"], property = "replicas"): void {
  if (replicas === undefined) return;
  if (typeof replicas === "number") {
    checkNumber(property, replicas, PROP_RULES.replicas);
    return;
  }
  if (replicas === null || typeof replicas !== "object") throw new InvalidRequirementError(property, replicas, "give a whole number, or { min, max, desired }");
  const { min, max, desired = min } = replicas;
  checkNumber(`${property}.min`, min, { ...PROP_RULES.replicas, min: 0 });
  checkNumber(`${property}.max`, max, PROP_RULES.replicas);
  checkNumber(`${property}.desired`, desired, { ...PROP_RULES.replicas, min: 0 });
  if (min > max || desired < min || desired > max) {
    throw new InvalidRequirementError(property, replicas, "give whole numbers with 0 <= min <= desired <= max and max >= 1");
  }
}

function validateCapacityOptions(props: GpuWorkloadProps): void {
  const multiReplica = props.replicas !== undefined && props.replicas !== 1;
  if (props.fleet !== undefined && (props.fleet === null || typeof props.fleet !== "object" || Array.isArray(props.fleet))) {
    throw new InvalidRequirementError("fleet", props.fleet, "give an object of fleet options, e.g. { spotPercentage: 50 }");
  }
  const fleet = props.fleet ?? {};
  for (const key of ["fallback", "capacityRebalance"] as const) {
    if (fleet[key] !== undefined && typeof fleet[key] !== "boolean") throw new InvalidRequirementError(`fleet.${key}`, fleet[key], "give true or false");
  }
  checkNumber("fleet.maxFallbacks", fleet.maxFallbacks, PROP_RULES.maxFallbacks);
  checkNumber("fleet.maxFallbackPriceRatio", fleet.maxFallbackPriceRatio, PROP_RULES.maxFallbackPriceRatio);
  checkNumber("fleet.spotPercentage", fleet.spotPercentage, PROP_RULES.spotPercentage);
  checkNumber("fleet.healthCheckGracePeriodSeconds", fleet.healthCheckGracePeriodSeconds, PROP_RULES.healthCheckGracePeriodSeconds);
  const metric = fleet.scalingMetric ?? "gpu-utilization";
  if (metric === "gpu-utilization") {
    checkNumber("fleet.scalingTarget", fleet.scalingTarget, PROP_RULES.gpuUtilizationTarget);
  } else {
    validateScalingMetric(metric);
    checkNumber("fleet.scalingTarget", fleet.scalingTarget, PROP_RULES.customScalingTarget);
  }
  if (props.batch !== undefined) validateBatch(props, multiReplica);
  checkLogKmsKey("logKmsKeyArn", props.logKmsKeyArn);
  if (props.containersUseInstanceRole !== undefined && typeof props.containersUseInstanceRole !== "boolean") {
    throw new InvalidRequirementError("containersUseInstanceRole", props.containersUseInstanceRole, "give true or false");
  }
  if (props.containersUseInstanceRole && props.batch !== undefined) {
    throw new InvalidRequirementError(
      "containersUseInstanceRole",
      true,
      "AWS Batch jobs run with their own role: grant what they need through grantReadS3, addToRolePolicy or jobRole",
    );
  }
  if (props.purchase === "capacity-block" && !props.capacityReservationId) {
    throw new InvalidRequirementError("capacityReservationId", undefined, 'purchase "capacity-block" needs the Capacity Block reservation id ("cr-…")');
  }
  if (literal(props.capacityReservationId)) {
    checkPattern("capacityReservationId", props.capacityReservationId, /^cr-[0-9a-f]{8,17}$/, 'give a capacity reservation id such as "cr-0123456789abcdef0"');
  }
  if (props.capacityReservationId && props.purchase === "spot") {
    throw new InvalidRequirementError("purchase", props.purchase, "a capacity reservation is on-demand or capacity-block capacity, not spot");
  }
}

function validateScalingMetric(metric: unknown): void {
  const m = metric as Record<string, unknown>;
  if (m === null || typeof m !== "object") {
    throw new InvalidRequirementError("fleet.scalingMetric", metric, 'give "gpu-utilization" or { namespace, metricName, statistic?, dimensions? }');
  }
  for (const key of ["namespace", "metricName"]) {
    const value = m[key];
    // eslint-disable-next-line no-control-regex -- CloudWatch refuses control characters, so they are refused here
    if (typeof value !== "string" || !/^[^:\u0000-\u001f]{1,255}$/.test(value) || value.includes("${")) {
      throw new InvalidRequirementError(`fleet.scalingMetric.${key}`, value, "give 1 to 255 characters without colons (CloudWatch's rule)");
    }
  }
  checkOneOf("fleet.scalingMetric.statistic", m.statistic, SCALING_STATISTICS);
  const dimensions = Object.entries((m.dimensions as Record<string, unknown>) ?? {});
  // CloudWatch takes 30 dimensions; the Auto Scaling group's name is always one of them.
  if (dimensions.length > 29)
    throw new InvalidRequirementError(
      "fleet.scalingMetric.dimensions",
      `${dimensions.length} dimensions`,
      "give at most 29 (CloudWatch takes 30, one is the group's name)",
    );
  for (const [name, value] of dimensions) {
    // eslint-disable-next-line no-control-regex -- CloudWatch refuses control characters, so they are refused here
    if (!/^[^:\u0000-\u001f]{1,255}$/.test(name) || typeof value !== "string" || !/^[^\u0000-\u001f]{1,1024}$/.test(value)) {
      throw new InvalidRequirementError(
        `fleet.scalingMetric.dimensions[${JSON.stringify(name)}]`,
        value,
        "give names of 1 to 255 characters and values of 1 to 1,024",
      );
    }
  }
}

function validateBatch(props: GpuWorkloadProps, multiReplica: boolean): void {
  const batch = props.batch!;
  if (props.workload !== WorkloadClass.BATCH_PROCESSING) {
    throw new InvalidRequirementError("batch", props.batch, "AWS Batch is for BatchProcessing workloads; use replicas for fleets");
  }
  if (multiReplica) throw new InvalidRequirementError("replicas", props.replicas, "AWS Batch scales by maxVcpus; leave replicas unset");
  if (batch === null || typeof batch !== "object") throw new InvalidRequirementError("batch", batch, "give { maxVcpus, job: { image } }");
  checkNumber("batch.maxVcpus", batch.maxVcpus, PROP_RULES.maxVcpus);
  if (batch.maxVcpus === undefined)
    throw new InvalidRequirementError("batch.maxVcpus", undefined, "give the most vCPUs the compute environment may run (it sets the worst-case cost)");
  checkNumber("batch.minVcpus", batch.minVcpus, { integer: true, min: 0, max: batch.maxVcpus, why: "at most maxVcpus" });
  checkNumber("batch.maxInstanceTypes", batch.maxInstanceTypes, PROP_RULES.maxInstanceTypes);
  checkNumber("batch.maxFallbackPriceRatio", batch.maxFallbackPriceRatio, PROP_RULES.maxFallbackPriceRatio);
  const job = batch.job;
  if (job === null || typeof job !== "object") throw new InvalidRequirementError("batch.job", job, "give { image, command? }");
  if (!isToken(job.image)) {
    checkPattern("batch.job.image", job.image, /^[^\s"\\]{1,1024}$/, "give a container image, e.g. an ECR repository URI with a tag or digest");
    // An image from a variable is checked at plan (the job definition's precondition).
    if (!isPinnedImage(job.image)) throw new InvalidRequirementError("batch.job.image", job.image, PIN_HINT);
  }
  if (job.command !== undefined && (!isDenseList(job.command) || !job.command.every((c) => typeof c === "string"))) {
    throw new InvalidRequirementError("batch.job.command", job.command, 'give a list of strings, e.g. ["python", "embed.py"]');
  }
  checkNumber("batch.job.gpus", job.gpus, PROP_RULES.jobGpus);
  checkNumber("batch.job.vcpus", job.vcpus, PROP_RULES.jobVcpus);
  checkNumber("batch.job.memoryMiB", job.memoryMiB, PROP_RULES.jobMemoryMiB);
  checkNumber("batch.job.attempts", job.attempts, PROP_RULES.attempts);
  checkNumber("batch.job.timeoutSeconds", job.timeoutSeconds, PROP_RULES.timeoutSeconds);
  checkLogRetention("batch.job.logRetentionDays", job.logRetentionDays);
  if (job.readonlyRootFilesystem !== undefined && typeof job.readonlyRootFilesystem !== "boolean") {
    throw new InvalidRequirementError("batch.job.readonlyRootFilesystem", job.readonlyRootFilesystem, "give true or false");
  }
  if (literal(job.user)) {
    checkPattern(
      "batch.job.user",
      job.user,
      /^([a-z_][a-z0-9_-]{0,31}|\d{1,10})(:([a-z_][a-z0-9_-]{0,31}|\d{1,10}))?$/,
      'give a user name or uid, optionally with a group: "app", "1000" or "1000:1000"',
    );
  }
}

function validateRules(props: GpuWorkloadProps): void {
  for (const key of ["allowFrom", "allowTo"] as const) {
    if (props[key] !== undefined && !isDenseList(props[key])) throw new InvalidRequirementError(key, props[key], "give a list of rules");
  }
  (props.allowFrom ?? []).forEach((rule, i) => validateAllowFrom(`allowFrom[${i}]`, rule));
  (props.allowTo ?? []).forEach((rule, i) => {
    const at = `allowTo[${i}]`;
    if (rule === null || typeof rule !== "object") throw new InvalidRequirementError(at, rule, "give { cidr, port, protocol? }");
    if (rule.protocol === ("-1" as string) || rule.protocol === ("all" as string)) {
      throw new InvalidRequirementError(`${at}.protocol`, rule.protocol, "all protocols is never opened (CKV_AWS_382); name tcp or udp and a port");
    }
    checkOneOf(`${at}.protocol`, rule.protocol, ALLOW_TO_PROTOCOLS);
    if (rule.cidr === undefined) throw new InvalidRequirementError(`${at}.cidr`, undefined, 'give a destination CIDR such as "10.1.0.0/16"');
    if (literal(rule.cidr)) validateCidr(`${at}.cidr`, rule.cidr, { ingress: false, allowPublic: true });
    if (literal(rule.port)) checkNumber(`${at}.port`, rule.port, PROP_RULES.port);
    checkDescription(`${at}.description`, rule.description);
  });
}

/** One inbound rule, from the props or added after construction: exactly one source, a port, EC2's description rules. */
export function validateAllowFrom(at: string, rule: AllowFrom): void {
  if (rule === null || typeof rule !== "object" || (rule.cidr === undefined) === (rule.securityGroupId === undefined)) {
    throw new InvalidRequirementError(at, rule, "give exactly one of cidr or securityGroupId, and a port");
  }
  if (rule.allowPublicAddresses !== undefined && typeof rule.allowPublicAddresses !== "boolean") {
    throw new InvalidRequirementError(`${at}.allowPublicAddresses`, rule.allowPublicAddresses, "give true or false");
  }
  if (literal(rule.cidr)) validateCidr(`${at}.cidr`, rule.cidr!, { ingress: true, allowPublic: rule.allowPublicAddresses === true });
  if (literal(rule.securityGroupId)) {
    checkPattern(
      `${at}.securityGroupId`,
      rule.securityGroupId,
      /^sg-[0-9a-f]{8,17}$/,
      'give a security group id such as "sg-0123abcd" or a Terraform reference',
    );
  }
  if (literal(rule.port)) checkNumber(`${at}.port`, rule.port, PROP_RULES.port);
  checkDescription(`${at}.description`, rule.description);
}

function validateCidr(property: string, text: unknown, options: { ingress: boolean; allowPublic: boolean }): void {
  const cidr = typeof text === "string" ? parseCidr(text) : undefined;
  if (!cidr) throw new InvalidRequirementError(property, text, 'give an IPv4 or IPv6 CIDR such as "10.0.0.0/16" or "fd00::/8"');
  if (cidr.network !== text) {
    throw new InvalidRequirementError(property, text, `give the network address: did you mean "${cidr.network}"? (Terraform's AWS provider refuses host bits)`);
  }
  if (options.ingress && cidr.prefix === 0) {
    throw new InvalidRequirementError(property, text, "open ingress is refused (CKV_AWS_24/25/260); allow a VPC CIDR or a load balancer's security group");
  }
  if (options.ingress && !options.allowPublic && !isPrivateCidr(cidr)) {
    throw new InvalidRequirementError(
      property,
      text,
      `it is public address space; allow private ranges (${shortRanges(PRIVATE_RANGES)}) or a security group, or set allowPublicAddresses: true on the rule to accept it`,
    );
  }
}

function checkDescription(property: string, description: unknown): void {
  if (description !== undefined && !isToken(description) && typeof description !== "string") {
    throw new InvalidRequirementError(property, description, "give a string");
  }
}

/**
 * cdktf names every Terraform block after the construct path below the stack, dropping all but letters,
 * digits, "_" and "-"; Terraform wants such names to start with a letter or "_". A top-level id such as
 * "2024-chat" would synthesize blocks Terraform refuses to read.
 */
export function validateTerraformNames(workload: IConstruct): void {
  const scopes = workload.node.scopes;
  const stack = scopes.indexOf(stackOf(workload));
  const top = scopes[stack + 1];
  const human = top.node.id.replace(/[^A-Za-z0-9_-]/g, "");
  if (/^[0-9-]/.test(human)) {
    throw new InvalidRequirementError(
      top === workload ? "id" : `id of ${top.node.path}`,
      top.node.id,
      "start it with a letter: cdktf names the Terraform blocks after it, and Terraform names must start with a letter or underscore",
    );
  }
}

/**
 * Checks that need the decision: what the chosen instance can hold, and whether the workload is a fleet (`replicas`,
 * from fleetReplicas: a throughput target or spot makes one too).
 */
export function validateDecisionFit(props: GpuWorkloadProps, decision: Decision, replicas: ReplicaBounds | undefined): void {
  const job = props.batch?.job;
  const spec = decision.spec;
  if (props.batch && decision.gpuFraction < 1) {
    throw new InvalidRequirementError(
      "batch",
      decision.instanceType,
      `AWS Batch schedules whole GPUs and ${decision.instanceType} has a share of one; drop batch, or ask for more GPU memory`,
    );
  }
  if (job?.gpus !== undefined && job.gpus > decision.gpuCount) {
    throw new InvalidRequirementError(
      "batch.job.gpus",
      job.gpus,
      `${decision.instanceType} has ${decision.gpuCount} GPU(s); ask for at most that, or set gpuCount`,
    );
  }
  if (job?.vcpus !== undefined && job.vcpus > spec.vcpus) {
    throw new InvalidRequirementError("batch.job.vcpus", job.vcpus, `${decision.instanceType} has ${spec.vcpus} vCPUs; ask for at most that, or set minVcpus`);
  }
  if (job?.memoryMiB !== undefined && job.memoryMiB > spec.memoryGiB * 1024) {
    throw new InvalidRequirementError(
      "batch.job.memoryMiB",
      job.memoryMiB,
      `${decision.instanceType} has ${spec.memoryGiB * 1024} MiB; ask for less, or set minMemoryGiB`,
    );
  }
  if (props.batch && props.batch.maxVcpus < spec.vcpus) {
    throw new InvalidRequirementError("batch.maxVcpus", props.batch.maxVcpus, `${decision.instanceType} has ${spec.vcpus} vCPUs; allow at least that`);
  }
  if (decision.nodeCount > 1 && props.replicas !== undefined && props.replicas !== 1) {
    throw new InvalidRequirementError(
      "replicas",
      props.replicas,
      `a training cluster has a fixed size (${decision.nodeCount} nodes): give nodes, not replicas`,
    );
  }
  if (props.fleet !== undefined) validateFleetFit(props.fleet, replicas);
}

/** Fleet options need a fleet, and its base of on-demand instances fits in it. */
function validateFleetFit(fleet: FleetOptions, replicas: ReplicaBounds | undefined): void {
  if (!replicas) throw new InvalidRequirementError("fleet", fleet, "fleet options apply to an Auto Scaling group: give replicas > 1 or { min, max }");
  checkNumber("fleet.onDemandBaseCapacity", fleet.onDemandBaseCapacity, { integer: true, min: 0, max: replicas.max, why: "at most the fleet's maximum size" });
}
