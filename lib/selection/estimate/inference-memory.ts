import { LanguageModelSpec } from "../../taxonomy/model-spec";
import { BYTES_PER_PARAM, GIB, KvCachePrecision, ModelUsage, Precision } from "./model-usage";
import { embeddingParams, kvBytesPerSequence, kvHeadsPerGpu, layerWorkingBytesPerToken } from "./transformer-shapes";

/** Hidden states kept across a forward step, per token and hidden width: residual, normed input, attention and MLP outputs (4 × 2 B). */
const HIDDEN_BYTES_PER_TOKEN_PER_WIDTH = 8;

/**
 * vLLM's defaults and what its memory profiler measures (V1 engine, v0.10–v0.20; vllm-project/vllm
 * vllm/engine/arg_utils.py, vllm/v1/worker/gpu_worker.py, vllm/utils MemorySnapshot at b761df96, 2025-09-26).
 * The KV cache gets total × gpu_memory_utilization − weights − the activation peak of one dummy step − non-torch
 * memory; the CUDA context and CUDA graphs live in the rest (vLLM ≥ 0.21 defaults to 0.92 and counts graphs).
 */
export const VLLM = {
  gpuMemoryUtilization: 0.9,
  /** `vllm serve` defaults: GPUs reporting ≥ 70 GiB, A100 excepted (PR #17885), get the larger batch. */
  largeGpuGiB: 70,
  apiServer: { large: { maxNumBatchedTokens: 8192, maxNumSeqs: 1024 }, other: { maxNumBatchedTokens: 2048, maxNumSeqs: 256 } },
  /**
   * Bytes per sequence × vocabulary entry the profiling step's sampler holds (logits, scaled and sorted copies,
   * probabilities and log-probabilities, int64 indices): 35.5–37.9 B fitted on llm-d's published V1 v0.11.0 H100
   * profiles of Llama-3.1-8B, Llama-3.3-70B (TP2), Qwen3-32B (TP1, TP2), Qwen3-0.6B and gpt-oss-20b
   * (llm-d/llm-d-benchmark config_explorer/empirical-vllm-memory-results.md @ 4f4d4494).
   */
  samplerBytesPerLogit: 37,
  /** Non-torch memory (cuBLAS, attention workspaces; NCCL buffers with tensor parallelism): 0.13 GiB at TP 1, 0.54–0.55 at TP 2 (llm-d, H100). */
  nonTorchGiB: { single: 0.13, parallel: 0.55 },
} as const;

/** CUDA context and cuBLAS workspaces a PyTorch process holds per GPU (0.3–0.8 GiB by GPU and CUDA version): 1 GiB. */
export const CUDA_CONTEXT_GIB = 1;

/** The GPU a vLLM server runs on, as its defaults see it: usable memory and name. */
interface ServerGpu {
  readonly memoryGiB: number;
  readonly name: string;
}

/** The defaults vLLM's API server picks for a GPU of `gpuMemoryGiB`, by name (A100 keeps the smaller batch). */
export function vllmServerDefaults(gpu: ServerGpu | undefined) {
  const large = gpu !== undefined && gpu.memoryGiB >= VLLM.largeGpuGiB && !gpu.name.toLowerCase().includes("a100");
  return large ? VLLM.apiServer.large : VLLM.apiServer.other;
}

/**
 * Sequences the vLLM server runs at once (--max-num-seqs): the usage's, else `vllm serve`'s default for the GPU raised
 * to the concurrency, as the server is launched to run what was sized. The estimate, the throughput and the preset read it here.
 */
export function vllmMaxNumSeqs(usage: Pick<ModelUsage, "maxNumSeqs" | "concurrency"> | undefined, gpu: ServerGpu | undefined): number {
  return usage?.maxNumSeqs ?? Math.max(vllmServerDefaults(gpu).maxNumSeqs, usage?.concurrency ?? 1);
}

export interface InferenceMemory {
  readonly weightsGiB: number;
  readonly kvCacheGiB: number;
  readonly activationsGiB: number;
  readonly logitsGiB: number;
  readonly overheadGiB: number;
  readonly assumptions: readonly string[];
}

/**
 * Weight bytes of a checkpoint at a precision. Quantized checkpoints (fp8, int8, int4: AWQ, GPTQ, llm-compressor)
 * quantize the transformer layers and keep the embeddings and output head in 16-bit; `scaleBytesPerParam` adds what a
 * format stores beside each quantized parameter (QLoRA's NF4 block scales).
 */
export function servedWeightBytes(m: LanguageModelSpec, precision: Precision, scaleBytesPerParam = 0): number {
  const params = m.paramsBillion * 1e9;
  if (BYTES_PER_PARAM[precision] >= 2) return params * BYTES_PER_PARAM[precision];
  const embeddings = Math.min(embeddingParams(m), params);
  return (params - embeddings) * (BYTES_PER_PARAM[precision] + scaleBytesPerParam) + embeddings * 2;
}

/**
 * Bytes of one KV-cache value: with kv_cache_dtype "auto" the model's 16-bit dtype, also for fp8 and int4 weights
 * (fp32 models keep fp32); 1 with an fp8 cache.
 */
export function kvValueBytes(precision: Precision, kvCachePrecision: KvCachePrecision = "auto"): number {
  if (kvCachePrecision === "fp8") return 1;
  return precision === "fp32" ? 4 : 2;
}

/** See {@link VllmSetup.activationProfile}. */
export type ActivationProfile = "vllm" | "prefill-chunk" | "outside-budget";

export interface VllmSetup {
  readonly precision: Precision;
  readonly kvCachePrecision: KvCachePrecision;
  /** The engine that holds the memory, as reasons name it. @default "vLLM" */
  readonly engineName?: string;
  /**
   * What the budget holds besides weights and KV cache: vLLM's profiled peak (a prefill chunk and the sampler over
   * max_num_seqs), a prefill chunk's working set only (TensorRT-LLM), or nothing (SGLang reserves it outside
   * mem_fraction_static). @default "vllm"
   */
  readonly activationProfile?: ActivationProfile;
  readonly contextTokens: number;
  readonly sequences: number;
  readonly gpus: number;
  readonly maxNumBatchedTokens: number;
  readonly maxNumSeqs: number;
  readonly gpuMemoryUtilization: number;
}

/** What one GPU of a vLLM server holds against its budget (total × gpu_memory_utilization), tensor-parallel over `gpus`. */
export function vllmMemory(m: LanguageModelSpec, s: VllmSetup): InferenceMemory {
  const weights = servedWeightBytes(m, s.precision) / s.gpus;
  const kvValue = kvValueBytes(s.precision, s.kvCachePrecision);
  const kv = kvBytesPerSequence(m, kvValue, s.contextTokens, kvHeadsPerGpu(m, s.gpus)) * s.sequences;
  const chunk = s.maxNumBatchedTokens;
  const sampled = Math.min(s.maxNumSeqs, chunk);
  // One layer's transient working set for the chunk.
  const forward = (chunk * layerWorkingBytesPerToken(m)) / s.gpus;
  // The sampler runs on every rank over the full vocabulary.
  const sampler = sampled * m.vocabSize * VLLM.samplerBytesPerLogit;
  const hidden = chunk * m.hiddenSize * HIDDEN_BYTES_PER_TOKEN_PER_WIDTH;
  const profile = s.activationProfile ?? "vllm";
  const samplerPeaks = profile === "vllm" && sampler >= forward;
  const counted = profile !== "outside-budget";
  const nonTorch = s.gpus > 1 ? VLLM.nonTorchGiB.parallel : VLLM.nonTorchGiB.single;
  return {
    weightsGiB: weights / GIB,
    kvCacheGiB: kv / GIB,
    activationsGiB: counted ? (hidden + (samplerPeaks ? 0 : forward)) / GIB : 0,
    logitsGiB: (samplerPeaks ? sampler : 0) / GIB,
    overheadGiB: nonTorch,
    assumptions: [
      s.engineName && s.engineName !== "vLLM"
        ? `${s.engineName}: weights${profile === "outside-budget" ? "" : ", one prefill chunk's working set"} and the KV cache within ${s.gpuMemoryUtilization} of each GPU${profile === "outside-budget" ? " (activations are reserved outside that share)" : ""}`
        : `vLLM (V1 engine): the KV cache gets gpu_memory_utilization ${s.gpuMemoryUtilization} of each GPU minus weights, the profiled activation peak and non-torch memory; the CUDA context and CUDA graphs use the rest`,
      `${s.precision} weights${BYTES_PER_PARAM[s.precision] < 2 ? " (embeddings and output head in 16-bit)" : ""}${s.gpus > 1 ? `, tensor parallel over ${s.gpus} GPUs` : ""}`,
      `KV cache for ${s.sequences} × ${s.contextTokens} tokens at ${kvValue} B per value (kv_cache_dtype ${s.kvCachePrecision})${s.gpus > m.kvHeads ? `; ${m.kvHeads} KV heads replicated over ${s.gpus} GPUs` : ""}`,
      `activation peak of the profiling step: ${chunk} tokens (max_num_batched_tokens) and the sampler over ${sampled} sequences (max_num_seqs) × ${m.vocabSize} vocabulary at ${VLLM.samplerBytesPerLogit} B, fitted on published vLLM 0.11 profiles`,
      `${nonTorch} GiB non-torch memory per GPU`,
    ],
  };
}

export interface TransformersSetup {
  readonly precision: Precision;
  readonly contextTokens: number;
  readonly promptTokens: number;
  readonly sequences: number;
  readonly gpus: number;
}

/**
 * Hugging Face transformers' `generate`: the whole batch's prompts are prefilled at once, so the activation peak
 * grows with sequences × prompt tokens; the KV cache (DynamicCache) grows to the full context. Since transformers
 * 4.45 (`logits_to_keep`) only the last position's logits are computed. Several GPUs split the layers
 * (device_map="auto"): each holds its layers' weights and cache and runs the whole batch through them.
 */
export function transformersMemory(m: LanguageModelSpec, s: TransformersSetup): InferenceMemory {
  const weights = servedWeightBytes(m, s.precision) / s.gpus;
  const kvValue = kvValueBytes(s.precision);
  const kv = (kvBytesPerSequence(m, kvValue, s.contextTokens) * s.sequences) / s.gpus;
  const prefill = s.sequences * s.promptTokens;
  const layer = prefill * (layerWorkingBytesPerToken(m) + HIDDEN_BYTES_PER_TOKEN_PER_WIDTH * m.hiddenSize);
  const logits = s.sequences * m.vocabSize * (2 + 4);
  return {
    weightsGiB: weights / GIB,
    kvCacheGiB: kv / GIB,
    activationsGiB: layer / GIB,
    logitsGiB: logits / GIB,
    overheadGiB: CUDA_CONTEXT_GIB,
    assumptions: [
      `Hugging Face transformers generate: ${s.sequences} × ${s.promptTokens} prompt tokens prefilled at once (one layer's working set: hidden states, Q/K/V, the gated MLP), SDPA attention without a score matrix`,
      `${s.precision} weights${BYTES_PER_PARAM[s.precision] < 2 ? " (embeddings and output head in 16-bit)" : ""}${s.gpus > 1 ? `, layers split over ${s.gpus} GPUs (device_map="auto")` : ""}`,
      `KV cache (DynamicCache) for ${s.sequences} × ${s.contextTokens} tokens at ${kvValue} B per value`,
      "logits of the last position only (bf16 and an fp32 copy; transformers ≥ 4.45)",
      `${CUDA_CONTEXT_GIB} GiB per GPU for the CUDA context and workspaces`,
    ],
  };
}
