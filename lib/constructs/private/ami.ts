import { Token } from "cdktf";
import { CpuArchitecture } from "../../taxonomy/instance-type";
import { AmiOperatingSystem } from "../workload-props";

/**
 * Public SSM parameters of the AWS Deep Learning Base OSS Nvidia Driver GPU AMI
 * (DLAMI developer guide, "Query AMI-ID with SSM Parameter"), as of 2026-11-27.
 */
export function deepLearningAmiParameter(arch: CpuArchitecture, os: AmiOperatingSystem): string {
  return `/aws/service/deeplearning/ami/${arch}/base-oss-nvidia-driver-gpu-${os}/latest/ami-id`;
}

/** Root device of the DLAMI: Ubuntu images boot from /dev/sda1, Amazon Linux from /dev/xvda. */
export function rootDeviceName(os: AmiOperatingSystem): string {
  return os === "amazon-linux-2023" ? "/dev/xvda" : "/dev/sda1";
}

/**
 * Families the Ubuntu 22.04 Base OSS DLAMI does not list in supported_ec2_instances (its release notes,
 * build 20250505), while the Amazon Linux 2023 one does (build 20260901): these default to Amazon Linux 2023.
 */
const NOT_ON_UBUNTU_2204: readonly string[] = ["p6-b200"];

/** The OS of the default AMI for a family when the user names none. */
export function defaultOperatingSystem(family: string): AmiOperatingSystem {
  return NOT_ON_UBUNTU_2204.includes(family) ? "amazon-linux-2023" : "ubuntu-22.04";
}

/**
 * Size of the DLAMI's root snapshot: a root volume below it fails to launch. The GPU DLAMIs need at
 * least 75 GB of EBS (a build-20250505 Ubuntu image shows a 73G root filesystem), as of 2026-11-27.
 */
export const DLAMI_ROOT_SNAPSHOT_GIB = 75;

/** Room for container images (an inference server image is 10–20 GB) and logs beyond the AMI and the weights. */
export const CONTAINER_WORKSPACE_GIB = 20;

/** The launch template's image_id: an AMI id as is; an SSM parameter resolved by EC2 at launch. */
export function imageId(ami: string | undefined, arch: CpuArchitecture, os: AmiOperatingSystem): string {
  // A Terraform reference may hold either: Terraform decides at plan.
  if (ami !== undefined && Token.isUnresolved(ami)) return `\${startswith(${ami}, "ami-") ? ${ami} : format("resolve:ssm:%s", ${ami})}`;
  if (ami?.startsWith("ami-")) return ami;
  return `resolve:ssm:${ami ?? deepLearningAmiParameter(arch, os)}`;
}
