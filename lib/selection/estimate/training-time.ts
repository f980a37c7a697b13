import { round2 } from "../../plan/money";
import { GpuModel } from "../../taxonomy/gpu-model";
import { LanguageModelSpec } from "../../taxonomy/model-spec";
import { Parallelism, trainingMfu } from "./interconnect";
import { activeParams } from "./transformer-shapes";

/** How long a fine-tune or training run of `trainingTokens` takes on a candidate, and what it costs. */
export interface JobEstimate {
  /** Tokens the run processes (epochs × dataset tokens), as asked. */
  readonly trainingTokens: number;
  /** FLOPs per token counted: 6N full, 4N LoRA (N: active parameters). */
  readonly flopsPerToken: number;
  /** Model FLOPs utilization assumed: the share of the GPUs' dense BF16 peak the run reaches (0.35 on HBM GPUs, 0.25 on GDDR; less over PCIe or between nodes). */
  readonly mfu: number;
  /** Wall-clock hours of the run on all nodes. */
  readonly hours: number;
  /** On-demand USD for the whole run, all nodes. */
  readonly usdPerJob: number;
  /** The assumptions behind the figures, in words. */
  readonly assumptions: readonly string[];
}

/**
 * FLOPs per token per active parameter: 6 for full training (2 forward, 4 backward; Kaplan et al. 2020, Transformer Math
 * 101); 4 for LoRA, whose frozen weights need no weight gradients (NVIDIA NeMo AutoModel counts (2 + lora/frozen)/3 × 6N;
 * the LoRA paper measured 1.33× full fine-tuning's speed). Recomputation with checkpointing is in the MFU, as published.
 */
export const FLOPS_PER_TOKEN_PER_PARAM = { full: 6, lora: 4 } as const;

export function estimateJob(
  m: LanguageModelSpec,
  mode: "lora" | "full",
  trainingTokens: number,
  gpu: GpuModel,
  gpuFraction: number,
  parallelism: Parallelism,
  onDemandUsdPerHour: number,
  minClusterGbps?: number,
): JobEstimate {
  const flopsPerToken = Math.round(FLOPS_PER_TOKEN_PER_PARAM[mode] * activeParams(m));
  const { mfu, links } = trainingMfu(gpu, parallelism, minClusterGbps);
  const gpus = parallelism.gpusPerNode * parallelism.nodes * gpuFraction;
  const seconds = (flopsPerToken * trainingTokens) / (gpus * gpu.bf16Tflops * 1e12 * mfu);
  const hours = seconds / 3600;
  return {
    trainingTokens,
    flopsPerToken,
    mfu,
    hours: round2(hours),
    usdPerJob: round2(hours * onDemandUsdPerHour),
    assumptions: [
      `${FLOPS_PER_TOKEN_PER_PARAM[mode]} × ${(activeParams(m) / 1e9).toFixed(2)} B FLOPs per token (${mode === "full" ? "full training" : "LoRA: no weight gradients for frozen weights"}) × ${trainingTokens.toExponential(2)} tokens`,
      `${Math.round(mfu * 100)}% MFU of ${gpus} × ${gpu.bf16Tflops} dense BF16 TFLOPS (${links})`,
      "on-demand price of every node for the whole run; data loading, evaluation and checkpoints not counted",
    ],
  };
}
