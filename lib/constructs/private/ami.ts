import { Token } from "cdktf";
import { CpuArchitecture } from "../../taxonomy/instance-type";
import { InvalidRequirementError } from "../../validation/errors";
import { AMI_OPERATING_SYSTEMS, AmiOperatingSystem } from "../workload-props";

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

const DLAMI_RELEASE_NOTES = "https://docs.aws.amazon.com/dlami/latest/devguide/appendix-ami-release-notes.html";

/**
 * The families each Base OSS Nvidia Driver DLAMI lists under "Supported EC2 instances" in its release notes
 * (x86_64 and arm64 images), as of 2026-11-29: Amazon Linux 2023 x86_64 build 20260901, arm64 (G5g) 2025-12 to
 * 2026-09; Ubuntu 22.04 x86_64 build 20250505 (no P6-B200), arm64 2026-09. Ubuntu 24.04 x86_64: no release notes
 * were found, so it is held to the families every x86_64 image lists (// unverified: it may support more).
 * No OSS image supports V100 (p3, p3dn): NVIDIA's open kernel modules need Turing or later, and the proprietary-
 * driver AL2 DLAMI dropped P3 in version 73.1 (2026-06-05). Those families need an `ami` of the user's.
 */
const OLDER_X86 = ["g4dn", "g5", "g6", "gr6", "g6e", "p4d", "p4de", "p5", "p5e", "p5en"];
export const DLAMI_SUPPORTED_FAMILIES: Readonly<Record<AmiOperatingSystem, Readonly<Record<CpuArchitecture, readonly string[]>>>> = {
  "ubuntu-22.04": { x86_64: OLDER_X86, arm64: ["g5g"] },
  "ubuntu-24.04": { x86_64: OLDER_X86, arm64: ["g5g"] },
  "amazon-linux-2023": { x86_64: [...OLDER_X86, "g7e", "g7", "g6f", "gr6f", "p6-b200", "p6-b300"], arm64: ["g5g"] },
};

/** The OSes tried for a family's default AMI, in order: Ubuntu 22.04 (the DLAMI most teams know), then Amazon Linux 2023. */
const DEFAULT_ORDER: readonly AmiOperatingSystem[] = ["ubuntu-22.04", "amazon-linux-2023"];

export function supportsFamily(os: AmiOperatingSystem, arch: CpuArchitecture, family: string): boolean {
  return DLAMI_SUPPORTED_FAMILIES[os][arch].includes(family);
}

/**
 * The OS of the DLAMI a workload boots: the user's choice when its image lists the family, else the first
 * default that does. A family no DLAMI supports (V100) needs an AMI of the user's: without one it is refused.
 */
export function dlamiOperatingSystem(family: string, arch: CpuArchitecture, chosen: AmiOperatingSystem | undefined, ownAmi: boolean): AmiOperatingSystem {
  const os = chosen ?? DEFAULT_ORDER.find((o) => supportsFamily(o, arch, family));
  // An AMI of the user's: the OS only picks the root device and the agent package; Ubuntu 22.04 is the old default.
  if (ownAmi) return os ?? "ubuntu-22.04";
  if (!os) {
    throw new InvalidRequirementError(
      "ami",
      undefined,
      `no Deep Learning Base OSS Nvidia Driver AMI supports ${family} (${family.startsWith("p3") ? "V100: NVIDIA's open kernel modules start at Turing" : "not in any image's supported list"}); give an ami with a driver for it (${DLAMI_RELEASE_NOTES})`,
    );
  }
  if (!supportsFamily(os, arch, family)) {
    const others = AMI_OPERATING_SYSTEMS.filter((o) => supportsFamily(o, arch, family));
    throw new InvalidRequirementError(
      "operatingSystem",
      os,
      `the ${os} Deep Learning Base OSS Nvidia Driver AMI (${arch}) does not list ${family} as supported; use ${others.join(" or ") || "an ami of your own"}`,
    );
  }
  return os;
}

/**
 * Size of the DLAMI's root snapshot: a root volume below it fails to launch. The GPU DLAMIs need at
 * least 75 GB of EBS (a build-20250505 Ubuntu image shows a 73G root filesystem), as of 2026-11-27.
 */
export const DLAMI_ROOT_SNAPSHOT_GIB = 75;

/** The launch template's image_id: an AMI id as is; an SSM parameter resolved by EC2 at launch. */
export function imageId(ami: string | undefined, arch: CpuArchitecture, os: AmiOperatingSystem): string {
  // A Terraform reference may hold either: Terraform decides at plan.
  if (ami !== undefined && Token.isUnresolved(ami)) return `\${startswith(${ami}, "ami-") ? ${ami} : format("resolve:ssm:%s", ${ami})}`;
  if (ami?.startsWith("ami-")) return ami;
  return `resolve:ssm:${ami ?? deepLearningAmiParameter(arch, os)}`;
}
