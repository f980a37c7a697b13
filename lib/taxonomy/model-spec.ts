import { Source } from "./source";

/** The mixture-of-experts MLP of a model (Mixtral, Qwen3-MoE), as its config.json describes it. */
export interface MixtureOfExperts {
  /** num_local_experts / num_experts: routed experts per MoE layer. */
  readonly experts: number;
  /** num_experts_per_tok. */
  readonly expertsPerToken: number;
  /** moe_intermediate_size (Mixtral: intermediate_size): one expert's MLP width. */
  readonly expertIntermediateSize: number;
  /** Experts every token passes through besides the routed ones. @default 0 */
  readonly sharedExperts?: number;
  /**
   * Layers whose MLP is the mixture (DeepSeek V3: 58 of 61, after first_k_dense_replace 3 dense ones; Llama 4 Maverick: 24
   * of 48, interleave_moe_layer_step 2); the rest are dense. @default every layer
   */
  readonly moeLayers?: number;
}

/** Layers that attend only to the last tokens (Gemma 2/3, gpt-oss, Mistral 7B v0.1): their KV cache holds a window. */
export interface SlidingWindowAttention {
  /** sliding_window: tokens a local layer attends to. */
  readonly windowTokens: number;
  /** How many of the layers are local (layer_types, or the sliding_window_pattern); the rest attend to the whole context. */
  readonly slidingLayers: number;
}

/** Multi-head latent attention (DeepSeek V2/V3/R1): each layer caches one compressed latent per token, not K and V per head. */
export interface LatentAttention {
  /** kv_lora_rank: width of the cached latent. */
  readonly kvLoraRank: number;
  /** qk_rope_head_dim: the rotary part cached beside it. */
  readonly ropeHeadDim: number;
}

/** A transformer language model, as its published config describes it. */
export interface LanguageModelSpec {
  /** Discriminates a language model from a diffusion model. */
  readonly kind: "llm";
  /** Catalog name, e.g. "llama-3.1-8b". */
  readonly name: string;
  /** Other names the model is found by (e.g. its Hugging Face ids), compared without case or punctuation. */
  readonly aliases: readonly string[];
  /** Total parameters in billions (all experts for mixture-of-experts models). */
  readonly paramsBillion: number;
  /** Parameters a token passes through, in billions (mixture of experts); the total for dense models. */
  readonly activeParamsBillion?: number;
  /** num_hidden_layers. */
  readonly layers: number;
  /** hidden_size. */
  readonly hiddenSize: number;
  /** intermediate_size: the dense MLP's width (per expert for MoE: see moe). */
  readonly intermediateSize: number;
  /** vocab_size: the width of the logits every trained token produces. */
  readonly vocabSize: number;
  /** num_attention_heads. */
  readonly attentionHeads: number;
  /** num_key_value_heads (grouped-query attention). */
  readonly kvHeads: number;
  /** head_dim, or hidden_size / num_attention_heads where the config has none. */
  readonly headDim: number;
  /** max_position_embeddings: the longest context the model supports, in tokens. */
  readonly contextLengthTokens: number;
  /** tie_word_embeddings: the output head shares the embedding matrix. @default false */
  readonly tiedEmbeddings?: boolean;
  /** The MLP is a mixture of experts. */
  readonly moe?: MixtureOfExperts;
  /** Some layers attend to a window of recent tokens only. */
  readonly slidingWindow?: SlidingWindowAttention;
  /** The attention caches a latent (MLA) instead of K and V per head. */
  readonly latentAttention?: LatentAttention;
  /** Where the figures come from (the published config.json or model card). */
  readonly sources: readonly Source[];
}

/** A diffusion image model, sized by its parameters and the memory it typically needs. */
export interface DiffusionModelSpec {
  /** Discriminates a diffusion model from a language model. */
  readonly kind: "diffusion";
  /** Catalog name. */
  readonly name: string;
  /** Other names the model is found by, compared without case or punctuation. */
  readonly aliases: readonly string[];
  /** Parameters of the denoiser (UNet or transformer) in billions. */
  readonly paramsBillion: number;
  /** GPU memory a default fp16/bf16 pipeline needs at its native resolution, in GB. */
  readonly typicalVramGB: number;
  /** How fast it generates, where a published run says: what an imagesPerMinute target is sized by. */
  readonly speed?: DiffusionSpeed;
  /** Where the figures come from. */
  readonly sources: readonly Source[];
}

/** A diffusion model's speed at its native resolution, one image at a time in 16-bit (plain diffusers), from published runs. */
export interface DiffusionSpeed {
  /** Denoising steps per image: the pipeline's num_inference_steps default. */
  readonly defaultSteps: number;
  /**
   * The compute part of one step (every guidance evaluation of the denoiser) on a GPU of 1,000 dense 16-bit TFLOPS; a
   * GPU of P TFLOPS takes this × 1000 / P, plus a fixed per-step overhead.
   */
  readonly stepSecondsAtPetaflop: number;
  /** Seconds per step measured on a GPU, used there instead of the scaled figure. */
  readonly measuredStepSeconds?: Readonly<Record<string, number>>;
}

/**
 * A text embedding or reranking model: an encoder (BERT / XLM-RoBERTa: bge-m3, e5) or a decoder whose last hidden
 * state is the embedding (Qwen3-Embedding). It reads its input once, with no cache kept and nothing generated.
 */
export interface EmbeddingModelSpec {
  /** Discriminates an embedding model from a language or diffusion model. */
  readonly kind: "embedding";
  /** Catalog name. */
  readonly name: string;
  /** Other names the model is found by, compared without case or punctuation. */
  readonly aliases: readonly string[];
  /** Embeddings, or a relevance score for a (query, document) pair. */
  readonly task: "embedding" | "rerank";
  /** An encoder (every token attends to every other) or a decoder (causal attention). */
  readonly architecture: "encoder" | "decoder";
  /** Total parameters in billions. */
  readonly paramsBillion: number;
  /** num_hidden_layers. */
  readonly layers: number;
  /** hidden_size. */
  readonly hiddenSize: number;
  /** intermediate_size: the MLP's width. */
  readonly intermediateSize: number;
  /** The longest input in tokens (max_position_embeddings, less XLM-RoBERTa's 2 padding positions). */
  readonly contextLengthTokens: number;
  /** Where the figures come from. */
  readonly sources: readonly Source[];
}

/**
 * A speech recognition model (Whisper): an encoder reads a 30-second window of audio as a fixed number of frames, and a
 * decoder writes its transcript, attending to its own tokens and to every encoded frame.
 */
export interface SpeechModelSpec {
  /** Discriminates a speech model from a language, diffusion or embedding model. */
  readonly kind: "speech";
  /** Catalog name. */
  readonly name: string;
  /** Other names the model is found by, compared without case or punctuation. */
  readonly aliases: readonly string[];
  /** Total parameters in billions. */
  readonly paramsBillion: number;
  /** encoder_layers. */
  readonly encoderLayers: number;
  /** decoder_layers. */
  readonly decoderLayers: number;
  /** d_model. */
  readonly hiddenSize: number;
  /** encoder_ffn_dim: the MLP's width. */
  readonly intermediateSize: number;
  /** max_source_positions: encoded frames per window (1500 for Whisper's 30 s). */
  readonly audioFrames: number;
  /** max_target_positions: the longest transcript of one window, in tokens. */
  readonly maxTargetTokens: number;
  /** Where the figures come from. */
  readonly sources: readonly Source[];
}

/** A model the estimator sizes: a language, diffusion, embedding or speech model, told apart by `kind`. */
export type ModelSpec = LanguageModelSpec | DiffusionModelSpec | EmbeddingModelSpec | SpeechModelSpec;

/** Each kind of model in words, for messages ("bge-m3 is an embedding model"). */
export const MODEL_KIND_WORDS: Readonly<Record<ModelSpec["kind"], string>> = {
  llm: "a language model",
  embedding: "an embedding model",
  diffusion: "a diffusion model",
  speech: "a speech model",
};
