import { GpuModel } from "../gpu-model";
import { Source } from "../source";
import { KARPENTER_INSTANCE_TYPES } from "./instance-sources";

/*
 * GPU table.
 *
 * Conventions
 * - Form factor: the one AWS ships (H100 SXM5 80GB on p5, H200 SXM 141GB on p5e/p5en, HGX B200 on p6-b200,
 *   A100 SXM4 40GB/80GB on p4d/p4de, V100 SXM2 16GB on p3).
 * - bf16Tflops / fp8Tflops are DENSE figures. NVIDIA headlines the sparse (2:4) figure for Ampere and later;
 *   those are halved here. Volta and Turing have no sparsity and no BF16: their FP16 tensor figure is used.
 * - usableMemoryMiB follows the GpuModel doc: the EC2 DescribeInstanceTypes figure
 *   (GpuInfo.Gpus[].MemoryInfo.SizeInMiB) when EC2 reports less than the marketed size (the GDDR6 parts, whose ECC
 *   reservation EC2 subtracts), else nvidia-smi `memory.total` on current (R570/R580-class) drivers. Each row says which.
 *   Drivers before ~R525 and CUDA's cudaMemGetInfo report 1-2% less again on V100/A100 (16160, 40536, 81251 MiB),
 *   so downstream fit checks should keep their own headroom.
 * - tier / relativeCost / availability: the article's table where it has a row for the GPU; our reading otherwise,
 *   marked "reading:".
 */

const AS_OF = "2026-11-27";

// --- The article whose tiers and relative cost / availability table we follow ---
const ARTICLE: Source = {
  title: "ByteNite: Decoding GPU taxonomy: choosing the right hardware for AI workloads (2026-01-14)",
  url: "https://bytenite.com/blog/post/decoding-gpu-taxonomy-choosing-right-hardware-ai-workloads",
  asOf: AS_OF,
};

// --- AWS ---
const AWS_EC2_AC_SPECS: Source = {
  title: "Amazon EC2 instance types: accelerated computing specifications (accelerator memory per GPU, GiB)",
  url: "https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html",
  asOf: AS_OF,
};
const AWS_EC2_PREVIOUS_GEN_SPECS: Source = {
  title: "Amazon EC2 instance types: previous generation specifications (P3 16 GiB per GPU, P3dn 32 GiB per GPU)",
  url: "https://docs.aws.amazon.com/ec2/latest/instancetypes/pg.html",
  asOf: AS_OF,
};
const AWS_EC2_GPUINFO_API: Source = {
  title: "Amazon EC2 API Reference: GpuInfo / GpuDeviceMemoryInfo (SizeInMiB) returned by DescribeInstanceTypes",
  url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GpuInfo.html",
  asOf: AS_OF,
};
const AWS_G5: Source = {
  title: "Amazon EC2 G5 instances (NVIDIA A10G Tensor Core GPUs, 24 GB per GPU)",
  url: "https://aws.amazon.com/ec2/instance-types/g5/",
  asOf: AS_OF,
};
const AWS_G5G: Source = {
  title: "Amazon EC2 G5g instances (AWS Graviton2 + NVIDIA T4G Tensor Core GPUs, 16 GB per GPU)",
  url: "https://aws.amazon.com/ec2/instance-types/g5g/",
  asOf: AS_OF,
};
const AWS_P3_LAUNCH: Source = {
  title: "AWS blog (Chinese edition): Amazon EC2 P3 with up to 8 NVIDIA Tesla V100, 125 TFLOPS mixed precision, NVLink 300 GB/s",
  url: "https://infoq.cn/article/j629I8X512fg8tuKd6ke",
  asOf: AS_OF,
};
const VANTAGE_EC2_PRICES: Source = {
  title: "instances.vantage.sh EC2 price data (p5 $55.04/h, p5en $63.30/h, p6-b200 $113.93/h us-east-1 on-demand)",
  url: "https://instances.vantage.sh/",
  asOf: AS_OF,
};

// --- NVIDIA datasheets (canonical pages) and the copies the figures were checked against ---
const NVIDIA_H100: Source = {
  title: "NVIDIA H100 Tensor Core GPU datasheet (H100 SXM: 80GB HBM3, 3.35TB/s, BF16 1,979* / FP8 3,958* TFLOPS, *sparse)",
  url: "https://www.nvidia.com/en-us/data-center/h100/",
  asOf: AS_OF,
};
const NVIDIA_H100_COPY: Source = {
  title: "HPCTech copy of the H100 SXM/PCIe spec table (3,350 GB/s; 'specifications 1/2 lower without sparsity')",
  url: "https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html",
  asOf: AS_OF,
};
const KLOCKWOOD_H100: Source = {
  title: "Glenn K. Lockwood: H100 (SXM5 matrix BF16 989.4 dense / 1978.9 sparse, FP8 1978.9 dense)",
  url: "https://glennklockwood.com/garden/processors/h100",
  asOf: AS_OF,
};
const NVIDIA_H200: Source = {
  title: "NVIDIA H200 Tensor Core GPU datasheet (H200 SXM: 141GB HBM3e, 4.8TB/s, same Hopper tensor rates as H100 SXM)",
  url: "https://www.nvidia.com/en-us/data-center/h200/",
  asOf: AS_OF,
};
const H200_SPEC_COPY: Source = {
  title: "H100 SXM vs H200 SXM spec table (141 GB HBM3e, 4.8 TB/s, FP8 3,958 TFLOPS with sparsity)",
  url: "https://lzwjava.github.io/nvidia-h200-gpu-specs-en",
  asOf: AS_OF,
};
const NVIDIA_HGX_B200: Source = {
  title: "NVIDIA HGX platform: HGX B200 (8 GPUs, 1.4TB HBM3e total; FP8/BF16 quoted with sparsity)",
  url: "https://www.nvidia.com/en-us/data-center/hgx/",
  asOf: AS_OF,
};
const NVIDIA_DGX_B200_GUIDE: Source = {
  title: "NVIDIA DGX B200 User Guide: 8 x B200 providing 1,440 GB total GPU memory",
  url: "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html",
  asOf: AS_OF,
};
const KLOCKWOOD_B200: Source = {
  title: "Glenn K. Lockwood: B200 (HGX B200 at 1,000 W: BF16 2250 dense / 4500 sparse, FP8 4500 / 9000)",
  url: "https://glennklockwood.com/garden/processors/B200",
  asOf: AS_OF,
};
const HPCAI_B200: Source = {
  title: "HPC-AI Tech: H200 SXM vs B200 HGX spec table (B200 HGX: 180GB HBM3e, 7.7 TB/s)",
  url: "https://hpc-ai.com/blog/B200-Practical-Considerations-for-AI-Teams",
  asOf: AS_OF,
};
const NVIDIA_A100: Source = {
  title: "NVIDIA A100 Tensor Core GPU datasheet (SXM 40GB HBM2 1,555GB/s; SXM 80GB HBM2e 2,039GB/s; BF16 312 / 624*)",
  url: "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf",
  asOf: AS_OF,
};
const KLOCKWOOD_A100: Source = {
  title: "Glenn K. Lockwood: A100 (40 GB HBM2 1.555 TB/s; 80 GB HBM2e 2.039 TB/s; BF16 312 dense)",
  url: "https://glennklockwood.com/garden/processors/A100",
  asOf: AS_OF,
};
const NVIDIA_L40S: Source = {
  title: "NVIDIA L40S datasheet (48GB GDDR6 ECC, 864GB/s, BF16 362.05 | 733*, FP8 733 | 1,466*)",
  url: "https://www.nvidia.com/en-us/data-center/l40s/",
  asOf: AS_OF,
};
const L40S_SPEC_COPY: Source = {
  title: "Reseller copy of the NVIDIA L40/L40S datasheet table (* with sparsity)",
  url: "https://www.mullet.se/product.html?product_id=355414",
  asOf: AS_OF,
};
const NVIDIA_L4: Source = {
  title: "NVIDIA L4 Tensor Core GPU datasheet (24GB GDDR6, 300GB/s, FP16/BF16 242* and FP8 485* TFLOPS, *sparse)",
  url: "https://www.nvidia.com/en-us/data-center/l4/",
  asOf: AS_OF,
};
const NVIDIA_T4: Source = {
  title: "NVIDIA T4 Tensor Core GPU datasheet (16GB GDDR6, 320+ GB/s, 65 FP16 TFLOPS mixed precision)",
  url: "https://www.nvidia.com/en-us/data-center/tesla-t4/",
  asOf: AS_OF,
};
const NVIDIA_V100: Source = {
  title: "NVIDIA V100 Tensor Core GPU datasheet (SXM2 16/32GB HBM2, 900GB/s, 125 tensor TFLOPS)",
  url: "https://www.nvidia.com/en-us/data-center/v100/",
  asOf: AS_OF,
};
const BASETEN_A10_A10G: Source = {
  title: "Baseten: NVIDIA A10 vs A10G for ML model inference (both 24GB GDDR6 at 600 GB/s; A10G 70 tensor TFLOPS vs A10 125)",
  url: "https://www.baseten.co/blog/nvidia-a10-vs-a10g-for-ml-model-inference/",
  asOf: AS_OF,
};
const NVIDIA_RTX_6000_ADA: Source = {
  title: "NVIDIA RTX 6000 Ada Generation datasheet (AD102, 48GB GDDR6 ECC, 960 GB/s, tensor 1,457 TFLOPS FP8 with sparsity)",
  url: "https://www.nvidia.com/en-us/design-visualization/rtx-6000/",
  asOf: AS_OF,
};
const RTX_6000_ADA_SPEC_COPY: Source = {
  title: "grafikkarten.com: RTX 6000 Ada vs RTX 4090 (AD102, 142 SMs, 384-bit, 960 GByte/s)",
  url: "https://www.grafikkarten.com/de/news/nvidia-rtx-6000-grafikkarte-der-ada-generation",
  asOf: AS_OF,
};
const NVIDIA_RTX_A5000: Source = {
  title: "NVIDIA RTX A5000 datasheet (GA102, 24GB GDDR6 ECC, 768 GB/s, tensor 222.2 TFLOPS with sparsity)",
  url: "https://www.nvidia.com/en-us/design-visualization/rtx-a5000/",
  asOf: AS_OF,
};
const NVIDIA_SMI_DOCS: Source = {
  title: "NVIDIA System Management Interface (nvidia-smi): memory.total query field",
  url: "https://docs.nvidia.com/deploy/nvidia-smi/index.html",
  asOf: AS_OF,
};
const VULTR_HGX_B200: Source = {
  title: "Vultr: NVIDIA HGX B200 hardware overview (179 GB usable HBM3e per GPU as seen by nvidia-smi, NV18 NVSwitch topology)",
  url: "https://docs.vultr.com/inference-cookbook/cuda/getting-started/hardware-overview",
  asOf: AS_OF,
};

const READ_2026_11_29 = "2026-11-29";
const NVIDIA_CUDA_GPUS: Source = {
  title: "NVIDIA: CUDA GPU compute capability (B300 10.3, B200 10.0, RTX PRO 6000 / 4500 Blackwell Server Edition 12.0, H100/H200 9.0, Ada 8.9)",
  url: "https://developer.nvidia.com/cuda-gpus",
  asOf: READ_2026_11_29,
};
const NVIDIA_BLACKWELL_ULTRA: Source = {
  title: "NVIDIA Technical Blog: Inside NVIDIA Blackwell Ultra (288 GB HBM3e, 8 TB/s, 15 PFLOPS dense NVFP4 per GPU)",
  url: "https://developer.nvidia.com/blog/inside-nvidia-blackwell-ultra-the-chip-powering-the-ai-factory-era",
  asOf: READ_2026_11_29,
};
const KLOCKWOOD_B300: Source = {
  title: "Glenn Lockwood: NVIDIA B300 (HGX B300 at 1.1 kW: 2.25 PF BF16, 4.5 PF FP8 dense per GPU; NVLink 5)",
  url: "https://glennklockwood.com/garden/processors/B300",
  asOf: READ_2026_11_29,
};
const NVIDIA_MIG_GPUS: Source = {
  title: "NVIDIA MIG User Guide: supported GPUs (RTX PRO 6000 Blackwell Server Edition 96 GB GB202; RTX PRO 4500 Blackwell 32 GB GB203)",
  url: "https://docs.nvidia.com/datacenter/tesla/mig-user-guide/610/supported-gpus.html",
  asOf: READ_2026_11_29,
};
const HMC_RTX_PRO_6000: Source = {
  title: "hmc-tech spec sheet: RTX PRO 6000 Blackwell (dense BF16 503.8, FP8 1,007, FP4 2,015 TFLOPS; 1,792 GB/s GDDR7)",
  url: "https://hmc-tech.com/gpu/nvidia-rtx-pro-6000-blackwell-vs-amd-radeon-pro-duo-polaris",
  asOf: READ_2026_11_29,
};
const HMC_RTX_PRO_4500: Source = {
  title: "hmc-tech spec sheet: RTX PRO 4500 Blackwell (BF16 109.9 TFLOPS with FP32 accumulate, FP8 439.5, FP4 879)",
  url: "https://hmc-tech.com/gpus/nvidia-geforce-rtx-4090-vs-nvidia-rtx-pro-4500-blackwell",
  asOf: READ_2026_11_29,
};
const EXXACT_RTX_PRO_4500: Source = {
  title: "Exxact: RTX PRO 4500 Blackwell Server Edition (32 GB GDDR7, 800 GB/s, 165 W, passive single slot)",
  url: "https://www.exxactcorp.com/blog/benchmark/nvidia-rtx-pro-4500-blackwell-llm-inference-benchmark",
  asOf: READ_2026_11_29,
};

export const GPU_MODELS: readonly GpuModel[] = [
  {
    name: "H200",
    ec2Name: "H200",
    fullName: "NVIDIA H200 Tensor Core GPU (SXM 141GB)",
    aliases: ["NVIDIA H200", "H200 SXM", "H200-SXM", "H200 141GB", "H200-141GB", "h200_141gb", "NVIDIA H200 SXM 141GB"],
    architecture: "Hopper",
    memoryGB: 141,
    // nvidia-smi memory.total on p5e/p5en-class H200 SXM. EC2 lists the marketed 141 GiB per GPU (1128 GiB / 8),
    // which is more than the card exposes, so the nvidia-smi figure is used.
    usableMemoryMiB: 143771,
    memoryType: "HBM3e",
    memoryBandwidthGBps: 4800,
    // Same GH100 tensor rates as H100 SXM: 1,979 / 3,958 TFLOPS with sparsity, halved.
    bf16Tflops: 989,
    fp8Tflops: 1979,
    computeCapability: "9.0",
    interconnect: "NVSwitch",
    // reading: not in the article's table. Priced above H100 on EC2 (p5en vs p5) and as scarce, so it sits with
    // the H100 at the top of the heavyweight tier.
    tier: "heavyweight",
    relativeCost: "Very High",
    availability: "Low",
    sources: [NVIDIA_H200, H200_SPEC_COPY, AWS_EC2_AC_SPECS, NVIDIA_SMI_DOCS, VANTAGE_EC2_PRICES, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "H100",
    ec2Name: "H100",
    fullName: "NVIDIA H100 Tensor Core GPU (SXM5 80GB)",
    aliases: [
      "NVIDIA H100",
      "H100 80GB",
      "H100-80GB",
      "h100_80gb",
      "H100 SXM",
      "H100 SXM5",
      "H100-SXM5-80GB",
      "NVIDIA H100 80GB HBM3",
    ],
    architecture: "Hopper",
    memoryGB: 80,
    // EC2 reports 81920 MiB (the marketed 80 GiB) for p5, but nvidia-smi shows 81559 MiB on H100 SXM5: about 361 MiB
    // is never available to workloads, so the nvidia-smi figure is the one that decides whether a model fits.
    usableMemoryMiB: 81559,
    memoryType: "HBM3",
    memoryBandwidthGBps: 3350,
    bf16Tflops: 989,
    fp8Tflops: 1979,
    computeCapability: "9.0",
    interconnect: "NVSwitch",
    tier: "heavyweight",
    relativeCost: "Very High",
    availability: "Low",
    sources: [NVIDIA_H100, NVIDIA_H100_COPY, KLOCKWOOD_H100, AWS_EC2_AC_SPECS, AWS_EC2_GPUINFO_API, NVIDIA_SMI_DOCS, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "B200",
    ec2Name: "B200",
    fullName: "NVIDIA B200 Tensor Core GPU (HGX B200, 180GB)",
    aliases: ["NVIDIA B200", "B200 180GB", "B200-180GB", "b200_180gb", "HGX B200", "NVIDIA HGX B200"],
    architecture: "Blackwell",
    // AWS p6-b200 is an HGX B200 board: 1,440 GB for 8 GPUs = 180 GB each (the 192 GB figure often quoted is the
    // full-stack launch figure, not what HGX/DGX B200 ship).
    memoryGB: 180,
    // nvidia-smi memory.total on HGX B200 (p6-b200 and other HGX B200 hosts): 183359 MiB = 179.06 GiB. EC2's docs list
    // 179 GiB per GPU (1432 GiB / 8), i.e. EC2 reports the real, not the marketed, size here. // unverified: exact
    // EC2 SizeInMiB not seen; 183359 is consistent with EC2's 179 GiB.
    usableMemoryMiB: 183359,
    memoryType: "HBM3e",
    // HGX B200 per-GPU figure (HPC-AI's HGX B200 table: 180 GB, 7.7 TB/s). The 8 TB/s often quoted goes with the
    // 192 GB launch specification. // unverified: 7.7 TB/s read from a secondary copy, not NVIDIA's page itself.
    memoryBandwidthGBps: 7700,
    // HGX B200 at 1,000 W: 4.5 PF BF16 and 9 PF FP8 with sparsity per GPU, halved.
    bf16Tflops: 2250,
    fp8Tflops: 4500,
    computeCapability: "10.0",
    interconnect: "NVSwitch",
    // reading: not in the article's table. p6-b200 costs about twice p5 per hour and is the scarcest of the P family,
    // so Very High cost / Low availability, the top of the scale.
    tier: "heavyweight",
    relativeCost: "Very High",
    availability: "Low",
    sources: [
      NVIDIA_HGX_B200,
      NVIDIA_DGX_B200_GUIDE,
      KLOCKWOOD_B200,
      HPCAI_B200,
      AWS_EC2_AC_SPECS,
      VULTR_HGX_B200,
      NVIDIA_SMI_DOCS,
      VANTAGE_EC2_PRICES,
      ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "B300",
    ec2Name: "B300",
    fullName: "NVIDIA B300 Tensor Core GPU (Blackwell Ultra, HGX B300, 288GB)",
    aliases: ["NVIDIA B300", "B300 288GB", "B300-288GB", "HGX B300", "NVIDIA HGX B300", "Blackwell Ultra"],
    architecture: "Blackwell",
    memoryGB: 288,
    // EC2 DescribeInstanceTypes (p6-b300): 275040 MiB per GPU (268.6 GiB). No nvidia-smi figure was found, so EC2's
    // figure stands. // unverified: nvidia-smi may show slightly less.
    usableMemoryMiB: 275040,
    memoryType: "HBM3e",
    memoryBandwidthGBps: 8000,
    // HGX B300 (1.1 kW): 2.25 PF BF16 and 4.5 PF FP8 dense per GPU (Lockwood, from NVIDIA's board figures halved).
    // No fp4Tflops: the figures for HGX B300 disagree and NVIDIA's own pages were not found in the stored sources.
    // Lockwood gives 13,125 dense (NVIDIA's HGX board figure, 105 PF for 8 GPUs); third-party quotes of NVIDIA's HGX
    // B300 datasheet give 14 PF dense per GPU; NVIDIA's 15 PF dense NVFP4 (Blackwell Ultra blog) is for the 1.4 kW
    // GB300. Nothing reads fp4Tflops yet (FP4 support is decided by compute capability).
    bf16Tflops: 2250,
    fp8Tflops: 4500,
    computeCapability: "10.3",
    interconnect: "NVSwitch",
    // reading: p6-b300 is the dearest and scarcest EC2 GPU instance.
    tier: "heavyweight",
    relativeCost: "Very High",
    availability: "Low",
    sources: [NVIDIA_BLACKWELL_ULTRA, KLOCKWOOD_B300, NVIDIA_CUDA_GPUS, KARPENTER_INSTANCE_TYPES, ARTICLE],
  },
  {
    name: "RTX-PRO-6000",
    ec2Name: "RTX PRO Server 6000",
    fullName: "NVIDIA RTX PRO 6000 Blackwell Server Edition (96GB)",
    aliases: ["RTX PRO 6000", "NVIDIA RTX PRO 6000 Blackwell", "RTX PRO 6000 Blackwell Server Edition", "RTX PRO Server 6000", "RTX-PRO-6000-Blackwell"],
    architecture: "Blackwell",
    memoryGB: 96,
    // EC2 DescribeInstanceTypes (g7e): 98304 MiB per GPU, exactly the marketed 96 GiB. // unverified: nvidia-smi figure,
    // which with ECC on GDDR7 may be lower.
    usableMemoryMiB: 98304,
    memoryType: "GDDR7",
    // 512-bit GDDR7 at 28 Gbps. // unverified: NVIDIA's Server Edition datasheet figure was not found.
    memoryBandwidthGBps: 1792,
    // Dense tensor figures at workstation clocks (hmc-tech); FP4 2,015 dense = NVIDIA's "4,000 AI TOPS" sparse.
    bf16Tflops: 503.8,
    fp8Tflops: 1007,
    fp4Tflops: 2015,
    computeCapability: "12.0",
    interconnect: "PCIe",
    // reading: 96 GB and 1.8 TB/s per card at about $3.4/h per GPU: the memory-rich workhorse (g7e), between L40S and H100.
    tier: "workhorse",
    relativeCost: "High",
    availability: "Medium",
    sources: [NVIDIA_MIG_GPUS, NVIDIA_CUDA_GPUS, HMC_RTX_PRO_6000, KARPENTER_INSTANCE_TYPES, ARTICLE],
  },
  {
    name: "RTX-PRO-4500",
    ec2Name: "RTX PRO 4500",
    fullName: "NVIDIA RTX PRO 4500 Blackwell Server Edition (32GB)",
    aliases: ["RTX PRO 4500", "NVIDIA RTX PRO 4500 Blackwell", "RTX PRO 4500 Blackwell Server Edition", "RTX-PRO-4500-Blackwell"],
    architecture: "Blackwell",
    memoryGB: 32,
    // EC2 DescribeInstanceTypes (g7): 32768 MiB per GPU. // unverified: nvidia-smi figure.
    usableMemoryMiB: 32768,
    memoryType: "GDDR7",
    memoryBandwidthGBps: 800,
    // Sources conflict: hmc-tech lists 109.9 BF16 (FP32 accumulate); scaling the PRO 6000 by tensor cores gives ~220.
    // The lower figure is used, so compute-cost never overrates it. // unverified.
    bf16Tflops: 109.9,
    fp8Tflops: 439.5,
    fp4Tflops: 879,
    computeCapability: "12.0",
    interconnect: "PCIe",
    // reading: the 32 GB Blackwell workhorse of g7; AWS publishes no price in our sources yet.
    tier: "workhorse",
    relativeCost: "Medium",
    availability: "Medium",
    sources: [NVIDIA_MIG_GPUS, NVIDIA_CUDA_GPUS, HMC_RTX_PRO_4500, EXXACT_RTX_PRO_4500, KARPENTER_INSTANCE_TYPES, ARTICLE],
  },
  {
    name: "A100-40GB",
    ec2Name: "A100",
    fullName: "NVIDIA A100 Tensor Core GPU (SXM4 40GB)",
    // A bare "A100" / "NVIDIA A100" is deliberately not an alias of either A100 row: EC2 names both the p4d and the
    // p4de GPU "A100", and the two differ in memory. Callers must say which.
    aliases: [
      "A100 40GB",
      "A100-40G",
      "a100_40gb",
      "NVIDIA A100 40GB",
      "A100 SXM4 40GB",
      "A100-SXM4-40GB",
      "NVIDIA A100-SXM4-40GB",
    ],
    architecture: "Ampere",
    memoryGB: 40,
    // EC2 lists 40 GiB (p4d: 320 GiB / 8) = 40960 MiB, the marketed size; nvidia-smi on current drivers prints the
    // same 40960 MiB (older drivers and CUDA show 40536 MiB).
    usableMemoryMiB: 40960,
    memoryType: "HBM2",
    memoryBandwidthGBps: 1555,
    bf16Tflops: 312,
    computeCapability: "8.0",
    interconnect: "NVSwitch",
    tier: "heavyweight",
    relativeCost: "High",
    availability: "Medium",
    sources: [NVIDIA_A100, KLOCKWOOD_A100, AWS_EC2_AC_SPECS, NVIDIA_SMI_DOCS, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "A100-80GB",
    ec2Name: "A100",
    fullName: "NVIDIA A100 Tensor Core GPU (SXM4 80GB)",
    aliases: [
      "A100 80GB",
      "A100-80G",
      "a100_80gb",
      "NVIDIA A100 80GB",
      "A100 SXM4 80GB",
      "A100-SXM4-80GB",
      "NVIDIA A100-SXM4-80GB",
    ],
    architecture: "Ampere",
    memoryGB: 80,
    // EC2 lists 80 GiB (p4de: 640 GiB / 8) = 81920 MiB; nvidia-smi on current drivers prints the same 81920 MiB
    // (CUDA's device query reports 81251 MiB).
    usableMemoryMiB: 81920,
    memoryType: "HBM2e",
    memoryBandwidthGBps: 2039,
    bf16Tflops: 312,
    computeCapability: "8.0",
    interconnect: "NVSwitch",
    tier: "heavyweight",
    relativeCost: "High",
    availability: "Medium",
    sources: [NVIDIA_A100, KLOCKWOOD_A100, AWS_EC2_AC_SPECS, NVIDIA_SMI_DOCS, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "L40S",
    ec2Name: "L40S",
    fullName: "NVIDIA L40S GPU (PCIe, 48GB)",
    aliases: ["NVIDIA L40S", "L40S 48GB", "L40S-48GB", "l40s_48gb"],
    architecture: "Ada Lovelace",
    memoryGB: 48,
    // EC2 DescribeInstanceTypes (g6e): 45776 MiB, the GDDR6 ECC reservation already subtracted.
    usableMemoryMiB: 45776,
    memoryType: "GDDR6",
    memoryBandwidthGBps: 864,
    bf16Tflops: 362.05,
    fp8Tflops: 733,
    computeCapability: "8.9",
    interconnect: "PCIe",
    tier: "workhorse",
    relativeCost: "Medium",
    availability: "High",
    sources: [NVIDIA_L40S, L40S_SPEC_COPY, AWS_EC2_AC_SPECS, AWS_EC2_GPUINFO_API, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "A10G",
    ec2Name: "A10G",
    fullName: "NVIDIA A10G Tensor Core GPU (24GB, AWS-specific GA102 part)",
    aliases: ["NVIDIA A10G", "A10G 24GB", "A10G-24GB", "a10g_24gb", "NVIDIA A10G Tensor Core"],
    architecture: "Ampere",
    memoryGB: 24,
    // EC2 DescribeInstanceTypes (g5): 22888 MiB.
    usableMemoryMiB: 22888,
    memoryType: "GDDR6",
    memoryBandwidthGBps: 600,
    // NVIDIA publishes no A10G datasheet. Baseten's comparison (A10G 70 TF tensor vs A10's 125 TF) is the
    // best-sourced figure; its A10 column matches the A10 datasheet. // unverified: no AWS/NVIDIA primary source.
    bf16Tflops: 70,
    // The A10G is an A10 (GA102) variant NVIDIA does not list; the A10 is 8.6.
    computeCapability: "8.6",
    interconnect: "PCIe",
    tier: "workhorse",
    relativeCost: "Medium",
    availability: "High",
    sources: [AWS_G5, BASETEN_A10_A10G, AWS_EC2_AC_SPECS, AWS_EC2_GPUINFO_API, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "RTX-6000-Ada",
    fullName: "NVIDIA RTX 6000 Ada Generation (48GB)",
    // Not "RTX 6000": that also names the Turing Quadro RTX 6000 and the Blackwell RTX PRO 6000.
    aliases: [
      "RTX 6000 Ada",
      "RTX 6000 Ada Generation",
      "NVIDIA RTX 6000 Ada Generation",
      "NVIDIA RTX 6000 Ada",
      "RTX6000 Ada",
      "RTX6000Ada",
      "rtx_6000_ada",
    ],
    architecture: "Ada Lovelace",
    memoryGB: 48,
    // Not sold on EC2: nvidia-smi memory.total (49140 MiB).
    usableMemoryMiB: 49140,
    memoryType: "GDDR6",
    memoryBandwidthGBps: 960,
    // Derived from the datasheet headline (1,457 TFLOPS = FP8 with sparsity): FP8 dense 728.5, BF16 dense 364.25
    // (full-rate FP32 accumulate on the professional part). // unverified: BF16 figure derived, not read off a datasheet.
    bf16Tflops: 364.25,
    fp8Tflops: 728.5,
    computeCapability: "8.9",
    interconnect: "PCIe",
    // reading: the article lists "RTX Ada" with the workhorses and the RTX 6000 Ada for image/video generation.
    // Cost and availability are those of its AWS equivalent (L40S), since that is what gets provisioned.
    tier: "workhorse",
    relativeCost: "Medium",
    availability: "High",
    awsEquivalent: {
      gpu: "L40S",
      why: "Same AD102 Ada Lovelace die (18,176 CUDA cores, 568 tensor cores) and the same 48 GB of GDDR6 ECC; the L40S is its data-center sibling on EC2 g6e.",
    },
    sources: [NVIDIA_RTX_6000_ADA, RTX_6000_ADA_SPEC_COPY, NVIDIA_SMI_DOCS, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "RTX-A5000",
    fullName: "NVIDIA RTX A5000 (24GB)",
    aliases: ["RTX A5000", "A5000", "NVIDIA RTX A5000", "RTXA5000", "rtx_a5000"],
    architecture: "Ampere",
    memoryGB: 24,
    // Not sold on EC2: nvidia-smi memory.total (24564 MiB).
    usableMemoryMiB: 24564,
    memoryType: "GDDR6",
    // unverified: 768 GB/s is NVIDIA's datasheet figure as commonly quoted; not read off the datasheet itself.
    memoryBandwidthGBps: 768,
    // Datasheet headline 222.2 tensor TFLOPS is with sparsity: 111.1 dense. // unverified: taken as the BF16 rate.
    bf16Tflops: 111.1,
    computeCapability: "8.6",
    interconnect: "PCIe",
    // reading: the article names the A5000 for image generation next to the RTX 6000 Ada and L4. Ranked with its
    // AWS equivalent (A10G), whose cost and availability apply since that is what gets provisioned.
    tier: "workhorse",
    relativeCost: "Medium",
    availability: "High",
    awsEquivalent: {
      gpu: "A10G",
      why: "Same GA102 Ampere die class with 24 GB of GDDR6; the A10G on EC2 g5 is the closest AWS part (600 vs 768 GB/s).",
    },
    sources: [NVIDIA_RTX_A5000, NVIDIA_SMI_DOCS, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "L4",
    ec2Name: "L4",
    fullName: "NVIDIA L4 Tensor Core GPU (24GB)",
    aliases: ["NVIDIA L4", "L4 24GB", "L4-24GB", "l4_24gb"],
    architecture: "Ada Lovelace",
    memoryGB: 24,
    // EC2 DescribeInstanceTypes (g6): 22888 MiB.
    usableMemoryMiB: 22888,
    memoryType: "GDDR6",
    memoryBandwidthGBps: 300,
    // 242 / 485 TFLOPS with sparsity, halved.
    bf16Tflops: 121,
    fp8Tflops: 242.5,
    computeCapability: "8.9",
    interconnect: "PCIe",
    tier: "edge-batch",
    relativeCost: "Low",
    availability: "Very High",
    sources: [NVIDIA_L4, AWS_EC2_AC_SPECS, AWS_EC2_GPUINFO_API, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "T4",
    ec2Name: "T4",
    fullName: "NVIDIA T4 Tensor Core GPU (16GB)",
    aliases: ["Tesla T4", "NVIDIA T4", "NVIDIA Tesla T4", "T4 16GB", "T4-16GB", "t4_16gb"],
    architecture: "Turing",
    memoryGB: 16,
    // EC2 lists the marketed 16 GiB for g4dn; nvidia-smi shows 15360 MiB (ECC on GDDR6 reserves 1/16).
    usableMemoryMiB: 15360,
    memoryType: "GDDR6",
    memoryBandwidthGBps: 320,
    // No BF16 on Turing: FP16 tensor (mixed precision), no sparsity.
    bf16Tflops: 65,
    computeCapability: "7.5",
    interconnect: "PCIe",
    tier: "edge-batch",
    relativeCost: "Low",
    availability: "Very High",
    sources: [NVIDIA_T4, AWS_EC2_AC_SPECS, NVIDIA_SMI_DOCS, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "T4G",
    ec2Name: "T4g",
    fullName: "NVIDIA T4G Tensor Core GPU (16GB, on AWS Graviton2 G5g)",
    aliases: ["NVIDIA T4G", "T4G 16GB", "T4G-16GB", "t4g_16gb", "NVIDIA T4G Tensor Core"],
    architecture: "Turing",
    memoryGB: 16,
    // EC2 lists 16 GiB for g5g; nvidia-smi on g5g.xlarge prints 15360 MiB, as on the T4.
    usableMemoryMiB: 15360,
    memoryType: "GDDR6",
    // unverified: no separate T4G datasheet; AWS describes it as the T4 for Arm hosts, so the T4's 320 GB/s and
    // 65 FP16 TFLOPS are assumed.
    memoryBandwidthGBps: 320,
    bf16Tflops: 65,
    // The T4G is the T4 (TU104) AWS pairs with Graviton; NVIDIA lists the T4 as 7.5.
    computeCapability: "7.5",
    interconnect: "PCIe",
    // reading: same silicon and price class as the T4 (edge-batch, Low cost), but G5g runs only Arm (Graviton2)
    // images and is offered in fewer places than g4dn, so availability is one step lower. Not legacy: G5g is a
    // current-generation family.
    tier: "edge-batch",
    relativeCost: "Low",
    availability: "High",
    sources: [AWS_G5G, NVIDIA_T4, AWS_EC2_AC_SPECS, NVIDIA_SMI_DOCS, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "V100",
    ec2Name: "V100",
    fullName: "NVIDIA Tesla V100 Tensor Core GPU (SXM2 16GB)",
    // 16 GB row (p3.*). p3dn.24xlarge carries the 32 GB V100 SXM2 (EC2: 8 x 32 GiB); "V100 32GB" is deliberately not an
    // alias here because this row's memory would be wrong for it.
    aliases: ["Tesla V100", "NVIDIA V100", "NVIDIA Tesla V100", "V100 16GB", "V100-SXM2-16GB", "Tesla V100-SXM2-16GB", "v100_16gb"],
    architecture: "Volta",
    memoryGB: 16,
    // EC2 lists 16 GiB for p3 (16384 MiB, the marketed size); nvidia-smi on current drivers prints the same
    // 16384 MiB (older drivers and CUDA show 16160 MiB).
    usableMemoryMiB: 16384,
    memoryType: "HBM2",
    memoryBandwidthGBps: 900,
    // No BF16 on Volta: FP16 tensor (mixed precision), no sparsity.
    bf16Tflops: 125,
    // p3.8xlarge/p3.16xlarge: NVLink 2.0 hybrid cube mesh, no NVSwitch.
    computeCapability: "7.0",
    interconnect: "NVLink",
    // reading: not in the article's table. By capability (16 GB, 900 GB/s) it serves workhorse jobs, but P3 costs
    // more per GPU-hour than G5/G6e and is listed by AWS as previous generation with shrinking capacity.
    tier: "workhorse",
    relativeCost: "High",
    availability: "Low",
    legacy: true,
    sources: [NVIDIA_V100, AWS_P3_LAUNCH, AWS_EC2_PREVIOUS_GEN_SPECS, NVIDIA_SMI_DOCS, ARTICLE, NVIDIA_CUDA_GPUS],
  },
  {
    name: "V100-32GB",
    ec2Name: "V100",
    fullName: "NVIDIA Tesla V100 Tensor Core GPU (SXM2 32GB)",
    // 32 GB row: p3dn.24xlarge (EC2: 8 x 32 GiB). Same Volta die, clocks and bandwidth as the 16 GB part.
    aliases: ["V100 32GB", "V100-SXM2-32GB", "Tesla V100-SXM2-32GB", "v100_32gb"],
    architecture: "Volta",
    memoryGB: 32,
    // EC2 lists 32 GiB per GPU for p3dn (32768 MiB, the marketed size).
    usableMemoryMiB: 32768,
    memoryType: "HBM2",
    memoryBandwidthGBps: 900,
    // No BF16 on Volta: FP16 tensor (mixed precision), no sparsity.
    bf16Tflops: 125,
    // p3.8xlarge/p3.16xlarge: NVLink 2.0 hybrid cube mesh, no NVSwitch.
    computeCapability: "7.0",
    interconnect: "NVLink",
    // reading: not in the article's table. By capability (16 GB, 900 GB/s) it serves workhorse jobs, but P3 costs
    // more per GPU-hour than G5/G6e and is listed by AWS as previous generation with shrinking capacity.
    tier: "workhorse",
    relativeCost: "High",
    availability: "Low",
    legacy: true,
    sources: [NVIDIA_V100, AWS_P3_LAUNCH, AWS_EC2_PREVIOUS_GEN_SPECS, NVIDIA_SMI_DOCS, ARTICLE, NVIDIA_CUDA_GPUS],
  },
];
