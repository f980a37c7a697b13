import { LanguageModelSpec } from "../../taxonomy/model-spec";
import { GIB, ModelUsage, Precision, defaultOutputTokens } from "./model-usage";
import { SERVING_ENGINES } from "./engines";
import { ServerGpu, ServingEngine, serverMaxNumSeqs } from "./engines/serving-engine";
import { kvValueBytes } from "./inference-memory";
import { PrecisionVerdict } from "./precision-support";
import { ReplicaHardware, ReplicaSpeed, Roofline, ThroughputEstimate, ThroughputTarget, fleetAtLoad, replicaSpeed } from "./throughput";

/** Paged KV caches hand out blocks of 16 tokens (vLLM's and TensorRT-LLM's default block size; SGLang's pages are 1). */
const KV_BLOCK_TOKENS = 16;

/** What a memory estimate says one GPU holds besides the KV cache, and how much of the GPU it may use. */
export interface ServerMemory {
  readonly perGpuGiB: number;
  readonly memoryUtilization: number;
  readonly contextTokens: number;
  readonly concurrency: number;
  readonly precision: Precision;
  readonly parts: { readonly kvCacheGiB: number };
}

/**
 * Throughput of one instance serving a model: the sequences its KV cache holds at the requests' real lengths (a paged
 * cache holds each sequence's filled blocks only, on average its prompt and half its output; a static cache the whole
 * context), then the engine's roofline. The one path selection and the calibration test both take.
 */
export function servingThroughput(
  model: LanguageModelSpec,
  usage: ModelUsage,
  memory: ServerMemory,
  verdict: PrecisionVerdict,
  hw: ReplicaHardware,
  server: ServerGpu,
  target: ThroughputTarget | undefined,
  engine: ServingEngine = SERVING_ENGINES[usage.engine ?? "vllm"],
): ThroughputEstimate | { readonly miss: string } {
  const replica = servingReplica(model, usage, memory, verdict, hw, server, target !== undefined, target?.minTokensPerSecondPerStream, engine);
  return "miss" in replica ? replica : fleetAtLoad(replica, target, hw.usdPerInstanceHour);
}

/** The replica part of {@link servingThroughput}: what does not depend on the target's size or the price. */
export function servingReplica(
  model: LanguageModelSpec,
  usage: ModelUsage,
  memory: ServerMemory,
  verdict: PrecisionVerdict,
  hw: ReplicaHardware,
  server: ServerGpu,
  forTarget: boolean,
  floor: number | undefined,
  engine: ServingEngine = SERVING_ENGINES[usage.engine ?? "vllm"],
): ReplicaSpeed | { readonly miss: string } {
  const outputTokens = usage.outputTokens ?? defaultOutputTokens(memory.contextTokens);
  const shape = { promptTokens: memory.contextTokens - outputTokens, outputTokens };
  const roofline = new Roofline(model, memory.precision, verdict, hw, engine, kvValueBytes(memory.precision, usage.kvCachePrecision));
  const heldTokens = engine.pagedKvCache ? Math.ceil((shape.promptTokens + shape.outputTokens / 2) / KV_BLOCK_TOKENS) * KV_BLOCK_TOKENS : memory.contextTokens;
  const besideCache = memory.perGpuGiB - memory.parts.kvCacheGiB;
  const roomGiB =
    engine.kvShareOfFreeMemory !== undefined
      ? engine.kvShareOfFreeMemory * (server.memoryGiB - besideCache)
      : server.memoryGiB * memory.memoryUtilization - besideCache;
  const maxNumSeqs = serverMaxNumSeqs(engine, { maxNumSeqs: usage.maxNumSeqs, concurrency: memory.concurrency }, server);
  const held = Math.floor((roomGiB * GIB) / roofline.kvBytesPerSequencePerGpu(heldTokens));
  const fit = Math.max(0, engine.pagedKvCache ? Math.min(held, maxNumSeqs) : held);
  if (forTarget && fit < 1) return { miss: "no sequence fits beside the weights" };
  // A paged server runs the sequences sent to it that its cache holds; the rest wait.
  const given = engine.pagedKvCache ? Math.max(1, Math.min(memory.concurrency, fit)) : memory.concurrency;
  return replicaSpeed(roofline, shape, { given, fit: Math.max(fit, 1) }, forTarget, floor);
}
