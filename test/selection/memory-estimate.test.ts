import { customLanguageModel, estimateMemory } from "../../lib/selection/memory-estimate";
import { resolveModel } from "../../lib/selection/resolve-names";
import { DEFAULT_TAXONOMY } from "../../lib/taxonomy/taxonomy";
import { InvalidRequirementError } from "../../lib/validation/errors";

const model = (name: string) => resolveModel(DEFAULT_TAXONOMY, name);
const A10G_USABLE_GIB = 22888 / 1024;
const H100_USABLE_GIB = 81559 / 1024;

describe("public facts the estimator must agree with (DESIGN.md)", () => {
  test("Llama 3 8B in bf16 serves on one 24 GB A10G", () => {
    const e = estimateMemory(model("llama3-8b"), { mode: "inference" });
    expect(e.model).toBe("llama-3.1-8b");
    expect(e.perGpuGiB).toBeLessThan(A10G_USABLE_GIB);
  });

  test("a 70B model in bf16 needs ~140 GB for weights alone, so several GPUs", () => {
    const e = estimateMemory(model("llama-3.1-70b"), { mode: "inference" });
    expect(e.parts.weightsGiB * 2 ** 30 / 1e9).toBeCloseTo(141, 0);
    expect(e.perGpuGiB).toBeGreaterThan(H100_USABLE_GIB);
  });

  test("a full AdamW fine-tune of an 8B model (~128 GB of state) does not fit one 80 GB GPU, and fits eight", () => {
    const one = estimateMemory(model("llama-3.1-8b"), { mode: "full" }, 1);
    const state = one.parts.weightsGiB + one.parts.gradientsGiB + one.parts.optimizerStateGiB;
    expect((state * 2 ** 30) / 1e9).toBeCloseTo(128.5, 0);
    expect(one.perGpuGiB).toBeGreaterThan(H100_USABLE_GIB);
    expect(estimateMemory(model("llama-3.1-8b"), { mode: "full" }, 8).perGpuGiB).toBeLessThan(H100_USABLE_GIB);
  });
});

describe("the parts", () => {
  test("KV cache = 2 × layers × KV heads × head dim × bytes × tokens × sequences", () => {
    const e = estimateMemory(model("llama-3.1-8b"), { contextTokens: 8192, concurrency: 4, precision: "bf16" });
    expect(e.parts.kvCacheGiB).toBeCloseTo((2 * 32 * 8 * 128 * 2 * 8192 * 4) / 2 ** 30, 2);
  });

  test("precision scales the weights", () => {
    const bf16 = estimateMemory(model("llama-3.1-70b"), { precision: "bf16" }).parts.weightsGiB;
    expect(estimateMemory(model("llama-3.1-70b"), { precision: "fp8" }).parts.weightsGiB).toBeCloseTo(bf16 / 2, 1);
    expect(estimateMemory(model("llama-3.1-70b"), { precision: "int4" }).parts.weightsGiB).toBeCloseTo(bf16 / 4, 1);
    expect(estimateMemory(model("llama-3.1-70b"), { precision: "fp32" }).parts.weightsGiB).toBeCloseTo(bf16 * 2, 1);
  });

  test("LoRA keeps frozen weights and trains a small adapter", () => {
    const lora = estimateMemory(model("llama-3.1-8b"), { mode: "lora" });
    const full = estimateMemory(model("llama-3.1-8b"), { mode: "full" });
    expect(lora.totalGiB).toBeLessThan(full.totalGiB / 4);
    expect(lora.parts.optimizerStateGiB).toBeGreaterThan(0);
    expect(lora.parts.optimizerStateGiB).toBeLessThan(1);
    expect(lora.assumptions.join(" ")).toMatch(/rank-16 adapters/);
  });

  test("sharding: inference spreads everything; fine-tunes keep each GPU's activations", () => {
    const one = estimateMemory(model("llama-3.1-70b"), { mode: "inference" }, 1);
    const four = estimateMemory(model("llama-3.1-70b"), { mode: "inference" }, 4);
    expect(four.perGpuGiB).toBeCloseTo((one.totalGiB + 3) / 4, 1);
    const full8 = estimateMemory(model("llama-3.1-70b"), { mode: "full" }, 8);
    expect(full8.perGpuGiB).toBeGreaterThan(full8.totalGiB / 8);
  });

  test("diffusion models use their published footprint, inference only", () => {
    expect(estimateMemory(model("sdxl")).totalGiB).toBeCloseTo((8.5e9) / 2 ** 30, 0);
    expect(() => estimateMemory(model("flux.1-dev"), { mode: "lora" })).toThrow(/diffusion model\) for inference only/);
  });

  test("a custom spec derives hidden size from params and layers", () => {
    const m = customLanguageModel({ paramsBillion: 8, layers: 32, kvHeads: 8, headDim: 128 });
    expect(m.hiddenSize).toBeGreaterThan(3500);
    expect(m.hiddenSize).toBeLessThan(5000);
    expect(() => customLanguageModel({ paramsBillion: -1, layers: 32, kvHeads: 8, headDim: 128 })).toThrow(/model.paramsBillion is -1/);
  });

  test("bad usage is a typed error", () => {
    expect(() => estimateMemory(model("llama-3.1-8b"), { contextTokens: 0 })).toThrow(InvalidRequirementError);
    expect(() => estimateMemory(model("llama-3.1-8b"), { precision: "fp4" as never })).toThrow(/usage.precision is "fp4"; use one of fp32/);
  });
});
