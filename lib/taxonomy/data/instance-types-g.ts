/**
 * EC2 G-family GPU instance types (g4dn, g5, g5g, g6, g6e, gr6): every size, as of 2026-11-27.
 *
 * All GPUs in these families hang off PCIe (no NVLink/NVSwitch), so gpuInterconnect is "PCIe" throughout.
 * Prices are Linux on-demand in us-east-1 from the AWS Pricing API as generated into Karpenter on
 * 2026-01-19; every price also read in the SkyPilot v8 catalog agrees. networkGbps is the peak ("up to")
 * figure; Karpenter's bandwidth table gives the baseline, which equals the peak for fixed-bandwidth sizes.
 * efaInterfaces is 1 per network card on EFA-capable sizes (eksctl's EFASupported flag, Karpenter's
 * network-card table); only g6e.24xlarge (2) and g6e.48xlarge (4) have more than one card.
 * Regions are not here: each row is offered where ./instance-offerings.ts (EC2's recorded offerings) says.
 * localNvmeGB is the EC2-reported total (devices x GB); no stored AWS page with
 * it was found in this pass, so it is marked unverified on every family with instance storage (g5g is EBS only,
 * per eksctl's InstanceStorageSupported flag).
 */
import { TableRow } from "../instance-type";
import { Source } from "../source";
import {
  KARPENTER_BANDWIDTH,
  KARPENTER_EFA,
  KARPENTER_INSTANCE_TYPES,
  KARPENTER_PRICING,
  KARPENTER_VPC_LIMITS,
  SKYPILOT_AWS_CATALOG,
  SKYPILOT_CATALOG_PRICES,
} from "./instance-sources";

const READ = "2026-11-27";

const AWS_BATCH_GPU_JOBS: Source = {
  title: "AWS Batch User Guide: Run GPU jobs (supported GPU instance types: GPUs, GPU memory, vCPUs, memory, network bandwidth)",
  url: "https://docs.aws.amazon.com/batch/latest/userguide/gpu-jobs.html",
  asOf: READ,
};
const EKSCTL_INSTANCE_TYPES: Source = {
  title: "eksctl generated instance-type table (EFASupported, NVIDIA GPU type, CPU architecture per type; metal sizes not listed)",
  url: "https://github.com/eksctl-io/eksctl/blob/main/pkg/utils/instance/instance_types.go",
  asOf: READ,
};


/** New families of 2025-2026: specs as EC2 reports them (Karpenter's reference), prices from the catalog snapshot. */
const NEW_ROW_SOURCES = [KARPENTER_INSTANCE_TYPES, SKYPILOT_CATALOG_PRICES, KARPENTER_VPC_LIMITS, KARPENTER_BANDWIDTH] as const;
/** Each g6f/gr6f size's share of one L4: AWS's G6f table, as DigitalPebble relays it, checked against EC2's GpuPartitionSize. */
const AWS_G6F_SHARES: Source = {
  title: "Amazon EC2 G6 instances page, G6f table: share of one NVIDIA L4 per size (g6f.large and xlarge 1/8, 2xlarge 1/4, 4xlarge and gr6f.4xlarge 1/2), as relayed by the PR below",
  url: "https://aws.amazon.com/ec2/instance-types/g6/",
  asOf: "2026-11-30",
};
const DIGITALPEBBLE_G6F_SHARES: Source = {
  title: "DigitalPebble/spruce PR #265: g6f.large, g6f.xlarge 0.125; g6f.2xlarge 0.25; g6f.4xlarge, gr6f.4xlarge 0.5 of an L4, from AWS's G6f table, confirmed against EC2 GpuPartitionSize",
  url: "https://github.com/DigitalPebble/spruce/pull/265",
  asOf: "2026-11-30",
};
const G6F_SOURCES = [...NEW_ROW_SOURCES, AWS_G6F_SHARES, DIGITALPEBBLE_G6F_SHARES] as const;
const G7_LAUNCH: Source = {
  title: "kubernetes/autoscaler issue #9854: EC2 G7 (RTX PRO 4500 Blackwell, g7.2xlarge-g7.48xlarge) general availability, June 2026",
  url: "https://github.com/kubernetes/autoscaler/issues/9854",
  asOf: "2026-11-29",
};
const G7_SOURCES = [KARPENTER_INSTANCE_TYPES, G7_LAUNCH, KARPENTER_VPC_LIMITS, KARPENTER_BANDWIDTH] as const;

const COMMON = [SKYPILOT_AWS_CATALOG, KARPENTER_PRICING, KARPENTER_BANDWIDTH, KARPENTER_VPC_LIMITS, EKSCTL_INSTANCE_TYPES] as const;
const DOCUMENTED = [AWS_BATCH_GPU_JOBS, ...COMMON] as const; // sizes whose GPUs, vCPUs, memory and network the AWS Batch page lists
const G6_DOCUMENTED = [...DOCUMENTED, KARPENTER_EFA] as const;
const G6_UNDOCUMENTED = [...COMMON, KARPENTER_EFA] as const;

export const G_FAMILY_INSTANCE_TYPES: readonly TableRow[] = [
  // --- g4dn: NVIDIA T4 16 GB, Intel Cascade Lake. EFA on 8xlarge and up. ---
  // unverified (every g4dn row): localNvmeGB (1 x 125 / 225 / 900 GB; metal 2 x 900). sa-east-1 not checked (absent from the catalog).
  { instanceType: "g4dn.xlarge", family: "g4dn", gpu: "T4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 4, memoryGiB: 16, networkGbps: 25, efaInterfaces: 0, localNvmeGB: 125, cpuArchitecture: "x86_64", usdPerInstanceHour: 0.526, sources: DOCUMENTED },
  { instanceType: "g4dn.2xlarge", family: "g4dn", gpu: "T4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 8, memoryGiB: 32, networkGbps: 25, efaInterfaces: 0, localNvmeGB: 225, cpuArchitecture: "x86_64", usdPerInstanceHour: 0.752, sources: DOCUMENTED },
  { instanceType: "g4dn.4xlarge", family: "g4dn", gpu: "T4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 64, networkGbps: 25, efaInterfaces: 0, localNvmeGB: 225, cpuArchitecture: "x86_64", usdPerInstanceHour: 1.204, sources: DOCUMENTED },
  { instanceType: "g4dn.8xlarge", family: "g4dn", gpu: "T4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 32, memoryGiB: 128, networkGbps: 50, efaInterfaces: 1, localNvmeGB: 900, cpuArchitecture: "x86_64", usdPerInstanceHour: 2.176, sources: DOCUMENTED },
  { instanceType: "g4dn.12xlarge", family: "g4dn", gpu: "T4", gpuCount: 4, gpuInterconnect: "PCIe", vcpus: 48, memoryGiB: 192, networkGbps: 50, efaInterfaces: 1, localNvmeGB: 900, cpuArchitecture: "x86_64", usdPerInstanceHour: 3.912, sources: DOCUMENTED },
  { instanceType: "g4dn.16xlarge", family: "g4dn", gpu: "T4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 64, memoryGiB: 256, networkGbps: 50, efaInterfaces: 1, localNvmeGB: 900, cpuArchitecture: "x86_64", usdPerInstanceHour: 4.352, sources: DOCUMENTED },
  // unverified: efaInterfaces 1 (eksctl omits metal sizes; one network card per Karpenter).
  { instanceType: "g4dn.metal", family: "g4dn", gpu: "T4", gpuCount: 8, gpuInterconnect: "PCIe", vcpus: 96, memoryGiB: 384, networkGbps: 100, efaInterfaces: 1, localNvmeGB: 1800, cpuArchitecture: "x86_64", usdPerInstanceHour: 7.824, sources: COMMON },

  // --- g5: NVIDIA A10G 24 GB (EC2 reports 22,888 MiB), AMD EPYC. EFA on 8xlarge and up; g5.48xlarge has one network card, so one EFA. ---
  // unverified (every g5 row): localNvmeGB.
  { instanceType: "g5.xlarge", family: "g5", gpu: "A10G", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 4, memoryGiB: 16, networkGbps: 10, efaInterfaces: 0, localNvmeGB: 250, cpuArchitecture: "x86_64", usdPerInstanceHour: 1.006, sources: DOCUMENTED },
  { instanceType: "g5.2xlarge", family: "g5", gpu: "A10G", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 8, memoryGiB: 32, networkGbps: 10, efaInterfaces: 0, localNvmeGB: 450, cpuArchitecture: "x86_64", usdPerInstanceHour: 1.212, sources: DOCUMENTED },
  { instanceType: "g5.4xlarge", family: "g5", gpu: "A10G", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 64, networkGbps: 25, efaInterfaces: 0, localNvmeGB: 600, cpuArchitecture: "x86_64", usdPerInstanceHour: 1.624, sources: DOCUMENTED },
  { instanceType: "g5.8xlarge", family: "g5", gpu: "A10G", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 32, memoryGiB: 128, networkGbps: 25, efaInterfaces: 1, localNvmeGB: 900, cpuArchitecture: "x86_64", usdPerInstanceHour: 2.448, sources: DOCUMENTED },
  { instanceType: "g5.12xlarge", family: "g5", gpu: "A10G", gpuCount: 4, gpuInterconnect: "PCIe", vcpus: 48, memoryGiB: 192, networkGbps: 40, efaInterfaces: 1, localNvmeGB: 3800, cpuArchitecture: "x86_64", usdPerInstanceHour: 5.672, sources: DOCUMENTED },
  { instanceType: "g5.16xlarge", family: "g5", gpu: "A10G", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 64, memoryGiB: 256, networkGbps: 25, efaInterfaces: 1, localNvmeGB: 1900, cpuArchitecture: "x86_64", usdPerInstanceHour: 4.096, sources: DOCUMENTED },
  { instanceType: "g5.24xlarge", family: "g5", gpu: "A10G", gpuCount: 4, gpuInterconnect: "PCIe", vcpus: 96, memoryGiB: 384, networkGbps: 50, efaInterfaces: 1, localNvmeGB: 3800, cpuArchitecture: "x86_64", usdPerInstanceHour: 8.144, sources: DOCUMENTED },
  { instanceType: "g5.48xlarge", family: "g5", gpu: "A10G", gpuCount: 8, gpuInterconnect: "PCIe", vcpus: 192, memoryGiB: 768, networkGbps: 100, efaInterfaces: 1, localNvmeGB: 7600, cpuArchitecture: "x86_64", usdPerInstanceHour: 16.288, sources: DOCUMENTED },

  // --- g5g: NVIDIA T4G 16 GB, AWS Graviton2 (arm64), EBS only, no EFA on any size. ---
  { instanceType: "g5g.xlarge", family: "g5g", gpu: "T4G", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 4, memoryGiB: 8, networkGbps: 10, efaInterfaces: 0, localNvmeGB: 0, cpuArchitecture: "arm64", usdPerInstanceHour: 0.42, sources: DOCUMENTED },
  { instanceType: "g5g.2xlarge", family: "g5g", gpu: "T4G", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 8, memoryGiB: 16, networkGbps: 10, efaInterfaces: 0, localNvmeGB: 0, cpuArchitecture: "arm64", usdPerInstanceHour: 0.556, sources: DOCUMENTED },
  { instanceType: "g5g.4xlarge", family: "g5g", gpu: "T4G", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 32, networkGbps: 10, efaInterfaces: 0, localNvmeGB: 0, cpuArchitecture: "arm64", usdPerInstanceHour: 0.828, sources: DOCUMENTED },
  { instanceType: "g5g.8xlarge", family: "g5g", gpu: "T4G", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 32, memoryGiB: 64, networkGbps: 12, efaInterfaces: 0, localNvmeGB: 0, cpuArchitecture: "arm64", usdPerInstanceHour: 1.372, sources: DOCUMENTED },
  { instanceType: "g5g.16xlarge", family: "g5g", gpu: "T4G", gpuCount: 2, gpuInterconnect: "PCIe", vcpus: 64, memoryGiB: 128, networkGbps: 25, efaInterfaces: 0, localNvmeGB: 0, cpuArchitecture: "arm64", usdPerInstanceHour: 2.744, sources: DOCUMENTED },
  // unverified: efaInterfaces 0 (eksctl omits metal sizes; no g5g size supports EFA). Same price as g5g.16xlarge.
  { instanceType: "g5g.metal", family: "g5g", gpu: "T4G", gpuCount: 2, gpuInterconnect: "PCIe", vcpus: 64, memoryGiB: 128, networkGbps: 25, efaInterfaces: 0, localNvmeGB: 0, cpuArchitecture: "arm64", usdPerInstanceHour: 2.744, sources: DOCUMENTED },

  // --- g6: NVIDIA L4 24 GB (EC2 reports 22,888 MiB), AMD EPYC. EFA on 8xlarge and up (one device each). ---
  // unverified (every g6 row): localNvmeGB (1 x 250 / 450 / 600, 2 x 450, 4 x 940, 2 x 940, 4 x 940, 8 x 940 GB).
  { instanceType: "g6.xlarge", family: "g6", gpu: "L4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 4, memoryGiB: 16, networkGbps: 10, efaInterfaces: 0, localNvmeGB: 250, cpuArchitecture: "x86_64", usdPerInstanceHour: 0.8048, sources: G6_DOCUMENTED },
  { instanceType: "g6.2xlarge", family: "g6", gpu: "L4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 8, memoryGiB: 32, networkGbps: 10, efaInterfaces: 0, localNvmeGB: 450, cpuArchitecture: "x86_64", usdPerInstanceHour: 0.9776, sources: G6_DOCUMENTED },
  { instanceType: "g6.4xlarge", family: "g6", gpu: "L4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 64, networkGbps: 25, efaInterfaces: 0, localNvmeGB: 600, cpuArchitecture: "x86_64", usdPerInstanceHour: 1.3232, sources: G6_DOCUMENTED },
  { instanceType: "g6.8xlarge", family: "g6", gpu: "L4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 32, memoryGiB: 128, networkGbps: 25, efaInterfaces: 1, localNvmeGB: 900, cpuArchitecture: "x86_64", usdPerInstanceHour: 2.0144, sources: G6_DOCUMENTED },
  { instanceType: "g6.12xlarge", family: "g6", gpu: "L4", gpuCount: 4, gpuInterconnect: "PCIe", vcpus: 48, memoryGiB: 192, networkGbps: 40, efaInterfaces: 1, localNvmeGB: 3760, cpuArchitecture: "x86_64", usdPerInstanceHour: 4.6016, sources: G6_UNDOCUMENTED },
  { instanceType: "g6.16xlarge", family: "g6", gpu: "L4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 64, memoryGiB: 256, networkGbps: 25, efaInterfaces: 1, localNvmeGB: 1880, cpuArchitecture: "x86_64", usdPerInstanceHour: 3.3968, sources: G6_DOCUMENTED },
  { instanceType: "g6.24xlarge", family: "g6", gpu: "L4", gpuCount: 4, gpuInterconnect: "PCIe", vcpus: 96, memoryGiB: 384, networkGbps: 50, efaInterfaces: 1, localNvmeGB: 3760, cpuArchitecture: "x86_64", usdPerInstanceHour: 6.6752, sources: G6_UNDOCUMENTED },
  { instanceType: "g6.48xlarge", family: "g6", gpu: "L4", gpuCount: 8, gpuInterconnect: "PCIe", vcpus: 192, memoryGiB: 768, networkGbps: 100, efaInterfaces: 1, localNvmeGB: 7520, cpuArchitecture: "x86_64", usdPerInstanceHour: 13.3504, sources: G6_UNDOCUMENTED },

  // --- g6e: NVIDIA L40S 48 GB (EC2 reports 45,776 MiB), AMD EPYC, 8 GiB per vCPU. EFA on 8xlarge and up;
  // 24xlarge has 2 network cards (2 EFA, 200 Gbps), 48xlarge 4 (4 EFA, 400 Gbps). ---
  // unverified (every g6e row): localNvmeGB (250, 450, 600, 2 x 450, 2 x 1900, 2 x 950, 2 x 1900, 4 x 1900 GB).
  // unverified: networkGbps 20 on g6e.xlarge / 2xlarge is the "up to 20 Gbps" peak from memory (Karpenter: baseline 2.5 / 5 Gbps).
  { instanceType: "g6e.xlarge", family: "g6e", gpu: "L40S", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 4, memoryGiB: 32, networkGbps: 20, efaInterfaces: 0, localNvmeGB: 250, cpuArchitecture: "x86_64", usdPerInstanceHour: 1.861, sources: COMMON },
  { instanceType: "g6e.2xlarge", family: "g6e", gpu: "L40S", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 8, memoryGiB: 64, networkGbps: 20, efaInterfaces: 0, localNvmeGB: 450, cpuArchitecture: "x86_64", usdPerInstanceHour: 2.24208, sources: COMMON },
  { instanceType: "g6e.4xlarge", family: "g6e", gpu: "L40S", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 128, networkGbps: 20, efaInterfaces: 0, localNvmeGB: 600, cpuArchitecture: "x86_64", usdPerInstanceHour: 3.00424, sources: COMMON },
  { instanceType: "g6e.8xlarge", family: "g6e", gpu: "L40S", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 32, memoryGiB: 256, networkGbps: 25, efaInterfaces: 1, localNvmeGB: 900, cpuArchitecture: "x86_64", usdPerInstanceHour: 4.52856, sources: COMMON },
  { instanceType: "g6e.12xlarge", family: "g6e", gpu: "L40S", gpuCount: 4, gpuInterconnect: "PCIe", vcpus: 48, memoryGiB: 384, networkGbps: 100, efaInterfaces: 1, localNvmeGB: 3800, cpuArchitecture: "x86_64", usdPerInstanceHour: 10.49264, sources: COMMON },
  { instanceType: "g6e.16xlarge", family: "g6e", gpu: "L40S", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 64, memoryGiB: 512, networkGbps: 35, efaInterfaces: 1, localNvmeGB: 1900, cpuArchitecture: "x86_64", usdPerInstanceHour: 7.57719, sources: COMMON },
  { instanceType: "g6e.24xlarge", family: "g6e", gpu: "L40S", gpuCount: 4, gpuInterconnect: "PCIe", vcpus: 96, memoryGiB: 768, networkGbps: 200, efaInterfaces: 2, localNvmeGB: 3800, cpuArchitecture: "x86_64", usdPerInstanceHour: 15.06559, sources: COMMON },
  { instanceType: "g6e.48xlarge", family: "g6e", gpu: "L40S", gpuCount: 8, gpuInterconnect: "PCIe", vcpus: 192, memoryGiB: 1536, networkGbps: 400, efaInterfaces: 4, localNvmeGB: 7600, cpuArchitecture: "x86_64", usdPerInstanceHour: 30.13118, sources: COMMON },

  // --- gr6: NVIDIA L4 with 8 GiB per vCPU (twice g6's memory). EFA on gr6.8xlarge only. ---
  // unverified: localNvmeGB (1 x 600, 2 x 450 GB; from memory of the AWS G6 page, not in any source read) and
  // gr6.4xlarge networkGbps 25 (the "up to 25 Gbps" peak from memory; Karpenter: baseline 10 Gbps).
  { instanceType: "gr6.4xlarge", family: "gr6", gpu: "L4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 128, networkGbps: 25, efaInterfaces: 0, localNvmeGB: 600, cpuArchitecture: "x86_64", usdPerInstanceHour: 1.5392, sources: COMMON },
  { instanceType: "gr6.8xlarge", family: "gr6", gpu: "L4", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 32, memoryGiB: 256, networkGbps: 25, efaInterfaces: 1, localNvmeGB: 900, cpuArchitecture: "x86_64", usdPerInstanceHour: 2.4464, sources: COMMON },

  // --- g6f / gr6f: a FRACTION of one NVIDIA L4 (GPU partitions). EC2 reports Count 0 and the partition's memory
  // (2861 MiB = 1/8 of 22,888); gpuFraction is the share of AWS's G6f table (1/8, 1/8, 1/4, 1/2; G6F_SOURCES). ---
  { instanceType: "g6f.large", family: "g6f", gpu: "L4", gpuCount: 1, gpuFraction: 0.125, gpuInterconnect: "PCIe", vcpus: 2, memoryGiB: 8, networkGbps: 1.5, efaInterfaces: 0, localNvmeGB: 100, cpuArchitecture: "x86_64", usdPerInstanceHour: 0.202, sources: G6F_SOURCES },
  { instanceType: "g6f.xlarge", family: "g6f", gpu: "L4", gpuCount: 1, gpuFraction: 0.125, gpuInterconnect: "PCIe", vcpus: 4, memoryGiB: 16, networkGbps: 2.5, efaInterfaces: 0, localNvmeGB: 100, cpuArchitecture: "x86_64", usdPerInstanceHour: 0.2375, sources: G6F_SOURCES },
  { instanceType: "g6f.2xlarge", family: "g6f", gpu: "L4", gpuCount: 1, gpuFraction: 0.25, gpuInterconnect: "PCIe", vcpus: 8, memoryGiB: 32, networkGbps: 5, efaInterfaces: 0, localNvmeGB: 200, cpuArchitecture: "x86_64", usdPerInstanceHour: 0.475, sources: G6F_SOURCES },
  { instanceType: "g6f.4xlarge", family: "g6f", gpu: "L4", gpuCount: 1, gpuFraction: 0.5, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 64, networkGbps: 10, efaInterfaces: 0, localNvmeGB: 450, cpuArchitecture: "x86_64", usdPerInstanceHour: 0.95, sources: G6F_SOURCES },
  { instanceType: "gr6f.4xlarge", family: "gr6f", gpu: "L4", gpuCount: 1, gpuFraction: 0.5, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 128, networkGbps: 10, efaInterfaces: 0, localNvmeGB: 450, cpuArchitecture: "x86_64", usdPerInstanceHour: 1.066, sources: G6F_SOURCES },

  // --- g7e: NVIDIA RTX PRO 6000 Blackwell Server Edition 96 GB, Intel. EFA from 8xlarge; 24xlarge has 2 network cards,
  // 48xlarge 4 (Karpenter's VPC limits), each with EFA. ---
  { instanceType: "g7e.2xlarge", family: "g7e", gpu: "RTX-PRO-6000", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 8, memoryGiB: 64, networkGbps: 50, efaInterfaces: 0, localNvmeGB: 1900, cpuArchitecture: "x86_64", usdPerInstanceHour: 3.36312, sources: NEW_ROW_SOURCES },
  { instanceType: "g7e.4xlarge", family: "g7e", gpu: "RTX-PRO-6000", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 128, networkGbps: 50, efaInterfaces: 0, localNvmeGB: 1900, cpuArchitecture: "x86_64", usdPerInstanceHour: 3.99816, sources: NEW_ROW_SOURCES },
  { instanceType: "g7e.8xlarge", family: "g7e", gpu: "RTX-PRO-6000", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 32, memoryGiB: 256, networkGbps: 100, efaInterfaces: 1, localNvmeGB: 1900, cpuArchitecture: "x86_64", usdPerInstanceHour: 5.26824, sources: NEW_ROW_SOURCES },
  { instanceType: "g7e.12xlarge", family: "g7e", gpu: "RTX-PRO-6000", gpuCount: 2, gpuInterconnect: "PCIe", vcpus: 48, memoryGiB: 512, networkGbps: 400, efaInterfaces: 1, localNvmeGB: 3800, cpuArchitecture: "x86_64", usdPerInstanceHour: 8.28608, sources: NEW_ROW_SOURCES },
  { instanceType: "g7e.24xlarge", family: "g7e", gpu: "RTX-PRO-6000", gpuCount: 4, gpuInterconnect: "PCIe", vcpus: 96, memoryGiB: 1024, networkGbps: 800, efaInterfaces: 2, localNvmeGB: 7600, cpuArchitecture: "x86_64", usdPerInstanceHour: 16.57216, sources: NEW_ROW_SOURCES },
  { instanceType: "g7e.48xlarge", family: "g7e", gpu: "RTX-PRO-6000", gpuCount: 8, gpuInterconnect: "PCIe", vcpus: 192, memoryGiB: 2048, networkGbps: 1600, efaInterfaces: 4, localNvmeGB: 15200, cpuArchitecture: "x86_64", usdPerInstanceHour: 33.14432, sources: NEW_ROW_SOURCES },

  // --- g7: NVIDIA RTX PRO 4500 Blackwell Server Edition 32 GB (GA June 2026). No public price in our sources (the
  // catalog snapshot and Karpenter's price table predate it): no usdPerInstanceHour, so selection takes g7 only once a
  // custom taxonomy gives its price.
  { instanceType: "g7.2xlarge", family: "g7", gpu: "RTX-PRO-4500", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 8, memoryGiB: 32, networkGbps: 40, efaInterfaces: 0, localNvmeGB: 440, cpuArchitecture: "x86_64", sources: G7_SOURCES },
  { instanceType: "g7.4xlarge", family: "g7", gpu: "RTX-PRO-4500", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 64, networkGbps: 80, efaInterfaces: 0, localNvmeGB: 875, cpuArchitecture: "x86_64", sources: G7_SOURCES },
  { instanceType: "g7.8xlarge", family: "g7", gpu: "RTX-PRO-4500", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 32, memoryGiB: 128, networkGbps: 100, efaInterfaces: 1, localNvmeGB: 930, cpuArchitecture: "x86_64", sources: G7_SOURCES },
  { instanceType: "g7.12xlarge", family: "g7", gpu: "RTX-PRO-4500", gpuCount: 2, gpuInterconnect: "PCIe", vcpus: 48, memoryGiB: 192, networkGbps: 175, efaInterfaces: 1, localNvmeGB: 1900, cpuArchitecture: "x86_64", sources: G7_SOURCES },
  { instanceType: "g7.24xlarge", family: "g7", gpu: "RTX-PRO-4500", gpuCount: 4, gpuInterconnect: "PCIe", vcpus: 96, memoryGiB: 384, networkGbps: 350, efaInterfaces: 1, localNvmeGB: 3800, cpuArchitecture: "x86_64", sources: G7_SOURCES },
  { instanceType: "g7.48xlarge", family: "g7", gpu: "RTX-PRO-4500", gpuCount: 8, gpuInterconnect: "PCIe", vcpus: 192, memoryGiB: 768, networkGbps: 700, efaInterfaces: 2, localNvmeGB: 7600, cpuArchitecture: "x86_64", sources: G7_SOURCES },
];
