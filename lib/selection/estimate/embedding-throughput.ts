import { GpuModel } from "../../taxonomy/gpu-model";
import { EmbeddingModelSpec } from "../../taxonomy/model-spec";
import { PrecisionVerdict } from "./precision-support";
import { peakTflops } from "./throughput";

/**
 * Share of the GPU's dense peak an embedding server reaches, fitted on three published text-embeddings-inference runs
 * (test/fixtures/embedding-measurements.json): bge-large-en-v1.5 on an L4 (62,100 input tokens/s at 449 tokens), and
 * snowflake-arctic-embed-m-v1.5 at 512 tokens on an A10G (≈211,000) and an H200 (≈1,617,000). They reach 33%, 57% and
 * 31% of peak; 0.39 is their geometric mean, within 0.69–1.26× of each.
 */
export const EMBEDDING_COMPUTE_UTILIZATION = 0.39;

/** What one instance of a type embeds, and the fleet a target needs. */
export interface EmbeddingThroughput {
  /** Input tokens per second one instance embeds: one server per GPU, all of them busy. */
  readonly inputTokensPerSecondPerReplica: number;
  /** Instances the target needs. */
  readonly replicas: number;
  /** USD per million input tokens at the purchase option's price and the target's load. */
  readonly usdPerMillionInputTokens: number;
  /** The assumptions behind the figures, in words. */
  readonly assumptions: readonly string[];
}

/**
 * FLOPs to embed one token of an input of `inputTokens`: 2 per layer parameter (attention 4·h², an encoder's MLP 2·h·i,
 * a decoder's gated MLP 3·h·i), and attention over the input: 4·h per attended token per layer, every token for an
 * encoder, those before it (half on average) for a decoder. The vocabulary lookup computes nothing.
 */
export function embeddingFlopsPerToken(m: EmbeddingModelSpec, inputTokens: number): number {
  const h = m.hiddenSize;
  const layerParams = 4 * h * h + (m.architecture === "decoder" ? 3 : 2) * h * m.intermediateSize;
  const attended = m.architecture === "decoder" ? inputTokens / 2 : inputTokens;
  return m.layers * (2 * layerParams + 4 * h * attended);
}

/** Input tokens per second one GPU (or its share) embeds: compute-bound, at the fitted share of its dense peak. */
export function embeddingTokensPerSecond(m: EmbeddingModelSpec, inputTokens: number, gpu: GpuModel, gpuFraction: number, verdict: PrecisionVerdict): number {
  return (gpuFraction * peakTflops(gpu, verdict) * 1e12 * EMBEDDING_COMPUTE_UTILIZATION) / embeddingFlopsPerToken(m, inputTokens);
}

/** The fleet `inputTokensPerSecond` needs of instances that each embed `perReplica`, at `usdPerInstanceHour`. */
export function embeddingFleet(
  m: EmbeddingModelSpec,
  inputTokens: number,
  perReplica: number,
  inputTokensPerSecond: number,
  usdPerInstanceHour: number,
  gpus: number,
): EmbeddingThroughput {
  const replicas = Math.ceil(inputTokensPerSecond / perReplica);
  return {
    inputTokensPerSecondPerReplica: Math.round(perReplica),
    replicas,
    usdPerMillionInputTokens: Math.round(((replicas * usdPerInstanceHour) / (inputTokensPerSecond * 3600)) * 1e6 * 10000) / 10000,
    get assumptions() {
      return [
        `${(embeddingFlopsPerToken(m, inputTokens) / 1e6).toFixed(0)} MFLOPs per token of a ${inputTokens}-token input (${m.architecture}: 2 per layer parameter, attention over the input)`,
        `${EMBEDDING_COMPUTE_UTILIZATION * 100}% of dense peak (fitted on text-embeddings-inference runs), one server per GPU: ${gpus} per instance`,
        `${replicas} instance(s) for ${inputTokensPerSecond} input tokens/s; USD per million input tokens at that load`,
      ];
    },
  };
}
