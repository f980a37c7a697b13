import { Token } from "cdktf";
import { InvalidRequirementError } from "../../selection/errors";
import { SelectionRequirements } from "../../selection/requirements";
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
  props.allowTo?.forEach((rule, i) => {
    if (literal(rule.cidr) && !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(rule.cidr)) {
      throw new InvalidRequirementError(`allowTo[${i}].cidr`, rule.cidr, 'give an IPv4 CIDR such as "10.0.0.0/16"');
    }
    port(`allowTo[${i}].port`, rule.port);
  });
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
