/**
 * EC2 P-family GPU instance types (p3dn, p4d, p4de, p5, p5e, p5en, p6-b200, p6-b300): every size, as of 2026-11-27
 * (p6-b300: 2026-11-29). p6e-gb200 is left out on purpose: it is sold only as UltraServer Capacity Blocks (18 Grace-
 * Blackwell instances joined by NVLink across instances), which neither the single-node nor the EFA-cluster model here
 * describes.
 *
 * Prices are Linux on-demand in us-east-1 AFTER the June 2025 P4/P5 price cut ("up to 45%"):
 * p5.48xlarge fell from $98.32 to $55.04/h and p4d.24xlarge from $32.7726 to $21.957642/h
 * (pre-cut figures from an older SkyPilot catalog snapshot). Current figures come from the AWS
 * Pricing API as generated into Karpenter on 2026-01-19 and agree with the SkyPilot v8 catalog.
 * Regions are not here: each row is offered where ./instance-offerings.ts (EC2's recorded offerings) says;
 * p3.2xlarge, p3.8xlarge and p3.16xlarge are offered nowhere any more and are gone. efaInterfaces is the EFA device count of each type (one per
 * EFA-capable network card). Local NVMe is the EC2-reported total in GB (AWS product pages round
 * the same drives to "3.84 TB").
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

const AWS_EFA_MULTI_CARD: Source = {
  title: "AWS EC2 User Guide: Maximize network bandwidth on Amazon EC2 instances with multiple network cards (EFA configuration for P5 and P5e: 32 EFA devices)",
  url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/efa-acc-inst-types.html",
  asOf: READ,
};
const AWS_P3_LAUNCH: Source = {
  title: "AWS News Blog: Amazon EC2 P3 instances with up to 8 NVIDIA Tesla V100 GPUs (InfoQ China translation; sizes, NVLink, network, EBS-only)",
  url: "https://infoq.cn/article/j629I8X512fg8tuKd6ke",
  asOf: "2019-11-07",
};
const AWS_P4D_DEEP_DIVE: Source = {
  title: "AWS Compute Blog: Amazon EC2 P4d instances deep dive (8 TB local NVMe, 400 Gbps EFA, NVSwitch; mirror)",
  url: "https://dustinward.cloud/amazon-ec2-p4d-instances-deep-dive",
  asOf: READ,
};
const PRICE_CUT_2025: Source = {
  title: "usage.ai: LLM Cost Optimization on AWS (June 2025 AWS price cut of up to 45% for P4/P5 on-demand and Savings Plans)",
  url: "https://www.usage.ai/blogs/aws/ai-ml-cost/llm-cost-optimization-aws/",
  asOf: "2026-06-30",
};
/** p6-b300's network cards: 17, card 0 ENA only, cards 1-16 EFA (AWS's EFA guide covers only P5/P5e's layout). */
const PCLUSTER_P6_B300_CARDS: Source = {
  title: "aws/aws-parallelcluster issue #7143, quoting AWS engineering: P6-B300 has 17 network cards; card 0 supports ENA only, cards 1-16 EFA and ENA",
  url: "https://github.com/aws/aws-parallelcluster/issues/7143",
  asOf: "2026-11-30",
};
const DSTACK_P5EN_OFFERS: Source = {
  title: "dstack PR #4110: AWS p5en.48xlarge offers (on-demand $63.296 in us-east-1, us-east-2, us-west-2)",
  url: "https://github.com/dstackai/dstack/pull/4110",
  asOf: "2026-08-06",
};

const P3_SOURCES = [AWS_P3_LAUNCH, SKYPILOT_AWS_CATALOG, KARPENTER_PRICING, KARPENTER_BANDWIDTH, KARPENTER_EFA] as const;
const P4_SOURCES = [AWS_P4D_DEEP_DIVE, SKYPILOT_AWS_CATALOG, KARPENTER_PRICING, KARPENTER_BANDWIDTH, KARPENTER_EFA, PRICE_CUT_2025] as const;
const P5_SOURCES = [SKYPILOT_AWS_CATALOG, KARPENTER_PRICING, KARPENTER_BANDWIDTH, KARPENTER_EFA, AWS_EFA_MULTI_CARD, PRICE_CUT_2025] as const;

export const P_FAMILY_INSTANCE_TYPES: readonly TableRow[] = [
  // --- p3dn: V100 32 GB, one EFA-capable network card. Legacy. ---
  // unverified: localNvmeGB 1800 (2 x 900 GB NVMe); no stored AWS page with the p3dn instance-store size was found.
  { instanceType: "p3dn.24xlarge", family: "p3dn", gpu: "V100-32GB", gpuCount: 8, gpuInterconnect: "NVLink", vcpus: 96, memoryGiB: 768, networkGbps: 100, efaInterfaces: 1, localNvmeGB: 1800, cpuArchitecture: "x86_64", usdPerInstanceHour: 31.212, legacy: true, sources: P3_SOURCES },
  // --- p4d / p4de: A100, NVSwitch, 4 EFA (4 x 100 Gbps), 8 x 1000 GB NVMe. Prices after the June 2025 cut (p4d was $32.7726). ---
  { instanceType: "p4d.24xlarge", family: "p4d", gpu: "A100-40GB", gpuCount: 8, gpuInterconnect: "NVSwitch", vcpus: 96, memoryGiB: 1152, networkGbps: 400, efaInterfaces: 4, localNvmeGB: 8000, cpuArchitecture: "x86_64", usdPerInstanceHour: 21.957642, sources: P4_SOURCES },
  // p4de was preview / capacity-block only at launch; it now has a public on-demand price (was $40.96575 before the cut).
  { instanceType: "p4de.24xlarge", family: "p4de", gpu: "A100-80GB", gpuCount: 8, gpuInterconnect: "NVSwitch", vcpus: 96, memoryGiB: 1152, networkGbps: 400, efaInterfaces: 4, localNvmeGB: 8000, cpuArchitecture: "x86_64", usdPerInstanceHour: 27.44705, sources: P4_SOURCES },
  // --- p5: H100. p5.4xlarge (1 GPU, launched Aug 2025) has 1 EFA at 100 Gbps; AWS lists no GPUDirect RDMA for it. ---
  { instanceType: "p5.4xlarge", family: "p5", gpu: "H100", gpuCount: 1, gpuInterconnect: "PCIe", vcpus: 16, memoryGiB: 256, networkGbps: 100, efaInterfaces: 1, localNvmeGB: 3800, cpuArchitecture: "x86_64", usdPerInstanceHour: 6.88, sources: P5_SOURCES },
  // p5.48xlarge: 32 EFA (32 x 100 Gbps); $55.04 after the cut (was $98.32).
  { instanceType: "p5.48xlarge", family: "p5", gpu: "H100", gpuCount: 8, gpuInterconnect: "NVSwitch", vcpus: 192, memoryGiB: 2048, networkGbps: 3200, efaInterfaces: 32, localNvmeGB: 30400, cpuArchitecture: "x86_64", usdPerInstanceHour: 55.04, sources: P5_SOURCES },
  // --- p5e: H200, same 32-EFA layout as p5. It has NO public on-demand price in any
  // region (Capacity Blocks / SageMaker only). unverified: usdPerInstanceHour is a proxy, the us-east-1
  // on-demand price of p5en.48xlarge (same 8 x H200); the last public Capacity Block rate seen was $43.26/h
  // (us-east-2, before 2025-01-01).
  { instanceType: "p5e.48xlarge", family: "p5e", gpu: "H200", gpuCount: 8, gpuInterconnect: "NVSwitch", vcpus: 192, memoryGiB: 2048, networkGbps: 3200, efaInterfaces: 32, localNvmeGB: 30400, cpuArchitecture: "x86_64", usdPerInstanceHour: 63.296, capacityBlockOnly: true, sources: [...P5_SOURCES, DSTACK_P5EN_OFFERS] },
  // --- p5en: H200, EFAv3, 16 EFA (16 x 200 Gbps). ---
  { instanceType: "p5en.48xlarge", family: "p5en", gpu: "H200", gpuCount: 8, gpuInterconnect: "NVSwitch", vcpus: 192, memoryGiB: 2048, networkGbps: 3200, efaInterfaces: 16, localNvmeGB: 30400, cpuArchitecture: "x86_64", usdPerInstanceHour: 63.296, sources: [...P5_SOURCES, DSTACK_P5EN_OFFERS] },
  // --- p6-b200: B200, EFAv4, 8 EFA (8 x 400 Gbps). Capacity Blocks only at launch (May 2025); on-demand since. ---
  // unverified: localNvmeGB 30720 is 8 x 3.84 TB from the AWS P6 product page; the EC2-reported total was not found.
  { instanceType: "p6-b200.48xlarge", family: "p6-b200", gpu: "B200", gpuCount: 8, gpuInterconnect: "NVSwitch", vcpus: 192, memoryGiB: 2048, networkGbps: 3200, efaInterfaces: 8, localNvmeGB: 30720, cpuArchitecture: "x86_64", usdPerInstanceHour: 113.9328, sources: [SKYPILOT_AWS_CATALOG, KARPENTER_PRICING, KARPENTER_BANDWIDTH, KARPENTER_EFA] },
  // --- p6-b300: 8 x B300 (Blackwell Ultra), 17 network cards (Karpenter's VPC limits): card 0 carries ENA only, cards
  // 1-16 one EFA each (16 EFA: Karpenter's EFA metadata; the layout: PCLUSTER_P6_B300_CARDS). No us-east-1 price in the
  // catalog: usdPerInstanceHour is us-west-2's (priceRegion), the one region it prices.
  { instanceType: "p6-b300.48xlarge", family: "p6-b300", gpu: "B300", gpuCount: 8, gpuInterconnect: "NVSwitch", vcpus: 192, memoryGiB: 4096, networkGbps: 6400, efaInterfaces: 16, networkCards: 17, localNvmeGB: 30400, cpuArchitecture: "x86_64", usdPerInstanceHour: 142.416, priceRegion: "us-west-2", sources: [KARPENTER_INSTANCE_TYPES, SKYPILOT_CATALOG_PRICES, KARPENTER_VPC_LIMITS, KARPENTER_EFA, PCLUSTER_P6_B300_CARDS, KARPENTER_BANDWIDTH] },
];
