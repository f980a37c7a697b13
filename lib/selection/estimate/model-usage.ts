import { MODEL_MODES, ModelMode } from "../../taxonomy/workload-profile";
import { checkOneOf } from "../../validation/allowed-values";
import { InvalidRequirementError } from "../../validation/errors";
import { NumberRule, checkNumber } from "../../validation/numbers";

/** Numeric precision of the served or frozen weights (and of the KV cache, at least 8 bits). */
export const PRECISIONS = ["fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4"] as const;
/**
 * One of {@link PRECISIONS}: int8 is W8A8; int4 is weight-only (AWQ/GPTQ), or NF4 under a LoRA fine-tune (QLoRA); fp4 is
 * NVFP4/MXFP4 (4-bit floats with a scale per 16 or 32 values: native on Blackwell, weight-only elsewhere; inference only).
 */
export type Precision = (typeof PRECISIONS)[number];

/** fp4 counts NVFP4's one-byte scale per 16 values (MXFP4's per 32 is half that): 0.5 + 1/16. */
export const BYTES_PER_PARAM: Readonly<Record<Precision, number>> = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5, fp4: 0.5625 };

/** Bytes in a GiB: estimates count bytes and report GiB. */
export const GIB = 1024 ** 3;

/** What serves the model: vLLM's OpenAI-compatible server, SGLang's, NVIDIA TensorRT-LLM's, or Hugging Face transformers' `generate`. */
export const ENGINES = ["vllm", "sglang", "tensorrt-llm", "transformers"] as const;
/** One of {@link ENGINES}. */
export type InferenceEngine = (typeof ENGINES)[number];

/** Precision of the KV cache: the model's own 16-bit dtype ("auto"), or fp8 (vLLM/SGLang --kv-cache-dtype fp8), half the bytes. */
export const KV_CACHE_PRECISIONS = ["auto", "fp8"] as const;
/** One of {@link KV_CACHE_PRECISIONS}. */
export type KvCachePrecision = (typeof KV_CACHE_PRECISIONS)[number];

/** The optimizer of a fine-tune or training run. */
export const OPTIMIZERS = ["adamw", "adamw-8bit", "sgd"] as const;
/** One of {@link OPTIMIZERS}: AdamW keeps two moments per trained parameter, 8-bit AdamW a byte for each, SGD one momentum. */
export type Optimizer = (typeof OPTIMIZERS)[number];

/** How a fine-tune keeps its numbers: mixed precision (fp32 master weights; Hugging Face Trainer) or pure bf16 (torchtune). */
export const TRAINING_PRECISIONS = ["mixed", "bf16"] as const;
/** One of {@link TRAINING_PRECISIONS}. */
export type TrainingPrecision = (typeof TRAINING_PRECISIONS)[number];

/** How a run spreads over several GPUs: DDP replicates the model on each, FSDP (ZeRO-3) shards it. */
export const SHARDINGS = ["fsdp", "ddp"] as const;
/** One of {@link SHARDINGS}. */
export type Sharding = (typeof SHARDINGS)[number];

/** How the model is used. Fields that do not apply to the mode are refused, so a setting never silently does nothing. */
export interface ModelUsage {
  /** What is done with the model: inference, a LoRA fine-tune or a full one. @default the workload class's mode ("inference", "lora" for FineTuning, "full" for Training) */
  readonly mode?: ModelMode;
  /** Inference: tokens per sequence (prompt + output). Fine-tunes: sequence length. @default 4096 */
  readonly contextTokens?: number;
  /** Inference: sequences in flight (per replica). Fine-tunes: micro-batch size per GPU. @default 1 */
  readonly concurrency?: number;
  /** Precision of the (frozen) weights; the KV cache keeps it, at least 8 bits. int4 with lora is QLoRA. @default "bf16" */
  readonly precision?: Precision;
  /** Inference: the engine. @default "vllm" */
  readonly engine?: InferenceEngine;
  /** Inference: precision of the KV cache. fp8 halves its bytes (more sequences fit, each reads less per step). @default "auto" (the weights' 16-bit dtype) */
  readonly kvCachePrecision?: KvCachePrecision;
  /** Inference: GPUs one copy of the model spans (tensor parallel); it must divide the model's attention heads and the instance's GPUs. @default chosen by selection */
  readonly tensorParallelSize?: number;
  /** Inference: copies of the model one instance runs side by side (data parallel), each on tensorParallelSize GPUs. @default chosen by selection */
  readonly copiesPerInstance?: number;
  /** vLLM: share of each GPU's memory it may use (--gpu-memory-utilization). @default 0.9 */
  readonly gpuMemoryUtilization?: number;
  /**
   * vLLM: tokens of one prefill chunk (--max-num-batched-tokens). Embedding models: tokens of one batch
   * (text-embeddings-inference's --max-batch-tokens). @default vLLM's for its API server: 2048, or 8192 on GPUs of 70
   * GiB and more; for embedding models 16384
   */
  readonly maxNumBatchedTokens?: number;
  /** transformers: prompt tokens prefilled at once per sequence. @default contextTokens */
  readonly promptTokens?: number;
  /** Inference: tokens each request generates, of its contextTokens (throughput counts output tokens). @default min(512, contextTokens / 2) */
  readonly outputTokens?: number;
  /** Fine-tunes: LoRA adapter rank. @default 16 */
  readonly loraRank?: number;
  /** Fine-tunes: recompute activations in the backward pass, keeping only each layer's input. @default true */
  readonly gradientCheckpointing?: boolean;
  /** Fine-tunes: @default "adamw" */
  readonly optimizer?: Optimizer;
  /** Fine-tunes on more than one GPU: @default "fsdp" */
  readonly sharding?: Sharding;
  /** Fine-tunes: @default "mixed" (the Hugging Face Trainer's bf16 mixed precision) */
  readonly trainingPrecision?: TrainingPrecision;
  /** Fine-tunes: the loss never materializes all logits (Liger, Unsloth, torchtune's chunked cross-entropy). @default false */
  readonly fusedLoss?: boolean;
  /**
   * Fine-tunes and training: FP8 matmuls (Transformer Engine, torchao float8), ~1.3× BF16's speed (torchtitan); weights,
   * gradients and optimizer state stay as trainingPrecision keeps them. Only GPUs with FP8 tensor cores (compute
   * capability 8.9: L4, L40S, H100, H200, B200, ...) are chosen. @default false
   */
  readonly fp8Training?: boolean;
  /** vLLM: sequences one step may run (--max-num-seqs); at least the concurrency. @default vLLM's (256, or 1024 on GPUs of 70 GiB and more), raised to the concurrency */
  readonly maxNumSeqs?: number;
  /** Diffusion models: denoising steps per image, for an imagesPerMinute target. @default the model's pipeline default (speed.defaultSteps) */
  readonly denoisingSteps?: number;
}

export const DEFAULT_CONTEXT_TOKENS = 4096;
export const DEFAULT_LORA_RANK = 16;

/** Tokens a request generates when the usage does not say: half its context, at most 512 (a long chat answer). */
export function defaultOutputTokens(contextTokens: number): number {
  return Math.max(1, Math.min(512, Math.floor(contextTokens / 2)));
}

/** Bounds on usage: plausibility, so a typo fails here instead of exhausting memory or switching a check off. */
export const USAGE_RULES = {
  contextTokens: { integer: true, min: 1, max: 10_000_000, why: "no model serves a longer context" },
  promptTokens: { integer: true, min: 1, max: 10_000_000 },
  outputTokens: { integer: true, min: 1, max: 10_000_000 },
  concurrency: { integer: true, min: 1, max: 100_000 },
  loraRank: { integer: true, min: 1, max: 4096 },
  gpuCount: { integer: true, min: 1, max: 65_536 },
  gpuMemoryUtilization: { min: 0.05, max: 1, why: "vLLM takes a share of the GPU in (0, 1]" },
  maxNumBatchedTokens: { integer: true, min: 16, max: 10_000_000 },
  maxNumSeqs: { integer: true, min: 1, max: 100_000 },
  tensorParallelSize: { integer: true, min: 1, max: 72 },
  copiesPerInstance: { integer: true, min: 1, max: 72 },
  denoisingSteps: { integer: true, min: 1, max: 1000 },
} as const satisfies Record<string, NumberRule>;

/** The fields each mode reads: a field of another mode is an error, not a silent no-op. */
const FIELDS_OF: Readonly<Record<string, readonly ModelMode[]>> = {
  engine: ["inference"],
  kvCachePrecision: ["inference"],
  tensorParallelSize: ["inference"],
  copiesPerInstance: ["inference"],
  gpuMemoryUtilization: ["inference"],
  maxNumBatchedTokens: ["inference"],
  maxNumSeqs: ["inference"],
  promptTokens: ["inference"],
  outputTokens: ["inference"],
  denoisingSteps: ["inference"],
  loraRank: ["lora"],
  gradientCheckpointing: ["lora", "full"],
  optimizer: ["lora", "full"],
  sharding: ["lora", "full"],
  trainingPrecision: ["lora", "full"],
  fusedLoss: ["lora", "full"],
  fp8Training: ["lora", "full"],
};

/** Throws a typed error naming the field unless the usage is an object of known values within bounds. */
export function checkModelUsage(usage: ModelUsage, mode: ModelMode = usage?.mode ?? "inference"): void {
  if (usage === null || typeof usage !== "object" || Array.isArray(usage)) {
    throw new InvalidRequirementError("usage", usage, "give an object such as { contextTokens: 4096, concurrency: 8 }");
  }
  checkOneOf("usage.mode", usage.mode, MODEL_MODES);
  checkOneOf("usage.precision", usage.precision, PRECISIONS);
  checkOneOf("usage.engine", usage.engine, ENGINES);
  checkOneOf("usage.kvCachePrecision", usage.kvCachePrecision, KV_CACHE_PRECISIONS);
  checkOneOf("usage.optimizer", usage.optimizer, OPTIMIZERS);
  checkOneOf("usage.sharding", usage.sharding, SHARDINGS);
  checkOneOf("usage.trainingPrecision", usage.trainingPrecision, TRAINING_PRECISIONS);
  for (const [field, rule] of Object.entries(USAGE_RULES)) {
    if (field !== "gpuCount") checkNumber(`usage.${field}`, (usage as Record<string, unknown>)[field], rule);
  }
  for (const field of ["gradientCheckpointing", "fusedLoss", "fp8Training"] as const) {
    if (usage[field] !== undefined && typeof usage[field] !== "boolean")
      throw new InvalidRequirementError(`usage.${field}`, usage[field], "give true or false");
  }
  for (const [field, modes] of Object.entries(FIELDS_OF)) {
    if (Object.prototype.hasOwnProperty.call(usage, field) && (usage as Record<string, unknown>)[field] !== undefined && !modes.includes(mode)) {
      throw new InvalidRequirementError(`usage.${field}`, (usage as Record<string, unknown>)[field], `it applies to mode ${modes.join(" or ")}, not ${mode}`);
    }
  }
  if (usage.engine === "transformers") {
    const serverOnly = (["gpuMemoryUtilization", "maxNumBatchedTokens", "maxNumSeqs", "kvCachePrecision", "copiesPerInstance"] as const).find(
      (f) => usage[f] !== undefined,
    );
    if (serverOnly)
      throw new InvalidRequirementError(
        `usage.${serverOnly}`,
        usage[serverOnly],
        'it is a serving-engine setting; remove it or use engine "vllm", "sglang" or "tensorrt-llm"',
      );
  }
  if (usage.engine === "tensorrt-llm" && usage.gpuMemoryUtilization !== undefined) {
    throw new InvalidRequirementError(
      "usage.gpuMemoryUtilization",
      usage.gpuMemoryUtilization,
      'TensorRT-LLM sizes its KV cache from the memory left after the weights (free_gpu_memory_fraction 0.9); remove it or use engine "vllm" or "sglang"',
    );
  }
  if (usage.engine !== "transformers" && usage.promptTokens !== undefined) {
    throw new InvalidRequirementError(
      "usage.promptTokens",
      usage.promptTokens,
      'serving engines prefill in chunks of maxNumBatchedTokens; promptTokens applies to engine "transformers"',
    );
  }
  if (usage.outputTokens !== undefined && usage.outputTokens >= (usage.contextTokens ?? DEFAULT_CONTEXT_TOKENS)) {
    throw new InvalidRequirementError(
      "usage.outputTokens",
      usage.outputTokens,
      `give fewer than contextTokens (${usage.contextTokens ?? DEFAULT_CONTEXT_TOKENS}): the prompt takes the rest`,
    );
  }
  if (usage.promptTokens !== undefined && usage.promptTokens > (usage.contextTokens ?? DEFAULT_CONTEXT_TOKENS)) {
    throw new InvalidRequirementError(
      "usage.promptTokens",
      usage.promptTokens,
      `give at most contextTokens (${usage.contextTokens ?? DEFAULT_CONTEXT_TOKENS}), the prompt and output together`,
    );
  }
}
