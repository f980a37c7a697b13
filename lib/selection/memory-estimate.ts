import { ModelMode } from "../taxonomy/workload-profile";
import { DiffusionModelSpec, LanguageModelSpec, ModelSpec } from "../taxonomy/model-spec";
import { checkModelSpec } from "../taxonomy/schema";
import { MODEL_MODES } from "../taxonomy/workload-profile";
import { checkOneOf } from "../validation/allowed-values";
import { InvalidRequirementError } from "../validation/errors";
import { NumberRule, POSITIVE, POSITIVE_WHOLE, checkNumber } from "../validation/numbers";

/** Numeric precision of the served or frozen weights. */
export const PRECISIONS = ["fp32", "bf16", "fp16", "fp8", "int8", "int4"] as const;
export type Precision = (typeof PRECISIONS)[number];

export const BYTES_PER_PARAM: Readonly<Record<Precision, number>> = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
};

/** How the model is used. */
export interface ModelUsage {
  /** @default the workload class's mode ("inference", "lora" for FineTuning, "full" for Training) */
  readonly mode?: ModelMode;
  /** Inference: tokens per sequence (prompt + output). Fine-tunes: sequence length. @default 4096 */
  readonly contextTokens?: number;
  /** Inference: sequences in flight. Fine-tunes: micro-batch size per GPU. @default 1 */
  readonly concurrency?: number;
  /** Precision of the (frozen) weights and KV cache. @default "bf16" */
  readonly precision?: Precision;
  /** LoRA adapter rank. @default 16 */
  readonly loraRank?: number;
}

/** Where the memory goes, in GiB, summed over all GPUs. */
export interface MemoryParts {
  readonly weightsGiB: number;
  readonly kvCacheGiB: number;
  readonly gradientsGiB: number;
  readonly optimizerStateGiB: number;
  readonly activationsGiB: number;
  readonly overheadGiB: number;
}

export interface MemoryEstimate {
  readonly model: string;
  readonly mode: ModelMode;
  readonly precision: Precision;
  readonly contextTokens: number;
  readonly concurrency: number;
  /** GPUs the estimate is spread over. */
  readonly gpuCount: number;
  readonly totalGiB: number;
  /** What the busiest GPU holds. */
  readonly perGpuGiB: number;
  readonly parts: MemoryParts;
  /** The assumptions behind the figures, in words. */
  readonly assumptions: readonly string[];
}

export const DEFAULT_CONTEXT_TOKENS = 4096;

/** Bounds on usage: plausibility, so a typo fails here instead of exhausting memory or switching a check off. */
export const USAGE_RULES = {
  contextTokens: { integer: true, min: 1, max: 10_000_000, why: "no model serves a longer context" },
  concurrency: { integer: true, min: 1, max: 100_000 },
  loraRank: { integer: true, min: 1, max: 4096 },
  gpuCount: { integer: true, min: 1, max: 65_536 },
} as const satisfies Record<string, NumberRule>;
export const DEFAULT_LORA_RANK = 16;

const GIB = 1024 ** 3;

/**
 * CUDA context, cuBLAS/NCCL workspaces and allocator fragmentation per GPU process. PyTorch's
 * CUDA context alone takes 0.3–0.8 GiB depending on the GPU and CUDA version (PyTorch "CUDA semantics",
 * memory management notes); 1 GiB per GPU is the conservative figure we hold.
 */
export const RUNTIME_OVERHEAD_GIB_PER_GPU = 1;

/**
 * Inference activations and allocator slack as a fraction of the weights: EleutherAI's
 * "Transformer Math 101" (2023) puts total inference memory at ≈ 1.2 × the weights.
 */
export const INFERENCE_ACTIVATION_FRACTION = 0.2;

/**
 * Full fine-tune with AdamW in mixed precision: 2 B bf16 weights + 2 B bf16 gradients + 4 B fp32 master
 * weights + 4 B + 4 B fp32 moments = 16 bytes per parameter (Transformer Math 101; ZeRO paper, Rajbhandari et al. 2020, §3.1).
 */
export const FULL_FINE_TUNE_BYTES = { weights: 2, gradients: 2, optimizer: 12 } as const;

/** AdamW state of a trainable adapter parameter, same 16-byte split as a full fine-tune. */
const ADAPTER_BYTES_PER_PARAM = 16;

/**
 * Estimates the GPU memory a model needs for a use, spread over `gpuCount` GPUs
 * (tensor-parallel for inference, fully sharded, FSDP/ZeRO-3, for fine-tunes).
 */
export function estimateMemory(model: ModelSpec, usage: ModelUsage = {}, gpuCount = 1): MemoryEstimate {
  const mode = usage.mode ?? "inference";
  const precision = usage.precision ?? "bf16";
  const contextTokens = usage.contextTokens ?? DEFAULT_CONTEXT_TOKENS;
  const concurrency = usage.concurrency ?? 1;
  validateUsage(model, usage, gpuCount);
  const parts =
    model.kind === "diffusion"
      ? diffusionParts(model, mode, concurrency)
      : mode === "inference"
        ? inferenceParts(model, precision, contextTokens, concurrency)
        : mode === "lora"
          ? loraParts(model, precision, contextTokens, concurrency, usage.loraRank ?? DEFAULT_LORA_RANK)
          : fullFineTuneParts(model, contextTokens, concurrency);
  const overheadGiB = RUNTIME_OVERHEAD_GIB_PER_GPU * gpuCount;
  const withOverhead = { ...parts.parts, overheadGiB: parts.parts.overheadGiB + overheadGiB };
  const totalGiB = sum(withOverhead);
  // Activations of a micro-batch stay on the GPU that runs it; everything else shards evenly.
  const perGpuGiB =
    mode === "inference" ? totalGiB / gpuCount : (totalGiB - withOverhead.activationsGiB * gpuCount) / gpuCount + withOverhead.activationsGiB;
  return {
    model: model.name,
    mode,
    precision,
    contextTokens,
    concurrency,
    gpuCount,
    totalGiB: round(totalGiB),
    perGpuGiB: round(perGpuGiB),
    parts: roundParts(withOverhead),
    assumptions: [...parts.assumptions, `${RUNTIME_OVERHEAD_GIB_PER_GPU} GiB per GPU for CUDA context and workspaces`],
  };
}

interface PartialEstimate {
  readonly parts: MemoryParts;
  readonly assumptions: readonly string[];
}

function inferenceParts(m: LanguageModelSpec, precision: Precision, tokens: number, sequences: number): PartialEstimate {
  const bytes = BYTES_PER_PARAM[precision];
  const weightsGiB = (m.paramsBillion * 1e9 * bytes) / GIB;
  // K and V per layer, per KV head, per head dimension, per token; the cache keeps the weights' precision (int4 weights keep an 8-bit cache).
  const kvBytes = Math.max(bytes, 1);
  const kvCacheGiB = (2 * m.layers * m.kvHeads * m.headDim * kvBytes * tokens * sequences) / GIB;
  return {
    parts: { ...ZERO, weightsGiB, kvCacheGiB, activationsGiB: weightsGiB * INFERENCE_ACTIVATION_FRACTION },
    assumptions: [
      `${precision} weights (${bytes} B/param)`,
      `KV cache for ${sequences} × ${tokens} tokens at ${kvBytes} B per value`,
      `activations and allocator slack ${INFERENCE_ACTIVATION_FRACTION * 100}% of weights (Transformer Math 101)`,
    ],
  };
}

function loraParts(m: LanguageModelSpec, precision: Precision, tokens: number, batch: number, rank: number): PartialEstimate {
  const bytes = BYTES_PER_PARAM[precision];
  const weightsGiB = (m.paramsBillion * 1e9 * bytes) / GIB;
  // Adapters on q, k, v, o (≈ 2·r·h each) and the three MLP projections (≈ r·(h + 3.5h) each) of every layer.
  const adapterParams = rank * m.hiddenSize * (4 * 2 + 3 * 4.5) * m.layers;
  const adapterGiB = (adapterParams * ADAPTER_BYTES_PER_PARAM) / GIB;
  return {
    parts: {
      ...ZERO,
      weightsGiB: weightsGiB + (adapterParams * 2) / GIB,
      gradientsGiB: (adapterParams * 2) / GIB,
      optimizerStateGiB: adapterGiB - (adapterParams * 4) / GIB,
      activationsGiB: checkpointedActivationsGiB(m, tokens, batch),
    },
    assumptions: [
      `frozen ${precision} weights (${bytes} B/param)`,
      `rank-${rank} adapters on attention and MLP: ${(adapterParams / 1e6).toFixed(0)} M trainable params at ${ADAPTER_BYTES_PER_PARAM} B each (AdamW)`,
      `activations with gradient checkpointing for ${batch} × ${tokens} tokens`,
    ],
  };
}

function fullFineTuneParts(m: LanguageModelSpec, tokens: number, batch: number): PartialEstimate {
  const params = m.paramsBillion * 1e9;
  return {
    parts: {
      ...ZERO,
      weightsGiB: (params * FULL_FINE_TUNE_BYTES.weights) / GIB,
      gradientsGiB: (params * FULL_FINE_TUNE_BYTES.gradients) / GIB,
      optimizerStateGiB: (params * FULL_FINE_TUNE_BYTES.optimizer) / GIB,
      activationsGiB: checkpointedActivationsGiB(m, tokens, batch),
    },
    assumptions: [
      "AdamW mixed precision: 16 B/param (bf16 weights and gradients, fp32 master copy and two moments)",
      "weights, gradients and optimizer state fully sharded across GPUs (FSDP / ZeRO-3)",
      `activations with gradient checkpointing for ${batch} × ${tokens} tokens per GPU`,
    ],
  };
}

/**
 * With full activation recomputation only each layer's input is kept: 2·s·b·h·L bytes
 * (Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models"; Transformer Math 101).
 * The largest layer's recomputed working set (≈ 34·s·b·h bytes, same paper) is added on top.
 */
function checkpointedActivationsGiB(m: LanguageModelSpec, tokens: number, batch: number): number {
  return ((2 * m.layers + 34) * tokens * batch * m.hiddenSize) / GIB;
}

function diffusionParts(m: DiffusionModelSpec, mode: ModelMode, images: number): PartialEstimate {
  if (mode !== "inference") {
    throw new InvalidRequirementError("usage.mode", mode, `the estimator models ${m.name} (a diffusion model) for inference only`);
  }
  const weightsGiB = (m.paramsBillion * 1e9 * 2) / GIB;
  const typicalGiB = (m.typicalVramGB * 1e9) / GIB;
  // The published figure already holds a CUDA context: take ours back out so it is not counted twice.
  const perImage = Math.max(typicalGiB - weightsGiB - RUNTIME_OVERHEAD_GIB_PER_GPU, 0);
  return {
    parts: { ...ZERO, weightsGiB, activationsGiB: perImage * images },
    assumptions: [
      `fp16 denoiser weights (${m.paramsBillion} B params)`,
      `pipeline needs ≈ ${m.typicalVramGB} GB per image in flight at native resolution (model card)`,
    ],
  };
}

/** Custom transformer spec from bare figures (CLI flags or a construct prop). */
export function customLanguageModel(spec: {
  readonly name?: string;
  readonly paramsBillion: number;
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly hiddenSize?: number;
  readonly contextLengthTokens?: number;
}): LanguageModelSpec {
  checkNumber("model.paramsBillion", spec.paramsBillion, POSITIVE);
  if (spec.paramsBillion === undefined) throw new InvalidRequirementError("model.paramsBillion", undefined, "give the model's parameters in billions");
  for (const key of ["layers", "kvHeads", "headDim"] as const) {
    checkNumber(`model.${key}`, spec[key], POSITIVE_WHOLE);
    if (spec[key] === undefined) throw new InvalidRequirementError(`model.${key}`, undefined, "give a positive whole number");
  }
  // A dense transformer has ≈ 12·L·h² parameters, which gives h when the spec omits it.
  const hiddenSize = spec.hiddenSize ?? Math.round(Math.sqrt((spec.paramsBillion * 1e9) / (12 * spec.layers)));
  return {
    kind: "llm",
    name: spec.name ?? `custom-${spec.paramsBillion}b`,
    aliases: [],
    paramsBillion: spec.paramsBillion,
    layers: spec.layers,
    hiddenSize,
    attentionHeads: Math.max(1, Math.round(hiddenSize / spec.headDim)),
    kvHeads: spec.kvHeads,
    headDim: spec.headDim,
    contextLengthTokens: spec.contextLengthTokens ?? 0,
    sources: [],
  };
}

function validateUsage(model: ModelSpec, usage: ModelUsage, gpuCount: number): void {
  checkModelSpec("model", model);
  checkModelUsage(usage);
  checkNumber("gpuCount", gpuCount, USAGE_RULES.gpuCount);
}

/** Throws a typed error naming the field unless the usage is an object of known values within bounds. */
export function checkModelUsage(usage: ModelUsage): void {
  if (usage === null || typeof usage !== "object") {
    throw new InvalidRequirementError("usage", usage, "give an object such as { contextTokens: 4096, concurrency: 8 }");
  }
  checkOneOf("usage.mode", usage.mode, MODEL_MODES);
  checkOneOf("usage.precision", usage.precision, PRECISIONS);
  checkNumber("usage.contextTokens", usage.contextTokens, USAGE_RULES.contextTokens);
  checkNumber("usage.concurrency", usage.concurrency, USAGE_RULES.concurrency);
  checkNumber("usage.loraRank", usage.loraRank, USAGE_RULES.loraRank);
}

const ZERO: MemoryParts = { weightsGiB: 0, kvCacheGiB: 0, gradientsGiB: 0, optimizerStateGiB: 0, activationsGiB: 0, overheadGiB: 0 };

function sum(p: MemoryParts): number {
  return p.weightsGiB + p.kvCacheGiB + p.gradientsGiB + p.optimizerStateGiB + p.activationsGiB + p.overheadGiB;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function roundParts(p: MemoryParts): MemoryParts {
  return {
    weightsGiB: round(p.weightsGiB),
    kvCacheGiB: round(p.kvCacheGiB),
    gradientsGiB: round(p.gradientsGiB),
    optimizerStateGiB: round(p.optimizerStateGiB),
    activationsGiB: round(p.activationsGiB),
    overheadGiB: round(p.overheadGiB),
  };
}
