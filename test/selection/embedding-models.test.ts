import { EMBEDDING_BATCH_TOKENS, estimateMemory } from "../../lib/selection/memory-estimate";
import { resolveModel } from "../../lib/selection/resolve-names";
import { selectInstance } from "../../lib/selection/select-instance";
import { EmbeddingModelSpec } from "../../lib/taxonomy/model-spec";
import { DEFAULT_TAXONOMY } from "../../lib/taxonomy/taxonomy";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";

const GIB = 1024 ** 3;
const embedding = (name: string) => resolveModel(DEFAULT_TAXONOMY, name) as EmbeddingModelSpec;

describe("embedding and reranking models are sized by their memory", () => {
  test("the catalog holds bge-m3, its reranker, multilingual-e5-large and Qwen3-Embedding, found by their Hub ids", () => {
    for (const id of ["BAAI/bge-m3", "BAAI/bge-reranker-v2-m3", "intfloat/multilingual-e5-large", "Qwen/Qwen3-Embedding-0.6B", "Qwen/Qwen3-Embedding-4B", "Qwen/Qwen3-Embedding-8B"]) {
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
    expect(() => estimateMemory(embedding("multilingual-e5-large"), { contextTokens: 1024 })).toThrow(/usage.contextTokens is 1024; multilingual-e5-large reads at most 512 tokens per input/);
    expect(() => estimateMemory(embedding("bge-m3"), { engine: "vllm" })).toThrow(/usage.engine is "vllm"; bge-m3 is an embedding model/);
    expect(() => estimateMemory(embedding("bge-m3"), { mode: "lora" })).toThrow(/usage.mode is "lora"; the estimator models bge-m3 \(an embedding model\) for inference only/);
  });

  test("selection: Qwen3-Embedding-8B outgrows a T4 and lands on an L4; a throughput target is refused, not ignored", () => {
    const d = selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, model: "qwen3-embedding-8b" });
    expect(d.instanceType).toBe("g6.xlarge");
    expect(d.rejected.find((r) => r.instanceType === "g4dn.xlarge")).toMatchObject({ constraint: "model" });
    expect(selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "bge-m3" }).instanceType).toBe("g5.xlarge");
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "bge-m3", throughput: { outputTokensPerSecond: 100 } })).toThrow(
      /throughput is .*it sizes a language model's work; bge-m3 is an embedding model, sized by its memory/,
    );
    expect(() => selectInstance({ workload: WorkloadClass.IMAGE_GENERATION, model: "sdxl", throughput: { outputTokensPerSecond: 100 } })).toThrow(/sdxl is a diffusion model/);
  });
});
