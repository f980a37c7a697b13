import { ModelSpec } from "../model-spec";
import { Source } from "../source";

/*
 * Model catalog.
 *
 * LLM rows are the published Hugging Face config.json values (num_hidden_layers, hidden_size, num_attention_heads,
 * num_key_value_heads, head_dim or hidden_size / num_attention_heads, max_position_embeddings). The meta-llama repos
 * are gated, so their configs were checked against verbatim public copies and model-info tables listed as sources.
 * paramsBillion is the published (model card / safetensors) count; for MoE it is all experts.
 *
 * Diffusion rows: paramsBillion is the denoiser only (SDXL UNet, FLUX transformer); typicalVramGB is peak GPU memory
 * of the default fp16/bf16 pipeline at native resolution (1024x1024) with every component resident on the GPU
 * (no CPU offload).
 */

const AS_OF = "2026-11-27";

// --- Llama ---
const LLAMA_31_8B_CONFIG: Source = {
  title: "meta-llama/Llama-3.1-8B config.json (gated; values checked against the copies below)",
  url: "https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json",
  asOf: AS_OF,
};
const LLAMA_31_70B_CONFIG: Source = {
  title: "meta-llama/Llama-3.1-70B config.json (gated; values checked against the copies below)",
  url: "https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json",
  asOf: AS_OF,
};
const LLAMA_31_405B_CONFIG: Source = {
  title: "meta-llama/Llama-3.1-405B config.json (gated; 126 layers, hidden 16384, 128 heads, 8 KV heads)",
  url: "https://huggingface.co/meta-llama/Llama-3.1-405B/blob/main/config.json",
  asOf: AS_OF,
};
const OUMI_LLAMA31_README: Source = {
  title: "Oumi recipes: Llama 3.1 model info (8B: 32 layers, 4096 hidden, 32 heads, 8 KV; 70B: 80/8192/64/8; max length 131,072)",
  url: "https://github.com/vulkomilev/oumi/blob/4d8296fb70dac07a8489398080fd740dab7b3814/configs/recipes/llama3_1/README.md",
  asOf: AS_OF,
};
const LLAMA_31_MODEL_CARD: Source = {
  title: "Meta Llama 3.1 model card (8B / 70B / 405B, GQA, 128K context)",
  url: "https://huggingface.co/meta-llama/Llama-3.1-8B",
  asOf: AS_OF,
};
const LLAMA_32_1B_CONFIG: Source = {
  title: "meta-llama/Llama-3.2-1B config.json (gated; 16 layers, hidden 2048, 32 heads, 8 KV, head_dim 64, 131072 positions)",
  url: "https://huggingface.co/meta-llama/Llama-3.2-1B/blob/main/config.json",
  asOf: AS_OF,
};
const LLAMA_32_3B_CONFIG: Source = {
  title: "meta-llama/Llama-3.2-3B config.json (gated; 28 layers, hidden 3072, 24 heads, 8 KV, head_dim 128, 131072 positions)",
  url: "https://huggingface.co/meta-llama/Llama-3.2-3B/blob/main/config.json",
  asOf: AS_OF,
};

// --- Mistral ---
const MISTRAL_7B_V03_CONFIG: Source = {
  title: "mistralai/Mistral-7B-v0.3 config.json (mirrored by unsloth: vocab 32768, 32 layers, 32 heads, 8 KV, 32768 positions)",
  url: "https://huggingface.co/unsloth/mistral-7b-v0.3/blob/058e6597d74073e59a1c087ef221d0a7b6bb3889/config.json",
  asOf: AS_OF,
};
const MISTRAL_7B_V03_CARD: Source = {
  title: "mistralai/Mistral-7B-v0.3 model card",
  url: "https://huggingface.co/mistralai/Mistral-7B-v0.3",
  asOf: AS_OF,
};
const MIXTRAL_8X7B_CONFIG: Source = {
  title: "mistralai/Mixtral-8x7B-Instruct-v0.1 config.json (8 local experts, 2 per token, 32 layers, 8 KV heads, 32768 positions)",
  url: "https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1/blob/eba92302a2861cdc0098cc54bc9f17cb2c47eb61/config.json",
  asOf: AS_OF,
};
const MIXTRAL_8X7B_CARD: Source = {
  title: "mistralai/Mixtral-8x7B-v0.1 model card",
  url: "https://huggingface.co/mistralai/Mixtral-8x7B-v0.1",
  asOf: AS_OF,
};

// --- Qwen ---
const QWEN25_7B_CONFIG: Source = {
  title: "Qwen/Qwen2.5-7B config.json (hidden 3584, 28 layers, 28 heads, 4 KV, 131072 positions)",
  url: "https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json",
  asOf: AS_OF,
};
const QWEN25_7B_CARD: Source = {
  title: "Qwen/Qwen2.5-7B model card (parameter count, layers, GQA heads, context length)",
  url: "https://huggingface.co/Qwen/Qwen2.5-7B",
  asOf: AS_OF,
};
const QWEN25_72B_CONFIG: Source = {
  title: "Qwen/Qwen2.5-72B config.json (hidden 8192, 80 layers, 64 heads, 8 KV, 131072 positions)",
  url: "https://huggingface.co/Qwen/Qwen2.5-72B/blob/main/config.json",
  asOf: AS_OF,
};
const QWEN25_72B_CARD: Source = {
  title: "Qwen/Qwen2.5-72B model card (long-context support up to 128K tokens)",
  url: "https://huggingface.co/Qwen/Qwen2.5-72B",
  asOf: AS_OF,
};

// --- Diffusion ---
const SDXL_MODEL_CARD: Source = {
  title: "stabilityai/stable-diffusion-xl-base-1.0 model card",
  url: "https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0",
  asOf: AS_OF,
};
const SDXL_PAPER: Source = {
  title: "Podell et al., SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis (2.6B-parameter UNet)",
  url: "https://arxiv.org/abs/2307.01952",
  asOf: AS_OF,
};
const SDXL_VRAM: Source = {
  title: "localmodel.run: Stable Diffusion XL 1.0 requirements (UNet 2.6B; fp16 peak ~7.5 GB, ~8.5 GB all resident at 1024x1024)",
  url: "https://localmodel-run.pages.dev/model/sdxl-1-0",
  asOf: AS_OF,
};
const FLUX_DEV_MODEL_CARD: Source = {
  title: "black-forest-labs/FLUX.1-dev model card (12 billion parameter rectified flow transformer)",
  url: "https://huggingface.co/black-forest-labs/FLUX.1-dev",
  asOf: AS_OF,
};
const FLUX_VRAM_DISCUSSION: Source = {
  title: "FLUX.1 VRAM requirements discussion (12B DiT + T5/CLIP in bf16 ~33 GB resident; ~24 GB with model CPU offload)",
  url: "https://huggingface.co/black-forest-labs/FLUX.1-schnell/discussions/5",
  asOf: AS_OF,
};
const DIFFUSERS_BENCHMARKS: Source = {
  title: "diffusers/benchmarks dataset (FLUX.1-dev FluxTransformer2DModel: 11.9B params, 22.63 GB bf16 for the transformer alone)",
  url: "https://huggingface.co/datasets/diffusers/benchmarks",
  asOf: AS_OF,
};

export const MODEL_CATALOG: readonly ModelSpec[] = [
  {
    kind: "llm",
    name: "llama-3.1-8b",
    // Llama 3 8B shares the 3.1 architecture (same layers, widths and GQA), but its context is 8,192 tokens:
    // for the Llama 3 aliases contextLengthTokens is an upper bound.
    aliases: [
      "meta-llama/Llama-3.1-8B",
      "meta-llama/Llama-3.1-8B-Instruct",
      "meta-llama/Meta-Llama-3.1-8B",
      "meta-llama/Meta-Llama-3.1-8B-Instruct",
      "Llama-3.1-8B-Instruct",
      "Meta-Llama-3.1-8B",
      "Meta-Llama-3.1-8B-Instruct",
      "llama3.1-8b",
      "llama3.1:8b",
      "meta-llama/Meta-Llama-3-8B",
      "meta-llama/Meta-Llama-3-8B-Instruct",
      "Meta-Llama-3-8B",
      "Meta-Llama-3-8B-Instruct",
      "llama-3-8b",
      "llama3-8b",
      "llama3:8b",
    ],
    paramsBillion: 8.03,
    layers: 32,
    hiddenSize: 4096,
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLAMA_31_8B_CONFIG, OUMI_LLAMA31_README, LLAMA_31_MODEL_CARD],
  },
  {
    kind: "llm",
    name: "llama-3.1-70b",
    // As for 8B: the Llama 3 70B aliases share the architecture but not the 128K context (Llama 3: 8,192).
    aliases: [
      "meta-llama/Llama-3.1-70B",
      "meta-llama/Llama-3.1-70B-Instruct",
      "meta-llama/Meta-Llama-3.1-70B",
      "meta-llama/Meta-Llama-3.1-70B-Instruct",
      "Llama-3.1-70B-Instruct",
      "Meta-Llama-3.1-70B",
      "Meta-Llama-3.1-70B-Instruct",
      "llama3.1-70b",
      "llama3.1:70b",
      "meta-llama/Meta-Llama-3-70B",
      "meta-llama/Meta-Llama-3-70B-Instruct",
      "Meta-Llama-3-70B",
      "Meta-Llama-3-70B-Instruct",
      "llama-3-70b",
      "llama3-70b",
      "llama3:70b",
    ],
    paramsBillion: 70.55,
    layers: 80,
    hiddenSize: 8192,
    attentionHeads: 64,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLAMA_31_70B_CONFIG, OUMI_LLAMA31_README, LLAMA_31_MODEL_CARD],
  },
  {
    kind: "llm",
    name: "llama-3.1-405b",
    aliases: [
      "meta-llama/Llama-3.1-405B",
      "meta-llama/Llama-3.1-405B-Instruct",
      "meta-llama/Meta-Llama-3.1-405B",
      "meta-llama/Meta-Llama-3.1-405B-Instruct",
      "Llama-3.1-405B-Instruct",
      "Meta-Llama-3.1-405B",
      "Meta-Llama-3.1-405B-Instruct",
      "llama3.1-405b",
      "llama3.1:405b",
    ],
    // Counted from the config (126 x (attention + SwiGLU MLP) + untied 128,256 x 16,384 embeddings): 405.85B.
    paramsBillion: 405.85,
    layers: 126,
    hiddenSize: 16384,
    attentionHeads: 128,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLAMA_31_405B_CONFIG, LLAMA_31_MODEL_CARD],
  },
  {
    kind: "llm",
    name: "llama-3.2-1b",
    aliases: [
      "meta-llama/Llama-3.2-1B",
      "meta-llama/Llama-3.2-1B-Instruct",
      "Llama-3.2-1B-Instruct",
      "llama3.2-1b",
      "llama3.2:1b",
    ],
    // Tied embeddings: 1,235,814,400 parameters.
    paramsBillion: 1.24,
    layers: 16,
    hiddenSize: 2048,
    attentionHeads: 32,
    kvHeads: 8,
    // The config sets head_dim 64 (= 2048 / 32).
    headDim: 64,
    contextLengthTokens: 131072,
    sources: [LLAMA_32_1B_CONFIG],
  },
  {
    kind: "llm",
    name: "llama-3.2-3b",
    aliases: [
      "meta-llama/Llama-3.2-3B",
      "meta-llama/Llama-3.2-3B-Instruct",
      "Llama-3.2-3B-Instruct",
      "llama3.2-3b",
      "llama3.2:3b",
    ],
    // Tied embeddings: 3,212,749,824 parameters.
    paramsBillion: 3.21,
    layers: 28,
    hiddenSize: 3072,
    attentionHeads: 24,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLAMA_32_3B_CONFIG],
  },
  {
    kind: "llm",
    name: "mistral-7b",
    // v0.1 / v0.2 share every dimension below; they have a 32,000-token vocabulary (v0.3: 32,768), about 6M fewer
    // parameters, and v0.1 attends through a 4,096-token sliding window.
    aliases: [
      "mistralai/Mistral-7B-v0.3",
      "mistralai/Mistral-7B-Instruct-v0.3",
      "Mistral-7B-v0.3",
      "Mistral-7B-Instruct-v0.3",
      "mistral:7b",
      "mistralai/Mistral-7B-Instruct-v0.2",
      "mistralai/Mistral-7B-v0.1",
      "mistralai/Mistral-7B-Instruct-v0.1",
    ],
    // Counted from the v0.3 config (untied 32,768-token embeddings): 7.248B.
    paramsBillion: 7.25,
    layers: 32,
    hiddenSize: 4096,
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 32768,
    sources: [MISTRAL_7B_V03_CONFIG, MISTRAL_7B_V03_CARD],
  },
  {
    kind: "llm",
    name: "mixtral-8x7b",
    aliases: [
      "mistralai/Mixtral-8x7B-v0.1",
      "mistralai/Mixtral-8x7B-Instruct-v0.1",
      "Mixtral-8x7B-v0.1",
      "Mixtral-8x7B-Instruct-v0.1",
      "mixtral-8x7b-instruct",
      "mixtral:8x7b",
    ],
    // All 8 experts (46,702,792,704 in the safetensors); 2 experts per token are active (~12.9B).
    paramsBillion: 46.7,
    layers: 32,
    hiddenSize: 4096,
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 32768,
    sources: [MIXTRAL_8X7B_CONFIG, MIXTRAL_8X7B_CARD],
  },
  {
    kind: "llm",
    name: "qwen2.5-7b",
    // The base config sets max_position_embeddings 131072. The -Instruct config sets 32768 and reaches 131,072
    // tokens with YaRN rope scaling (factor 4), per its model card.
    aliases: ["Qwen/Qwen2.5-7B", "Qwen/Qwen2.5-7B-Instruct", "Qwen2.5-7B-Instruct", "qwen2.5:7b"],
    // 7,615,616,512 counted from the config (untied embeddings, QKV biases).
    paramsBillion: 7.61,
    layers: 28,
    hiddenSize: 3584,
    attentionHeads: 28,
    kvHeads: 4,
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [QWEN25_7B_CONFIG, QWEN25_7B_CARD],
  },
  {
    kind: "llm",
    name: "qwen2.5-72b",
    // As for 7B: base config 131072 positions; -Instruct 32768 + YaRN x4.
    aliases: [
      "Qwen/Qwen2.5-72B",
      "Qwen/Qwen2.5-72B-Instruct",
      "Qwen2.5-72B-Instruct",
      "qwen2.5:72b",
    ],
    // 72,706,203,648 counted from the config.
    paramsBillion: 72.7,
    layers: 80,
    hiddenSize: 8192,
    attentionHeads: 64,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [QWEN25_72B_CONFIG, QWEN25_72B_CARD],
  },
  {
    kind: "diffusion",
    name: "sdxl",
    aliases: [
      "stabilityai/stable-diffusion-xl-base-1.0",
      "stable-diffusion-xl-base-1.0",
      "stable-diffusion-xl",
      "Stable Diffusion XL",
      "SDXL 1.0",
      "sdxl-1.0",
      "sdxl-base-1.0",
    ],
    // UNet only; with the CLIP ViT-L and OpenCLIP ViT-bigG text encoders the base pipeline is ~3.5B.
    paramsBillion: 2.6,
    // fp16 at 1024x1024 with UNet, both text encoders and VAE resident: ~8.5 GB (peak ~7.5 GB when the text
    // encoders are moved off before denoising). Stability states an 8 GB minimum. Base model only: the optional
    // refiner adds a second UNet. // unverified: measurement (and the 8 GB quote) from a third-party requirements page.
    typicalVramGB: 8.5,
    sources: [SDXL_MODEL_CARD, SDXL_PAPER, SDXL_VRAM],
  },
  {
    kind: "diffusion",
    name: "flux.1-dev",
    aliases: ["black-forest-labs/FLUX.1-dev", "FLUX.1 [dev]", "flux.1 dev", "flux1-dev", "flux-dev"],
    // The model card's "12 billion parameter" transformer (diffusers counts 11.9B).
    paramsBillion: 12,
    // bf16 with the 12B transformer, the T5-XXL (~4.7B) and CLIP-L text encoders and the VAE resident: ~33 GB.
    // The model card's example calls enable_model_cpu_offload(), which brings it to ~24 GB; the transformer alone
    // measures 22.6 GB. // unverified: ~33 GB is a commenter's estimate (params x 2 bytes) in a model discussion, not the card.
    typicalVramGB: 33,
    sources: [FLUX_DEV_MODEL_CARD, FLUX_VRAM_DISCUSSION, DIFFUSERS_BENCHMARKS],
  },
];
