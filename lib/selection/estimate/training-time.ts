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

/** How fast a run goes on its hardware, whatever its length and price: selection keeps it across decisions. */
export interface JobSpeed {
  readonly flopsPerToken: number;
  readonly mfu: number;
  /** Seconds of training steps per token processed. */
  readonly secondsPerToken: number;
  /** Seconds before the first step. */
  readonly startSeconds: number;
  /** The words of the FLOPs, the MFU and the start, without the token count. */
  readonly words: { readonly flops: string; readonly mfu: string; readonly start: string };
}

export function estimateJob(m: LanguageModelSpec, s: JobSetup): JobEstimate {
  return jobAt(jobSpeed(m, s), s.trainingTokens, s.onDemandUsdPerHour);
}

/** The speed of a run of `m` on the setup's hardware (its tokens and price are not read). */
export function jobSpeed(m: LanguageModelSpec, s: Omit<JobSetup, "trainingTokens" | "onDemandUsdPerHour">): JobSpeed {
  const active = activeParams(m);
  const flopsPerToken = Math.round(FLOPS_PER_TOKEN_PER_PARAM[s.mode] * active);
  const { mfu, links } = trainingMfu(s.gpu, s.parallelism, s.minClusterGbps, s.fp8);
  const gpus = s.parallelism.gpusPerNode * s.parallelism.nodes * s.gpuFraction;
  const startSeconds = jobStartSeconds(s.weightsGiB);
  return {
    flopsPerToken,
    mfu,
    secondsPerToken: flopsPerToken / (gpus * s.gpu.bf16Tflops * 1e12 * mfu),
    startSeconds,
    words: {
      flops: `${FLOPS_PER_TOKEN_PER_PARAM[s.mode]} × ${(active / 1e9).toFixed(2)} B FLOPs per token (${s.mode === "full" ? "full training" : "LoRA: no weight gradients for frozen weights"})`,
      mfu: `${Math.round(mfu * 100)}% MFU of ${gpus} × ${s.gpu.bf16Tflops} dense BF16 TFLOPS (${links})`,
      start: `${Math.round(startSeconds / 60)} min before the first step on every run: boot, a 30 GiB image, ${Math.ceil(s.weightsGiB)} GiB of weights`,
    },
  };
}

/** A run of `trainingTokens` at this speed, its nodes costing `onDemandUsdPerHour` together. */
export function jobAt(speed: JobSpeed, trainingTokens: number, onDemandUsdPerHour: number): JobEstimate {
  return new JobAt(speed, trainingTokens, onDemandUsdPerHour);
}

/** A JobEstimate whose words are written when read (a decision builds one per candidate; few are read). */
class JobAt implements JobEstimate {
  readonly trainingTokens: number;
  readonly flopsPerToken: number;
  readonly mfu: number;
  readonly startHours: number;
  readonly hours: number;
  readonly usdPerJob: number;
  readonly #speed: JobSpeed;

  constructor(speed: JobSpeed, trainingTokens: number, onDemandUsdPerHour: number) {
    const hours = (speed.secondsPerToken * trainingTokens + speed.startSeconds) / 3600;
    this.trainingTokens = trainingTokens;
    this.flopsPerToken = speed.flopsPerToken;
    this.mfu = speed.mfu;
    this.startHours = round2(speed.startSeconds / 3600);
    this.hours = round2(hours);
    this.usdPerJob = round2(hours * onDemandUsdPerHour);
    this.#speed = speed;
  }

  get assumptions(): readonly string[] {
    const words = this.#speed.words;
    return [
      `${words.flops} × ${this.trainingTokens.toExponential(2)} tokens`,
      words.mfu,
      words.start,
      "on-demand price of every node for the whole run; data loading, evaluation and checkpoints not counted",
    ];
  }

  toJSON(): JobEstimate {
    return { ...this, assumptions: this.assumptions };
  }
}
