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
 * well-configured run reaches, by memory and links. Published figures:
 * - HBM GPUs over NVLink/NVSwitch, FSDP: 38–43% (Llama 3 paper, 16K H100s, §3.3.4), 33–39% (torchtitan on H100),
 *   ≈28% for Llama 3.1 8B at 8K tokens on 8×H100 (torchtitan: 5,762 tokens/s per GPU), 40.6% for an 8B LoRA on one H100
 *   (NVIDIA NeMo AutoModel, 402 TFLOPS, counted as 4N): 0.35, the middle, so small models are not promised 8B-scale
 *   speed-ups they rarely reach.
 * - GDDR GPUs (A10G, L4, L40S, RTX): memory-bound kernels weigh more; 22–43% for GPT-2 on an A10 (llm.c, by clock),
 *   12–25% on an L40S in Hugging Face PEFT's benchmark runs (short sequences): 0.25.
 * - PCIe between GPUs: sharded training's all-gathers halve it (InternLM: 93 vs 188 TFLOPS per A100, PCIe vs NVLink): × 0.5.
 * - Between instances: EFA at 400 Gbps and more keeps ~90% (Llama 3: 43% at 8K GPUs, 38% at 16K): × 0.9; slower links
 *   stall on every gradient exchange: × 0.25 (an assumption, no public measurement found).
 */
export const MFU = { hbm: 0.35, gddr: 0.25, pcieFactor: 0.5, fastClusterFactor: 0.9, slowClusterFactor: 0.25 } as const;

export function trainingMfu(gpu: GpuModel, p: Parallelism, minClusterGbps = DEFAULT_MIN_CLUSTER_NETWORK_GBPS): { readonly mfu: number; readonly links: string } {
  let mfu = gpu.memoryType.startsWith("HBM") ? MFU.hbm : MFU.gddr;
  const links: string[] = [gpu.memoryType.startsWith("HBM") ? "HBM" : "GDDR memory"];
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
