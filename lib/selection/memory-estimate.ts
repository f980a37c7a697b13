import { DiffusionModelSpec, EmbeddingModelSpec, LanguageModelSpec, MODEL_KIND_WORDS, ModelSpec, SpeechModelSpec } from "../taxonomy/model-spec";
import { checkModelSpec } from "../taxonomy/schema";
import { ModelMode } from "../taxonomy/workload-profile";
import { InvalidRequirementError } from "../validation/errors";
import { POSITIVE, POSITIVE_WHOLE, checkNumber } from "../validation/numbers";
import { round2 } from "../plan/money";
import { CUDA_CONTEXT_GIB, InferenceMemory, servedWeightBytes, transformersMemory, vllmMemory } from "./estimate/inference-memory";
import {
  BYTES_PER_PARAM,
  DEFAULT_CONTEXT_TOKENS,
  DEFAULT_LORA_RANK,
  GIB,
  InferenceEngine,
  ModelUsage,
  Optimizer,
  Precision,
  Sharding,
  TrainingPrecision,
  USAGE_RULES,
  checkModelUsage,
} from "./estimate/model-usage";
import { trainingMemory } from "./estimate/training-memory";
import { speechMemory } from "./estimate/speech-memory";
import { SERVING_ENGINES } from "./estimate/engines";
import { serverMaxNumSeqs } from "./estimate/engines/serving-engine";

export * from "./estimate/model-usage";

/** Where the memory goes on the busiest GPU, in GiB. */
export interface MemoryParts {
  /** Weights on this GPU: its share when split over GPUs (tensor parallel, layers, FSDP shards), trainable copies and adapters included. */
  readonly weightsGiB: number;
  /** Inference: the KV cache of the sequences in flight at their full context; 0 for fine-tunes. */
  readonly kvCacheGiB: number;
  /** Fine-tunes: gradients of the trained parameters; 0 for inference. */
  readonly gradientsGiB: number;
  /** Fine-tunes: the optimizer's state for the trained parameters; 0 for inference. */
  readonly optimizerStateGiB: number;
  /** Activations at the peak: kept for the backward pass (fine-tunes) or of a forward step (inference). */
  readonly activationsGiB: number;
  /** Logits at the peak: the loss's (fine-tunes) or the sampler's (vLLM's profiling step). */
  readonly logitsGiB: number;
  /** CUDA context and workspaces, or vLLM's non-torch memory. */
  readonly overheadGiB: number;
}

/** The setup a fine-tune estimate assumed. */
export interface TrainingSetupUsed {
  /** LoRA adapter rank; absent for a full fine-tune. */
  readonly loraRank?: number;
  /** Activations recomputed in the backward pass. */
  readonly gradientCheckpointing: boolean;
  /** The optimizer whose state was counted. */
  readonly optimizer: Optimizer;
  /** How the run spreads over its GPUs; absent on one GPU. */
  readonly sharding?: Sharding;
  /** Mixed precision or pure bf16. */
  readonly trainingPrecision: TrainingPrecision;
  /** The loss never materializes all logits. */
  readonly fusedLoss: boolean;
}

/** The GPU memory a model needs for one use, per GPU and in total, with where it goes and why. */
export interface MemoryEstimate {
  /** The model's catalog name. */
  readonly model: string;
  /** Inference, LoRA or full fine-tune. */
  readonly mode: ModelMode;
  /** Precision of the (frozen) weights. */
  readonly precision: Precision;
  /** Inference: tokens per sequence (prompt + output). Fine-tunes: sequence length. 0 for a diffusion model; a speech model's encoded frames per window. */
  readonly contextTokens: number;
  /** Inference: sequences (diffusion: images; speech: audio streams) in flight. Fine-tunes: micro-batch size per GPU. */
  readonly concurrency: number;
  /** GPUs the estimate is spread over. */
  readonly gpuCount: number;
  /** Inference of a language model: the engine modelled. */
  readonly engine?: InferenceEngine;
  /** Fine-tunes: the setup modelled. */
  readonly training?: TrainingSetupUsed;
  /** What the busiest GPU needs. */
  readonly perGpuGiB: number;
  /** The share of a GPU's usable memory the need must fit in: vLLM's gpu_memory_utilization, else 1. */
  readonly memoryUtilization: number;
  /** perGpuGiB × gpuCount. */
  readonly totalGiB: number;
  /** The checkpoint at its precision: what is downloaded and stored. */
  readonly weightsTotalGiB: number;
  /** Where the busiest GPU's memory goes. */
  readonly parts: MemoryParts;
  /** The assumptions behind the figures, in words. */
  readonly assumptions: readonly string[];
}

/** True when the busiest GPU's need fits in `usableGiB` of memory, within the estimate's memory utilization. */
export function fitsOnGpu(e: Pick<MemoryEstimate, "perGpuGiB" | "memoryUtilization">, usableGiB: number): boolean {
  return e.perGpuGiB <= usableGiB * e.memoryUtilization;
}

/** The GPU an estimate is for: vLLM's defaults depend on its memory and name. */
export interface EstimateTarget {
  /** Memory of one GPU usable by a workload, in GiB. */
  readonly memoryGiB: number;
  /** The GPU's name, e.g. "H100". */
  readonly name: string;
}

/**
 * Estimates the GPU memory a model needs for a use on `gpuCount` GPUs: inference with vLLM (default) or Hugging Face
 * transformers; LoRA (QLoRA with int4) and full fine-tunes with their precision, optimizer, sharding, checkpointing
 * and loss. `target` is the GPU (vLLM's defaults depend on it). Every figure's source is next to its constant.
 */
export function estimateMemory(model: ModelSpec, usage: ModelUsage = {}, gpuCount = 1, target?: EstimateTarget): MemoryEstimate {
  checkModelSpec("model", model);
  checkModelUsage(usage, usage?.mode ?? "inference");
  checkNumber("gpuCount", gpuCount, USAGE_RULES.gpuCount);
  if (usage.tensorParallelSize !== undefined && usage.tensorParallelSize !== gpuCount) {
    throw new InvalidRequirementError(
      "usage.tensorParallelSize",
      usage.tensorParallelSize,
      `the estimate is for one copy of the model on ${gpuCount} GPU${gpuCount > 1 ? "s" : ""}; give the same GPU count`,
    );
  }
  return estimateCheckedMemory(model, usage, gpuCount, target);
}

/** estimateMemory for inputs already checked (selection validates its requirements once, not per candidate). */
export function estimateCheckedMemory(model: ModelSpec, usage: ModelUsage, gpuCount: number, target?: EstimateTarget): MemoryEstimate {
  const mode = usage.mode ?? "inference";
  const precision = usage.precision ?? "bf16";
  const contextTokens = usage.contextTokens ?? DEFAULT_CONTEXT_TOKENS;
  const concurrency = usage.concurrency ?? 1;
  if (model.kind !== "llm" && mode !== "inference") {
    throw new InvalidRequirementError("usage.mode", mode, `the estimator models ${model.name} (${MODEL_KIND_WORDS[model.kind]}) for inference only`);
  }
  if (model.kind === "diffusion") return diffusionEstimate(model, usage, mode, gpuCount);
  refuseSettings(usage, ["denoisingSteps"], `${model.name} is not a diffusion model`, "diffusion models");
  if (model.kind === "embedding") return embeddingEstimate(model, usage, mode, gpuCount);
  if (model.kind === "speech") return speechEstimate(model, usage, mode, gpuCount);
  if (model.contextLengthTokens > 0 && contextTokens > model.contextLengthTokens) {
    throw new InvalidRequirementError(
      "usage.contextTokens",
      contextTokens,
      `${model.name} supports at most ${model.contextLengthTokens} tokens (max_position_embeddings)`,
    );
  }
  const base = { model: model.name, mode, precision, contextTokens, concurrency, gpuCount, weightsTotalGiB: servedWeightBytes(model, precision) / GIB };
  if (mode === "inference") return inferenceEstimate(model, usage, base, target);
  return trainingEstimate(model, usage, mode, base);
}

type Base = Pick<MemoryEstimate, "model" | "mode" | "precision" | "contextTokens" | "concurrency" | "gpuCount" | "weightsTotalGiB">;

function inferenceEstimate(m: LanguageModelSpec, usage: ModelUsage, base: Base, target: EstimateTarget | undefined): MemoryEstimate {
  const engine = usage.engine ?? "vllm";
  let memory: InferenceMemory;
  let utilization = 1;
  if (engine !== "transformers") {
    const server = SERVING_ENGINES[engine];
    // Only a maxNumSeqs the usage gives can be below the concurrency.
    const maxNumSeqs = serverMaxNumSeqs(server, usage, target);
    if (base.concurrency > maxNumSeqs) {
      throw new InvalidRequirementError(
        "usage.concurrency",
        base.concurrency,
        `${server.displayName} runs at most maxNumSeqs (${maxNumSeqs}) sequences at once; raise usage.maxNumSeqs or lower the concurrency`,
      );
    }
    utilization = usage.gpuMemoryUtilization ?? server.memoryFraction(target);
    memory = vllmMemory(m, {
      precision: base.precision,
      kvCachePrecision: usage.kvCachePrecision ?? "auto",
      engineName: server.displayName,
      activationProfile: server.activationProfile,
      contextTokens: base.contextTokens,
      sequences: base.concurrency,
      gpus: base.gpuCount,
      maxNumBatchedTokens: usage.maxNumBatchedTokens ?? server.batchDefaults(target).maxNumBatchedTokens,
      maxNumSeqs,
      gpuMemoryUtilization: utilization,
    });
  } else {
    memory = transformersMemory(m, {
      precision: base.precision,
      contextTokens: base.contextTokens,
      promptTokens: usage.promptTokens ?? base.contextTokens,
      sequences: base.concurrency,
      gpus: base.gpuCount,
    });
  }
  const parts: MemoryParts = {
    ...ZERO,
    weightsGiB: memory.weightsGiB,
    kvCacheGiB: memory.kvCacheGiB,
    activationsGiB: memory.activationsGiB,
    logitsGiB: memory.logitsGiB,
    overheadGiB: memory.overheadGiB,
  };
  return finish(base, parts, utilization, memory.assumptions, { engine });
}

function trainingEstimate(m: LanguageModelSpec, usage: ModelUsage, mode: "lora" | "full", base: Base): MemoryEstimate {
  const setup: TrainingSetupUsed = {
    ...(mode === "lora" ? { loraRank: usage.loraRank ?? DEFAULT_LORA_RANK } : {}),
    gradientCheckpointing: usage.gradientCheckpointing ?? true,
    optimizer: usage.optimizer ?? "adamw",
    ...(base.gpuCount > 1 ? { sharding: usage.sharding ?? "fsdp" } : {}),
    trainingPrecision: usage.trainingPrecision ?? "mixed",
    fusedLoss: usage.fusedLoss ?? false,
  };
  const memory = trainingMemory(m, {
    mode,
    precision: base.precision,
    sequenceTokens: base.contextTokens,
    microBatch: base.concurrency,
    loraRank: setup.loraRank ?? DEFAULT_LORA_RANK,
    gradientCheckpointing: setup.gradientCheckpointing,
    optimizer: setup.optimizer,
    trainingPrecision: setup.trainingPrecision,
    sharding: setup.sharding ?? "fsdp",
    fusedLoss: setup.fusedLoss,
    gpus: base.gpuCount,
  });
  const parts: MemoryParts = {
    ...ZERO,
    weightsGiB: memory.weightsGiB,
    gradientsGiB: memory.gradientsGiB,
    optimizerStateGiB: memory.optimizerStateGiB,
    activationsGiB: memory.activationsGiB,
    logitsGiB: memory.logitsGiB,
    overheadGiB: CUDA_CONTEXT_GIB,
  };
  return finish(base, parts, 1, [...memory.assumptions, `${CUDA_CONTEXT_GIB} GiB per GPU for the CUDA context and workspaces`], { training: setup });
}

function diffusionEstimate(m: DiffusionModelSpec, usage: ModelUsage, mode: ModelMode, gpuCount: number): MemoryEstimate {
  refuseSettings(usage, [...LANGUAGE_MODEL_ONLY, "maxNumBatchedTokens", "contextTokens"], `${m.name} is ${MODEL_KIND_WORDS.diffusion}`);
  const images = usage.concurrency ?? 1;
  const weightsGiB = (m.paramsBillion * 1e9 * 2) / GIB;
  const typicalGiB = (m.typicalVramGB * 1e9) / GIB;
  // The published figure already holds a CUDA context: take ours back out so it is not counted twice.
  const perImage = Math.max(typicalGiB - weightsGiB - CUDA_CONTEXT_GIB, 0);
  const parts: MemoryParts = { ...ZERO, weightsGiB, activationsGiB: perImage * images, overheadGiB: CUDA_CONTEXT_GIB };
  const base = { model: m.name, mode, precision: "bf16" as Precision, contextTokens: 0, concurrency: images, gpuCount, weightsTotalGiB: weightsGiB };
  return finish(base, parts, 1, [
    `fp16 denoiser weights (${m.paramsBillion} B params); the pipeline runs whole on one GPU`,
    `pipeline needs ≈ ${m.typicalVramGB} GB per image in flight at native resolution (model card)`,
    `${CUDA_CONTEXT_GIB} GiB for the CUDA context`,
  ]);
}

/** Usage settings of a language model's serving engine: a diffusion or embedding model refuses them, never ignores them. */
const LANGUAGE_MODEL_ONLY = [
  "engine",
  "kvCachePrecision",
  "tensorParallelSize",
  "copiesPerInstance",
  "gpuMemoryUtilization",
  "maxNumSeqs",
  "promptTokens",
  "outputTokens",
] as const;

/** Throws on the first of `fields` the usage sets: `what` is not the kind of model it applies to. */
function refuseSettings(usage: ModelUsage, fields: readonly (keyof ModelUsage)[], what: string, appliesTo = "language models"): void {
  const given = fields.find((f) => usage[f] !== undefined);
  if (given) throw new InvalidRequirementError(`usage.${given}`, usage[given], `${what}; this setting applies to ${appliesTo}`);
}

/**
 * Tokens an embedding server runs in one batch when the usage does not say: text-embeddings-inference's
 * --max-batch-tokens default ("[default: 16384]", read 2026-12-07:
 * https://github.com/huggingface/text-embeddings-inference/blob/60f7e66fcaa82aa5570d06352d8aaeb4b019a825/docs/source/en/cli_arguments.md).
 */
export const EMBEDDING_BATCH_TOKENS = 16384;

/**
 * An embedding or reranking model's server: the weights, one batch's activations and the CUDA context. Nothing is
 * cached between requests and nothing generated, so there is no KV cache. The batch's peak is one layer at a time with
 * fused attention (no score matrix): the hidden states in and out, Q, K and V, and the MLP's intermediate activations,
 * tokens × (5 × hidden + intermediate) values at 2 bytes (4 in fp32).
 */
function embeddingEstimate(m: EmbeddingModelSpec, usage: ModelUsage, mode: ModelMode, gpuCount: number): MemoryEstimate {
  refuseSettings(usage, LANGUAGE_MODEL_ONLY, `${m.name} is ${MODEL_KIND_WORDS.embedding}`);
  const precision = usage.precision ?? "bf16";
  const contextTokens = usage.contextTokens ?? Math.min(DEFAULT_CONTEXT_TOKENS, m.contextLengthTokens);
  if (contextTokens > m.contextLengthTokens) {
    throw new InvalidRequirementError("usage.contextTokens", contextTokens, `${m.name} reads at most ${m.contextLengthTokens} tokens per input`);
  }
  const batchTokens = Math.max(usage.maxNumBatchedTokens ?? EMBEDDING_BATCH_TOKENS, contextTokens);
  const activationBytes = precision === "fp32" ? 4 : 2;
  const weightsGiB = (m.paramsBillion * 1e9 * BYTES_PER_PARAM[precision]) / GIB;
  const activationsGiB = (batchTokens * (5 * m.hiddenSize + m.intermediateSize) * activationBytes) / GIB;
  const parts: MemoryParts = { ...ZERO, weightsGiB, activationsGiB, overheadGiB: CUDA_CONTEXT_GIB };
  const base = { model: m.name, mode, precision, contextTokens, concurrency: usage.concurrency ?? 1, gpuCount, weightsTotalGiB: weightsGiB };
  return finish(base, parts, 1, [
    `${precision} weights (${m.paramsBillion} B params), one copy per GPU (an embedding server such as text-embeddings-inference runs on one GPU)`,
    `one batch of ${batchTokens} tokens (${usage.maxNumBatchedTokens !== undefined ? "usage.maxNumBatchedTokens" : "text-embeddings-inference's --max-batch-tokens default"}), inputs of up to ${contextTokens}: one ${m.architecture} layer's activations at a time, tokens × (5 × ${m.hiddenSize} + ${m.intermediateSize}) values`,
    `${CUDA_CONTEXT_GIB} GiB for the CUDA context`,
  ]);
}

/** A speech model's server (Whisper): see speechMemory. */
function speechEstimate(m: SpeechModelSpec, usage: ModelUsage, mode: ModelMode, gpuCount: number): MemoryEstimate {
  refuseSettings(usage, [...LANGUAGE_MODEL_ONLY, "maxNumBatchedTokens", "contextTokens"], `${m.name} is ${MODEL_KIND_WORDS.speech}`);
  const precision = usage.precision ?? "bf16";
  const streams = usage.concurrency ?? 1;
  const memory = speechMemory(m, precision, streams);
  const parts: MemoryParts = {
    ...ZERO,
    weightsGiB: memory.weightsGiB,
    kvCacheGiB: memory.kvCacheGiB,
    activationsGiB: memory.activationsGiB,
    overheadGiB: CUDA_CONTEXT_GIB,
  };
  const base = { model: m.name, mode, precision, contextTokens: m.audioFrames, concurrency: streams, gpuCount, weightsTotalGiB: memory.weightsGiB };
  return finish(base, parts, 1, [...memory.assumptions, `${CUDA_CONTEXT_GIB} GiB for the CUDA context`]);
}

function finish(
  base: Base,
  parts: MemoryParts,
  memoryUtilization: number,
  assumptions: readonly string[],
  extra: Partial<MemoryEstimate> = {},
): MemoryEstimate {
  const rounded = roundParts(parts);
  const perGpuGiB = round2(sum(parts));
  return {
    ...base,
    ...extra,
    weightsTotalGiB: round2(base.weightsTotalGiB),
    perGpuGiB,
    memoryUtilization,
    totalGiB: round2(perGpuGiB * base.gpuCount),
    parts: rounded,
    assumptions,
  };
}

/** Custom transformer spec from bare figures (CLI flags or a construct prop); the rest is derived and said so. */
export function customLanguageModel(spec: {
  readonly name?: string;
  readonly paramsBillion: number;
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly hiddenSize?: number;
  readonly intermediateSize?: number;
  readonly vocabSize?: number;
  readonly contextLengthTokens?: number;
}): LanguageModelSpec {
  checkNumber("model.paramsBillion", spec.paramsBillion, POSITIVE);
  if (spec.paramsBillion === undefined) throw new InvalidRequirementError("model.paramsBillion", undefined, "give the model's parameters in billions");
  for (const key of ["layers", "kvHeads", "headDim"] as const) {
    checkNumber(`model.${key}`, spec[key], POSITIVE_WHOLE);
    if (spec[key] === undefined) throw new InvalidRequirementError(`model.${key}`, undefined, "give a positive whole number");
  }
  for (const key of ["hiddenSize", "intermediateSize", "vocabSize", "contextLengthTokens"] as const) checkNumber(`model.${key}`, spec[key], POSITIVE_WHOLE);
  // A Llama-style layer has ≈ 4h² (attention) + 3·h·3.5h (gated MLP) = 14.5·h² parameters, which gives h when omitted.
  const hiddenSize = spec.hiddenSize ?? Math.round(Math.sqrt((spec.paramsBillion * 1e9) / (14.5 * spec.layers)));
  return {
    kind: "llm",
    name: spec.name ?? `custom-${spec.paramsBillion}b`,
    aliases: [],
    paramsBillion: spec.paramsBillion,
    layers: spec.layers,
    hiddenSize,
    // Llama 3 8B's MLP is 3.5 × hidden; its 128,256-token vocabulary is the largest common one below Gemma's.
    intermediateSize: spec.intermediateSize ?? Math.round(3.5 * hiddenSize),
    vocabSize: spec.vocabSize ?? 128256,
    attentionHeads: Math.max(1, Math.round(hiddenSize / spec.headDim)),
    kvHeads: spec.kvHeads,
    headDim: spec.headDim,
    contextLengthTokens: spec.contextLengthTokens ?? 0,
    sources: [],
  };
}

const ZERO: MemoryParts = { weightsGiB: 0, kvCacheGiB: 0, gradientsGiB: 0, optimizerStateGiB: 0, activationsGiB: 0, logitsGiB: 0, overheadGiB: 0 };

function sum(p: MemoryParts): number {
  return p.weightsGiB + p.kvCacheGiB + p.gradientsGiB + p.optimizerStateGiB + p.activationsGiB + p.logitsGiB + p.overheadGiB;
}

function roundParts(p: MemoryParts): MemoryParts {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, round2(v)])) as unknown as MemoryParts;
}
