import { GpuModel } from "../../taxonomy/gpu-model";
import { GpuInterconnect } from "../../taxonomy/instance-type";
import { LanguageModelSpec } from "../../taxonomy/model-spec";
import { kvValueBytes, servedWeightBytes } from "./inference-memory";
import { tensorParallelEfficiency } from "./interconnect";
import { Precision } from "./model-usage";
import { PrecisionVerdict } from "./precision-support";
import { activeParams, kvBytesPerToken, queryWidth, weightBytesReadPerStep } from "./transformer-shapes";

/**
 * Share of peak memory bandwidth a decode step reaches (memory-bandwidth utilization). Measured at batch 1: 69% (gpt-fast,
 * Llama-3.1-8B, A100), 72% (vLLM, Llama-3.1-8B, A100-40GB), 82% (vLLM, Llama-3-8B, A10G, llmperf), ~60% (Databricks,
 * TensorRT-LLM). 0.7 keeps every estimate at or under what was measured on one GPU.
 */
const DECODE_BANDWIDTH_UTILIZATION = 0.7;
/**
 * Share of dense peak a prefill or a large-batch decode reaches: 33–66% derived from published time-to-first-token figures
 * (Databricks, TensorRT-LLM, NIM). 0.4, low in that range: with it the estimate of vLLM serving Llama-3-8B on an A10G at
 * concurrency 64 (550 prompt / 150 output tokens) lands within a few percent of the 301 tokens/s measured (llmperf, vLLM 0.4.3).
 */
const COMPUTE_UTILIZATION = 0.4;

/** What a throughput target asks of a fleet. */
export interface ThroughputTarget {
  /** Output tokens per second the fleet must produce together. */
  readonly outputTokensPerSecond: number;
  /** Tokens per second each stream must see at least (time between tokens at most 1 / this). @default no floor */
  readonly minTokensPerSecondPerStream?: number;
}

/** Tokens per second of one replica on a candidate, the replicas a target needs, and the cost per token. */
export interface ThroughputEstimate {
  /** Sequences one replica runs at once, over all its copies of the model. */
  readonly sequencesPerReplica: number;
  /** Copies of the model one replica runs (data parallel): sequencesPerReplica / copiesPerReplica run on each. */
  readonly copiesPerReplica: number;
  /** Output tokens per second of one replica, prefills included. */
  readonly outputTokensPerSecondPerReplica: number;
  /** Decode speed each stream sees between tokens. */
  readonly outputTokensPerSecondPerStream: number;
  /** Prompt tokens per second one replica prefills. */
  readonly prefillTokensPerSecond: number;
  /** What limits a decode step. */
  readonly boundBy: "memory bandwidth" | "compute";
  /** Replicas the target needs (1 without a target). */
  readonly replicas: number;
  /** On-demand USD per million output tokens of a replica at full load. */
  readonly usdPerMillionOutputTokens: number;
  /** The assumptions behind the figures, in words. */
  readonly assumptions: readonly string[];
}

/** The hardware one replica (one instance) runs on. */
export interface ReplicaHardware {
  readonly gpu: GpuModel;
  /** GPUs one copy of the model spans (its tensor-parallel size). */
  readonly gpus: number;
  /** Copies of the model the instance runs side by side (data parallel), each on `gpus` GPUs. */
  readonly copies: number;
  /** Share of each GPU the instance has (1/8 of an L4 on g6f.large). */
  readonly gpuFraction: number;
  readonly interconnect: GpuInterconnect;
  readonly usdPerInstanceHour: number;
}

/** The requests a replica serves: prompt and output lengths. */
export interface RequestShape {
  readonly promptTokens: number;
  readonly outputTokens: number;
}

/** Dense tensor TFLOPS the precision computes at: fp8 where native, else bf16/fp16. */
function peakTflops(gpu: GpuModel, verdict: PrecisionVerdict): number {
  return verdict.precision === "fp8" && verdict.support === "native" && gpu.fp8Tflops ? gpu.fp8Tflops : gpu.bf16Tflops;
}

/**
 * The roofline of one replica. A decode step takes the longer of reading the weights (the experts the batch touches, for
 * an MoE) and each sequence's KV cache at the achieved bandwidth, and computing 2 FLOPs per active parameter per sequence
 * plus attention over the context at the achieved compute. A prefill computes 2 FLOPs per active parameter per prompt
 * token. Both utilizations are below 1: never above what the hardware can do.
 */
export class Roofline {
  private readonly efficiency: number;
  private readonly bandwidth: number;
  private readonly compute: number;
  private readonly weightBytes: number;
  private readonly kvPerToken: number;

  constructor(
    readonly model: LanguageModelSpec,
    precision: Precision,
    verdict: PrecisionVerdict,
    readonly hw: ReplicaHardware,
  ) {
    this.efficiency = hw.gpus > 1 ? tensorParallelEfficiency(hw.gpus, hw.interconnect) : 1;
    this.bandwidth = hw.gpu.memoryBandwidthGBps * 1e9 * hw.gpus * hw.gpuFraction * DECODE_BANDWIDTH_UTILIZATION * this.efficiency;
    this.compute = peakTflops(hw.gpu, verdict) * 1e12 * hw.gpus * hw.gpuFraction * COMPUTE_UTILIZATION * this.efficiency;
    this.weightBytes = servedWeightBytes(model, precision);
    this.kvPerToken = kvBytesPerToken(model, kvValueBytes(precision));
  }

  /** Seconds of one decode step for `sequences` sequences whose caches hold `contextTokens` on average, and its bound. */
  decodeStep(sequences: number, contextTokens: number) {
    const bytes = weightBytesReadPerStep(this.model, this.weightBytes, sequences) + sequences * contextTokens * this.kvPerToken;
    const flops = sequences * (2 * activeParams(this.model) + 4 * this.model.layers * queryWidth(this.model) * contextTokens);
    const memory = bytes / this.bandwidth;
    const compute = flops / this.compute;
    return { seconds: Math.max(memory, compute), boundBy: memory >= compute ? ("memory bandwidth" as const) : ("compute" as const) };
  }

  /** Prompt tokens per second. */
  prefillTokensPerSecond(): number {
    return this.compute / (2 * activeParams(this.model));
  }

  /** The ideal: every byte at peak bandwidth, nothing else. A ceiling estimates never cross. */
  ceilingTokensPerSecondPerStream(contextTokens: number): number {
    const peak = this.hw.gpu.memoryBandwidthGBps * 1e9 * this.hw.gpus * this.hw.gpuFraction;
    return peak / (weightBytesReadPerStep(this.model, this.weightBytes, 1) + contextTokens * this.kvPerToken);
  }

  tensorParallelEfficiency(): number {
    return this.efficiency;
  }
}

/**
 * Throughput of one replica running `sequences` requests at a time: each request's prompt is prefilled, then its output
 * decoded; output tokens per second count both. With a target, the replica runs as many sequences as its memory holds and
 * the stream floor allows, and the fleet is sized.
 */
export function estimateThroughput(
  roofline: Roofline,
  shape: RequestShape,
  sequences: { readonly given: number; readonly fit: number },
  target: ThroughputTarget | undefined,
): ThroughputEstimate | { readonly miss: string } {
  const averageContext = shape.promptTokens + shape.outputTokens / 2;
  const speed = (batch: number) => 1 / roofline.decodeStep(batch, averageContext).seconds;
  let batch = target ? sequences.fit : sequences.given;
  const floor = target?.minTokensPerSecondPerStream;
  if (floor !== undefined) {
    if (speed(1) < floor) return { miss: `${round1(speed(1))} tokens/s per stream at most, below the ${floor} asked (throughput.minTokensPerSecondPerStream)` };
    // Per-stream speed falls as the batch grows: the largest batch that keeps the floor.
    let low = 1;
    let high = batch;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (speed(mid) >= floor) low = mid;
      else high = mid - 1;
    }
    batch = low;
  }
  const step = roofline.decodeStep(batch, averageContext);
  const prefill = roofline.prefillTokensPerSecond();
  const cycleSeconds = (batch * shape.promptTokens) / prefill + shape.outputTokens * step.seconds;
  const hw = roofline.hw;
  const perReplica = (hw.copies * batch * shape.outputTokens) / cycleSeconds;
  const replicas = target ? Math.ceil(target.outputTokensPerSecond / perReplica) : 1;
  const tp = roofline.tensorParallelEfficiency();
  return {
    sequencesPerReplica: hw.copies * batch,
    copiesPerReplica: hw.copies,
    outputTokensPerSecondPerReplica: round1(perReplica),
    outputTokensPerSecondPerStream: round1(1 / step.seconds),
    prefillTokensPerSecond: Math.round(hw.copies * prefill),
    boundBy: step.boundBy,
    replicas,
    // At full load: one replica's hour over the tokens it produces in that hour.
    usdPerMillionOutputTokens: Math.round((hw.usdPerInstanceHour / (perReplica * 3600)) * 1e6 * 1000) / 1000,
    assumptions: [
      `requests of ${shape.promptTokens} prompt + ${shape.outputTokens} output tokens (usage.outputTokens); each prompt prefilled at ${Math.round(prefill)} tokens/s, then decoded`,
      `decode roofline: weights${roofline.model.moe ? " (the experts a step's tokens touch)" : ""} and ${batch} × ${Math.round(averageContext)} tokens of KV cache read per step at ${DECODE_BANDWIDTH_UTILIZATION * 100}% of ${round1(hw.gpu.memoryBandwidthGBps * hw.gpus * hw.gpuFraction)} GB/s` +
        (hw.gpus > 1 ? `, tensor parallel over ${hw.gpus} GPUs on ${hw.interconnect} at ${Math.round(tp * 100)}% scaling` : ""),
      `compute at ${COMPUTE_UTILIZATION * 100}% of dense peak`,
      ...(hw.copies > 1 ? [`${hw.copies} copies of the model per replica, each on ${hw.gpus} GPU${hw.gpus > 1 ? "s" : ""}, side by side (data parallel)`] : []),
      target
        ? `${batch} sequences per replica (what memory holds${floor !== undefined ? ` and the ${floor} tokens/s stream floor allows` : ""}); ${replicas} replica(s) for ${target.outputTokensPerSecond} output tokens/s`
        : `${batch} sequence(s) in flight (usage.concurrency)`,
    ],
  };
}

/** One decimal: how tokens per second, GB/s and GiB are shown. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
