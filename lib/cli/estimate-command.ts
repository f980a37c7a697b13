import { GpuWorkloadsError } from "../validation/errors";
import { estimateMemory } from "../selection/memory-estimate";
import { Command } from "./command";
import { MODEL_FLAGS, MODEL_FLAG_FOR, modelFromFlags, usageFromFlags } from "./model-flags";
import { renderTable } from "./table";

export const estimateCommand: Command = {
  name: "estimate",
  summary: "GPU memory a model needs, part by part",
  usage:
    "gpu-workloads estimate --model NAME [--params B --layers N --kv-heads N --head-dim N] --mode inference|lora|full" +
    " [--context N --concurrency N --precision fp32|bf16|fp16|fp8|int8|int4] [--gpus N] [--json]",
  flags: { ...MODEL_FLAGS, gpus: "number", json: "boolean" },
  flagFor: { ...MODEL_FLAG_FOR, gpuCount: "--gpus" },
  run(flags) {
    const model = modelFromFlags(flags);
    if (!model) {
      throw new GpuWorkloadsError("MissingModel", "estimate needs --model NAME (see gpu-workloads estimate --help) or a custom --params/--layers/--kv-heads/--head-dim.");
    }
    const estimate = estimateMemory(model, usageFromFlags(flags), (flags.gpus as number | undefined) ?? 1);
    const p = estimate.parts;
    const text = [
      `${estimate.model} ${estimate.mode} (${estimate.precision}, ${estimate.concurrency} × ${estimate.contextTokens} tokens) on ${estimate.gpuCount} GPU(s):` +
        ` ${estimate.totalGiB} GiB in total, ${estimate.perGpuGiB} GiB per GPU`,
      "",
      renderTable(
        ["part", "GiB"],
        [
          ["weights", p.weightsGiB],
          ["KV cache", p.kvCacheGiB],
          ["gradients", p.gradientsGiB],
          ["optimizer state", p.optimizerStateGiB],
          ["activations", p.activationsGiB],
          ["overhead", p.overheadGiB],
          ["total", estimate.totalGiB],
        ],
      ),
      "",
      "Assumptions:",
      ...estimate.assumptions.map((a) => `  - ${a}`),
    ].join("\n");
    return { json: estimate, text };
  },
};
