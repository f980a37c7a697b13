import { Source } from "./source";

/** A transformer language model, as its published config describes it. */
export interface LanguageModelSpec {
  readonly kind: "llm";
  /** Catalog name, e.g. "llama-3.1-8b". */
  readonly name: string;
  readonly aliases: readonly string[];
  /** Total parameters in billions (all experts for mixture-of-experts models). */
  readonly paramsBillion: number;
  /** num_hidden_layers. */
  readonly layers: number;
  /** hidden_size. */
  readonly hiddenSize: number;
  /** num_attention_heads. */
  readonly attentionHeads: number;
  /** num_key_value_heads (grouped-query attention). */
  readonly kvHeads: number;
  /** hidden_size / num_attention_heads unless the config says otherwise. */
  readonly headDim: number;
  /** max_position_embeddings: the longest context the model supports, in tokens. */
  readonly contextLengthTokens: number;
  readonly sources: readonly Source[];
}

/** A diffusion image model, sized by its parameters and the memory it typically needs. */
export interface DiffusionModelSpec {
  readonly kind: "diffusion";
  readonly name: string;
  readonly aliases: readonly string[];
  /** Parameters of the denoiser (UNet or transformer) in billions. */
  readonly paramsBillion: number;
  /** GPU memory a default fp16/bf16 pipeline needs at its native resolution, in GB. */
  readonly typicalVramGB: number;
  readonly sources: readonly Source[];
}

export type ModelSpec = LanguageModelSpec | DiffusionModelSpec;
