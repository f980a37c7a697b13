import { Token } from "cdktf";
import { InvalidRequirementError } from "../../selection/errors";
import { Decision } from "../../selection/decision";
import { SelectionRequirements } from "../../selection/requirements";
import { WorkloadClass } from "../../taxonomy/workload-class";
import { GpuPlatform, GpuPolicy } from "../gpu-platform";
import { GpuWorkloadProps } from "../workload-props";
import { DLAMI_ROOT_SNAPSHOT_GIB } from "./ami";

const literal = (value: unknown) => value !== undefined && !Token.isUnresolved(value);

/** Checks the props selection does not see (network, volumes, replicas, rules); tokens pass unchecked. */
export function validateWorkloadProps(props: GpuWorkloadProps, platform: GpuPlatform | undefined): void {
  const network = props.network ?? platform?.network;
  if (!network) {
    throw new InvalidRequirementError("network", undefined, "give { vpcId, subnetIds } on the workload or on its GpuPlatform");
  }
  if (literal(network.vpcId) && !/^vpc-[0-9a-f]+$/.test(network.vpcId)) {
    throw new InvalidRequirementError("network.vpcId", network.vpcId, 'give a VPC id such as "vpc-0abc123" or a Terraform reference');
  }
  if (!Token.isUnresolved(network.subnetIds)) {
    if (!Array.isArray(network.subnetIds) || network.subnetIds.length === 0) {
      throw new InvalidRequirementError("network.subnetIds", network.subnetIds, "give at least one private subnet id");
    }
    for (const subnet of network.subnetIds) {
      if (literal(subnet) && !/^subnet-[0-9a-f]+$/.test(subnet)) {
        throw new InvalidRequirementError("network.subnetIds", subnet, 'give subnet ids such as "subnet-0abc123" or Terraform references');
      }
    }
  }
  if (literal(props.ami) && !/^(ami-[0-9a-f]+|\/[\w.\-/]+)$/.test(props.ami!)) {
    throw new InvalidRequirementError("ami", props.ami, 'give an AMI id ("ami-0abc123") or an SSM parameter name ("/aws/service/...")');
  }
  if (props.operatingSystem !== undefined && !["ubuntu-22.04", "amazon-linux-2023"].includes(props.operatingSystem)) {
    throw new InvalidRequirementError("operatingSystem", props.operatingSystem, "use ubuntu-22.04 or amazon-linux-2023");
  }
  const root = props.rootVolumeSizeGiB;
  if (literal(root)) {
    const minimum = props.ami ? 1 : DLAMI_ROOT_SNAPSHOT_GIB;
    if (!(Number.isInteger(root) && root! >= minimum && root! <= 16384)) {
      throw new InvalidRequirementError("rootVolumeSizeGiB", root, `give whole GiB from ${minimum}${props.ami ? "" : " (the Deep Learning AMI's own size)"} to 16384`);
    }
  }
  validateReplicas(props.replicas);
  props.allowFrom?.forEach((rule, i) => {
    const property = `allowFrom[${i}]`;
    if ((rule.cidr === undefined) === (rule.securityGroupId === undefined)) {
      throw new InvalidRequirementError(property, rule, "give exactly one of cidr or securityGroupId");
    }
    if (literal(rule.cidr) && (rule.cidr === "0.0.0.0/0" || rule.cidr === "::/0")) {
      throw new InvalidRequirementError(`${property}.cidr`, rule.cidr, "open ingress is refused (CKV_AWS_24/25/260); allow a VPC CIDR or a load balancer's security group");
    }
    if (literal(rule.cidr) && !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(rule.cidr!)) {
      throw new InvalidRequirementError(`${property}.cidr`, rule.cidr, 'give an IPv4 CIDR such as "10.0.0.0/16"');
    }
    port(`${property}.port`, rule.port);
  });
  validateCapacityOptions(props);
  props.allowTo?.forEach((rule, i) => {
    if (literal(rule.cidr) && !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(rule.cidr)) {
      throw new InvalidRequirementError(`allowTo[${i}].cidr`, rule.cidr, 'give an IPv4 CIDR such as "10.0.0.0/16"');
    }
    port(`allowTo[${i}].port`, rule.port);
  });
}

function validateCapacityOptions(props: GpuWorkloadProps): void {
  const multiReplica = props.replicas !== undefined && props.replicas !== 1;
  if (props.fleet && !multiReplica) {
    throw new InvalidRequirementError("fleet", props.fleet, "fleet options apply to an Auto Scaling group: give replicas > 1 or { min, max }");
  }
  const fleet = props.fleet ?? {};
  if (fleet.spotPercentage !== undefined && !(Number.isInteger(fleet.spotPercentage) && fleet.spotPercentage >= 0 && fleet.spotPercentage <= 100)) {
    throw new InvalidRequirementError("fleet.spotPercentage", fleet.spotPercentage, "give a whole percentage from 0 to 100");
  }
  for (const key of ["onDemandBaseCapacity", "maxFallbacks", "healthCheckGracePeriodSeconds"] as const) {
    const value = fleet[key];
    if (literal(value) && !(Number.isInteger(value) && value! >= 0)) throw new InvalidRequirementError(`fleet.${key}`, value, "give a whole number, 0 or more");
  }
  if (fleet.scalingTarget !== undefined && !(fleet.scalingTarget > 0)) {
    throw new InvalidRequirementError("fleet.scalingTarget", fleet.scalingTarget, "give a positive target value, e.g. 70 (percent GPU utilization)");
  }
  if (props.batch) {
    if (props.workload !== WorkloadClass.BATCH_PROCESSING) {
      throw new InvalidRequirementError("batch", props.batch, "AWS Batch is for BatchProcessing workloads; use replicas for fleets");
    }
    if (multiReplica) throw new InvalidRequirementError("replicas", props.replicas, "AWS Batch scales by maxVcpus; leave replicas unset");
    const { maxVcpus, minVcpus = 0, job } = props.batch;
    if (!(Number.isInteger(maxVcpus) && maxVcpus > 0)) throw new InvalidRequirementError("batch.maxVcpus", maxVcpus, "give a positive whole number of vCPUs");
    if (!(Number.isInteger(minVcpus) && minVcpus >= 0 && minVcpus <= maxVcpus)) {
      throw new InvalidRequirementError("batch.minVcpus", minVcpus, `give a whole number from 0 to maxVcpus (${maxVcpus})`);
    }
    if (!job || (literal(job.image) && !job.image)) throw new InvalidRequirementError("batch.job.image", job?.image, "give a container image, e.g. an ECR repository URI");
    if (job.gpus !== undefined && !(Number.isInteger(job.gpus) && job.gpus > 0)) throw new InvalidRequirementError("batch.job.gpus", job.gpus, "give a positive whole number");
  }
  if (props.purchase === "capacity-block" && !props.capacityReservationId) {
    throw new InvalidRequirementError("capacityReservationId", undefined, 'purchase "capacity-block" needs the Capacity Block reservation id ("cr-…")');
  }
  if (literal(props.capacityReservationId) && !/^cr-[0-9a-f]+$/.test(props.capacityReservationId!)) {
    throw new InvalidRequirementError("capacityReservationId", props.capacityReservationId, 'give a capacity reservation id such as "cr-0123456789abcdef0"');
  }
  if (props.capacityReservationId && props.purchase === "spot") {
    throw new InvalidRequirementError("purchase", props.purchase, "a capacity reservation is on-demand or capacity-block capacity, not spot");
  }
}

/** Checks that need the decision: what the chosen instance can hold. */
export function validateDecisionFit(props: GpuWorkloadProps, decision: Decision): void {
  const gpus = props.batch?.job.gpus;
  if (gpus !== undefined && gpus > decision.gpuCount) {
    throw new InvalidRequirementError("batch.job.gpus", gpus, `${decision.instanceType} has ${decision.gpuCount} GPU(s); ask for at most that, or set gpuCount`);
  }
  if (props.batch && props.batch.maxVcpus < decision.spec.vcpus) {
    throw new InvalidRequirementError("batch.maxVcpus", props.batch.maxVcpus, `${decision.instanceType} has ${decision.spec.vcpus} vCPUs; allow at least that`);
  }
  if (decision.nodeCount > 1 && props.replicas !== undefined && props.replicas !== 1) {
    throw new InvalidRequirementError("replicas", props.replicas, `a training cluster has a fixed size (${decision.nodeCount} nodes): give nodes, not replicas`);
  }
}

function validateReplicas(replicas: GpuWorkloadProps["replicas"]): void {
  if (replicas === undefined || Token.isUnresolved(replicas)) return;
  if (typeof replicas === "number") {
    if (!(Number.isInteger(replicas) && replicas >= 1)) throw new InvalidRequirementError("replicas", replicas, "give a whole number of at least 1, or { min, max, desired }");
    return;
  }
  const { min, max, desired = min } = replicas;
  if (![min, max, desired].every((n) => Number.isInteger(n) && n >= 0) || max < 1 || min > max || desired < min || desired > max) {
    throw new InvalidRequirementError("replicas", replicas, "give whole numbers with 0 <= min <= desired <= max and max >= 1");
  }
}

function port(property: string, value: number): void {
  if (literal(value) && !(Number.isInteger(value) && value >= 1 && value <= 65535)) {
    throw new InvalidRequirementError(property, value, "give a TCP port from 1 to 65535");
  }
}

/** Narrows the requirements to the organization policy; exceeding it is an error that names the policy. */
export function applyPolicy(requirements: SelectionRequirements, policy: GpuPolicy): SelectionRequirements {
  const max = policy.maxUsdPerHourPerWorkload;
  if (max !== undefined && requirements.maxUsdPerHour !== undefined && requirements.maxUsdPerHour > max) {
    throw new InvalidRequirementError("maxUsdPerHour", requirements.maxUsdPerHour, `the organization policy caps a workload at $${max}/h`);
  }
  const allowedPurchases = policy.allowedPurchaseOptions;
  if (allowedPurchases && requirements.purchase && !allowedPurchases.includes(requirements.purchase)) {
    throw new InvalidRequirementError("purchase", requirements.purchase, `the organization policy allows only ${allowedPurchases.join(", ")}`);
  }
  return {
    ...requirements,
    maxUsdPerHour: requirements.maxUsdPerHour ?? max,
    allowedGpus: policy.allowedGpus,
    purchase: requirements.purchase ?? defaultPurchaseWithin(requirements, allowedPurchases),
  };
}

/** The class's purchase option when the policy allows it, else the policy's first. */
function defaultPurchaseWithin(requirements: SelectionRequirements, allowed: GpuPolicy["allowedPurchaseOptions"]) {
  if (!allowed) return undefined;
  const wanted = requirements.workload === "batch-processing" ? "spot" : "on-demand";
  return allowed.includes(wanted) ? undefined : allowed[0];
}
