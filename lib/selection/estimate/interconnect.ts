import { GpuModel } from "../../taxonomy/gpu-model";
import { GpuInterconnect } from "../../taxonomy/instance-type";

/** The links a run's GPUs share: within one instance, and between instances. */
export interface Parallelism {
  /** GPUs of one instance the run uses. */
  readonly gpusPerNode: number;
  readonly nodes: number;
  /** Link between one instance's GPUs. */
  readonly intraNode: GpuInterconnect;
  /** Peak network bandwidth of one instance, Gbps (EFA where it has it). */
  readonly networkGbps: number;
}

/** Below this, nodes of a training or fine-tuning run are not joined unless the user lowers minClusterNetworkGbps (p4d's 400 Gbps EFA and up). */
export const DEFAULT_MIN_CLUSTER_NETWORK_GBPS = 400;

/**
 * Model FLOPs utilization (6N per token for full training, 4N for LoRA, against the GPU's dense BF16 peak) a
 * well-configured BF16 run reaches, by GPU generation, memory and links. Published figures:
 * - Hopper (H100, H200), FSDP: 38–43% (Llama 3 paper, 16K H100s, §3.3.4), 33–39% (torchtitan on H100), ≈28% for
 *   Llama 3.1 8B at 8K tokens on 8×H100 (torchtitan: 5,762 tokens/s per GPU), 37–46% for MPT 7B–70B (llm-foundry,
 *   H100 80GB), 40.6% for an 8B LoRA on one H100 (NVIDIA NeMo AutoModel, 402 TFLOPS, counted as 4N): 0.35, the middle,
 *   so small models are not promised 8B-scale speed-ups they rarely reach. H200 has H100's peak; no BF16 run of its own
 *   was found, so it shares the figure.
 * - Ampere (A100): the same llm-foundry runs reach 44–64% on A100s (MPT-7B 64.2% on 8×A100-80GB, 46.4% on 8×H100):
 *   ≈1.3× Hopper's share of a peak a third as high, so 0.45.
 * - Blackwell (B200, B300): NeMo's Llama 3 8B pre-training on 8 GPUs makes 29,994 tokens/s per B200 against 14,079 per
 *   H100 (Megatron-Bridge performance summary, 25.09), 2.13× for a peak 2.28× higher: 0.94 × Hopper's, so 0.33.
 * - GDDR GPUs (A10G, L4, L40S, RTX): memory-bound kernels weigh more; 22–43% for GPT-2 on an A10 (llm.c, by clock),
 *   12–25% on an L40S in Hugging Face PEFT's benchmark runs (short sequences): 0.25.
 * - PCIe between GPUs: sharded training's all-gathers halve it (InternLM: 93 vs 188 TFLOPS per A100, PCIe vs NVLink): × 0.5.
 * - Between instances: EFA at 400 Gbps and more keeps ~90% (Llama 3: 43% at 8K GPUs, 38% at 16K): × 0.9; slower links
 *   stall on every gradient exchange: × 0.25 (an assumption, no public measurement found).
 * - FP8 matmuls (usage.fp8Training: Transformer Engine, torchao float8) on GPUs with FP8 tensor cores: torchtitan
 *   measured 8,532 against 6,667 tokens/s per H100 for Llama 3.1 8B (1.28×) and 942 against 652 for 70B (1.44×): × 1.3.
 * Sources (read 2026-12-07):
 * - torchtitan benchmarks: https://github.com/pytorch/torchtitan/blob/820504e20d1149fbf0b98c567af24c4b0433b22d/benchmarks/llama3_h100_202412_torchtitan.md
 * - llm-foundry MPT benchmarks: https://github.com/mosaicml/llm-foundry/blob/495218376830947dce625efabc4d86be7c47cc45/scripts/train/benchmarking/README.md
 * - Megatron-Bridge performance summary 25.09: https://github.com/NVIDIA-NeMo/Megatron-Bridge/blob/fa0315ae2684693a666be9d247adf9baf1e30028/docs/performance-summary.md
 * - The Llama 3 Herd of Models, Table 4: https://arxiv.org/abs/2407.21783
 */
export const MFU = {
  ampere: 0.45,
  hopper: 0.35,
  blackwell: 0.33,
  otherHbm: 0.35,
  gddr: 0.25,
  pcieFactor: 0.5,
  fastClusterFactor: 0.9,
  slowClusterFactor: 0.25,
  fp8Factor: 1.3,
} as const;

/** FP8 tensor cores: Ada (8.9), Hopper (9.0) and Blackwell. */
export const FP8_TRAINING_COMPUTE_CAPABILITY = 8.9;

/** The BF16 MFU of one GPU before links: its generation's for HBM GPUs, the GDDR figure for the rest. */
function baseMfu(gpu: GpuModel): { readonly mfu: number; readonly words: string } {
  if (!gpu.memoryType.startsWith("HBM")) return { mfu: MFU.gddr, words: "GDDR memory" };
  const cc = Number(gpu.computeCapability);
  if (cc >= 10) return { mfu: MFU.blackwell, words: "Blackwell HBM" };
  if (cc >= 9) return { mfu: MFU.hopper, words: "Hopper HBM" };
  if (cc >= 8) return { mfu: MFU.ampere, words: "Ampere HBM" };
  return { mfu: MFU.otherHbm, words: "HBM" };
}

export function trainingMfu(
  gpu: GpuModel,
  p: Parallelism,
  minClusterGbps = DEFAULT_MIN_CLUSTER_NETWORK_GBPS,
  fp8 = false,
): { readonly mfu: number; readonly links: string } {
  const base = baseMfu(gpu);
  let mfu = base.mfu;
  const links: string[] = [base.words];
  if (fp8) {
    const native = Number(gpu.computeCapability) >= FP8_TRAINING_COMPUTE_CAPABILITY;
    if (native) mfu *= MFU.fp8Factor;
    links.push(native ? `FP8 matmuls × ${MFU.fp8Factor}` : `no FP8 tensor cores (compute capability ${gpu.computeCapability}): BF16 speed`);
  }
  if (p.gpusPerNode > 1) {
    if (p.intraNode === "PCIe") {
      mfu *= MFU.pcieFactor;
      links.push(`${p.gpusPerNode} GPUs on PCIe`);
    } else {
      links.push(`${p.gpusPerNode} GPUs on ${p.intraNode}`);
    }
  }
  if (p.nodes > 1) {
    const fast = p.networkGbps >= minClusterGbps;
    mfu *= fast ? MFU.fastClusterFactor : MFU.slowClusterFactor;
    links.push(`${p.nodes} nodes over ${p.networkGbps} Gbps`);
  }
  return { mfu, links: links.join(", ") };
}
