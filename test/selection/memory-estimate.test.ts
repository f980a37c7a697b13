import { customLanguageModel, estimateMemory } from "../../lib/selection/memory-estimate";
import { resolveModel } from "../../lib/selection/resolve-names";
import { DEFAULT_TAXONOMY } from "../../lib/taxonomy/taxonomy";
import { InvalidRequirementError } from "../../lib/validation/errors";

const model = (name: string) => resolveModel(DEFAULT_TAXONOMY, name);
const A10G_USABLE_GIB = 22888 / 1024;
const H100_USABLE_GIB = 81559 / 1024;
const H100 = { memoryGiB: H100_USABLE_GIB, name: "H100" };
const GIB = 2 ** 30;

describe("public facts the estimator must agree with", () => {
  test("Llama 3 8B in bf16 serves on one 24 GB A10G under vLLM's 0.9 budget", () => {
    const e = estimateMemory(model("llama3-8b"), { mode: "inference" });
    expect(e.model).toBe("llama-3.1-8b");
    expect(e.engine).toBe("vllm");
    expect(e.memoryUtilization).toBe(0.9);
    expect(e.perGpuGiB).toBeLessThan(A10G_USABLE_GIB * 0.9);
  });

  test("a 70B model in bf16 needs ~141 GB for weights alone, so several GPUs", () => {
    const e = estimateMemory(model("llama-3.1-70b"), { mode: "inference" });
    expect((e.weightsTotalGiB * GIB) / 1e9).toBeCloseTo(141, 0);
    expect(e.perGpuGiB).toBeGreaterThan(H100_USABLE_GIB);
  });

  test("a full AdamW fine-tune of an 8B model holds 18 B per parameter in mixed precision (~145 GB): not one 80 GB GPU, yes eight with FSDP", () => {
    const one = estimateMemory(model("llama-3.1-8b"), { mode: "full" }, 1);
    const state = one.parts.weightsGiB + one.parts.gradientsGiB + one.parts.optimizerStateGiB;
    expect((state * GIB) / 1e9).toBeCloseTo(8.03 * 18, 0);
    expect(one.perGpuGiB).toBeGreaterThan(H100_USABLE_GIB);
    expect(estimateMemory(model("llama-3.1-8b"), { mode: "full" }, 8).perGpuGiB).toBeLessThan(H100_USABLE_GIB);
    // Pure bf16 (torchtune): 8 B per parameter with AdamW in bf16.
    const bf16 = estimateMemory(model("llama-3.1-8b"), { mode: "full", trainingPrecision: "bf16" }, 1);
    expect(((bf16.parts.weightsGiB + bf16.parts.gradientsGiB + bf16.parts.optimizerStateGiB) * GIB) / 1e9).toBeCloseTo(8.03 * 8, 0);
  });
});

describe("inference: vLLM", () => {
  test("KV cache = 2 × layers × KV heads × head dim × 2 B × tokens × sequences (kv_cache_dtype auto), also under fp8 weights", () => {
    for (const precision of ["bf16", "fp8", "int4"] as const) {
      const e = estimateMemory(model("llama-3.1-8b"), { contextTokens: 8192, concurrency: 4, precision });
      expect(e.parts.kvCacheGiB).toBeCloseTo((2 * 32 * 8 * 128 * 2 * 8192 * 4) / GIB, 2);
    }
  });

  test("quantized checkpoints keep embeddings and the output head in 16-bit", () => {
    const bf16 = estimateMemory(model("llama-3.1-70b"), { precision: "bf16" }).weightsTotalGiB;
    const embeddings = (2 * 128256 * 8192 * 2) / GIB;
    expect(estimateMemory(model("llama-3.1-70b"), { precision: "fp8" }).weightsTotalGiB).toBeCloseTo((bf16 - embeddings) / 2 + embeddings, 1);
    expect(estimateMemory(model("llama-3.1-70b"), { precision: "int4" }).weightsTotalGiB).toBeCloseTo((bf16 - embeddings) / 4 + embeddings, 1);
    expect(estimateMemory(model("llama-3.1-70b"), { precision: "fp32" }).weightsTotalGiB).toBeCloseTo(bf16 * 2, 1);
  });

  test("the profiling step's peak follows vLLM's defaults for the GPU: 8192 tokens / 1024 sequences on an H100, 2048 / 256 elsewhere", () => {
    const h100 = estimateMemory(model("llama-3.1-8b"), {}, 1, H100);
    const a10g = estimateMemory(model("llama-3.1-8b"), {}, 1, { memoryGiB: A10G_USABLE_GIB, name: "A10G" });
    // The sampler: sequences × vocabulary × 37 B.
    expect(h100.parts.logitsGiB).toBeCloseTo((1024 * 128256 * 37) / GIB, 2);
    expect(a10g.parts.logitsGiB).toBeCloseTo((256 * 128256 * 37) / GIB, 2);
    expect(h100.assumptions.join(" ")).toMatch(/8192 tokens \(max_num_batched_tokens\) and the sampler over 1024 sequences/);
    // An A100 80GB keeps the smaller defaults (vLLM PR #17885).
    expect(estimateMemory(model("llama-3.1-8b"), {}, 1, { memoryGiB: 80, name: "A100-80GB" }).parts.logitsGiB).toBeCloseTo(a10g.parts.logitsGiB, 5);
  });

  test("tensor parallelism splits weights and KV heads; KV heads are replicated past their count; the sampler is not split", () => {
    const one = estimateMemory(model("llama-3.1-70b"), {}, 1, H100);
    const eight = estimateMemory(model("llama-3.1-70b"), {}, 8, H100);
    const sixteen = estimateMemory(model("llama-3.1-70b"), {}, 16, H100);
    expect(eight.parts.weightsGiB).toBeCloseTo(one.parts.weightsGiB / 8, 1);
    expect(eight.parts.kvCacheGiB).toBeCloseTo(one.parts.kvCacheGiB / 8, 2);
    expect(sixteen.parts.kvCacheGiB).toBeCloseTo(eight.parts.kvCacheGiB, 5);
    expect(eight.parts.logitsGiB).toBeCloseTo(one.parts.logitsGiB, 5);
    expect(eight.parts.overheadGiB).toBeGreaterThan(one.parts.overheadGiB);
  });

  test("concurrency beyond a maxNumSeqs the usage gives is refused with what to change; beyond vLLM's default it raises max_num_seqs", () => {
    expect(() => estimateMemory(model("llama-3.1-8b"), { concurrency: 300, maxNumSeqs: 256 })).toThrow(
      /vLLM runs at most maxNumSeqs \(256\) sequences at once; raise usage.maxNumSeqs/,
    );
    expect(estimateMemory(model("llama-3.1-8b"), { concurrency: 300, maxNumSeqs: 512 }).concurrency).toBe(300);
    // The server is launched with --max-num-seqs 300, so its profiling step samples 300 sequences.
    const raised = estimateMemory(model("llama-3.1-8b"), { concurrency: 300 });
    expect(raised.concurrency).toBe(300);
    expect(raised.assumptions.join(" ")).toMatch(/2048 tokens \(max_num_batched_tokens\) and the sampler over 300 sequences \(max_num_seqs\)/);
    expect(raised.parts.logitsGiB).toBeCloseTo((300 * 128256 * 37) / GIB, 2);
  });
});

describe("inference: Hugging Face transformers", () => {
  test("the whole batch's prompt is prefilled at once: the activation peak grows with sequences × prompt tokens", () => {
    const one = estimateMemory(model("llama-3.1-8b"), { engine: "transformers", concurrency: 1 });
    const eight = estimateMemory(model("llama-3.1-8b"), { engine: "transformers", concurrency: 8 });
    expect(eight.parts.activationsGiB).toBeCloseTo(one.parts.activationsGiB * 8, 2);
    const shortPrompt = estimateMemory(model("llama-3.1-8b"), { engine: "transformers", concurrency: 8, promptTokens: 512 });
    expect(shortPrompt.parts.activationsGiB).toBeCloseTo(eight.parts.activationsGiB / 8, 2);
    expect(shortPrompt.parts.kvCacheGiB).toBe(eight.parts.kvCacheGiB);
    expect(one.memoryUtilization).toBe(1);
    expect(one.assumptions.join(" ")).toMatch(/prefilled at once/);
  });

  test("vLLM settings are refused for transformers, and transformers' for vLLM", () => {
    expect(() => estimateMemory(model("llama-3.1-8b"), { engine: "transformers", gpuMemoryUtilization: 0.8 })).toThrow(
      /usage.gpuMemoryUtilization .*serving-engine setting/,
    );
    expect(() => estimateMemory(model("llama-3.1-8b"), { promptTokens: 100 })).toThrow(/usage.promptTokens .*applies to engine "transformers"/);
  });
});

describe("fine-tunes name their setup", () => {
  test("the loss's logits (tokens × vocabulary × 14 B) dominate a small model with a big vocabulary; a fused loss removes them", () => {
    const plain = estimateMemory(model("llama-3.2-1b"), { mode: "full", concurrency: 4, contextTokens: 2048 });
    expect(plain.parts.logitsGiB).toBeCloseTo((4 * 2048 * 128256 * 14) / GIB, 2);
    expect(plain.parts.logitsGiB).toBeGreaterThan(plain.parts.activationsGiB);
    const fused = estimateMemory(model("llama-3.2-1b"), { mode: "full", concurrency: 4, contextTokens: 2048, fusedLoss: true });
    expect(fused.perGpuGiB).toBeLessThan(plain.perGpuGiB - 10);
  });

  test("without gradient checkpointing every layer's activations are kept", () => {
    const on = estimateMemory(model("llama-3.1-8b"), { mode: "lora", concurrency: 2 });
    const off = estimateMemory(model("llama-3.1-8b"), { mode: "lora", concurrency: 2, gradientCheckpointing: false });
    expect(off.parts.activationsGiB).toBeGreaterThan(on.parts.activationsGiB * 10);
    expect(on.training).toMatchObject({ gradientCheckpointing: true, optimizer: "adamw", trainingPrecision: "mixed", loraRank: 16 });
  });

  test("optimizers: AdamW 8 B of state per trainable parameter, 8-bit AdamW 2, SGD 4 (mixed precision)", () => {
    const state = (optimizer: "adamw" | "adamw-8bit" | "sgd") => estimateMemory(model("llama-3.2-1b"), { mode: "full", optimizer }).parts.optimizerStateGiB;
    expect(state("adamw-8bit")).toBeCloseTo(state("adamw") / 4, 2);
    expect(state("sgd")).toBeCloseTo(state("adamw") / 2, 2);
  });

  test("sharding: FSDP divides the state by the GPUs and gathers one layer at a time; DDP keeps it whole on each", () => {
    const one = estimateMemory(model("llama-3.1-70b"), { mode: "full" }, 1);
    const fsdp = estimateMemory(model("llama-3.1-70b"), { mode: "full" }, 8);
    const ddp = estimateMemory(model("llama-3.1-70b"), { mode: "full", sharding: "ddp" }, 8);
    expect(fsdp.parts.optimizerStateGiB).toBeCloseTo(one.parts.optimizerStateGiB / 8, 1);
    expect(fsdp.parts.weightsGiB).toBeGreaterThan(one.parts.weightsGiB / 8);
    expect(ddp.parts.optimizerStateGiB).toBeCloseTo(one.parts.optimizerStateGiB, 1);
    expect(fsdp.training?.sharding).toBe("fsdp");
    expect(one.training?.sharding).toBeUndefined();
  });

  test("QLoRA: int4 frozen layers, 16-bit embeddings", () => {
    const lora = estimateMemory(model("llama-3.1-8b"), { mode: "lora" });
    const qlora = estimateMemory(model("llama-3.1-8b"), { mode: "lora", precision: "int4" });
    expect(qlora.parts.weightsGiB).toBeLessThan(lora.parts.weightsGiB / 2.5);
    expect(qlora.assumptions.join(" ")).toMatch(/QLoRA: NF4 transformer layers, 16-bit embeddings/);
  });

  test("settings of another mode are refused, not ignored", () => {
    expect(() => estimateMemory(model("llama-3.1-8b"), { mode: "inference", optimizer: "sgd" })).toThrow(
      /usage.optimizer is "sgd"; it applies to mode lora or full, not inference/,
    );
    expect(() => estimateMemory(model("llama-3.1-8b"), { mode: "full", engine: "vllm" })).toThrow(
      /usage.engine is "vllm"; it applies to mode inference, not full/,
    );
    expect(() => estimateMemory(model("llama-3.1-8b"), { mode: "full", loraRank: 8 })).toThrow(/usage.loraRank is 8; it applies to mode lora/);
    expect(() => estimateMemory(model("llama-3.1-8b"), { mode: "lora", gradientCheckpointing: "yes" as never })).toThrow(
      /usage.gradientCheckpointing is "yes"; give true or false/,
    );
  });
});

describe("models and input", () => {
  test("diffusion models use their published footprint, inference only, without language-model settings", () => {
    expect(estimateMemory(model("sdxl")).perGpuGiB).toBeCloseTo(8.5e9 / GIB, 0);
    expect(() => estimateMemory(model("flux.1-dev"), { mode: "lora" })).toThrow(/diffusion model\) for inference only/);
    expect(() => estimateMemory(model("flux.1-dev"), { engine: "vllm" })).toThrow(/usage.engine is "vllm"; flux.1-dev is a diffusion model/);
  });

  test("a context beyond the model's maximum is an error naming the maximum", () => {
    expect(() => estimateMemory(model("qwen3-8b"), { contextTokens: 65536 })).toThrow(
      /usage.contextTokens is 65536; qwen3-8b supports at most 40960 tokens \(max_position_embeddings\)/,
    );
    expect(estimateMemory(model("qwen3-8b"), { contextTokens: 40960 }).contextTokens).toBe(40960);
  });

  test("mixture of experts: memory holds every expert, the decode reads the active ones", () => {
    const m = model("qwen3-30b-a3b");
    expect(m.kind === "llm" && m.moe).toMatchObject({ experts: 128, expertsPerToken: 8, expertIntermediateSize: 768 });
    expect((estimateMemory(m).weightsTotalGiB * GIB) / 1e9).toBeCloseTo(30.5 * 2, 0);
  });

  test("a custom spec derives hidden size, MLP width and vocabulary when omitted, and says nothing it cannot know", () => {
    const m = customLanguageModel({ paramsBillion: 8, layers: 32, kvHeads: 8, headDim: 128 });
    expect(m.hiddenSize).toBeGreaterThan(3500);
    expect(m.hiddenSize).toBeLessThan(5000);
    expect(m.intermediateSize).toBe(Math.round(3.5 * m.hiddenSize));
    expect(m.vocabSize).toBe(128256);
    expect(() => customLanguageModel({ paramsBillion: -1, layers: 32, kvHeads: 8, headDim: 128 })).toThrow(/model.paramsBillion is -1/);
    expect(() => customLanguageModel({ paramsBillion: 8, layers: 32, kvHeads: 8, headDim: 128, vocabSize: 0 })).toThrow(/model.vocabSize is 0/);
  });

  test("bad usage is a typed error", () => {
    expect(() => estimateMemory(model("llama-3.1-8b"), { contextTokens: 0 })).toThrow(InvalidRequirementError);
    expect(() => estimateMemory(model("llama-3.1-8b"), { precision: "fp2" as never })).toThrow(/usage.precision is "fp2"; use one of fp32/);
    expect(() => estimateMemory(model("llama-3.1-8b"), { gpuMemoryUtilization: 1.5 })).toThrow(/usage.gpuMemoryUtilization is 1.5/);
  });
});
