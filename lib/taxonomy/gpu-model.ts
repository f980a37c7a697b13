import { Source } from "./source";

/** Canonical short names of the GPUs the taxonomy knows. */
export type GpuName =
  | "H200"
  | "H100"
  | "B200"
  | "B300"
  | "RTX-PRO-6000"
  | "RTX-PRO-4500"
  | "A100-40GB"
  | "A100-80GB"
  | "L40S"
  | "A10G"
  | "RTX-6000-Ada"
  | "RTX-A5000"
  | "L4"
  | "T4"
  | "T4G"
  | "V100"
  | "V100-32GB";

/** The article's three tiers. */
export type GpuTier = "heavyweight" | "workhorse" | "edge-batch";

/** The article's relative-cost and availability scale. */
export type RelativeLevel = "Low" | "Medium" | "High" | "Very High";

/** NVIDIA GPU architecture (generation) of a GPU. */
export type GpuArchitecture = "Volta" | "Turing" | "Ampere" | "Ada Lovelace" | "Hopper" | "Blackwell";

/** Kind of GPU memory: HBM (stacked beside the die, the highest bandwidth) or GDDR. */
export type GpuMemoryType = "HBM2" | "HBM2e" | "HBM3" | "HBM3e" | "GDDR6" | "GDDR7";

/** Every {@link GpuTier}, {@link GpuArchitecture} and {@link GpuMemoryType}: what a custom GPU row is checked against. */
export const GPU_TIERS: readonly GpuTier[] = ["heavyweight", "workhorse", "edge-batch"];
/** See {@link GPU_TIERS}. */
export const GPU_ARCHITECTURES: readonly GpuArchitecture[] = ["Volta", "Turing", "Ampere", "Ada Lovelace", "Hopper", "Blackwell"];
/** See {@link GPU_TIERS}. */
export const GPU_MEMORY_TYPES: readonly GpuMemoryType[] = ["HBM2", "HBM2e", "HBM3", "HBM3e", "GDDR6", "GDDR7"];

/** For GPUs AWS does not sell: what to use instead, and why. */
export interface AwsEquivalent {
  /** The GPU AWS sells in its place. */
  readonly gpu: GpuName;
  /** Why it stands in, in one sentence. */
  readonly why: string;
}

/** One NVIDIA GPU: its specs, tier, relative cost and the sources of every figure. */
export interface GpuModel {
  /** Canonical short name, e.g. "H100"; what requirements and instance rows refer to. */
  readonly name: GpuName;
  /** The vendor's full product name, e.g. "NVIDIA H100 Tensor Core GPU (SXM5 80GB)". */
  readonly fullName: string;
  /**
   * The name EC2 DescribeInstanceTypes reports (GpuInfo.Gpus[].Name; both A100 sizes are "A100", Graviton's is "T4g"),
   * which the plan-time drift guard compares case-insensitively. Unset for GPUs AWS does not sell.
   */
  readonly ec2Name?: string;
  /** Other spellings users type ("NVIDIA A10G", "a100-80gb", "A100 80GB"). Compared case-insensitively. */
  readonly aliases: readonly string[];
  /** Architecture (generation), e.g. "Hopper". */
  readonly architecture: GpuArchitecture;
  /** Marketed memory size in GB (A10G = 24, H100 = 80). */
  readonly memoryGB: number;
  /**
   * Memory usable by a workload in MiB, as the EC2 API reports it
   * (DescribeInstanceTypes GpuInfo.Gpus[].MemoryInfo.SizeInMiB); nvidia-smi where EC2 reports the marketed size.
   */
  readonly usableMemoryMiB: number;
  /** Memory technology, e.g. "HBM3". */
  readonly memoryType: GpuMemoryType;
  /** Peak memory bandwidth in GB/s (vendor datasheet). */
  readonly memoryBandwidthGBps: number;
  /** Dense (no sparsity) BF16 tensor TFLOPS; FP16 tensor for GPUs without BF16 (Volta, Turing). */
  readonly bf16Tflops: number;
  /** Dense FP8 tensor TFLOPS, where the GPU supports FP8. */
  readonly fp8Tflops?: number;
  /** Dense FP4 tensor TFLOPS, where the GPU supports FP4 (Blackwell) and a sourced figure is known. */
  readonly fp4Tflops?: number;
  /**
   * CUDA compute capability ("8.6"): what the GPU can run natively (BF16 from 8.0, FP8 from 8.9, FP4 from 10.0).
   * Source: NVIDIA's CUDA GPUs table (developer.nvidia.com/cuda-gpus), as of 2026-11-29.
   */
  readonly computeCapability: string;
  /** GPU-to-GPU link of the form factor AWS ships ("NVLink"/"NVSwitch" for SXM parts, else "PCIe"). */
  readonly interconnect: "NVLink" | "NVSwitch" | "PCIe";
  /** Tier: heavyweight, workhorse or edge-batch. */
  readonly tier: GpuTier;
  /** The article's relative cost (its comparison table; our reading for GPUs it does not tabulate). */
  readonly relativeCost: RelativeLevel;
  /** The article's availability. */
  readonly availability: RelativeLevel;
  /** Set only for GPUs AWS does not sell. */
  readonly awsEquivalent?: AwsEquivalent;
  /** Marks GPUs kept for existing fleets but never chosen unless asked for. */
  readonly legacy?: boolean;
  /** Where the figures come from, each with the day it was read. */
  readonly sources: readonly Source[];
}
