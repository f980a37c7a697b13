import { LanguageModelSpec } from "../../taxonomy/model-spec";

/**
 * Sizes that follow from a decoder-only transformer's config.json (Llama, Qwen, Mistral, Gemma layouts:
 * grouped-query attention, a gated (SwiGLU/GeGLU) MLP, RMSNorm, optional mixture-of-experts MLP).
 * Parameter totals are taken from the model card where known; these give the parts the formulas need.
 */

const BILLION = 1e9;

/** Width of the query projection (heads × head dim; Gemma and Qwen3 differ from hidden_size). */
export function queryWidth(m: LanguageModelSpec): number {
  return m.attentionHeads * m.headDim;
}

/** Width of one of the key and value projections. */
export function kvWidth(m: LanguageModelSpec): number {
  return m.kvHeads * m.headDim;
}

/** Token embedding and output head parameters (one matrix when tied). */
export function embeddingParams(m: LanguageModelSpec): number {
  return m.vocabSize * m.hiddenSize * (m.tiedEmbeddings ? 1 : 2);
}

/**
 * Parameters a token's forward pass multiplies: all of a dense model; for a mixture of experts the published
 * active count (the experts routed to, the shared layers and the embeddings).
 */
export function activeParams(m: LanguageModelSpec): number {
  return (m.moe ? (m.activeParamsBillion ?? m.paramsBillion) : m.paramsBillion) * BILLION;
}

/**
 * Bytes of K and V one token adds to one layer's cache, for `kvHeadsStored` heads (the model's KV heads, or one GPU's
 * share of them under tensor parallelism); for latent attention the latent and its rotary part, whole on every GPU.
 */
function kvBytesPerLayerToken(m: LanguageModelSpec, bytesPerValue: number, kvHeadsStored: number): number {
  if (m.latentAttention) return (m.latentAttention.kvLoraRank + m.latentAttention.ropeHeadDim) * bytesPerValue;
  return 2 * kvHeadsStored * m.headDim * bytesPerValue;
}

/** Tokens the layers of one sequence of `contextTokens` attend to and cache, summed over layers: local layers hold their window. */
export function attendedTokens(m: LanguageModelSpec, contextTokens: number): number {
  const local = m.slidingWindow;
  if (!local) return m.layers * contextTokens;
  return (m.layers - local.slidingLayers) * contextTokens + local.slidingLayers * Math.min(contextTokens, local.windowTokens);
}

/** Bytes of KV cache one token adds, summed over layers, while the context is shorter than any window. */
export function kvBytesPerToken(m: LanguageModelSpec, bytesPerValue: number, kvHeadsStored = m.kvHeads): number {
  return m.layers * kvBytesPerLayerToken(m, bytesPerValue, kvHeadsStored);
}

/** Bytes of KV cache one sequence of `contextTokens` holds (vLLM's hybrid allocator keeps only a local layer's window). */
export function kvBytesPerSequence(m: LanguageModelSpec, bytesPerValue: number, contextTokens: number, kvHeadsStored = m.kvHeads): number {
  return attendedTokens(m, contextTokens) * kvBytesPerLayerToken(m, bytesPerValue, kvHeadsStored);
}

/** KV heads one GPU keeps when the model is split over `gpus` by tensor parallelism: never less than one (vLLM replicates). */
export function kvHeadsPerGpu(m: LanguageModelSpec, gpus: number): number {
  return Math.max(1, m.kvHeads / gpus);
}

/** The MLP width one token passes through in a layer: the dense intermediate size, or the routed experts' together. */
export function mlpWidthPerToken(m: LanguageModelSpec): number {
  if (!m.moe) return m.intermediateSize;
  return m.moe.expertsPerToken * m.moe.expertIntermediateSize + (m.moe.sharedExperts ?? 0) * m.moe.expertIntermediateSize;
}

/**
 * Bytes of one layer's transient working set per token of a forward pass, in 16-bit: Q, K and V, and the gated MLP's
 * gate and up projections and its activation.
 */
export function layerWorkingBytesPerToken(m: LanguageModelSpec): number {
  return 6 * mlpWidthPerToken(m) + 2 * (queryWidth(m) + 2 * kvWidth(m));
}

/**
 * Bytes a transformer layer keeps for the backward pass, per token, without recomputation, in 16-bit, with a fused
 * (flash / SDPA) attention that stores no score matrix. After Korthikanti et al. 2022 ("Reducing Activation
 * Recomputation in Large Transformer Models", §4.1: 34·s·b·h per layer for a GPT layer, 4h MLP, no dropout masks
 * counted here), rewritten for the gated MLP and grouped-query attention:
 *   attention: the norm's input, the normed input of Q/K/V, Q, K, V, the attention output   2h + 2h + 2q + 4kv + 2q
 *   MLP: the norm's input, the normed input, gate and up outputs, the activation, its product  2h + 2h + 8·I
 * (q = query width, kv = key/value width, I = MLP width per token; 2 bytes each).
 */
export function layerActivationBytesPerToken(m: LanguageModelSpec): number {
  const h = m.hiddenSize;
  return 4 * h + 4 * queryWidth(m) + 4 * kvWidth(m) + 4 * h + 8 * mlpWidthPerToken(m);
}

/**
 * Parameters of LoRA adapters of rank `rank` on every attention (q, k, v, o) and MLP (gate, up, down) projection:
 * r × (in + out) each. For a mixture of experts, adapters on the attention only (the PEFT default for most MoE recipes).
 */
export function loraAdapterParams(m: LanguageModelSpec, rank: number): number {
  const h = m.hiddenSize;
  const q = queryWidth(m);
  const kv = kvWidth(m);
  const attention = rank * (h + q) + 2 * rank * (h + kv) + rank * (q + h);
  const mlp = m.moe ? 0 : 3 * rank * (h + m.intermediateSize);
  return m.layers * (attention + mlp);
}

/** Parameters of one layer (the unit FSDP gathers whole): attention and MLP, all experts of an MoE layer. */
export function layerParams(m: LanguageModelSpec): number {
  const h = m.hiddenSize;
  const attention = h * queryWidth(m) * 2 + 2 * h * kvWidth(m);
  const mlp = m.moe ? expertParamsPerLayer(m, m.moe.experts + (m.moe.sharedExperts ?? 0)) : 3 * h * m.intermediateSize;
  return attention + mlp;
}

/** Parameters of `experts` experts of one mixture-of-experts layer: each a gated MLP (gate, up, down) of the expert width. */
function expertParamsPerLayer(m: LanguageModelSpec, experts: number): number {
  return experts * 3 * m.hiddenSize * (m.moe?.expertIntermediateSize ?? 0);
}

/**
 * Expected share of a mixture-of-experts layer's experts that a decode step of `sequences` tokens reads: each token
 * picks k of E experts, so an expert is untouched by all of them with probability (1 − k/E)^B.
 */
function expertsTouchedShare(m: LanguageModelSpec, sequences: number): number {
  if (!m.moe) return 1;
  const untouched = Math.pow(1 - m.moe.expertsPerToken / m.moe.experts, sequences);
  return 1 - untouched;
}

/**
 * Weight bytes one decode step reads for `sequences` tokens in flight: everything for a dense model; for an MoE the
 * shared part plus the experts the batch touches.
 */
export function weightBytesReadPerStep(m: LanguageModelSpec, weightBytes: number, sequences: number): number {
  if (!m.moe) return weightBytes;
  const total = m.paramsBillion * BILLION;
  const expertParams = (m.moe.moeLayers ?? m.layers) * expertParamsPerLayer(m, m.moe.experts);
  const expertShare = Math.min(expertParams / total, 1);
  return weightBytes * (1 - expertShare) + weightBytes * expertShare * expertsTouchedShare(m, sequences);
}
