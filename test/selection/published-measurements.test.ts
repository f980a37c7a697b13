/**
 * The estimator against figures measured by others, with the error each is held to. These are the referees of issue #10:
 * every number below was published with its setup; none comes from this project.
 */
import { estimateMemory } from "../../lib/selection/memory-estimate";
import { Roofline, estimateThroughput } from "../../lib/selection/estimate/throughput";
import { precisionSupport } from "../../lib/selection/estimate/precision-support";
import { kvBytesPerToken } from "../../lib/selection/estimate/transformer-shapes";
import { resolveModel } from "../../lib/selection/resolve-names";
import { DEFAULT_TAXONOMY, gpuModel } from "../../lib/taxonomy/taxonomy";
import { GpuInterconnect } from "../../lib/taxonomy/instance-type";
import { LanguageModelSpec } from "../../lib/taxonomy/model-spec";
import { Precision } from "../../lib/selection/memory-estimate";

const llm = (name: string) => resolveModel(DEFAULT_TAXONOMY, name) as LanguageModelSpec;
const H100 = { memoryGiB: 79.6, name: "H100" };
const within = (estimate: number, measured: number, tolerance: number) => {
  expect(Math.abs(estimate - measured) / measured).toBeLessThanOrEqual(tolerance);
};

describe("memory of fine-tunes", () => {
  // Issue #10: GPU memory measured on real hardware (the measurements are kept aside, not in the repo).
  test("Llama 3.1 8B LoRA, micro-batch 4 × 4096: measured ~49 GiB (the old estimate said ~23)", () => {
    within(estimateMemory(llm("llama-3.1-8b"), { mode: "lora", concurrency: 4, contextTokens: 4096 }).perGpuGiB, 49, 0.05);
  });

  test("Llama 3.2 1B full fine-tune, batch 4 × 2048: measured ~36 GiB (the old estimate said ~20)", () => {
    within(estimateMemory(llm("llama-3.2-1b"), { mode: "full", concurrency: 4, contextTokens: 2048 }).perGpuGiB, 36, 0.05);
  });

  // pytorch/torchtune README, "Optimization flags" (#2003, 2024-11-18): Llama 3.2 3B full fine-tune, 1×A100, batch 2,
  // packed to 4096, pure bf16 AdamW, no activation checkpointing: "+ Packed Dataset | 60.0" GiB peak active.
  test("torchtune: Llama 3.2 3B full fine-tune, bf16, batch 2 × 4096, no checkpointing: 60.0 GiB", () => {
    const e = estimateMemory(llm("llama-3.2-3b"), {
      mode: "full",
      concurrency: 2,
      contextTokens: 4096,
      trainingPrecision: "bf16",
      gradientCheckpointing: false,
    });
    within(e.perGpuGiB, 60.0, 0.05);
  });

  // pytorch/torchtune README @ 30b8519 "Memory and training speed": batch 2, packed to 2048, bf16, activation checkpointing,
  // chunked cross-entropy: "Llama 3.1 70B | LoRA | 8x A100 | 27.6 GiB".
  test("torchtune: Llama 3.1 70B LoRA on 8×A100 (FSDP), bf16, batch 2 × 2048, chunked loss: 27.6 GiB per GPU", () => {
    const e = estimateMemory(llm("llama-3.1-70b"), { mode: "lora", concurrency: 2, contextTokens: 2048, trainingPrecision: "bf16", fusedLoss: true }, 8);
    within(e.perGpuGiB, 27.6, 0.1);
  });

  // Same table: "Llama 3.1 8B | LoRA | 1x 4090 | 16.2 GiB" and "QLoRA | 1x 4090 | 7.4 GiB". torch.compile and torchtune's
  // own fusions save more than this estimator models: it stays above, within 20%.
  test("torchtune: Llama 3.1 8B LoRA 16.2 GiB and QLoRA 7.4 GiB on one 4090 (bf16, batch 2 × 2048): the estimate is above, within 20%", () => {
    const setup = { mode: "lora" as const, concurrency: 2, contextTokens: 2048, trainingPrecision: "bf16" as const, fusedLoss: true };
    const lora = estimateMemory(llm("llama-3.1-8b"), setup).perGpuGiB;
    const qlora = estimateMemory(llm("llama-3.1-8b"), { ...setup, precision: "int4" }).perGpuGiB;
    expect(lora).toBeGreaterThanOrEqual(16.2);
    within(lora, 16.2, 0.2);
    expect(qlora).toBeGreaterThanOrEqual(7.4);
    within(qlora, 7.4, 0.3);
  });
});

describe("memory of vLLM servers", () => {
  // llm-d/llm-d-benchmark config_explorer/empirical-vllm-memory-results.md @ 4f4d4494: vLLM v0.11.0 (V1), H100, vllm serve
  // defaults (8192 batched tokens, 1024 sequences), max_model_len 16000: weights, activation peak, non-torch (GiB).
  test.each([
    ["llama-3.1-8b", "bf16", 1, 14.99, 4.76],
    ["qwen3-32b", "bf16", 1, 61.03, 5.64],
    ["qwen3-32b", "bf16", 2, 30.59, 5.64],
    ["llama-3.3-70b", "fp8", 2, 33.88, 4.84],
  ] as const)("%s %s at TP %i: weights %f GiB, activation peak %f GiB", (name, precision, tp, weights, peak) => {
    const e = estimateMemory(llm(name), { contextTokens: 16000, precision: precision as Precision }, tp, H100);
    within(e.parts.weightsGiB, weights, 0.02);
    within(e.parts.activationsGiB + e.parts.logitsGiB, peak, 0.05);
  });

  // An Oracle A10-class log (vLLM V0, 24 GB GPU): 4.60 GiB of KV cache → "# GPU blocks: 2356" of 16 tokens.
  test("KV bytes per token: 2356 blocks of 16 Llama-3.1-8B tokens are the 4.60 GiB the log reports", () => {
    expect(((2356 * 16 * kvBytesPerToken(llm("llama-3.1-8b"), 2)) / 2 ** 30).toFixed(2)).toBe("4.60");
  });
});

describe("decode speed: never above the hardware, close to what was measured", () => {
  const speed = (model: string, precision: Precision, gpuName: string, gpus: number, link: GpuInterconnect, prompt: number, output: number, batch: number) => {
    const gpu = gpuModel(DEFAULT_TAXONOMY, gpuName as never);
    const roofline = new Roofline(llm(model), precision, precisionSupport(precision, gpu, "inference"), {
      gpu,
      gpus,
      copies: 1,
      gpuFraction: 1,
      interconnect: link,
      usdPerInstanceHour: 1,
    });
    const t = estimateThroughput(roofline, { promptTokens: prompt, outputTokens: output }, { given: batch, fit: batch }, undefined);
    if ("miss" in t) throw new Error(t.miss);
    return { t, ceiling: roofline.ceilingTokensPerSecondPerStream(prompt + output / 2) };
  };

  test.each([
    // Benchmark "Llama 3 8b Instruct on NVIDIA A10G" (llmperf, vLLM 0.4.3, g5.2xlarge): inter-token latency 30.65 ms.
    ["llama-3.1-8b", "bf16", "A10G", 1, "PCIe", 550, 150, 32.6],
    // pytorch-labs/gpt-fast README @ c9f683e: Llama-3.1-8B bf16, A100-80GB capped at 330 W: 93.89 tokens/s.
    ["llama-3.1-8b", "bf16", "A100-80GB", 1, "NVSwitch", 5, 200, 93.89],
    // johnmusgrave.com "vLLM throughput-latency sweep on NVIDIA A100": Llama-3.1-8B, A100 40GB, 1024/128: ~75 tokens/s.
    ["llama-3.1-8b", "bf16", "A100-40GB", 1, "NVSwitch", 1024, 128, 75],
    // NVIDIA NIM benchmarking (NIM 1.8.0): Llama-3.3-70B fp8, 2×H100 TP2, 5000/500, concurrency 1: ITL 18.58 ms.
    ["llama-3.3-70b", "fp8", "H100", 2, "NVSwitch", 5000, 500, 53.8],
  ] as const)(
    "%s %s on %s ×%i over %s (%i prompt, %i output): measured %f tokens/s per stream at batch 1",
    (model, precision, gpu, gpus, link, prompt, output, measured) => {
      const { t, ceiling } = speed(model, precision, gpu, gpus, link, prompt, output, 1);
      expect(t.outputTokensPerSecondPerStream).toBeLessThanOrEqual(ceiling);
      expect(measured).toBeLessThanOrEqual(ceiling); // the ceiling is a real one: what was measured is under it too
      // Calibrated on published runs (throughput-calibration.test.ts): centred on what was measured, not below it.
      within(t.outputTokensPerSecondPerStream, measured, 0.3);
    },
  );

  test("a claim above the ceiling is one the roofline rejects: Llama-2-70B fp16 at 85 tokens/s on one H100 (a web page's claim)", () => {
    const gpu = gpuModel(DEFAULT_TAXONOMY, "H100");
    const roofline = new Roofline(llm("llama-3.1-70b"), "bf16", precisionSupport("bf16", gpu, "inference"), {
      gpu,
      gpus: 1,
      copies: 1,
      gpuFraction: 1,
      interconnect: "NVSwitch",
      usdPerInstanceHour: 1,
    });
    expect(roofline.ceilingTokensPerSecondPerStream(1000)).toBeLessThan(85);
  });

  // Same A10G benchmark at concurrency 64 (301 tokens/s for the server) is one of the calibration runs:
  // test/fixtures/throughput-measurements.json, held to its target in throughput-calibration.test.ts.
});
