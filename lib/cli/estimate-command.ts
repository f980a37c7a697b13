import { GpuWorkloadsError, InvalidRequirementError } from "../validation/errors";
import { estimateMemory, fitsOnGpu } from "../selection/memory-estimate";
import { resolveGpuName } from "../selection/resolve-names";
import { usableMemoryGiB } from "../taxonomy/gpu-share";
import { DEFAULT_TAXONOMY, gpuModel } from "../taxonomy/taxonomy";
import { JSON_FLAG, flag } from "./args";
import { command } from "./command";
import { MODEL_FLAGS, MODEL_FLAG_FOR, modelFromFlags, usageFromFlags } from "./model-flags";
import { renderTable } from "./table";
import { wrap } from "./wrap";

export const estimateCommand = command({
  name: "estimate",
  summary: "GPU memory a model needs, part by part, with every assumption",
  usage:
    "gpu-workloads estimate --model NAME [--params B --layers N --kv-heads N --head-dim N [--hidden-size N --intermediate-size N --vocab N]]" +
    " --mode inference|lora|full [--context N --concurrency N --precision fp32|bf16|fp16|fp8|int8|int4|fp4] [--gpus N] [--gpu NAME]" +
    " [--engine vllm|sglang|tensorrt-llm|transformers --kv-cache-precision auto|fp8 --tensor-parallel-size N --copies-per-instance N --gpu-memory-utilization F --max-num-batched-tokens N --max-num-seqs N --prompt-tokens N --output-tokens N]" +
    " [--lora-rank N --gradient-checkpointing on|off --optimizer adamw|adamw-8bit|sgd --sharding fsdp|ddp --training-precision mixed|bf16 --fused-loss --fp8-training] [--steps N] [--json]",
  flags: {
    ...MODEL_FLAGS,
    gpus: flag.number("N", "GPUs the model is spread over (default 1)"),
    gpu: flag.string("NAME", "the GPU: vLLM's defaults for it, and whether the estimate fits it"),
    json: JSON_FLAG,
  },
  examples: [
    "gpu-workloads estimate --model llama-3.1-8b --context 8192 --concurrency 4 --gpu L40S",
    "gpu-workloads estimate --model llama-3.1-70b --mode lora --precision int4 --gpus 2",
    "gpu-workloads estimate --params 8 --layers 32 --kv-heads 8 --head-dim 128 --mode full --gpus 8",
  ],
  flagFor: { ...MODEL_FLAG_FOR, gpuCount: "--gpus" },
  run(flags) {
    const model = modelFromFlags(flags);
    if (!model) {
      throw new GpuWorkloadsError(
        "MissingModel",
        "estimate needs --model NAME (see gpu-workloads models) or a custom --params/--layers/--kv-heads/--head-dim.",
      );
    }
    // vLLM's defaults follow the GPU: --gpu H100 gives what `vllm serve` picks there.
    const gpu = flags.gpu === undefined ? undefined : gpuModel(DEFAULT_TAXONOMY, resolveGpuName(DEFAULT_TAXONOMY, flags.gpu!, "--gpu"));
    const target = gpu && { memoryGiB: usableMemoryGiB(gpu), name: gpu.name };
    if (flags["copies-per-instance"] !== undefined) {
      throw new InvalidRequirementError(
        "--copies-per-instance",
        flags["copies-per-instance"],
        "estimate sizes one copy of the model; give it to select, which places copies on an instance",
      );
    }
    const estimate = estimateMemory(model, usageFromFlags(flags), flags.gpus ?? 1, target);
    const p = estimate.parts;
    const setup = estimate.engine ?? (estimate.training ? `${estimate.training.trainingPrecision} precision, ${estimate.training.optimizer}` : "");
    const fits = target
      ? [
          "",
          `On ${target.name} (${target.memoryGiB.toFixed(1)} GiB usable${estimate.memoryUtilization < 1 ? ` × ${estimate.memoryUtilization}` : ""}): ` +
            (fitsOnGpu(estimate, target.memoryGiB) ? "fits" : "does not fit"),
        ]
      : [];
    const text = [
      wrap(
        `${estimate.model} ${estimate.mode}${setup ? ` (${setup})` : ""}, ${estimate.precision}, ${estimate.concurrency} × ${estimate.contextTokens} tokens on ${estimate.gpuCount} GPU(s):` +
          ` ${estimate.perGpuGiB} GiB per GPU${estimate.memoryUtilization < 1 ? `, within ${estimate.memoryUtilization} of each GPU` : ""}; checkpoint ${estimate.weightsTotalGiB} GiB`,
        "  ",
      ),
      "",
      renderTable(
        ["part (per GPU)", "GiB"],
        [
          ["weights", p.weightsGiB],
          ["KV cache", p.kvCacheGiB],
          ["gradients", p.gradientsGiB],
          ["optimizer state", p.optimizerStateGiB],
          ["activations", p.activationsGiB],
          ["logits", p.logitsGiB],
          ["overhead", p.overheadGiB],
          ["total", estimate.perGpuGiB],
        ],
      ),
      ...fits,
      "",
      "Assumptions:",
      ...estimate.assumptions.map((a) => wrap(`  - ${a}`, "    ")),
    ].join("\n");
    return { json: estimate, text };
  },
});
