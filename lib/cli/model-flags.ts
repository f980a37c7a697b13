import { GpuWorkloadsError, InvalidRequirementError } from "../validation/errors";
import { ModelUsage, customLanguageModel } from "../selection/memory-estimate";
import { resolveModel } from "../selection/resolve-names";
import { ModelSpec } from "../taxonomy/model-spec";
import { DEFAULT_TAXONOMY } from "../taxonomy/taxonomy";
import { FlagSpec, ParsedFlags, flag } from "./args";

/** Flags that describe a model and how it is used (shared by select and estimate). */
export const MODEL_FLAGS = {
  model: flag.string("NAME", "a model of the catalog by name or alias (gpu-workloads models), or a custom model's name"),
  params: flag.number("B", "custom model: parameters in billions (with --layers, --kv-heads and --head-dim)"),
  layers: flag.number("N", "custom model: transformer layers"),
  "kv-heads": flag.number("N", "custom model: key-value heads"),
  "head-dim": flag.number("N", "custom model: dimension of each attention head"),
  "hidden-size": flag.number("N", "custom model: hidden size (default: derived from the parameters and layers)"),
  "intermediate-size": flag.number("N", "custom model: MLP width"),
  vocab: flag.number("N", "custom model: vocabulary size"),
  mode: flag.string("MODE", "inference, lora or full (default: the workload class's; inference for estimate)"),
  context: flag.number("N", "tokens per sequence: prompt and output, or a fine-tune's sequence length (default 4096)"),
  concurrency: flag.number("N", "sequences in flight per replica, or a fine-tune's micro-batch per GPU (default 1)"),
  precision: flag.string("P", "weights: fp32, bf16, fp16, fp8, int8, int4 (AWQ/GPTQ) or fp4 (NVFP4/MXFP4) (default bf16; int4 with lora is QLoRA)"),
  engine: flag.string("E", "inference engine: vllm, sglang, tensorrt-llm or transformers (default vllm)"),
  "kv-cache-precision": flag.string("P", "inference: KV cache auto (the weights' 16-bit dtype) or fp8 (default auto)"),
  "tensor-parallel-size": flag.number("N", "inference: GPUs one copy of the model spans (default: chosen)"),
  "copies-per-instance": flag.number("N", "inference: copies of the model per instance, side by side (default: chosen)"),
  "gpu-memory-utilization": flag.number("F", "vLLM's share of each GPU's memory (default 0.9)"),
  "max-num-batched-tokens": flag.number("N", "vLLM's tokens per prefill chunk (default vLLM's: 2048, 8192 on GPUs of 70 GiB and more)"),
  "max-num-seqs": flag.number("N", "vLLM's sequences per step (default vLLM's: 256, 1024 on GPUs of 70 GiB and more)"),
  "prompt-tokens": flag.number("N", "transformers: prompt tokens prefilled at once per sequence (default: --context)"),
  "output-tokens": flag.number("N", "tokens each request generates, of its --context (default: the lesser of 512 and half)"),
  "lora-rank": flag.number("N", "fine-tunes: LoRA adapter rank (default 16)"),
  "gradient-checkpointing": flag.string("on|off", "fine-tunes: recompute activations in the backward pass (default on)"),
  optimizer: flag.string("O", "fine-tunes: adamw, adamw-8bit or sgd (default adamw)"),
  sharding: flag.string("S", "fine-tunes on several GPUs: fsdp or ddp (default fsdp)"),
  "training-precision": flag.string("P", "fine-tunes: mixed (bf16 mixed precision) or bf16 (default mixed)"),
  "fused-loss": flag.switch("fine-tunes: the loss never materializes all logits (Liger, Unsloth, chunked cross-entropy)"),
  "fp8-training": flag.switch("fine-tunes and training: FP8 matmuls (Transformer Engine, torchao float8) on GPUs with FP8 tensor cores"),
  steps: flag.number("N", "diffusion models: denoising steps per image, for --images-per-minute (default: the pipeline's)"),
} satisfies FlagSpec;

/** What the model flags parse to, for any command that takes them. */
export type ModelFlags = ParsedFlags<typeof MODEL_FLAGS>;

/** A catalog model by --model, or a custom one from --params/--layers/--kv-heads/--head-dim (and optional widths). */
export function modelFromFlags(flags: ModelFlags): ModelSpec | undefined {
  const custom = (["params", "layers", "kv-heads", "head-dim"] as const).filter((f) => flags[f] !== undefined);
  const widths = (["hidden-size", "intermediate-size", "vocab"] as const).filter((f) => flags[f] !== undefined);
  if (custom.length === 0) {
    if (widths.length)
      throw new GpuWorkloadsError("IncompleteModel", `--${widths[0]} describes a custom model; give it with --params, --layers, --kv-heads and --head-dim.`);
    return flags.model === undefined ? undefined : resolveModel(DEFAULT_TAXONOMY, flags.model);
  }
  if (custom.length < 4) {
    throw new GpuWorkloadsError(
      "IncompleteModel",
      `a custom model needs --params, --layers, --kv-heads and --head-dim together; got only ${custom.map((f) => `--${f}`).join(", ")}.`,
    );
  }
  return customLanguageModel({
    name: flags.model,
    paramsBillion: flags.params!,
    layers: flags.layers!,
    kvHeads: flags["kv-heads"]!,
    headDim: flags["head-dim"]!,
    hiddenSize: flags["hidden-size"],
    intermediateSize: flags["intermediate-size"],
    vocabSize: flags.vocab,
  });
}

/** Each usage field and the flag that sets it; `as` turns the flag's value into the field's where they differ. */
const USAGE_FLAGS: { readonly [K in keyof Required<ModelUsage>]: { readonly flag: keyof typeof MODEL_FLAGS; readonly as?: (value: unknown) => unknown } } = {
  mode: { flag: "mode" },
  contextTokens: { flag: "context" },
  concurrency: { flag: "concurrency" },
  precision: { flag: "precision" },
  engine: { flag: "engine" },
  kvCachePrecision: { flag: "kv-cache-precision" },
  tensorParallelSize: { flag: "tensor-parallel-size" },
  copiesPerInstance: { flag: "copies-per-instance" },
  gpuMemoryUtilization: { flag: "gpu-memory-utilization" },
  maxNumBatchedTokens: { flag: "max-num-batched-tokens" },
  maxNumSeqs: { flag: "max-num-seqs" },
  promptTokens: { flag: "prompt-tokens" },
  outputTokens: { flag: "output-tokens" },
  loraRank: { flag: "lora-rank" },
  gradientCheckpointing: { flag: "gradient-checkpointing", as: onOff },
  optimizer: { flag: "optimizer" },
  sharding: { flag: "sharding" },
  trainingPrecision: { flag: "training-precision" },
  fusedLoss: { flag: "fused-loss", as: (value) => (value === true ? true : undefined) },
  fp8Training: { flag: "fp8-training", as: (value) => (value === true ? true : undefined) },
  denoisingSteps: { flag: "steps" },
};

/** Library properties the model flags set, by the flag that sets them. */
export const MODEL_FLAG_FOR: Readonly<Record<string, string>> = {
  "model.paramsBillion": "--params",
  "model.layers": "--layers",
  "model.kvHeads": "--kv-heads",
  "model.headDim": "--head-dim",
  "model.hiddenSize": "--hidden-size",
  "model.intermediateSize": "--intermediate-size",
  "model.vocabSize": "--vocab",
  "model.name": "--model",
  ...Object.fromEntries(Object.entries(USAGE_FLAGS).map(([field, { flag }]) => [`usage.${field}`, `--${flag}`])),
};

export function usageFromFlags(flags: ModelFlags): ModelUsage {
  // Unset flags leave no key behind: a usage field present for the wrong mode is an error.
  const usage = Object.entries(USAGE_FLAGS)
    .map(([field, { flag, as }]) => [field, flags[flag] === undefined ? undefined : as ? as(flags[flag]) : flags[flag]] as const)
    .filter(([, value]) => value !== undefined);
  return Object.fromEntries(usage) as ModelUsage;
}

function onOff(value: unknown): boolean | undefined {
  if (value === "on") return true;
  if (value === "off") return false;
  throw new InvalidRequirementError("--gradient-checkpointing", value, "give on or off");
}
