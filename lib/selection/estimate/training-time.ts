import { round2 } from "../../plan/money";
import { GpuModel } from "../../taxonomy/gpu-model";
import { LanguageModelSpec } from "../../taxonomy/model-spec";
import { Parallelism, trainingMfu } from "./interconnect";
import { jobStartSeconds } from "./start-up";
import { activeParams } from "./transformer-shapes";

/** How long a fine-tune or training run of `trainingTokens` takes on a candidate, and what it costs. */
export interface JobEstimate {
  /** Tokens the run processes (epochs × dataset tokens), as asked. */
  readonly trainingTokens: number;
  /** FLOPs per token counted: 6N full, 4N LoRA (N: active parameters). */
  readonly flopsPerToken: number;
  /** Model FLOPs utilization assumed: the share of the GPUs' dense BF16 peak the run reaches (by GPU generation; less over PCIe or between nodes; more with FP8 matmuls). */
  readonly mfu: number;
  /** Hours before the first step (boot, container image, weights), paid by every run and counted in `hours`. */
  readonly startHours: number;
  /** Wall-clock hours of the run on all nodes, start included. */
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

/** What the run is and what it runs on, beyond the model. */
export interface JobSetup {
  readonly mode: "lora" | "full";
  readonly trainingTokens: number;
  readonly gpu: GpuModel;
  readonly gpuFraction: number;
  readonly parallelism: Parallelism;
  /** On-demand USD an hour of every node. */
  readonly onDemandUsdPerHour: number;
  /** GiB of weights every node downloads before it starts. */
  readonly weightsGiB: number;
  readonly minClusterGbps?: number;
  /** FP8 matmuls (usage.fp8Training). */
  readonly fp8?: boolean;
}

export function estimateJob(m: LanguageModelSpec, s: JobSetup): JobEstimate {
  const flopsPerToken = Math.round(FLOPS_PER_TOKEN_PER_PARAM[s.mode] * activeParams(m));
  const { mfu, links } = trainingMfu(s.gpu, s.parallelism, s.minClusterGbps, s.fp8);
  const gpus = s.parallelism.gpusPerNode * s.parallelism.nodes * s.gpuFraction;
  const stepSeconds = (flopsPerToken * s.trainingTokens) / (gpus * s.gpu.bf16Tflops * 1e12 * mfu);
  const startSeconds = jobStartSeconds(s.weightsGiB);
  const hours = (stepSeconds + startSeconds) / 3600;
  return {
    trainingTokens: s.trainingTokens,
    flopsPerToken,
    mfu,
    startHours: round2(startSeconds / 3600),
    hours: round2(hours),
    usdPerJob: round2(hours * s.onDemandUsdPerHour),
    get assumptions() {
      return [
        `${FLOPS_PER_TOKEN_PER_PARAM[s.mode]} × ${(activeParams(m) / 1e9).toFixed(2)} B FLOPs per token (${s.mode === "full" ? "full training" : "LoRA: no weight gradients for frozen weights"}) × ${s.trainingTokens.toExponential(2)} tokens`,
        `${Math.round(mfu * 100)}% MFU of ${gpus} × ${s.gpu.bf16Tflops} dense BF16 TFLOPS (${links})`,
        `${Math.round(startSeconds / 60)} min before the first step on every run: boot, a 30 GiB image, ${Math.ceil(s.weightsGiB)} GiB of weights`,
        "on-demand price of every node for the whole run; data loading, evaluation and checkpoints not counted",
      ];
    },
  };
}
