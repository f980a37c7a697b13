import { GpuWorkloadsError, InvalidRequirementError } from "../validation/errors";
import { InferenceEngine, ModelUsage, Optimizer, Precision, Sharding, TrainingPrecision, customLanguageModel } from "../selection/memory-estimate";
import { resolveModel } from "../selection/resolve-names";
import { ModelSpec } from "../taxonomy/model-spec";
import { DEFAULT_TAXONOMY } from "../taxonomy/taxonomy";
import { ModelMode } from "../taxonomy/workload-profile";
import { FlagSpec, ParsedFlags } from "./args";

/** Flags that describe a model and how it is used (shared by select and estimate). */
export const MODEL_FLAGS: FlagSpec = {
  model: "string",
  params: "number",
  layers: "number",
  "kv-heads": "number",
  "head-dim": "number",
  "hidden-size": "number",
  "intermediate-size": "number",
  vocab: "number",
  mode: "string",
  context: "number",
  concurrency: "number",
  precision: "string",
  engine: "string",
  "gpu-memory-utilization": "number",
  "max-num-batched-tokens": "number",
  "max-num-seqs": "number",
  "prompt-tokens": "number",
  "output-tokens": "number",
  "lora-rank": "number",
  "gradient-checkpointing": "string",
  optimizer: "string",
  sharding: "string",
  "training-precision": "string",
  "fused-loss": "boolean",
};

/** A catalog model by --model, or a custom one from --params/--layers/--kv-heads/--head-dim (and optional widths). */
export function modelFromFlags(flags: ParsedFlags): ModelSpec | undefined {
  const custom = ["params", "layers", "kv-heads", "head-dim"].filter((f) => flags[f] !== undefined);
  const widths = ["hidden-size", "intermediate-size", "vocab"].filter((f) => flags[f] !== undefined);
  if (custom.length === 0) {
    if (widths.length) throw new GpuWorkloadsError("IncompleteModel", `--${widths[0]} describes a custom model; give it with --params, --layers, --kv-heads and --head-dim.`);
    return flags.model === undefined ? undefined : resolveModel(DEFAULT_TAXONOMY, String(flags.model));
  }
  if (custom.length < 4) {
    throw new GpuWorkloadsError(
      "IncompleteModel",
      `a custom model needs --params, --layers, --kv-heads and --head-dim together; got only ${custom.map((f) => `--${f}`).join(", ")}.`,
    );
  }
  return customLanguageModel({
    name: flags.model === undefined ? undefined : String(flags.model),
    paramsBillion: flags.params as number,
    layers: flags.layers as number,
    kvHeads: flags["kv-heads"] as number,
    headDim: flags["head-dim"] as number,
    hiddenSize: flags["hidden-size"] as number | undefined,
    intermediateSize: flags["intermediate-size"] as number | undefined,
    vocabSize: flags.vocab as number | undefined,
  });
}

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
  "usage.mode": "--mode",
  "usage.contextTokens": "--context",
  "usage.concurrency": "--concurrency",
  "usage.precision": "--precision",
  "usage.engine": "--engine",
  "usage.gpuMemoryUtilization": "--gpu-memory-utilization",
  "usage.maxNumBatchedTokens": "--max-num-batched-tokens",
  "usage.maxNumSeqs": "--max-num-seqs",
  "usage.promptTokens": "--prompt-tokens",
  "usage.outputTokens": "--output-tokens",
  "usage.loraRank": "--lora-rank",
  "usage.gradientCheckpointing": "--gradient-checkpointing",
  "usage.optimizer": "--optimizer",
  "usage.sharding": "--sharding",
  "usage.trainingPrecision": "--training-precision",
  "usage.fusedLoss": "--fused-loss",
};

export function usageFromFlags(flags: ParsedFlags): ModelUsage {
  const usage: Record<string, unknown> = {
    mode: flags.mode as ModelMode | undefined,
    contextTokens: flags.context,
    concurrency: flags.concurrency,
    precision: flags.precision as Precision | undefined,
    engine: flags.engine as InferenceEngine | undefined,
    gpuMemoryUtilization: flags["gpu-memory-utilization"],
    maxNumBatchedTokens: flags["max-num-batched-tokens"],
    maxNumSeqs: flags["max-num-seqs"],
    promptTokens: flags["prompt-tokens"],
    outputTokens: flags["output-tokens"],
    loraRank: flags["lora-rank"],
    gradientCheckpointing: onOff(flags["gradient-checkpointing"]),
    optimizer: flags.optimizer as Optimizer | undefined,
    sharding: flags.sharding as Sharding | undefined,
    trainingPrecision: flags["training-precision"] as TrainingPrecision | undefined,
    fusedLoss: flags["fused-loss"] === true ? true : undefined,
  };
  // Unset flags leave no key behind: a usage field present for the wrong mode is an error.
  return Object.fromEntries(Object.entries(usage).filter(([, v]) => v !== undefined)) as ModelUsage;
}

function onOff(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === "on") return true;
  if (value === "off") return false;
  throw new InvalidRequirementError("--gradient-checkpointing", value, "give on or off");
}
