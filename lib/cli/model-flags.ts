import { GpuWorkloadsError } from "../validation/errors";
import { ModelUsage, Precision, customLanguageModel } from "../selection/memory-estimate";
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
  mode: "string",
  context: "number",
  concurrency: "number",
  precision: "string",
};

/** A catalog model by --model, or a custom one from --params/--layers/--kv-heads/--head-dim. */
export function modelFromFlags(flags: ParsedFlags): ModelSpec | undefined {
  const custom = ["params", "layers", "kv-heads", "head-dim"].filter((f) => flags[f] !== undefined);
  if (custom.length === 0) return flags.model === undefined ? undefined : resolveModel(DEFAULT_TAXONOMY, String(flags.model));
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
  });
}

/** Library properties the model flags set, by the flag that sets them. */
export const MODEL_FLAG_FOR: Readonly<Record<string, string>> = {
  "model.paramsBillion": "--params",
  "model.layers": "--layers",
  "model.kvHeads": "--kv-heads",
  "model.headDim": "--head-dim",
  "model.name": "--model",
  "usage.mode": "--mode",
  "usage.contextTokens": "--context",
  "usage.concurrency": "--concurrency",
  "usage.precision": "--precision",
};

export function usageFromFlags(flags: ParsedFlags): ModelUsage {
  return {
    mode: flags.mode as ModelMode | undefined,
    contextTokens: flags.context as number | undefined,
    concurrency: flags.concurrency as number | undefined,
    precision: flags.precision as Precision | undefined,
  };
}
