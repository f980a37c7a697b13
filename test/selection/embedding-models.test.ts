import * as fs from "fs";
import * as path from "path";
import { EMBEDDING_BATCH_TOKENS, estimateMemory } from "../../lib/selection/memory-estimate";
import { embeddingTokensPerSecond } from "../../lib/selection/estimate/embedding-throughput";
import { precisionSupport } from "../../lib/selection/estimate/precision-support";
import { GpuName } from "../../lib/taxonomy/gpu-model";
import { resolveModel } from "../../lib/selection/resolve-names";
import { selectInstance } from "../../lib/selection/select-instance";
import { EmbeddingModelSpec } from "../../lib/taxonomy/model-spec";
import { DEFAULT_TAXONOMY, gpuModel } from "../../lib/taxonomy/taxonomy";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";

const GIB = 1024 ** 3;
const embedding = (name: string) => resolveModel(DEFAULT_TAXONOMY, name) as EmbeddingModelSpec;

describe("embedding and reranking models are sized by their memory", () => {
  test("the catalog holds bge-m3, its reranker, multilingual-e5-large and Qwen3-Embedding, found by their Hub ids", () => {
    for (const id of [
      "BAAI/bge-m3",
      "BAAI/bge-reranker-v2-m3",
      "intfloat/multilingual-e5-large",
      "Qwen/Qwen3-Embedding-0.6B",
      "Qwen/Qwen3-Embedding-4B",
      "Qwen/Qwen3-Embedding-8B",
    ]) {
      expect(resolveModel(DEFAULT_TAXONOMY, id).kind).toBe("embedding");
    }
    expect(embedding("bge-reranker-v2-m3").task).toBe("rerank");
    expect(embedding("qwen3-embedding-8b").architecture).toBe("decoder");
  });

  test("weights, one batch's activations (text-embeddings-inference's 16,384 tokens) and the CUDA context; no KV cache", () => {
    const m = embedding("qwen3-embedding-8b");
    const e = estimateMemory(m);
    expect(EMBEDDING_BATCH_TOKENS).toBe(16384);
    expect(e.parts.weightsGiB).toBeCloseTo((8.19e9 * 2) / GIB, 2);
    expect(e.parts.activationsGiB).toBeCloseTo((16384 * (5 * 4096 + 12288) * 2) / GIB, 2);
    expect(e.parts.kvCacheGiB).toBe(0);
    expect(e.parts.overheadGiB).toBe(1);
    const bigger = estimateMemory(m, { maxNumBatchedTokens: 65536 });
    expect(bigger.parts.activationsGiB).toBeCloseTo(e.parts.activationsGiB * 4, 2);
    expect(estimateMemory(m, { precision: "fp8" }).parts.weightsGiB).toBeCloseTo(e.parts.weightsGiB / 2, 2);
  });

  test("inputs are held to the model's length; language-model settings and fine-tunes are refused", () => {
    expect(estimateMemory(embedding("multilingual-e5-large")).contextTokens).toBe(512);
    expect(() => estimateMemory(embedding("multilingual-e5-large"), { contextTokens: 1024 })).toThrow(
      /usage.contextTokens is 1024; multilingual-e5-large reads at most 512 tokens per input/,
    );
    expect(() => estimateMemory(embedding("bge-m3"), { engine: "vllm" })).toThrow(/usage.engine is "vllm"; bge-m3 is an embedding model/);
    expect(() => estimateMemory(embedding("bge-m3"), { mode: "lora" })).toThrow(
      /usage.mode is "lora"; the estimator models bge-m3 \(an embedding model\) for inference only/,
    );
  });

  test("selection: Qwen3-Embedding-8B outgrows a T4 and lands on an L4; a throughput target is refused, not ignored", () => {
    const d = selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, model: "qwen3-embedding-8b" });
    expect(d.instanceType).toBe("g6.xlarge");
    expect(d.rejected.find((r) => r.instanceType === "g4dn.xlarge")).toMatchObject({ constraint: "model" });
    expect(selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "bge-m3" }).instanceType).toBe("g5.xlarge");
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "bge-m3", throughput: { outputTokensPerSecond: 100 } })).toThrow(
      /throughput is .*it sizes a language model's work; bge-m3 is an embedding model \(give inputTokensPerSecond instead\)/,
    );
    expect(() => selectInstance({ workload: WorkloadClass.IMAGE_GENERATION, model: "sdxl", throughput: { outputTokensPerSecond: 100 } })).toThrow(
      /sdxl is a diffusion model/,
    );
  });
});

describe("embedding throughput (inputTokensPerSecond), against published text-embeddings-inference runs", () => {
  const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "embedding-measurements.json"), "utf8"));
  const specOf = (name: string): EmbeddingModelSpec => ({
    kind: "embedding",
    name,
    aliases: [],
    task: "embedding",
    paramsBillion: 0.3,
    contextLengthTokens: 512,
    sources: [],
    ...fixture.models[name],
  });

  test("every run within 0.65–1.35× of its measurement, and the fitted share is the runs' geometric mean", () => {
    const ratios = fixture.runs.map((run: { gpu: string; model: string; inputTokens: number; measuredInputTokensPerSecond: number }) => {
      const gpu = gpuModel(DEFAULT_TAXONOMY, run.gpu as GpuName);
      const predicted = embeddingTokensPerSecond(specOf(run.model), run.inputTokens, gpu, 1, precisionSupport("bf16", gpu, "inference"));
      return predicted / run.measuredInputTokensPerSecond;
    });
    expect(ratios).toHaveLength(3);
    for (const ratio of ratios) expect(ratio).toBeGreaterThan(0.65);
    for (const ratio of ratios) expect(ratio).toBeLessThan(1.35);
    const geometricMean = Math.exp(ratios.reduce((s: number, r: number) => s + Math.log(r), 0) / ratios.length);
    expect(geometricMean).toBeCloseTo(1, 1);
  });

  test("selection sizes the fleet for a target: replicas × tokens/s per instance cover it, the cheapest fleet wins", () => {
    const target = { workload: WorkloadClass.BATCH_PROCESSING, model: "bge-m3", usage: { contextTokens: 512 }, inputTokensPerSecond: 1_000_000 } as const;
    const d = selectInstance(target);
    expect(d.objective).toBe("throughput-cost");
    expect(d.embedding!.replicas * d.embedding!.inputTokensPerSecondPerReplica).toBeGreaterThanOrEqual(1_000_000 - d.embedding!.replicas);
    expect(d.replicas).toBe(d.embedding!.replicas);
    expect(d.onDemandUsdPerHour).toBeCloseTo(d.usdPerInstanceHour * d.replicas, 2);
    for (const a of d.alternatives) expect(a.onDemandUsdPerHour).toBeGreaterThanOrEqual(d.onDemandUsdPerHour);
    expect((d.usdPerHour / (1_000_000 * 3600)) * 1e6).toBeCloseTo(d.embedding!.usdPerMillionInputTokens, 3);
    expect(d.reason).toMatch(/input tokens\/s per instance, \d+ instances for 1000000 input tokens\/s/);
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "llama-3.1-8b", inputTokensPerSecond: 100 })).toThrow(
      /inputTokensPerSecond is 100; it sizes an embedding model's work; llama-3.1-8b is a language model \(give throughput instead\)/,
    );
  });
});
