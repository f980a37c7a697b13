import { GpuModel } from "../../taxonomy/gpu-model";
import { GpuInterconnect } from "../../taxonomy/instance-type";
import { LanguageModelSpec } from "../../taxonomy/model-spec";
import { kvValueBytes, servedWeightBytes } from "./inference-memory";
import { Precision } from "./model-usage";
import { PrecisionVerdict } from "./precision-support";
import { activeParams, attendedTokens, kvBytesPerSequence, kvHeadsPerGpu, queryWidth, weightBytesReadPerStep } from "./transformer-shapes";
import { ServingEngine } from "./engines/serving-engine";
import { VLLM_ENGINE } from "./engines/vllm";

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
  /** GPUs each copy spans (tensor parallel). */
  readonly tensorParallelSize: number;
  /** Output tokens per second of one replica, prefills included. */
  readonly outputTokensPerSecondPerReplica: number;
  /** Decode speed each stream sees between tokens. */
  readonly outputTokensPerSecondPerStream: number;
  /** Prompt tokens per second one replica prefills. */
  readonly prefillTokensPerSecond: number;
  /** Seconds to prefill one prompt on an idle copy: the time to first token before any queueing. */
  readonly timeToFirstTokenSeconds: number;
  /** What limits a decode step. */
  readonly boundBy: "memory bandwidth" | "compute";
  /** Replicas the target needs (1 without a target). */
  readonly replicas: number;
  /**
   * USD per million output tokens at the purchase option's price: the fleet's hour over the tokens it makes in that hour
   * at the target's load, or without a target a busy replica's (every sequence its memory holds).
   */
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

/** Dense tensor TFLOPS the precision computes at: fp8 where native, else bf16/fp16 (int4 and fp8 weight-only dequantize to 16-bit). */
export function peakTflops(gpu: GpuModel, verdict: PrecisionVerdict): number {
  if (verdict.support !== "native") return gpu.bf16Tflops;
  if (verdict.precision === "fp4") return gpu.fp4Tflops ?? gpu.fp8Tflops ?? gpu.bf16Tflops;
  return verdict.precision === "fp8" && gpu.fp8Tflops ? gpu.fp8Tflops : gpu.bf16Tflops;
}

/**
 * Share of the 16-bit math a weight-only format keeps: its GEMMs dequantize every weight tile before the multiply.
 * Marlin-class kernels (compute capability 8.0+) stay near 16-bit speed on large batches; the older AWQ/GPTQ kernels
 * (Turing) reach about half (vLLM's quantization docs; Frantar et al., "MARLIN", 2024: near-ideal speed-up to batch
 * 16–32, then 16-bit speed).
 */
function dequantFactor(verdict: PrecisionVerdict): number {
  if (verdict.precision === "int4") return verdict.support === "native" ? 0.85 : 0.5;
  return verdict.support === "weight-only" ? 0.85 : 1;
}

/** NVLink bandwidth per GPU and direction by generation (NVIDIA: NVLink 2/3/4/5 = 150/300/450/900 GB/s); PCIe Gen4 x16 ≈ 25 GB/s achieved. */
const LINK_GBPS: Readonly<Record<string, number>> = { Volta: 150, Ampere: 300, Hopper: 450, Blackwell: 900 };
const PCIE_GBPS = 25;

function linkBytesPerSecond(gpu: GpuModel, link: GpuInterconnect): number {
  return (link === "PCIe" ? PCIE_GBPS : (LINK_GBPS[gpu.architecture] ?? PCIE_GBPS)) * 1e9;
}

/**
 * The roofline of one copy of the model on its GPUs, with what real engines add. A decode step takes the longer of
 * reading the weights (the experts the batch touches, for an MoE) and each sequence's KV cache at the engine's achieved
 * bandwidth, and computing 2 FLOPs per active parameter per sequence plus attention over the context (GEMM efficiency
 * grows with the batch); then tensor parallelism's two all-reduces per layer (a fixed latency each, plus the batch's
 * hidden states over the link), and the engine's per-step overhead. A prefill computes 2 FLOPs per active parameter per
 * prompt token plus causal attention (2 · layers · query width · prompt²). Every share of a peak is below 1.
 */
export class Roofline {
  private readonly bandwidth: number;
  private readonly compute: number;
  private readonly weightBytes: number;
  private readonly kvHeads: number;
  private readonly link: number;

  constructor(
    readonly model: LanguageModelSpec,
    precision: Precision,
    verdict: PrecisionVerdict,
    readonly hw: ReplicaHardware,
    readonly engine: ServingEngine = VLLM_ENGINE,
    readonly kvBytesPerValue: number = kvValueBytes(precision),
  ) {
    const share = hw.gpuFraction;
    this.bandwidth = hw.gpu.memoryBandwidthGBps * 1e9 * share * engine.speed.bandwidthUtilization;
    this.compute = peakTflops(hw.gpu, verdict) * 1e12 * share * engine.speed.computeUtilization * dequantFactor(verdict);
    this.weightBytes = servedWeightBytes(model, precision);
    this.kvHeads = kvHeadsPerGpu(model, hw.gpus);
    this.link = linkBytesPerSecond(hw.gpu, hw.interconnect);
  }

  /** Seconds of tensor parallelism's all-reduces for `tokens` tokens through every layer (two per layer, one round). */
  private allReduceSeconds(tokens: number): number {
    const t = this.hw.gpus;
    if (t <= 1) return 0;
    const bytes = ((2 * (t - 1)) / t) * tokens * this.model.hiddenSize * 2;
    return 2 * this.model.layers * (this.engine.speed.allReduceLatencySeconds[this.hw.interconnect] + bytes / this.link);
  }

  /** Seconds of one decode step for `sequences` sequences whose caches hold `contextTokens` on average, and its bound. */
  decodeStep(sequences: number, contextTokens: number) {
    const t = this.hw.gpus;
    const speed = this.engine.speed;
    const bytes = weightBytesReadPerStep(this.model, this.weightBytes, sequences) / t + sequences * this.kvBytesPerSequencePerGpu(contextTokens);
    const gemmEfficiency = sequences / (sequences + speed.halfEfficiencyTokens);
    const gemm = (2 * activeParams(this.model) * sequences) / t / (this.compute * gemmEfficiency);
    const attention = (4 * attendedTokens(this.model, contextTokens) * queryWidth(this.model) * sequences) / t / this.compute;
    const memory = bytes / this.bandwidth;
    const compute = gemm + attention;
    const overhead = speed.stepOverheadSeconds + this.model.layers * speed.layerOverheadSeconds + this.allReduceSeconds(sequences);
    return { seconds: Math.max(memory, compute) + overhead, boundBy: memory >= compute ? ("memory bandwidth" as const) : ("compute" as const) };
  }

  /** Seconds to prefill one prompt of `promptTokens` on an otherwise idle copy: the time to its first token. */
  prefillSeconds(promptTokens: number): number {
    const t = this.hw.gpus;
    // Causal attention: each prompt token attends to the tokens before it (a local layer to its window), QKᵀ and AV.
    const flops = 2 * activeParams(this.model) * promptTokens + 2 * attendedTokens(this.model, promptTokens) * queryWidth(this.model) * promptTokens;
    const compute = flops / t / this.compute;
    const weights = this.weightBytes / t / this.bandwidth;
    return Math.max(compute, weights) + this.allReduceSeconds(promptTokens);
  }

  /** The ideal: every byte at peak bandwidth, nothing else. A ceiling estimates never cross. */
  ceilingTokensPerSecondPerStream(contextTokens: number): number {
    const peak = this.hw.gpu.memoryBandwidthGBps * 1e9 * this.hw.gpuFraction;
    return peak / (weightBytesReadPerStep(this.model, this.weightBytes, 1) / this.hw.gpus + this.kvBytesPerSequencePerGpu(contextTokens));
  }

  /** Bytes of KV cache one sequence of `contextTokens` holds on each GPU. */
  kvBytesPerSequencePerGpu(contextTokens: number): number {
    return kvBytesPerSequence(this.model, this.kvBytesPerValue, contextTokens, this.kvHeads);
  }
}

/**
 * What one replica does whatever the fleet's size: its batch, speed and prefill. It does not depend on the target's
 * tokens per second or the price, so selection keeps it across decisions; {@link fleetAtLoad} sizes a fleet from it.
 */
export interface ReplicaSpeed {
  readonly roofline: Roofline;
  readonly shape: RequestShape;
  /** Sequences per copy the replica runs. */
  readonly batch: number;
  /** Sequences per copy its memory holds. */
  readonly fit: number;
  /** Output tokens per second of the replica at `batch`. */
  readonly perReplica: number;
  /** Output tokens per second of a busy replica (every sequence its memory holds): what a fleet without target costs per token. */
  readonly busyPerReplica: number;
  readonly stepSeconds: number;
  readonly boundBy: "memory bandwidth" | "compute";
  readonly prefillSeconds: number;
  readonly averageContext: number;
  /** The stream floor the batch keeps, if any. */
  readonly floor?: number;
  /** True when sized for a target (each copy runs what memory holds), false for the usage's concurrency. */
  readonly forTarget: boolean;
}

/**
 * Throughput of one replica (an instance: `copies` copies of the model side by side) running `sequences` requests per
 * copy at a time: each request's prompt is prefilled, then its output decoded; output tokens per second count both.
 * With a target, each copy runs as many sequences as its memory holds and the stream floor allows, and the fleet is
 * sized. USD per million output tokens is the fleet's hour over the tokens it makes in that hour at the load it is
 * sized for: the target's, or without one a busy replica's (every sequence its memory holds).
 */
export function estimateThroughput(
  roofline: Roofline,
  shape: RequestShape,
  sequences: { readonly given: number; readonly fit: number },
  target: ThroughputTarget | undefined,
): ThroughputEstimate | { readonly miss: string } {
  const replica = replicaSpeed(roofline, shape, sequences, target !== undefined, target?.minTokensPerSecondPerStream);
  return "miss" in replica ? replica : fleetAtLoad(replica, target, roofline.hw.usdPerInstanceHour);
}

/** One replica's batch and speed: the usage's sequences, or for a target what memory holds and the stream floor allows. */
export function replicaSpeed(
  roofline: Roofline,
  shape: RequestShape,
  sequences: { readonly given: number; readonly fit: number },
  forTarget: boolean,
  floor: number | undefined,
): ReplicaSpeed | { readonly miss: string } {
  const averageContext = shape.promptTokens + shape.outputTokens / 2;
  const speed = (batch: number) => 1 / roofline.decodeStep(batch, averageContext).seconds;
  let batch = forTarget ? sequences.fit : sequences.given;
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
  const hw = roofline.hw;
  const prefill = roofline.prefillSeconds(shape.promptTokens);
  const perReplicaAt = (b: number) =>
    (hw.copies * b * shape.outputTokens) / (b * prefill + shape.outputTokens * roofline.decodeStep(b, averageContext).seconds);
  const step = roofline.decodeStep(batch, averageContext);
  const perReplica = perReplicaAt(batch);
  const busy = Math.max(sequences.fit, batch);
  return {
    roofline,
    shape,
    batch,
    fit: sequences.fit,
    perReplica,
    busyPerReplica: busy === batch ? perReplica : perReplicaAt(busy),
    stepSeconds: step.seconds,
    boundBy: step.boundBy,
    prefillSeconds: prefill,
    averageContext,
    floor,
    forTarget,
  };
}

/** Replicas a target needs of this replica: 1 without a target. */
export function replicasFor(r: ReplicaSpeed, target: ThroughputTarget | undefined): number {
  return target ? Math.ceil(target.outputTokensPerSecond / r.perReplica) : 1;
}

/** The fleet a target needs of this replica (one without), and its USD per million output tokens at `usdPerInstanceHour`. */
export function fleetAtLoad(r: ReplicaSpeed, target: ThroughputTarget | undefined, usdPerInstanceHour: number): ThroughputEstimate {
  return new FleetAtLoad(r, target, usdPerInstanceHour);
}

/** A ThroughputEstimate whose words are written when read (a decision builds one per candidate; few are read). */
class FleetAtLoad implements ThroughputEstimate {
  readonly sequencesPerReplica: number;
  readonly copiesPerReplica: number;
  readonly tensorParallelSize: number;
  readonly outputTokensPerSecondPerReplica: number;
  readonly outputTokensPerSecondPerStream: number;
  readonly prefillTokensPerSecond: number;
  readonly timeToFirstTokenSeconds: number;
  readonly boundBy: "memory bandwidth" | "compute";
  readonly replicas: number;
  readonly usdPerMillionOutputTokens: number;
  readonly #replica: ReplicaSpeed;
  readonly #target: ThroughputTarget | undefined;
  readonly #usdPerInstanceHour: number;

  constructor(r: ReplicaSpeed, target: ThroughputTarget | undefined, usdPerInstanceHour: number) {
    const hw = r.roofline.hw;
    const replicas = replicasFor(r, target);
    const tokensPerHour = (target ? target.outputTokensPerSecond : r.busyPerReplica) * 3600;
    this.sequencesPerReplica = hw.copies * r.batch;
    this.copiesPerReplica = hw.copies;
    this.tensorParallelSize = hw.gpus;
    this.outputTokensPerSecondPerReplica = round1(r.perReplica);
    this.outputTokensPerSecondPerStream = round1(1 / r.stepSeconds);
    this.prefillTokensPerSecond = Math.round((hw.copies * r.shape.promptTokens) / r.prefillSeconds);
    this.timeToFirstTokenSeconds = Math.round(r.prefillSeconds * 1000) / 1000;
    this.boundBy = r.boundBy;
    this.replicas = replicas;
    this.usdPerMillionOutputTokens = Math.round(((replicas * usdPerInstanceHour) / tokensPerHour) * 1e6 * 1000) / 1000;
    this.#replica = r;
    this.#target = target;
    this.#usdPerInstanceHour = usdPerInstanceHour;
  }

  get assumptions(): readonly string[] {
    const { roofline, shape, batch, prefillSeconds: prefill, averageContext, floor } = this.#replica;
    const [hw, target, engine] = [roofline.hw, this.#target, roofline.engine];
    return [
      `${engine.displayName}: requests of ${shape.promptTokens} prompt + ${shape.outputTokens} output tokens (usage.outputTokens); each prompt prefilled in ${Math.round(prefill * 1000)} ms, then decoded`,
      `decode step: weights${roofline.model.moe ? " (the experts a step's tokens touch)" : ""} and ${batch} × ${Math.round(averageContext)} tokens of KV cache at ${roofline.kvBytesPerValue} B per value, read at ${engine.speed.bandwidthUtilization * 100}% of ${round1(hw.gpu.memoryBandwidthGBps * hw.gpuFraction)} GB/s per GPU` +
        (hw.gpus > 1 ? `, tensor parallel over ${hw.gpus} GPUs on ${hw.interconnect} (two all-reduces per layer)` : "") +
        `, plus ${engine.speed.stepOverheadSeconds * 1000} ms of engine overhead per step`,
      `compute at up to ${engine.speed.computeUtilization * 100}% of dense peak, less on small batches`,
      ...(hw.copies > 1
        ? [`${hw.copies} copies of the model per instance, each on ${hw.gpus} GPU${hw.gpus > 1 ? "s" : ""}, side by side (data parallel)`]
        : []),
      target
        ? `${batch} sequences per copy (what memory holds${floor !== undefined ? ` and the ${floor} tokens/s stream floor allows` : ""}); ${this.replicas} replica(s) for ${target.outputTokensPerSecond} output tokens/s; USD per million tokens at that load`
        : `${batch} sequence(s) in flight per copy (usage.concurrency); USD per million tokens at full load (${Math.max(this.#replica.fit, batch)} sequences per copy)`,
      `USD per million tokens at ${this.#usdPerInstanceHour.toFixed(4)} $/h per instance (the purchase option's price)`,
    ];
  }

  toJSON(): ThroughputEstimate {
    return { ...this, assumptions: this.assumptions };
  }
}

/** One decimal: how tokens per second, GB/s and GiB are shown. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
