import { ModelSpec } from "../model-spec";
import { Source } from "../source";

/*
 * Model catalog.
 *
 * LLM rows are the published Hugging Face config.json values: num_hidden_layers (layers), hidden_size (hiddenSize),
 * intermediate_size (intermediateSize), vocab_size (vocabSize), num_attention_heads, num_key_value_heads,
 * head_dim (headDim; where the config has no head_dim key, hidden_size / num_attention_heads, and the row says so)
 * and max_position_embeddings (contextLengthTokens). tiedEmbeddings is set only where tie_word_embeddings is true
 * (Llama 3.2 1B/3B, Gemma); it is omitted, i.e. false, everywhere else. Mixture-of-experts rows add moe
 * (num_local_experts / num_experts, num_experts_per_tok, the expert MLP width, shared experts where there are any)
 * and activeParamsBillion; for Mixtral the expert width is intermediate_size, for Qwen3-MoE it is
 * moe_intermediate_size (their intermediate_size, kept in intermediateSize, only sizes dense layers, of which they
 * have none). Llama 4's intermediate_size is its expert (and shared expert) width, DeepSeek V3's sizes its first dense
 * layers (the experts are moe_intermediate_size wide); the rows keep the config value and say so.
 *
 * Many Hub pages (the meta-llama and google repos are gated) could not be read directly, so configs were checked
 * against verbatim public copies: config dumps in other repositories and derivative / quantized repos of the same
 * checkpoint, pinned to a commit where one exists. Every row lists them as sources.
 *
 * paramsBillion is the published (model card) count, given to 2-3 decimals where an exact total is known (Hub
 * safetensors totals, keras-hub presets), and for MoE it is all experts. Where the card gives only a round figure
 * ("70B") the row uses the best exact total found and says where it comes from. A value that could not be confirmed
 * is kept at its best estimate and marked "// unverified:" with what is uncertain.
 *
 * Diffusion rows: paramsBillion is the denoiser only (SDXL UNet, FLUX / SD3.5 transformer); typicalVramGB is peak GPU
 * memory of the default fp16/bf16 pipeline at native resolution (1024x1024) with every component resident on the GPU
 * (no CPU offload), in GB (10^9 bytes; the memory estimate converts it to GiB). Measured diffusers figures are
 * preferred; the HF blogs print torch.cuda.max_memory_reserved() / 1024**3 labelled "GB", i.e. GiB, which is
 * converted here. Rows without a measurement say how their figure was reached and are marked unverified.
 */

const AS_OF = "2026-11-27";
/** Second pass: intermediate_size, vocab_size, tied embeddings, MoE fields, and the rows added then. */
const AS_OF_2 = "2026-11-29";

// --- Shared config collections (verbatim config.json copies) ---
const LLM_PROF_CONFIGS: Source = {
  title:
    "citsjtu2020/LLM-Prof sglang/Model_Config.md: verbatim config.json dumps (Llama-3.2-3B, Qwen2.5-7B/14B/32B, Qwen3-14B, Qwen3-30B-A3B)",
  url: "https://github.com/citsjtu2020/LLM-Prof/blob/8434c8d19c396b2f95d92a67845a7c0a0e0dd512/sglang/Model_Config.md",
  asOf: AS_OF_2,
};
const MAXTEXT_HF_CONFIGS: Source = {
  title:
    "AI-Hypercomputer/maxtext hf_model_configs.py (llama31_405b: intermediate_size 53248, head_dim 128; gemma2_27b: intermediate_size 36864, head_dim 128)",
  url: "https://github.com/AI-Hypercomputer/maxtext/blob/02b47fd815659b2d3119206cb25c05b5a0a74dbc/src/MaxText/utils/ckpt_conversion/utils/hf_model_configs.py",
  asOf: AS_OF_2,
};

/** Third pass (issue 18): sliding-window layers, gpt-oss. */
const AS_OF_3 = "2026-12-07";
const GEMMA_PYTORCH_CONFIG: Source = {
  title: "google/gemma_pytorch gemma/config.py (Gemma 2: sliding_window 4096, [LOCAL_SLIDING, GLOBAL] alternating; Gemma 3: sliding_window 1024, sliding_window_pattern 6)",
  url: "https://github.com/google/gemma_pytorch/blob/014acb7ac4563a5f77c76d7ff98f31b568c16508/gemma/config.py",
  asOf: AS_OF_3,
};
const MLC_GEMMA2_PRESETS: Source = {
  title: "mlc-ai/mlc-llm model_preset.py gemma2_9b / gemma2_27b (copies of config.json: sliding_window 4096)",
  url: "https://github.com/mlc-ai/mlc-llm/blob/79d603f085f50500e9509fa01785ffa7ecfaaa93/python/mlc_llm/model/model_preset.py",
  asOf: AS_OF_3,
};
const AICONF_GPT_OSS_120B: Source = {
  title: "ai-dynamo/aiconfigurator openai--gpt-oss-120b_config.json (verbatim config.json: 36 layers, 128 experts, top-4, sliding_window 128 on alternate layers)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/openai--gpt-oss-120b_config.json",
  asOf: AS_OF_3,
};
const AICONF_GPT_OSS_20B: Source = {
  title: "ai-dynamo/aiconfigurator openai--gpt-oss-20b_config.json (verbatim config.json: 24 layers, 32 experts, top-4, sliding_window 128 on alternate layers)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/openai--gpt-oss-20b_config.json",
  asOf: AS_OF_3,
};
const GPT_OSS_CARD: Source = {
  title: "OpenAI gpt-oss model card (gpt-oss-120b: 117B parameters, 5.1B active; gpt-oss-20b: 21B, 3.6B active; MXFP4 expert weights)",
  url: "https://huggingface.co/openai/gpt-oss-120b",
  asOf: AS_OF_3,
};

/** Fourth pass: Llama 4, Llama 3.2 Vision, small Qwen3 / Qwen2.5, Qwen2.5-Coder, DeepSeek V3 / R1 and R1 distills, small Gemma 3, Phi-4, larger Mistral rows. */
const AS_OF_4 = "2026-12-07";
const LITGPT_CONFIGS: Source = {
  title:
    "Lightning-AI/litgpt config.py, entries transcribed from each model's config.json (Qwen2.5 0.5B/1.5B/3B, Qwen2.5-Coder 7B/32B, Qwen3 0.6B/1.7B/4B, Gemma 3 1B/4B, phi-4, Phi-4-mini-instruct, Mistral-Large-Instruct-2411)",
  url: "https://github.com/Lightning-AI/litgpt/blob/26857050fe3ff627cd714fe92f5838f51a3d5efa/litgpt/config.py",
  asOf: AS_OF_4,
};

// --- Embedding and reranking models (issue 18) ---
const BGE_M3_CONFIG: Source = {
  title: "BAAI/bge-m3 onnx/config.json in the official repo (XLMRobertaModel: 24 layers, hidden 1024, intermediate 4096, 16 heads, max_position_embeddings 8194)",
  url: "https://huggingface.co/BAAI/bge-m3/blame/main/onnx/config.json",
  asOf: AS_OF_3,
};
const BGE_M3_PARAMS: Source = {
  title: "BAAI/bge-m3 discussion #60, a BAAI member: \"Overall, bge-m3 has 560M parameters.\"",
  url: "https://huggingface.co/BAAI/bge-m3/discussions/60",
  asOf: AS_OF_3,
};
const BGE_RERANKER_V2_M3_CONFIG: Source = {
  title: "BAAI/bge-reranker-v2-m3 config.json (XLMRobertaForSequenceClassification, one label; 24 layers, hidden 1024, intermediate 4096, max_position_embeddings 8194)",
  url: "https://huggingface.co/BAAI/bge-reranker-v2-m3/commit/995ec6ee29e8a96b27eee66c584c4340104ab8e5",
  asOf: AS_OF_3,
};
const E5_LARGE_CONFIG: Source = {
  title: "intfloat/multilingual-e5-large config.json (XLMRobertaModel), and intfloat's ONNX config committed to Hiveurban/multilingual-e5-large-pooled (e8061c7: 24 layers, hidden 1024, intermediate 4096, max_position_embeddings 514)",
  url: "https://huggingface.co/Hiveurban/multilingual-e5-large-pooled/blob/main/onnx/config.json",
  asOf: AS_OF_3,
};
const QWEN3_EMBEDDING_CARD: Source = {
  title: "Qwen3-Embedding model card table (0.6B: 28 layers, 32K, dimension 1024; 4B: 36, 32K, 2560; 8B: 36, 32K, 4096), as vendored verbatim",
  url: "https://github.com/yang-yk/llm-chat-v1/blob/a062e5bef7cd4efe0509c61d683395f44c1597ad/backend/embeddings/models/Qwen3-Embedding-0.6B/README.md",
  asOf: AS_OF_3,
};
const KERAS_QWEN3_EMBEDDING_PRESETS: Source = {
  title: "keras-hub PR #2455 qwen3_presets.py (qwen3_embedding_0.6b_en 595,776,512; 4b 4,021,774,336; 8b 8,188,515,328 parameters)",
  url: "https://github.com/keras-team/keras-hub/pull/2455",
  asOf: AS_OF_3,
};

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
const AICONF_LLAMA_31_8B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of meta-llama/Meta-Llama-3.1-8B config.json (intermediate_size 14336, vocab_size 128256, tie_word_embeddings false, no head_dim key)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/meta-llama--Meta-Llama-3.1-8B_config.json",
  asOf: AS_OF_2,
};
const LLAMA_31_8B_HUB_API: Source = {
  title: "HF Hub API snapshot of meta-llama/Llama-3.1-8B-Instruct (same shapes): safetensors total 8,030,261,248",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-meta-llama-llama-3-1-8b-instruct/sources/huggingface/model.json",
  asOf: AS_OF_2,
};
const AICONF_LLAMA_31_70B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of meta-llama/Meta-Llama-3.1-70B config.json (intermediate_size 28672, vocab_size 128256, tie_word_embeddings false, no head_dim key)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/meta-llama--Meta-Llama-3.1-70B_config.json",
  asOf: AS_OF_2,
};
const AICONF_LLAMA_31_405B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of meta-llama/Meta-Llama-3.1-405B config.json (intermediate_size 53248, vocab_size 128256, tie_word_embeddings false, no head_dim key)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/meta-llama--Meta-Llama-3.1-405B_config.json",
  asOf: AS_OF_2,
};
const THUNDER_LLAMA_32_1B: Source = {
  title:
    "kevinstephano/thunder_model_blocks: AutoConfig dump of meta-llama/Llama-3.2-1B at Hub commit 4e20de36 (intermediate_size 8192, vocab_size 128256, tie_word_embeddings true, head_dim 64)",
  url: "https://github.com/kevinstephano/thunder_model_blocks/blob/867e9dbdd63b4e4f5df3dad03af1584dcf36becd/thunder_model_blocks/hf_llama/llama_config.py",
  asOf: AS_OF_2,
};
const LLAMA_32_1B_HUB_API: Source = {
  title: "HF Hub API snapshot of meta-llama/Llama-3.2-1B (sha 4e20de36): safetensors total 1,235,814,400",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-meta-llama-llama-3-2-1b/sources/huggingface/model.json",
  asOf: AS_OF_2,
};
const LLAMA_32_CARD_MIRROR: Source = {
  title: "Llama 3.2 model card (HF README mirror): 1B (1.23B) and 3B (3.21B) parameters, shared embeddings",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/meta-llama/Llama-3.2-1B/index.md",
  asOf: AS_OF_2,
};
const AICONF_LLAMA_33_70B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of meta-llama/Llama-3.3-70B-Instruct config.json (80 layers, hidden 8192, intermediate 28672, 64 heads, 8 KV, vocab 128256, 131072 positions, no head_dim key)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/f577ab8432dfc9970fea27853a24861a6d3076cf/src/aiconfigurator/model_configs/meta-llama--Llama-3.3-70B-Instruct_config.json",
  asOf: AS_OF_2,
};
const LLAMA_33_CARD_MIRROR: Source = {
  title: "Llama 3.3 model card (HF README mirror): 70B, 128k context, GQA",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/meta-llama/Llama-3.3-70B-Instruct/index.md",
  asOf: AS_OF_2,
};
const LLAMA_33_70B_PARAMS: Source = {
  title:
    "meta-llama/Llama-3.3-70B-Instruct: safetensors total 70,553,706,496 at revision 6f6073b4, as quoted by a third-party code fixture (not read from the Hub itself)",
  url: "https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct",
  asOf: AS_OF_2,
};
const AICONF_LLAMA4_SCOUT: Source = {
  title:
    "ai-dynamo/aiconfigurator: copy of meta-llama/Llama-4-Scout-17B-16E-Instruct config.json text_config (48 layers, hidden 5120, intermediate_size 8192, intermediate_size_mlp 16384, 40 heads, 8 KV, head_dim 128, 16 local experts, 1 per token, interleave_moe_layer_step 1, attention_chunk_size 8192, vocab 202048, 10485760 positions)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/meta-llama--Llama-4-Scout-17B-16E-Instruct_config.json",
  asOf: AS_OF_4,
};
const AICONF_LLAMA4_MAVERICK: Source = {
  title:
    "ai-dynamo/aiconfigurator: copy of meta-llama/Llama-4-Maverick-17B-128E-Instruct config.json text_config (48 layers, hidden 5120, intermediate_size 8192, intermediate_size_mlp 16384, 40 heads, 8 KV, 128 local experts, 1 per token, interleave_moe_layer_step 2, attention_chunk_size 8192, vocab 202048, 1048576 positions)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/meta-llama--Llama-4-Maverick-17B-128E-Instruct_config.json",
  asOf: AS_OF_4,
};
const TRTLLM_LLAMA4_MAVERICK_CONFIG: Source = {
  title:
    "NVIDIA/TensorRT-LLM test_modeling_llama_min_latency.py: the Llama 4 Maverick config.json with num_hidden_layers cut to 2 (same text_config values; vision_config included)",
  url: "https://github.com/NVIDIA/TensorRT-LLM/blob/b35ac1b64368513d215c57d2ed01d62d910df8da/tests/unittest/_torch/modeling/test_modeling_llama_min_latency.py",
  asOf: AS_OF_4,
};
const TRANSFORMERS_LLAMA4_CONFIG: Source = {
  title:
    "huggingface/transformers Llama4TextConfig: no_rope_layer_interval 4 (every 4th layer NoPE, full attention; the rest chunked_attention), moe_layers from interleave_moe_layer_step, tie_word_embeddings False",
  url: "https://github.com/huggingface/transformers/blob/008e574391258935f3ecc3035c882e73bbcac419/src/transformers/models/llama4/configuration_llama4.py",
  asOf: AS_OF_4,
};
const LLAMA4_MODEL_CARD: Source = {
  title: "meta-llama/llama-models Llama 4 MODEL_CARD.md (Scout 17Bx16E: 17B activated, 109B total, 10M context; Maverick 17Bx128E: 17B activated, 400B total, 1M context)",
  url: "https://github.com/meta-llama/llama-models/blob/038acb9fe1e1ddc5cf1b3989fb07b311a0ffcae4/models/llama4/MODEL_CARD.md",
  asOf: AS_OF_4,
};
const LLAMA32_VISION_CARD: Source = {
  title: "meta-llama/llama-models Llama 3.2 MODEL_CARD_VISION.md (11B (10.6) and 90B (88.8) parameters, 128k context, GQA; cross-attention adapter on the Llama 3.1 text model)",
  url: "https://github.com/meta-llama/llama-models/blob/e2e67cd8b0feca839666b7082dcc1c4fc0ae11e2/models/llama3_2/MODEL_CARD_VISION.md",
  asOf: AS_OF_4,
};
const LLAMA_MODELS_SKU_LIST: Source = {
  title:
    "meta-llama/llama-models sku_list.py arch_args (Llama3.2-11B-Vision: dim 4096, 32 layers, 32 heads, 8 KV, vocab 128256, 8 cross-attention layers; 90B-Vision: 8192, 80, 64, 8, 20 cross-attention layers)",
  url: "https://github.com/meta-llama/llama-models/blob/364ed4ec2bdcc13ab3acb08e364e843b6322b9ae/models/sku_list.py",
  asOf: AS_OF_4,
};
const TRANSFORMERS_MLLAMA_CONVERSION: Source = {
  title:
    "huggingface/transformers convert_mllama_weights_to_hf.py: text num_hidden_layers = n_layers + cross-attention layers, intermediate_size from ffn_dim_multiplier 1.3 / multiple_of, max_position_embeddings 131072, tie_word_embeddings False",
  url: "https://github.com/huggingface/transformers/blob/39f542c248d1a800eb7cf32aa68d137610421802/src/transformers/models/mllama/convert_mllama_weights_to_hf.py",
  asOf: AS_OF_4,
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
const MLC_MISTRAL_7B_V03: Source = {
  title: "mlc-ai/mlc-llm MODEL_PRESETS['mistral_7b_v03'] (intermediate_size 14336, vocab_size 32768, tie_word_embeddings False)",
  url: "https://github.com/mlc-ai/mlc-llm/blob/79d603f085f50500e9509fa01785ffa7ecfaaa93/python/mlc_llm/model/model_preset.py#L228",
  asOf: AS_OF_2,
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
const AICONF_MIXTRAL_8X7B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of mistralai/Mixtral-8x7B-v0.1 config.json (intermediate_size 14336, num_local_experts 8, num_experts_per_tok 2, vocab_size 32000, tie false)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/mistralai--Mixtral-8x7B-v0.1_config.json",
  asOf: AS_OF_2,
};
const MIXTRAL_8X7B_ANNOUNCEMENT: Source = {
  title:
    "Mistral AI 'Mixtral of experts' announcement, as quoted: 'Mixtral has 46.7B total parameters but only uses 12.9B parameters per token'",
  url: "https://notes.ethanyoung.dev/Mixtral-8x7B",
  asOf: AS_OF_2,
};
const AICONF_MIXTRAL_8X22B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of mistralai/Mixtral-8x22B-v0.1 config.json (56 layers, hidden 6144, intermediate 16384, 48 heads, 8 KV, 8 experts, 2 per token, vocab 32000, 65536 positions)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/mistralai--Mixtral-8x22B-v0.1_config.json",
  asOf: AS_OF_2,
};
const MIXTRAL_8X22B_SUMMARY: Source = {
  title:
    "Prompt Engineering Guide: Mixtral 8x22B, citing Mistral AI's blog ('39B active parameters out of a total of 141B parameters')",
  url: "https://prompt-engineering-guide-ar7flcqp6-dair-ai.vercel.app/models/mixtral-8x22b",
  asOf: AS_OF_2,
};
const THUNDER_MISTRAL_NEMO: Source = {
  title:
    "kevinstephano/thunder_model_blocks: AutoConfig dump of mistralai/Mistral-Nemo-Base-2407 (40 layers, hidden 5120, intermediate 14336, 32 heads, 8 KV, head_dim 128, vocab 131072, 128000 positions)",
  url: "https://github.com/kevinstephano/thunder_model_blocks/blob/a23dd8fe87e974d06332635cfd3064614c47ae27/thunder_model_blocks/mistral/mistral_config.py",
  asOf: AS_OF_2,
};
const MISTRAL_NEMO_CARD: Source = {
  title: "mistralai/Mistral-Nemo-Base-2407 model card ('a pretrained generative text model of 12B parameters')",
  url: "https://huggingface.co/mistralai/Mistral-Nemo-Base-2407",
  asOf: AS_OF_2,
};
const MISTRAL_NEMO_INSTRUCT_CONFIG: Source = {
  title: "inference-sim: copy of mistralai/Mistral-Nemo-Instruct-2407 config.json (same shapes; max_position_embeddings 131072)",
  url: "https://github.com/inference-sim/inference-sim/blob/f90a1e3a6787da17c2cd463dab6fb2660b1b1760/model_configs/mistral-nemo-instruct-2407/config.json",
  asOf: AS_OF_2,
};
const MISTRAL_SMALL_24B_DERIVATIVE_CONFIG: Source = {
  title:
    "Fine-tune config with _name_or_path mistralai/Mistral-Small-24B-Base-2501 (40 layers, hidden 5120, intermediate 32768, 32 heads, 8 KV, head_dim 128, vocab 131072, 32768 positions)",
  url: "https://huggingface.co/estrogen/Mistral-Small-24b-Sertraline-0304-eval-template/blob/d89dfd85de85ff027a476d4a2130702d62bab20b/config.json",
  asOf: AS_OF_2,
};
const MISTRAL_SMALL_24B_DERIVATIVE_CONFIG_2: Source = {
  title: "Second derivative config (local copy of Mistral-Small-24B-Base-2501): same shapes",
  url: "https://huggingface.co/yuzhen17/tmp_mistral_by_qwen_test/blame/main/config.json",
  asOf: AS_OF_2,
};
const MISTRAL_SMALL_24B_CARD: Source = {
  title: "mistralai/Mistral-Small-24B-Instruct-2501 model card ('Mistral Small 3 (2501) ... 24B parameters'; base: Mistral-Small-24B-Base-2501)",
  url: "https://huggingface.co/mistralai/Mistral-Small-24B-Instruct-2501",
  asOf: AS_OF_2,
};
const MISTRAL_DOCS_LARGE_2411: Source = {
  title: "mistralai/platform-docs-public model entry mistral-large-2-1-24-11 (open weights Mistral-Large-Instruct-2411: 123B parameters, 128k context)",
  url: "https://github.com/mistralai/platform-docs-public/blob/19e1bb250d2a292e57df7170ced00d9d8ba39269/src/schema/models/models/mistral-large-2-1-24-11.ts",
  asOf: AS_OF_4,
};
const MISTRAL_LARGE_2411_AWQ_CONFIG: Source = {
  title: "AWQ conversion of mistralai/Mistral-Large-Instruct-2411, architecture keys unchanged (88 layers, hidden 12288, intermediate 28672, 96 heads, 8 KV, vocab 32768, 131072 positions), as read by the research pass",
  url: "https://huggingface.co/TechxGenus/Mistral-Large-Instruct-2411-AWQ/blame/main/config.json",
  asOf: AS_OF_4,
};
const MISTRAL_LARGE_2411_PARAMS_JSON: Source = {
  title: "Mistral-format params.json of Mistral-Large-Instruct-2411 (exl2 mirror): dim 12288, n_layers 88, head_dim 128, hidden_dim 28672, n_heads 96, n_kv_heads 8, vocab 32768",
  url: "https://huggingface.co/bartowski/Mistral-Large-Instruct-2411-exl2/blob/c17e07c5625482c08cadc29c733c6d78749b1314/params.json",
  asOf: AS_OF_4,
};
const MISTRAL_DOCS_CODESTRAL_2405: Source = {
  title: "mistralai/platform-docs-public model entry codestral-24-05 (open weights Codestral-22B-v0.1: 22B parameters, 32k context, MNPL license)",
  url: "https://github.com/mistralai/platform-docs-public/blob/83adbd1934d0ce9131eb43f43edc1ed917fcdb70/src/schema/models/models/codestral-24-05.ts",
  asOf: AS_OF_4,
};
const CODESTRAL_HF_CONVERSION_CONFIG: Source = {
  title: "HF-format conversion of Codestral-22B-v0.1 (56 layers, hidden 6144, intermediate 16384, 48 heads, 8 KV, vocab 32768, 32768 positions, no sliding window), as read by the research pass",
  url: "https://huggingface.co/bullerwins/Codestral-22B-v0.1-hf/blob/refs%2Fpr%2F2/config.json",
  asOf: AS_OF_4,
};
const MISTRAL_DOCS_MINISTRAL_8B: Source = {
  title: "mistralai/platform-docs-public model entry ministral-8b-24-1 (open weights Ministral-8B-Instruct-2410: 8B parameters, 128k context, MRL license)",
  url: "https://github.com/mistralai/platform-docs-public/blob/c59bec0f0e053cbe765b1c789be7c1cd870db012/src/schema/models/models/ministral-8b-24-1.ts",
  asOf: AS_OF_4,
};
const GENZ_MISTRAL_CONFIGS: Source = {
  title:
    "abhibambhaniya/GenZ-LLM-Analyzer mistral.py, transcribed from config.json (Ministral-8B-Instruct-2410: 36 layers, hidden 4096, intermediate 12288, 32 heads, 8 KV, vocab 131072, 32K positions, sliding_window 32K)",
  url: "https://github.com/abhibambhaniya/GenZ-LLM-Analyzer/blob/13ebfb842b4248bf0252d089a904181e33ead320/GenZ/Models/Model_sets/mistral.py",
  asOf: AS_OF_4,
};
const TRANSFORMERS_MINISTRAL_DOC: Source = {
  title: "huggingface/transformers Ministral docs: Ministral-8B-Instruct-2410 alternates 1 full-attention layer with 3 sliding-window layers, for 128K context",
  url: "https://github.com/huggingface/transformers/blob/5be629a3528b48edf78d737e61a95b764a419803/docs/source/en/model_doc/ministral.md",
  asOf: AS_OF_4,
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
const LITGPT_QWEN25_72B: Source = {
  title:
    "Lightning-AI/litgpt config.py, Qwen2.5-72B entry transcribed from its config.json (intermediate_size 29568, padded_vocab_size 152064, 80 layers, 64 heads, 8 query groups)",
  url: "https://github.com/Lightning-AI/litgpt/blob/293089e26877cfe9f49bc0d7d79b71d35f67fa65/litgpt/config.py",
  asOf: AS_OF_2,
};
const QWEN25_14B_CARD: Source = {
  title: "Qwen/Qwen2.5-14B model card (HF README mirror): 14.7B parameters, 48 layers, 40 Q / 8 KV heads, 131,072 context",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/Qwen/Qwen2.5-14B/index.md",
  asOf: AS_OF_2,
};
const QWEN25_32B_CARD: Source = {
  title: "Qwen/Qwen2.5-32B model card (HF README mirror): 32.5B parameters, 64 layers, 40 Q / 8 KV heads, 131,072 context",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/Qwen/Qwen2.5-32B/index.md",
  asOf: AS_OF_2,
};
const KERAS_QWEN3_PRESETS: Source = {
  title: "keras-team/keras-hub qwen3 presets (qwen3_8b_en 8,190,735,360; qwen3_14b_en 14,768,307,200; qwen3_32b_en 32,762,123,264 parameters)",
  url: "https://github.com/keras-team/keras-hub/blob/1df65dab96fb417c6df011c25802017109e96c66/keras_hub/src/models/qwen3/qwen3_presets.py",
  asOf: AS_OF_2,
};
const AICONF_QWEN3_8B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of Qwen/Qwen3-8B config.json (36 layers, hidden 4096, intermediate 12288, 32 heads, 8 KV, head_dim 128, vocab 151936, 40960 positions)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-8B_config.json",
  asOf: AS_OF_2,
};
const QWEN3_8B_CONFIG_COPY: Source = {
  title: "Hub commit 'Copy config.json from Qwen/Qwen3-8B' (identical values)",
  url: "https://huggingface.co/thejaminator/qwen-hook-layer-9/commit/478fb720f1f3ced834fce0275b55b2732d438edc",
  asOf: AS_OF_2,
};
const QWEN3_8B_CARD: Source = {
  title: "Qwen/Qwen3-8B model card ('Number of Parameters: 8.2B'; 32,768 native context, 131,072 with YaRN)",
  url: "https://huggingface.co/Qwen/Qwen3-8B",
  asOf: AS_OF_2,
};
const INFERENCE_SIM_QWEN3_14B: Source = {
  title:
    "inference-sim: copy of Qwen/Qwen3-14B config.json (40 layers, hidden 5120, intermediate 17408, 40 heads, 8 KV, head_dim 128, vocab 151936, 40960 positions)",
  url: "https://github.com/inference-sim/inference-sim/blob/f90a1e3a6787da17c2cd463dab6fb2660b1b1760/model_configs/qwen3-14b/config.json",
  asOf: AS_OF_2,
};
const QWEN3_14B_CARD: Source = {
  title: "Qwen/Qwen3-14B model card (14.8B parameters; 40 layers; 40 Q / 8 KV heads; 32,768 native context, 131,072 with YaRN)",
  url: "https://huggingface.co/Qwen/Qwen3-14B",
  asOf: AS_OF_2,
};
const AICONF_QWEN3_32B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of Qwen/Qwen3-32B config.json (64 layers, hidden 5120, intermediate 25600, 64 heads, 8 KV, head_dim 128, vocab 151936, 40960 positions)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-32B_config.json",
  asOf: AS_OF_2,
};
const QWEN3_32B_CARD: Source = {
  title: "Qwen/Qwen3-32B model card (32.8B parameters; 64 layers; 64 Q / 8 KV heads)",
  url: "https://huggingface.co/Qwen/Qwen3-32B",
  asOf: AS_OF_2,
};
const QWEN3_32B_HUB_API: Source = {
  title: "HF Hub API snapshot of Qwen/Qwen3-32B (sha 9216db57): safetensors total 32,762,123,264",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-qwen-qwen3-32b/sources/huggingface/model.json",
  asOf: AS_OF_2,
};
const AICONF_QWEN3_30B_A3B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of Qwen/Qwen3-30B-A3B config.json (48 layers, hidden 2048, intermediate 6144, moe_intermediate_size 768, 128 experts, 8 per token, 32 heads, 4 KV, head_dim 128)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-30B-A3B_config.json",
  asOf: AS_OF_2,
};
const QWEN3_30B_A3B_CARD: Source = {
  title: "Qwen/Qwen3-30B-A3B model card ('30.5B in total and 3.3B activated'; 48 layers; 128 experts, 8 activated)",
  url: "https://huggingface.co/Qwen/Qwen3-30B-A3B",
  asOf: AS_OF_2,
};
const AICONF_QWEN3_235B_A22B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of Qwen/Qwen3-235B-A22B config.json (94 layers, hidden 4096, intermediate 12288, moe_intermediate_size 1536, 128 experts, 8 per token, 64 heads, 4 KV)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-235B-A22B_config.json",
  asOf: AS_OF_2,
};
const QWEN3_235B_A22B_CARD: Source = {
  title: "Qwen/Qwen3-235B-A22B model card ('235B in total and 22B activated'; 94 layers; 128 experts, 8 activated)",
  url: "https://huggingface.co/Qwen/Qwen3-235B-A22B",
  asOf: AS_OF_2,
};
const AICONF_QWEN3_0_6B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of Qwen/Qwen3-0.6B config.json (28 layers, hidden 1024, intermediate 3072, 16 heads, 8 KV, head_dim 128, vocab 151936, 40960 positions, tie_word_embeddings true)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-0.6B_config.json",
  asOf: AS_OF_4,
};
const QWEN3_0_6B_HUB_SNAPSHOT: Source = {
  title:
    "HF Hub snapshot of Qwen/Qwen3-0.6B (sha c1899de2): config.json as above; card '0.6B, 0.44B non-embedding, 32,768 context'; safetensors total 751,632,384 (it stores a copy of the tied lm_head)",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-qwen-qwen3-0-6b/sources/huggingface/model.json",
  asOf: AS_OF_4,
};
const AICONF_QWEN3_1_7B: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of Qwen/Qwen3-1.7B config.json (28 layers, hidden 2048, intermediate 6144, 16 heads, 8 KV, head_dim 128, vocab 151936, 40960 positions, tie_word_embeddings true)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-1.7B_config.json",
  asOf: AS_OF_4,
};
const KERAS_QWEN3_SMALL_PRESETS: Source = {
  title: "keras-team/keras-hub qwen3 presets (qwen3_0.6b_en 596,049,920; qwen3_1.7b_en 1,720,574,976; qwen3_4b_en 4,022,468,096 parameters)",
  url: "https://github.com/keras-team/keras-hub/blob/1df65dab96fb417c6df011c25802017109e96c66/keras_hub/src/models/qwen3/qwen3_presets.py",
  asOf: AS_OF_4,
};
const QWEN25_0_5B_CARD: Source = {
  title: "Qwen/Qwen2.5-0.5B-Instruct model card (HF README mirror): 0.49B parameters, 24 layers, 14 Q / 2 KV heads, tied word embeddings, 32,768 context",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/Qwen/Qwen2.5-0.5B-Instruct/index.md",
  asOf: AS_OF_4,
};
const QWEN25_0_5B_INSTRUCT_COPY: Source = {
  title:
    "HF Hub snapshot of Gensyn/Qwen2.5-0.5B-Instruct, a copy of Qwen/Qwen2.5-0.5B-Instruct: config.json (24 layers, hidden 896, intermediate 4864, 14 heads, 2 KV, vocab 151936, 32768 positions, tied) and safetensors total 494,032,768",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-gensyn-qwen2-5-0-5b-instruct/sources/huggingface/config.json",
  asOf: AS_OF_4,
};
const QWEN25_1_5B_INSTRUCT_CONFIG: Source = {
  title:
    "HF Hub snapshot of Qwen/Qwen2.5-1.5B-Instruct (sha 989aa798): config.json (28 layers, hidden 1536, intermediate 8960, 12 heads, 2 KV, vocab 151936, 32768 positions, tied); safetensors total 1,543,714,304",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-qwen-qwen2-5-1-5b-instruct/sources/huggingface/config.json",
  asOf: AS_OF_4,
};
const AICONF_QWEN25_1_5B_BASE: Source = {
  title: "ai-dynamo/aiconfigurator: verbatim copy of Qwen/Qwen2.5-1.5B (base) config.json (same shapes; max_position_embeddings 131072)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/38028ec80aecbd3a2220b07b15dd1525b29545d3/src/aiconfigurator/model_configs/Qwen--Qwen2.5-1.5B_config.json",
  asOf: AS_OF_4,
};
const QWEN25_1_5B_CARD: Source = {
  title: "Qwen/Qwen2.5-1.5B-Instruct model card (HF README mirror): 1.54B parameters, 28 layers, 12 Q / 2 KV heads, tied word embeddings, 32,768 context",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/Qwen/Qwen2.5-1.5B-Instruct/index.md",
  asOf: AS_OF_4,
};
const QWEN25_3B_INSTRUCT_CONFIG: Source = {
  title:
    "HF Hub snapshot of Qwen/Qwen2.5-3B-Instruct (sha aa8e7253): config.json (36 layers, hidden 2048, intermediate 11008, 16 heads, 2 KV, vocab 151936, 32768 positions, tied); safetensors total 3,085,938,688",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-qwen-qwen2-5-3b-instruct/sources/huggingface/config.json",
  asOf: AS_OF_4,
};
const QWEN25_3B_CARD: Source = {
  title: "Qwen/Qwen2.5-3B-Instruct model card (HF README mirror): 3.09B parameters, 36 layers, 16 Q / 2 KV heads, tied word embeddings, 32,768 context",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/Qwen/Qwen2.5-3B-Instruct/index.md",
  asOf: AS_OF_4,
};
const MLC_QWEN25_3B: Source = {
  title: "mlc-ai/mlc-llm MODEL_PRESETS['qwen2.5_3b'] (copy of config.json: 36 layers, hidden 2048, intermediate 11008, 16 heads, 2 KV, vocab 151936, 32768 positions, tied)",
  url: "https://github.com/mlc-ai/mlc-llm/blob/01ced331a9e155c5ba4e7625b027a51bee611450/python/mlc_llm/model/model_preset.py",
  asOf: AS_OF_4,
};
const QWEN25_CODER_7B_CARD: Source = {
  title:
    "Qwen/Qwen2.5-Coder-7B-Instruct model card (HF README mirror): 7.61B parameters, 28 layers, 28 Q / 4 KV heads; config.json set for 32,768 tokens, 131,072 with YaRN",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/Qwen/Qwen2.5-Coder-7B-Instruct/index.md",
  asOf: AS_OF_4,
};
const QWEN25_CODER_32B_CARD: Source = {
  title:
    "Qwen/Qwen2.5-Coder-32B-Instruct model card (HF README mirror): 32.5B parameters, 64 layers, 40 Q / 8 KV heads; config.json set for 32,768 tokens, 131,072 with YaRN",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/Qwen/Qwen2.5-Coder-32B-Instruct/index.md",
  asOf: AS_OF_4,
};

// --- Gemma ---
const GEMMA2_CONFIG_CLASS: Source = {
  title: "huggingface/transformers Gemma2Config: tie_word_embeddings defaults to True (the Gemma 2 config.json files set no such key)",
  url: "https://github.com/huggingface/transformers/blob/008e574391258935f3ecc3035c882e73bbcac419/src/transformers/models/gemma2/configuration_gemma2.py",
  asOf: AS_OF_2,
};
const KERAS_GEMMA2_PRESETS: Source = {
  title: "keras-team/keras-hub gemma presets (gemma2_9b_en 9,241,705,984; gemma2_27b_en 27,227,128,320 parameters)",
  url: "https://github.com/keras-team/keras-hub/blob/02aeee5f130da8ff3daf6efd2d0dce9914223d2b/keras_hub/src/models/gemma/gemma_presets.py",
  asOf: AS_OF_2,
};
const MLC_GEMMA2_9B: Source = {
  title:
    "mlc-ai/mlc-llm MODEL_PRESETS['gemma2_9b'] (42 layers, hidden 3584, intermediate 14336, 16 heads, 8 KV, head_dim 256, vocab 256000, 8192 positions, sliding window 4096)",
  url: "https://github.com/mlc-ai/mlc-llm/blob/79d603f085f50500e9509fa01785ffa7ecfaaa93/python/mlc_llm/model/model_preset.py#L1213",
  asOf: AS_OF_2,
};
const GEMMA2_9B_CONFIG_QUOTE: Source = {
  title: "Hub discussion quoting google/gemma-2-9b config.json",
  url: "https://huggingface.co/mlx-community/gemma-2-9b-fp16/discussions/2",
  asOf: AS_OF_2,
};
const MLC_GEMMA2_27B: Source = {
  title:
    "mlc-ai/mlc-llm MODEL_PRESETS['gemma2_27b'] (46 layers, hidden 4608, intermediate 36864, 32 heads, 16 KV, head_dim 128, vocab 256000, 8192 positions)",
  url: "https://github.com/mlc-ai/mlc-llm/blob/79d603f085f50500e9509fa01785ffa7ecfaaa93/python/mlc_llm/model/model_preset.py#L1276",
  asOf: AS_OF_2,
};
const GEMMA3_CONVERSION_SCRIPT: Source = {
  title:
    "huggingface/transformers convert_gemma3_weights.py (12B: hidden 3840, intermediate 15360, 48 layers, 16 heads, 8 KV, head_dim 256; 27B: 5376, 21504, 62, 32, 16, 128)",
  url: "https://github.com/huggingface/transformers/blob/0d7e95d96b4e187c651e2b2406ed98ed40d74963/src/transformers/models/gemma3/convert_gemma3_weights.py",
  asOf: AS_OF_2,
};
const GEMMA3_TEXT_CONFIG_DEFAULTS: Source = {
  title:
    "huggingface/transformers Gemma3TextConfig defaults (vocab_size 262208, max_position_embeddings 131072, head_dim 256, tie_word_embeddings True), which apply where config.json sets no value",
  url: "https://github.com/huggingface/transformers/blob/008f5c8c29be84d4721dc6d1e0fcd72300580be4/src/transformers/models/gemma3/configuration_gemma3.py",
  asOf: AS_OF_2,
};
const KERAS_GEMMA3_PRESETS: Source = {
  title:
    "keras-team/keras-hub gemma3 presets (gemma3_12b 12,187,079,280 and gemma3_27b 27,432,062,576 parameters with the vision tower; text only: 11,765,788,416 / 27,009,002,240)",
  url: "https://github.com/keras-team/keras-hub/blob/00d9f10a8e74d4f552ed50170b7dcadb65d3bd52/keras_hub/src/models/gemma3/gemma3_presets.py",
  asOf: AS_OF_2,
};
const GEMMA3_12B_CONFIG: Source = {
  title: "google/gemma-3-12b-pt config.json (gated; a third-party table of its values gives vocab_size 262,208, hidden_size 3,840)",
  url: "https://huggingface.co/google/gemma-3-12b-pt/blob/main/config.json",
  asOf: AS_OF_2,
};
const GEMMA3_27B_CONFIG: Source = {
  title:
    "google/gemma-3-27b-pt config.json (gated; text_config as copied by a third party: head_dim 128, hidden 5376, intermediate 21504, 32 heads, 62 layers, 16 KV; no vocab_size or max_position_embeddings keys)",
  url: "https://huggingface.co/google/gemma-3-27b-pt/blob/main/config.json",
  asOf: AS_OF_2,
};
const GEMMA3_27B_DERIVATIVE: Source = {
  title: "Hub page of a google/gemma-3-27b-pt derivative ('Model size 27.4B params')",
  url: "https://huggingface.co/Columbidae/gemma-3-27b-special",
  asOf: AS_OF_2,
};
const MLC_GEMMA3_1B: Source = {
  title:
    "mlc-ai/mlc-llm MODEL_PRESETS['gemma3_1b_it'] (copy of google/gemma-3-1b-it config.json: 26 layers, hidden 1152, intermediate 6912, 4 heads, 1 KV, head_dim 256, vocab 262144, 32768 positions, sliding_window 512, sliding_window_pattern 6)",
  url: "https://github.com/mlc-ai/mlc-llm/blob/01ced331a9e155c5ba4e7625b027a51bee611450/python/mlc_llm/model/model_preset.py",
  asOf: AS_OF_4,
};
const GEMMA3_1B_HUB_API: Source = {
  title: "HF Hub API snapshot of google/gemma-3-1b-it (sha dcc83ea8): Gemma3ForCausalLM, safetensors total 999,885,952",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-google-gemma-3-1b-it/sources/huggingface/model.json",
  asOf: AS_OF_4,
};
const GEMMA3_CONVERSION_SCRIPT_SMALL: Source = {
  title:
    "huggingface/transformers convert_gemma3_weights.py (1B: hidden 1152, intermediate 6912, 26 layers, 4 heads, 1 KV, head_dim 256, sliding_window 512, 32768 positions; 4B: 2560, 10240, 34, 8, 4, 256, sliding_window 1024, vision tower)",
  url: "https://github.com/huggingface/transformers/blob/0d7e95d96b4e187c651e2b2406ed98ed40d74963/src/transformers/models/gemma3/convert_gemma3_weights.py",
  asOf: AS_OF_4,
};
const KERAS_GEMMA3_SMALL_PRESETS: Source = {
  title:
    "keras-team/keras-hub gemma3 presets (gemma3_1b 999,885,952; gemma3_4b 4,299,915,632 with the vision tower, gemma3_4b_text 3,880,099,328 parameters)",
  url: "https://github.com/keras-team/keras-hub/blob/00d9f10a8e74d4f552ed50170b7dcadb65d3bd52/keras_hub/src/models/gemma3/gemma3_presets.py",
  asOf: AS_OF_4,
};

// --- Phi ---
const MLC_PHI4_MINI: Source = {
  title:
    "mlc-ai/mlc-llm MODEL_PRESETS['phi-4'] (copy of Phi-4-mini-instruct config.json: 32 layers, hidden 3072, intermediate 8192, 24 heads, 8 KV, vocab 200064, 131072 positions, tie_word_embeddings True, sliding_window 262144)",
  url: "https://github.com/mlc-ai/mlc-llm/blob/01ced331a9e155c5ba4e7625b027a51bee611450/python/mlc_llm/model/model_preset.py",
  asOf: AS_OF_4,
};
const PHI4_CONFIG: Source = {
  title: "microsoft/phi-4 config.json (not read directly; values checked against litgpt's transcription: 40 layers, hidden 5120, intermediate 17920, 40 heads, 10 KV, vocab 100352, 16384 positions)",
  url: "https://huggingface.co/microsoft/phi-4/blob/main/config.json",
  asOf: AS_OF_4,
};

// --- DeepSeek-R1 distills ---
const R1_DISTILL_LLAMA_8B_CONFIG: Source = {
  title: "Verbatim snapshot of deepseek-ai/DeepSeek-R1-Distill-Llama-8B config.json (Llama 3.1 8B shapes, vocab 128256, tie false)",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-deepseek-ai-deepseek-r1-distill-llama-8b/sources/huggingface/config.json",
  asOf: AS_OF_2,
};
const R1_DISTILL_LLAMA_8B_HUB_API: Source = {
  title: "HF Hub API snapshot of deepseek-ai/DeepSeek-R1-Distill-Llama-8B (sha 6a6f4aa4): safetensors total 8,030,261,248",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-deepseek-ai-deepseek-r1-distill-llama-8b/sources/huggingface/model.json",
  asOf: AS_OF_2,
};
const R1_DISTILL_LLAMA_8B_CARD: Source = {
  title: "DeepSeek-R1 model card (HF README mirror): DeepSeek-R1-Distill-Llama-8B, base model Llama-3.1-8B",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/deepseek-ai/DeepSeek-R1-Distill-Llama-8B/index.md",
  asOf: AS_OF_2,
};
const R1_DISTILL_QWEN_32B_CONFIG: Source = {
  title:
    "Verbatim snapshot of deepseek-ai/DeepSeek-R1-Distill-Qwen-32B config.json (64 layers, hidden 5120, intermediate 27648, 40 heads, 8 KV, vocab 152064, 131072 positions)",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-deepseek-ai-deepseek-r1-distill-qwen-32b/sources/huggingface/config.json",
  asOf: AS_OF_2,
};
const R1_DISTILL_QWEN_32B_HUB_API: Source = {
  title: "HF Hub API snapshot of deepseek-ai/DeepSeek-R1-Distill-Qwen-32B (sha 711ad2ea): safetensors BF16 total 32,763,876,352",
  url: "https://github.com/daniel-p-green/alain-ai-learning-platform/blob/1b33775219c224def81d0c3c4e34d2d6630dc83d/out/research-deepseek-ai-deepseek-r1-distill-qwen-32b/sources/huggingface/model.json",
  asOf: AS_OF_2,
};
const R1_DISTILL_QWEN_32B_CARD: Source = {
  title: "DeepSeek-R1 model card (HF README mirror): DeepSeek-R1-Distill-Qwen-32B, base model Qwen2.5-32B",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/deepseek-ai/DeepSeek-R1-Distill-Qwen-32B/index.md",
  asOf: AS_OF_2,
};
const R1_DISTILL_LLAMA_70B_AWQ_CONFIG: Source = {
  title:
    "AWQ conversion of deepseek-ai/DeepSeek-R1-Distill-Llama-70B snapshot 07a264a5, architecture unchanged (80 layers, hidden 8192, intermediate 28672, 64 heads, 8 KV, head_dim 128, vocab 128256)",
  url: "https://huggingface.co/casperhansen/deepseek-r1-distill-llama-70b-awq/blob/main/config.json",
  asOf: AS_OF_2,
};
const R1_DISTILL_LLAMA_70B_R1776_CONFIG: Source = {
  title: "perplexity-ai/r1-1776-distill-llama-70b config.json (derivative of DeepSeek-R1-Distill-Llama-70B; same values)",
  url: "https://huggingface.co/perplexity-ai/r1-1776-distill-llama-70b/blame/main/config.json",
  asOf: AS_OF_2,
};
const R1_DISTILL_LLAMA_70B_CARD: Source = {
  title: "DeepSeek-R1 model card (HF README mirror): DeepSeek-R1-Distill-Llama-70B, base model Llama-3.3-70B-Instruct",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/deepseek-ai/DeepSeek-R1-Distill-Llama-70B/index.md",
  asOf: AS_OF_2,
};
const R1_DISTILL_LLAMA_70B_PARAMS: Source = {
  title: "deepseek-ai/DeepSeek-R1-Distill-Llama-70B: 70,553,706,496 parameters, as quoted by third-party GGUF metadata fixtures",
  url: "https://huggingface.co/deepseek-ai/DeepSeek-R1-Distill-Llama-70B",
  asOf: AS_OF_2,
};
const R1_DISTILL_QWEN_SMALL_CARD: Source = {
  title:
    "DeepSeek-R1 model card (HF README mirror): DeepSeek-R1-Distill-Qwen-1.5B / 7B / 14B, base models Qwen2.5-Math-1.5B, Qwen2.5-Math-7B and Qwen2.5-14B ('We slightly change their configs and tokenizers')",
  url: "https://github.com/ZHUI/paddlenlp_model_readme/blob/40a7101e89dcf9a0dedb0e0d48c8c357fcc95996/deepseek-ai/DeepSeek-R1-Distill-Qwen-7B/index.md",
  asOf: AS_OF_4,
};
const R1_DISTILL_QWEN_1_5B_DERIVATIVE_CONFIG: Source = {
  title:
    "Fine-tune config with _name_or_path deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B (28 layers, hidden 1536, intermediate 8960, 12 heads, 2 KV, vocab 151936, 131072 positions, tie_word_embeddings false), as read by the research pass",
  url: "https://huggingface.co/rohinm/model/blob/main/config.json",
  asOf: AS_OF_4,
};
const R1_DISTILL_QWEN_7B_DERIVATIVE_CONFIG: Source = {
  title:
    "Fine-tune config with _name_or_path deepseek-ai/DeepSeek-R1-Distill-Qwen-7B (28 layers, hidden 3584, intermediate 18944, 28 heads, 4 KV, vocab 152064, 131072 positions, untied), as read by the research pass",
  url: "https://huggingface.co/ABrain/HPGPT-DeepSeek-R1-Distill-Qwen-7B-R/blob/main/config.json",
  asOf: AS_OF_4,
};
const R1_DISTILL_QWEN_14B_AWQ_CONFIG: Source = {
  title:
    "AWQ conversion of deepseek-ai/DeepSeek-R1-Distill-Qwen-14B snapshot c79f47a (48 layers, hidden 5120, intermediate 13824, 40 heads, 8 KV, vocab 152064, 131072 positions), as read by the research pass",
  url: "https://huggingface.co/neody/r1-14b-awq/blame/main/config.json",
  asOf: AS_OF_4,
};

// --- DeepSeek V3 / R1 ---
const AICONF_DEEPSEEK_V3: Source = {
  title:
    "ai-dynamo/aiconfigurator: verbatim copy of deepseek-ai/DeepSeek-V3 config.json (61 layers, hidden 7168, intermediate 18432, moe_intermediate_size 2048, 256 routed experts, 8 per token, 1 shared, first_k_dense_replace 3, kv_lora_rank 512, qk_rope_head_dim 64, vocab 129280, 163840 positions, fp8 weights)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/deepseek-ai--DeepSeek-V3_config.json",
  asOf: AS_OF_4,
};
const AICONF_DEEPSEEK_R1: Source = {
  title: "ai-dynamo/aiconfigurator: verbatim copy of deepseek-ai/DeepSeek-R1 config.json (identical to DeepSeek-V3's apart from transformers_version)",
  url: "https://github.com/ai-dynamo/aiconfigurator/blob/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/model_configs/deepseek-ai--DeepSeek-R1_config.json",
  asOf: AS_OF_4,
};
const DEEPSEEK_V3_README: Source = {
  title:
    "deepseek-ai/DeepSeek-V3 README (671B total, 37B activated, 128K context; 685B on the Hub = 671B main model + 14B multi-token-prediction module; FP8 weights)",
  url: "https://github.com/deepseek-ai/DeepSeek-V3/blob/9b4e9788e4a3a731f7567338ed15d3ec549ce03b/README.md",
  asOf: AS_OF_4,
};
const DEEPSEEK_V3_WEIGHTS_README: Source = {
  title: "deepseek-ai/DeepSeek-V3 README_WEIGHTS.md (main model 671B, 36.7B activated incl. 0.9B embedding and 0.9B output head; MTP module 11.5B unique parameters)",
  url: "https://github.com/deepseek-ai/DeepSeek-V3/blob/9b4e9788e4a3a731f7567338ed15d3ec549ce03b/README_WEIGHTS.md",
  asOf: AS_OF_4,
};
const DEEPSEEK_R1_README: Source = {
  title: "deepseek-ai/DeepSeek-R1 README (DeepSeek-R1 and R1-Zero: 671B total, 37B activated, 128K context, trained from DeepSeek-V3-Base)",
  url: "https://github.com/deepseek-ai/DeepSeek-R1/blob/0cf78561f1d51c84a21b2190626b21116d5c68bb/README.md",
  asOf: AS_OF_4,
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
const SDXL_OPTIMIZATIONS_BLOG: Source = {
  title:
    "HF blog 'Exploring simple optimizations for SDXL' (base model 3.5B parameters; fp16 + SDPA 21.72 GB, but for 4 images per run on an A100 40GB)",
  url: "https://github.com/huggingface/blog/blob/11e799d7c87eef3c77efedfe2050f91c8351e181/simple_sdxl_optimizations.md",
  asOf: AS_OF_2,
};
const DIFFUSERS_BENCHMARKS_CSV: Source = {
  title: "diffusers/benchmarks collated_results.csv (SDXL UNet2DConditionModel 2.57B; FLUX.1-dev FluxTransformer2DModel 11.9B)",
  url: "https://huggingface.co/datasets/diffusers/benchmarks/blob/c352d6302cb2f470ef092c03fa2c39bfc701d99b/collated_results.csv",
  asOf: AS_OF_2,
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
const DIFFUSERS_QUANTIZATION_BLOG: Source = {
  title:
    "HF blog 'Exploring Quantization Backends in Diffusers': FLUX.1-dev BF16, pipe.to('cuda'), 1024x1024, 50 steps, H100 80GB: ~31.447 after loading, 36.166 peak (max_memory_reserved / 1024**3, printed as GB); T5 9.52 GB, CLIP 246 MB, transformer 23.8 GB, VAE 168 MB",
  url: "https://github.com/huggingface/blog/blob/0b53cb19406564a21da2bff693a71a08e73538ee/diffusers-quantization.md",
  asOf: AS_OF_2,
};
const DIFFUSERS_QUANTIZATION_CSV: Source = {
  title: "derekl35/diffusers-quantization-benchmarks CSV (Diffusers, BF16, no offload: 31.447 / 36.166; with CPU offload: peak 23.271)",
  url: "https://huggingface.co/datasets/derekl35/diffusers-quantization-benchmarks/blob/main/diffusers_quantization_benchmark.csv",
  asOf: AS_OF_2,
};
const FLUX_SCHNELL_MODEL_CARD: Source = {
  title: "black-forest-labs/FLUX.1-schnell model card ('a 12 billion parameter rectified flow transformer')",
  url: "https://huggingface.co/black-forest-labs/FLUX.1-schnell",
  asOf: AS_OF_2,
};
const DIFFUSERS_FLUX_DOCS: Source = {
  title: "diffusers v0.30.0 Flux pipeline docs (schnell is timestep-distilled: max_sequence_length at most 256, guidance_scale 0)",
  url: "https://huggingface.co/docs/diffusers/v0.30.0/api/pipelines/flux",
  asOf: AS_OF_2,
};
const SD35_ANNOUNCEMENT: Source = {
  title: "Stability AI 'Introducing Stable Diffusion 3.5' ('Stable Diffusion 3.5 Large: At 8.1 billion parameters'; read through secondary copies)",
  url: "https://stability.ai/news/introducing-stable-diffusion-3-5",
  asOf: AS_OF_2,
};
const SD35_LARGE_DIFFUSERS_BLOG: Source = {
  title:
    "HF blog 'Diffusers welcomes Stable Diffusion 3.5 Large' (8B MMDiT; text encoders and VAE exactly those of SD3 Medium; bf16 pipeline .to('cuda'); no memory figure)",
  url: "https://github.com/huggingface/blog/blob/00a37ab60f268add808d38c5f5e5354512f3520d/sd3-5.md",
  asOf: AS_OF_2,
};
const SD35_LARGE_CARD_COPY: Source = {
  title: "Stable Diffusion 3.5 Large model card text (Civitai copy): MMDiT with three text encoders, OpenCLIP-ViT/G, CLIP-ViT/L and T5-xxl",
  url: "https://civitai.com/models/878387/stable-diffusion-35-large",
  asOf: AS_OF_2,
};
const CANDLE_SD35_LARGE_MEMORY: Source = {
  title: "huggingface/candle issue #2574: SD 3.5 Large 'seems to use 20.9GB of memory' after memory tweaks (candle, not diffusers)",
  url: "https://github.com/huggingface/candle/issues/2574",
  asOf: AS_OF_2,
};
const SD35_MEDIUM_ANNOUNCEMENT: Source = {
  title:
    "Stability AI SD3.5 Medium launch, as reported ('2.5 billion parameters'; 'only requires 9.9 GB of VRAM (excluding text encoders)')",
  url: "https://dataconomy.com/2024/11/01/stable-diffusion-3-5-medium-is-launched",
  asOf: AS_OF_2,
};
const QUANTO_DIFFUSERS_BLOG: Source = {
  title:
    "HF blog 'Memory-efficient Diffusion Transformers with Quanto and Diffusers' (SD3 Medium, a 2.028B MMDiT with the same three text encoders: 18.765 GB in FP16 on an H100)",
  url: "https://github.com/huggingface/blog/blob/0dd3fc4335ed68054b1c9788653bfca90a07ece8/quanto-diffusers.md",
  asOf: AS_OF_2,
};

const AS_OF_5 = "2026-12-08";
const WHISPER_README: Source = {
  title:
    "openai/whisper README: parameters tiny 39 M … small 244 M, medium 769 M, large 1550 M, turbo 809 M; 'large' and 'turbo' load large-v3 and large-v3-turbo (whisper/__init__.py)",
  url: "https://github.com/openai/whisper/blob/c0d2f624c09dc18e709e37c2ad90c039a4eb72a2/README.md",
  asOf: AS_OF_5,
};
const WHISPER_MODEL_DIMS: Source = {
  title: "ModelDimensions printed from OpenAI's checkpoints (n_audio_ctx 1500, n_text_ctx 448; small 768 × 12 + 12, medium 1024 × 24 + 24, large 1280 × 32 + 32); whisper/model.py: n_mlp = 4 × n_state",
  url: "https://github.com/k2-fsa/sherpa-onnx/blob/7ac665437cedaf3b038eb82c1d53ca6fb3b97cef/scripts/whisper/model-info.md",
  asOf: AS_OF_5,
};
const WHISPER_LARGE_V3_CONFIG: Source = {
  title: "whisper-large-v3 config.json of a copy made from openai/whisper-large-v3 (d_model 1280, encoder/decoder layers 32/32, ffn 5120, max_source_positions 1500, max_target_positions 448, 128 mel bins)",
  url: "https://huggingface.co/FL33TW00D-HF/whisper-large-v3/blame/main/config.json",
  asOf: AS_OF_5,
};
const WHISPER_TURBO_CONFIG: Source = {
  title: "whisper-large-v3-turbo config.json of onnx-community's copy (d_model 1280, encoder_layers 32, decoder_layers 4, ffn 5120, 1500/448 positions)",
  url: "https://huggingface.co/onnx-community/whisper-large-v3-turbo/blame/15c1f2663b310628663276bafe3db8796f19259e/config.json",
  asOf: AS_OF_5,
};
const DISTIL_WHISPER_README: Source = {
  title: "huggingface/distil-whisper README: distil-large-v3 756 M params (large-v3 1550 M), 6.3× large-v3's speed; 2 decoder layers",
  url: "https://github.com/huggingface/distil-whisper/blob/cc96130f6e4cc74cab4545f3c6e7e5c204ced871/README.md",
  asOf: AS_OF_5,
};
const DISTIL_LARGE_V3_CONFIG: Source = {
  title: "distil-large-v3 config.json of a fine-tune initialised from distil-whisper/distil-large-v3 (encoder_layers 32, decoder_layers 2, d_model 1280, ffn 5120)",
  url: "https://huggingface.co/RodrigoLimaRFL/distil-large-nurc-sp/blame/main/config.json",
  asOf: AS_OF_5,
};
const FASTER_WHISPER_BENCHMARK: Source = {
  title:
    "SYSTRAN/faster-whisper README: large-v2 on an RTX 3070 Ti, 13 min of audio: openai/whisper fp16 4708MB, transformers fp16 4960MB, faster-whisper fp16 4525MB (6090MB at batch_size=8), int8 2926MB (4500MB at 8)",
  url: "https://github.com/SYSTRAN/faster-whisper/blob/65882eee9f5cdbeeb2d877f1131d48cf241b327d/README.md",
  asOf: AS_OF_5,
};
const BFL_FLUX1_REPO: Source = {
  title:
    "black-forest-labs/flux model cards: FLUX.1 Kontext [dev] and Krea [dev] are each 'a 12 billion parameter rectified flow transformer'; src/flux/util.py gives every FLUX.1 variant the same transformer (3072 hidden, 19 + 38 blocks), Fill with 384 input channels",
  url: "https://github.com/black-forest-labs/flux/tree/802fb4713906133fcbd0d8dc5351620ca4773036/model_cards",
  asOf: AS_OF_5,
};
const FLUX_FILL_MODEL_CARD: Source = {
  title: "black-forest-labs/FLUX.1-Fill-dev model card ('a 12 billion parameter rectified flow transformer capable of filling areas in existing images')",
  url: "https://huggingface.co/black-forest-labs/FLUX.1-Fill-dev",
  asOf: AS_OF_5,
};
const FLUX2_README: Source = {
  title: "black-forest-labs/flux2 README: 'FLUX.2 [dev] is a 32B parameter flow matching transformer'; text encoder Mistral-Small-3.2-24B-Instruct-2506 (src/flux2/text_encoder.py)",
  url: "https://github.com/black-forest-labs/flux2/blob/ab7cca68018ad3ceadcace9d6ecb1bc1f6f46b4e/README.md",
  asOf: AS_OF_5,
};
const FLUX2_HF_BLOG: Source = {
  title: "HF blog 'Diffusers welcomes FLUX-2': without offloading 'the inference takes more than 80GB VRAM'; BFL's docs/flux2_dev_hf.md: 'For H200, B200 or larger cards, everything fits'",
  url: "https://github.com/huggingface/blog/blob/038d9d17bdd40b1498e7222568f00f7a55258473/flux-2.md",
  asOf: AS_OF_5,
};

const STABILITY_SDXL_TENSORRT_CARD: Source = {
  title:
    "stabilityai/stable-diffusion-xl-1.0-tensorrt model card, 'Timings for 30 steps at 1024x1024', Baseline (non-optimized): A10 9399 ms, A100 3704 ms, H100 2496 ms",
  url: "https://huggingface.co/stabilityai/stable-diffusion-xl-1.0-tensorrt",
  asOf: AS_OF_5,
};
const LCM_LORA_BLOG: Source = {
  title: "HF blog 'SDXL in 4 steps with Latent Consistency LoRAs': SDXL standard (25 steps), batch size 1: T4 (Google Colab Free Tier) 26.5s, A100 (80 GB) 3.8s",
  url: "https://github.com/huggingface/blog/blob/062647cf135331f92028ace3a8ada12f0b76cec9/lcm_lora.md",
  asOf: AS_OF_5,
};
const DIFFUSERS_TORCHAO_FLUX: Source = {
  title: "sayakpaul/diffusers-torchao README: FLUX.1-dev on a single H100 80 GB, batch 1, 28 steps, 1024, bf16 without compile: 6.573 s",
  url: "https://github.com/sayakpaul/diffusers-torchao/blob/9b9f2383dccb8eb73a4c6a8ffe736dd9610c26d2/README.md",
  asOf: AS_OF_5,
};
const DIFFUSERS_PIPELINE_DEFAULTS: Source = {
  title: "diffusers pipelines' num_inference_steps defaults: StableDiffusionXLPipeline 50, FluxPipeline 28; the FLUX.1-schnell model card runs 4",
  url: "https://github.com/huggingface/diffusers/tree/main/src/diffusers/pipelines",
  asOf: AS_OF_5,
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
    // The card says 8B; 8,030,261,248 is the Hub safetensors total.
    paramsBillion: 8.03,
    layers: 32,
    hiddenSize: 4096,
    intermediateSize: 14336,
    vocabSize: 128256,
    attentionHeads: 32,
    kvHeads: 8,
    // The config has no head_dim: hidden_size / num_attention_heads = 4096 / 32.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLAMA_31_8B_CONFIG, OUMI_LLAMA31_README, LLAMA_31_MODEL_CARD, AICONF_LLAMA_31_8B, LLAMA_31_8B_HUB_API],
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
    // The card gives only "70B". 70,553,706,496 is the total reported for Llama-3.3-70B-Instruct and
    // DeepSeek-R1-Distill-Llama-70B, whose configs have exactly these shapes, and what the shapes add up to.
    // unverified: no safetensors total for the 3.1 repo itself was seen.
    paramsBillion: 70.55,
    layers: 80,
    hiddenSize: 8192,
    intermediateSize: 28672,
    vocabSize: 128256,
    attentionHeads: 64,
    kvHeads: 8,
    // The config has no head_dim: 8192 / 64.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLAMA_31_70B_CONFIG, OUMI_LLAMA31_README, LLAMA_31_MODEL_CARD, AICONF_LLAMA_31_70B, LLAMA_33_70B_PARAMS],
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
    // The card gives only "405B"; no published exact total was found.
    paramsBillion: 405.85,
    layers: 126,
    hiddenSize: 16384,
    intermediateSize: 53248,
    vocabSize: 128256,
    attentionHeads: 128,
    kvHeads: 8,
    // The config has no head_dim: 16384 / 128 (MaxText's transcription sets 128 explicitly).
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLAMA_31_405B_CONFIG, LLAMA_31_MODEL_CARD, AICONF_LLAMA_31_405B, MAXTEXT_HF_CONFIGS],
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
    // Tied embeddings: 1,235,814,400 parameters (Hub safetensors total; the card rounds down to "1.23B").
    paramsBillion: 1.24,
    layers: 16,
    hiddenSize: 2048,
    intermediateSize: 8192,
    vocabSize: 128256,
    attentionHeads: 32,
    kvHeads: 8,
    // The config sets head_dim 64 (= 2048 / 32).
    headDim: 64,
    contextLengthTokens: 131072,
    tiedEmbeddings: true,
    sources: [LLAMA_32_1B_CONFIG, THUNDER_LLAMA_32_1B, LLAMA_32_1B_HUB_API, LLAMA_32_CARD_MIRROR],
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
    intermediateSize: 8192,
    vocabSize: 128256,
    attentionHeads: 24,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 131072,
    tiedEmbeddings: true,
    sources: [LLAMA_32_3B_CONFIG, LLM_PROF_CONFIGS, LLAMA_32_CARD_MIRROR],
  },
  {
    kind: "llm",
    name: "llama-3.2-11b-vision",
    // The text decoder's shapes. Its 40 layers are Llama 3.1 8B's 32 self-attention layers plus 8 gated
    // cross-attention layers (indices 3, 8, ..., 38) that attend to the image; those cache the projected image
    // tokens, not the text, so counting them as self-attention layers overstates a text-only KV cache by 8/32.
    aliases: [
      "meta-llama/Llama-3.2-11B-Vision",
      "meta-llama/Llama-3.2-11B-Vision-Instruct",
      "Llama-3.2-11B-Vision-Instruct",
      "llama3.2-vision:11b",
    ],
    // The card: "11B (10.6)", with the vision encoder. No exact total was found.
    paramsBillion: 10.6,
    // config.json was not read (gated); text_config follows from Meta's arch_args through the official conversion
    // script: num_hidden_layers 32 + 8 = 40, intermediate_size 14336 (dim 4096, ffn_dim_multiplier 1.3,
    // multiple_of 1024), max_position_embeddings 131072, tie_word_embeddings false.
    layers: 40,
    hiddenSize: 4096,
    intermediateSize: 14336,
    // text_config.vocab_size 128256; the embedding table has 8 more rows for the image tokens.
    vocabSize: 128256,
    attentionHeads: 32,
    kvHeads: 8,
    // The config has no head_dim: 4096 / 32.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLAMA32_VISION_CARD, LLAMA_MODELS_SKU_LIST, TRANSFORMERS_MLLAMA_CONVERSION],
  },
  {
    kind: "llm",
    name: "llama-3.2-90b-vision",
    // As for 11B: 100 layers = Llama 3.1 70B's 80 self-attention layers plus 20 cross-attention layers
    // (indices 3, 8, ..., 98) caching image tokens; a text-only KV cache is overstated by 20/80.
    aliases: [
      "meta-llama/Llama-3.2-90B-Vision",
      "meta-llama/Llama-3.2-90B-Vision-Instruct",
      "Llama-3.2-90B-Vision-Instruct",
      "llama3.2-vision:90b",
    ],
    // The card: "90B (88.8)". (The research pass had 88.6.) No exact total was found.
    paramsBillion: 88.8,
    // As for 11B, from Meta's arch_args and the conversion script: 80 + 20 layers, intermediate_size 28672 (dim 8192,
    // ffn_dim_multiplier 1.3, multiple_of 4096), 131072 positions, untied.
    layers: 100,
    hiddenSize: 8192,
    intermediateSize: 28672,
    vocabSize: 128256,
    attentionHeads: 64,
    kvHeads: 8,
    // The config has no head_dim: 8192 / 64.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLAMA32_VISION_CARD, LLAMA_MODELS_SKU_LIST, TRANSFORMERS_MLLAMA_CONVERSION],
  },
  {
    kind: "llm",
    name: "llama-3.3-70b",
    // Llama 3.3 was released as an instruction-tuned model only; its shapes are those of Llama 3.1 70B.
    aliases: [
      "meta-llama/Llama-3.3-70B-Instruct",
      "Llama-3.3-70B-Instruct",
      "llama-3.3-70b-instruct",
      "llama3.3-70b",
      "llama3.3:70b",
    ],
    // The card gives only "70B"; 70,553,706,496 as quoted by third-party fixtures from the Hub (revision 6f6073b4),
    // which is also what the config's shapes add up to. // unverified: not read from the Hub directly.
    paramsBillion: 70.55,
    layers: 80,
    hiddenSize: 8192,
    intermediateSize: 28672,
    vocabSize: 128256,
    attentionHeads: 64,
    kvHeads: 8,
    // The config has no head_dim: 8192 / 64.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [AICONF_LLAMA_33_70B, LLAMA_33_CARD_MIRROR, LLAMA_33_70B_PARAMS],
  },
  {
    kind: "llm",
    name: "llama-4-scout-17b-16e",
    aliases: [
      "meta-llama/Llama-4-Scout-17B-16E",
      "meta-llama/Llama-4-Scout-17B-16E-Instruct",
      "Llama-4-Scout-17B-16E-Instruct",
      "llama-4-scout",
      "llama4:scout",
    ],
    // The card: 109B in total (text and vision), 17B activated. // unverified: the card rounds; no exact total was found.
    paramsBillion: 109,
    activeParamsBillion: 17,
    layers: 48,
    hiddenSize: 5120,
    // intermediate_size 8192 is each expert's (and the shared expert's) width; intermediate_size_mlp 16384 would size
    // dense layers, of which Scout has none (interleave_moe_layer_step 1: all 48 layers are MoE).
    intermediateSize: 8192,
    vocabSize: 202048,
    attentionHeads: 40,
    kvHeads: 8,
    headDim: 128,
    // max_position_embeddings 10485760 (10M, llama3 rope scaling factor 16 over 8192), as the card's "10M".
    contextLengthTokens: 10485760,
    // 16 routed experts, 1 per token, plus the shared expert every Llama 4 MoE layer has (an architecture constant,
    // not a config key; Llama4TextMoe builds it with intermediate_size).
    moe: { experts: 16, expertsPerToken: 1, expertIntermediateSize: 8192, sharedExperts: 1 },
    // Not a sliding window: attention_chunk_size 8192 on the RoPE layers, which attend only within their 8,192-token
    // chunk, so they cache at most a chunk, like a window. Every 4th layer (no_rope_layer_interval 4, a transformers
    // default not written in config.json) is a global NoPE layer: 36 chunked, 12 global.
    slidingWindow: { windowTokens: 8192, slidingLayers: 36 },
    // tie_word_embeddings: no key in the copies; Llama4TextConfig and Llama4Config default it to false.
    sources: [AICONF_LLAMA4_SCOUT, TRANSFORMERS_LLAMA4_CONFIG, LLAMA4_MODEL_CARD],
  },
  {
    kind: "llm",
    name: "llama-4-maverick-17b-128e",
    // The -FP8 release has the same shapes with FP8 routed experts (serve with precision "fp8").
    aliases: [
      "meta-llama/Llama-4-Maverick-17B-128E",
      "meta-llama/Llama-4-Maverick-17B-128E-Instruct",
      "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
      "Llama-4-Maverick-17B-128E-Instruct",
      "llama-4-maverick",
      "llama4:maverick",
    ],
    // The card: 400B in total, 17B activated. // unverified: the card rounds; no exact total was found.
    paramsBillion: 400,
    activeParamsBillion: 17,
    layers: 48,
    hiddenSize: 5120,
    // Maverick interleaves dense and MoE layers (interleave_moe_layer_step 2: layers 1, 3, ..., 47 are MoE). The 24 MoE
    // layers have experts intermediate_size (8192) wide; the 24 dense layers use intermediate_size_mlp (16384), which
    // the row does not carry: paramsBillion (the card's total) carries the weights, moeLayers how many layers route.
    intermediateSize: 8192,
    vocabSize: 202048,
    attentionHeads: 40,
    kvHeads: 8,
    headDim: 128,
    // max_position_embeddings 1048576 (1M, no rope scaling), as the card's "1M".
    contextLengthTokens: 1048576,
    // 128 routed experts, 1 per token, plus the shared expert, on the MoE layers only.
    moe: { experts: 128, expertsPerToken: 1, expertIntermediateSize: 8192, sharedExperts: 1, moeLayers: 24 },
    // As for Scout: chunked attention (attention_chunk_size 8192) on 3 of every 4 layers, which caches at most a
    // chunk like a window; 36 chunked, 12 global NoPE layers.
    slidingWindow: { windowTokens: 8192, slidingLayers: 36 },
    sources: [AICONF_LLAMA4_MAVERICK, TRTLLM_LLAMA4_MAVERICK_CONFIG, TRANSFORMERS_LLAMA4_CONFIG, LLAMA4_MODEL_CARD],
  },
  {
    kind: "llm",
    name: "mistral-7b",
    // v0.1 / v0.2 share every dimension below; they have a 32,000-token vocabulary (v0.3: 32,768), about 6M fewer
    // parameters, and v0.1 attends through a 4,096-token sliding window. vocabSize is v0.3's.
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
    // Counted from the v0.3 config (untied 32,768-token embeddings): 7.248B. The card says only "7B".
    paramsBillion: 7.25,
    layers: 32,
    hiddenSize: 4096,
    intermediateSize: 14336,
    vocabSize: 32768,
    attentionHeads: 32,
    kvHeads: 8,
    // The config has no head_dim: 4096 / 32.
    headDim: 128,
    contextLengthTokens: 32768,
    sources: [MISTRAL_7B_V03_CONFIG, MISTRAL_7B_V03_CARD, MLC_MISTRAL_7B_V03],
  },
  {
    kind: "llm",
    name: "ministral-8b",
    aliases: ["mistralai/Ministral-8B-Instruct-2410", "Ministral-8B-Instruct-2410", "ministral-8b-2410"],
    // 8,019,808,256 counted from the config (untied 131,072-token embeddings); Mistral's docs say 8B.
    paramsBillion: 8.02,
    // unverified: the official config.json was not read; the shapes are those of a transcription of it (GenZ) and of
    // the research pass's derivative copy, and they add up to the published size.
    layers: 36,
    hiddenSize: 4096,
    intermediateSize: 12288,
    vocabSize: 131072,
    attentionHeads: 32,
    kvHeads: 8,
    // hidden_size / heads = 4096 / 32.
    headDim: 128,
    // config.json sets max_position_embeddings 32768; Mistral states a 128k context, reached with interleaved
    // sliding-window attention (Mistral-format weights in vLLM).
    contextLengthTokens: 32768,
    // config.json's sliding_window 32768 applies to every layer in the Mistral class (and never binds within 32,768
    // tokens). The model interleaves 1 full-attention layer with 3 sliding-window layers (transformers' Ministral
    // docs): 27 of 36 local. // unverified: the per-layer pattern is not in the config.json that was read.
    slidingWindow: { windowTokens: 32768, slidingLayers: 27 },
    sources: [GENZ_MISTRAL_CONFIGS, MISTRAL_DOCS_MINISTRAL_8B, TRANSFORMERS_MINISTRAL_DOC],
  },
  {
    kind: "llm",
    name: "mistral-nemo-12b",
    aliases: [
      "mistralai/Mistral-Nemo-Base-2407",
      "mistralai/Mistral-Nemo-Instruct-2407",
      "Mistral-Nemo-Base-2407",
      "Mistral-Nemo-Instruct-2407",
      "mistral-nemo",
      "mistral-nemo:12b",
    ],
    // unverified: the card says "12B"; no exact total was found.
    paramsBillion: 12,
    layers: 40,
    hiddenSize: 5120,
    intermediateSize: 14336,
    vocabSize: 131072,
    attentionHeads: 32,
    kvHeads: 8,
    // The config sets head_dim 128 (32 x 128 = 4096, narrower than hidden_size 5120).
    headDim: 128,
    // The base config sets 128000; copies of the -Instruct config set 131072.
    contextLengthTokens: 128000,
    sources: [THUNDER_MISTRAL_NEMO, MISTRAL_NEMO_CARD, MISTRAL_NEMO_INSTRUCT_CONFIG],
  },
  {
    kind: "llm",
    name: "mistral-small-24b",
    aliases: [
      "mistralai/Mistral-Small-24B-Base-2501",
      "mistralai/Mistral-Small-24B-Instruct-2501",
      "Mistral-Small-24B-Base-2501",
      "Mistral-Small-24B-Instruct-2501",
      "mistral-small-3",
      "mistral-small:24b",
    ],
    // unverified: the card says "24B"; no exact total was found.
    paramsBillion: 24,
    // unverified: the official config.json was not read; the shapes are those of two fine-tunes / copies that name
    // Mistral-Small-24B-Base-2501 as their origin and keep its architecture.
    layers: 40,
    hiddenSize: 5120,
    intermediateSize: 32768,
    vocabSize: 131072,
    attentionHeads: 32,
    kvHeads: 8,
    // The config sets head_dim 128 (32 x 128 = 4096, narrower than hidden_size 5120).
    headDim: 128,
    contextLengthTokens: 32768,
    sources: [MISTRAL_SMALL_24B_DERIVATIVE_CONFIG, MISTRAL_SMALL_24B_DERIVATIVE_CONFIG_2, MISTRAL_SMALL_24B_CARD],
  },
  {
    kind: "llm",
    name: "codestral-22b",
    aliases: ["mistralai/Codestral-22B-v0.1", "Codestral-22B-v0.1", "codestral:22b"],
    // 22,247,282,688 counted from the config (untied 32,768-token embeddings); Mistral's docs say 22B.
    paramsBillion: 22.25,
    // unverified: the repo is gated and shipped in Mistral's format; the shapes are those of an HF-format conversion
    // (as read by the research pass), and they add up to the published 22B.
    layers: 56,
    hiddenSize: 6144,
    intermediateSize: 16384,
    vocabSize: 32768,
    attentionHeads: 48,
    kvHeads: 8,
    // hidden_size / heads = 6144 / 48.
    headDim: 128,
    // 32768 positions (Mistral's docs: 32k), no sliding window.
    contextLengthTokens: 32768,
    sources: [CODESTRAL_HF_CONVERSION_CONFIG, MISTRAL_DOCS_CODESTRAL_2405],
  },
  {
    kind: "llm",
    name: "mistral-large-2411",
    // Mistral-Large-Instruct-2407 has the same shapes but its config sets 32768 positions; it is not an alias.
    aliases: ["mistralai/Mistral-Large-Instruct-2411", "Mistral-Large-Instruct-2411", "mistral-large:123b"],
    // 122,610,069,504 counted from the config (untied 32,768-token embeddings); Mistral's docs say 123B.
    paramsBillion: 122.61,
    // Gated: the shapes are litgpt's transcription of the 2411 config, which a Mistral-format params.json copy and an
    // AWQ conversion of the 2411 snapshot (both as read by the research pass) match.
    layers: 88,
    hiddenSize: 12288,
    intermediateSize: 28672,
    vocabSize: 32768,
    attentionHeads: 96,
    kvHeads: 8,
    // hidden_size / heads = 12288 / 96 (params.json: head_dim 128).
    headDim: 128,
    // unverified: 131072 as the AWQ copy's config (read by the research pass) and Mistral's "128k"; litgpt's
    // transcription of the 2411 config has 32768, the 2407 value.
    contextLengthTokens: 131072,
    sources: [LITGPT_CONFIGS, MISTRAL_LARGE_2411_PARAMS_JSON, MISTRAL_LARGE_2411_AWQ_CONFIG, MISTRAL_DOCS_LARGE_2411],
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
    // All 8 experts (46,702,792,704 in the safetensors); 2 experts per token are active: 12.9B per Mistral's
    // announcement (read through a quote of it).
    paramsBillion: 46.7,
    activeParamsBillion: 12.9,
    layers: 32,
    hiddenSize: 4096,
    // Mixtral has no moe_intermediate_size: intermediate_size is each expert's width.
    intermediateSize: 14336,
    vocabSize: 32000,
    attentionHeads: 32,
    kvHeads: 8,
    // The config has no head_dim: 4096 / 32.
    headDim: 128,
    contextLengthTokens: 32768,
    moe: { experts: 8, expertsPerToken: 2, expertIntermediateSize: 14336 },
    sources: [MIXTRAL_8X7B_CONFIG, MIXTRAL_8X7B_CARD, AICONF_MIXTRAL_8X7B, MIXTRAL_8X7B_ANNOUNCEMENT],
  },
  {
    kind: "llm",
    name: "mixtral-8x22b",
    // The -Instruct-v0.1 config has a 32,768-token vocabulary; vocabSize is the base model's.
    aliases: [
      "mistralai/Mixtral-8x22B-v0.1",
      "mistralai/Mixtral-8x22B-Instruct-v0.1",
      "Mixtral-8x22B-v0.1",
      "Mixtral-8x22B-Instruct-v0.1",
      "mixtral-8x22b-instruct",
      "mixtral:8x22b",
    ],
    // All 8 experts; 39B active. // unverified: 141B / 39B read from a summary citing Mistral's blog, not the blog.
    paramsBillion: 141,
    activeParamsBillion: 39,
    layers: 56,
    hiddenSize: 6144,
    // As for 8x7B, intermediate_size is each expert's width.
    intermediateSize: 16384,
    vocabSize: 32000,
    attentionHeads: 48,
    kvHeads: 8,
    // The config has no head_dim: 6144 / 48.
    headDim: 128,
    contextLengthTokens: 65536,
    moe: { experts: 8, expertsPerToken: 2, expertIntermediateSize: 16384 },
    sources: [AICONF_MIXTRAL_8X22B, MIXTRAL_8X22B_SUMMARY],
  },
  {
    kind: "llm",
    name: "qwen2.5-0.5b",
    // Base and -Instruct configs both set 32768 positions (litgpt's transcription of the base config).
    aliases: ["Qwen/Qwen2.5-0.5B", "Qwen/Qwen2.5-0.5B-Instruct", "Qwen2.5-0.5B-Instruct", "qwen2.5:0.5b"],
    // Tied embeddings: 494,032,768 (safetensors total of a copy of the -Instruct repo, and what the shapes add up to
    // with QKV biases); the card says 0.49B.
    paramsBillion: 0.494,
    // Read through a copy of the -Instruct repo (Gensyn/Qwen2.5-0.5B-Instruct) and litgpt's transcription of the base
    // config, which agree.
    layers: 24,
    hiddenSize: 896,
    intermediateSize: 4864,
    vocabSize: 151936,
    attentionHeads: 14,
    kvHeads: 2,
    // The config has no head_dim: 896 / 14.
    headDim: 64,
    contextLengthTokens: 32768,
    tiedEmbeddings: true,
    sources: [QWEN25_0_5B_INSTRUCT_COPY, LITGPT_CONFIGS, QWEN25_0_5B_CARD],
  },
  {
    kind: "llm",
    name: "qwen2.5-1.5b",
    // The -Instruct config sets 32768 positions; the base config sets 131072 (contextLengthTokens is the -Instruct's).
    aliases: ["Qwen/Qwen2.5-1.5B", "Qwen/Qwen2.5-1.5B-Instruct", "Qwen2.5-1.5B-Instruct", "qwen2.5:1.5b"],
    // Tied embeddings: 1,543,714,304 (Hub safetensors total of the -Instruct repo); the card says 1.54B.
    paramsBillion: 1.54,
    layers: 28,
    hiddenSize: 1536,
    intermediateSize: 8960,
    vocabSize: 151936,
    attentionHeads: 12,
    kvHeads: 2,
    // The config has no head_dim: 1536 / 12.
    headDim: 128,
    contextLengthTokens: 32768,
    tiedEmbeddings: true,
    sources: [QWEN25_1_5B_INSTRUCT_CONFIG, AICONF_QWEN25_1_5B_BASE, QWEN25_1_5B_CARD],
  },
  {
    kind: "llm",
    name: "qwen2.5-3b",
    // Base and -Instruct configs both set 32768 positions. (Qwen2.5-3B is under the Qwen Research license.)
    aliases: ["Qwen/Qwen2.5-3B", "Qwen/Qwen2.5-3B-Instruct", "Qwen2.5-3B-Instruct", "qwen2.5:3b"],
    // Tied embeddings: 3,085,938,688 (Hub safetensors total of the -Instruct repo); the card says 3.09B.
    paramsBillion: 3.09,
    layers: 36,
    hiddenSize: 2048,
    intermediateSize: 11008,
    vocabSize: 151936,
    attentionHeads: 16,
    kvHeads: 2,
    // The config has no head_dim: 2048 / 16.
    headDim: 128,
    contextLengthTokens: 32768,
    tiedEmbeddings: true,
    sources: [QWEN25_3B_INSTRUCT_CONFIG, MLC_QWEN25_3B, LITGPT_CONFIGS, QWEN25_3B_CARD],
  },
  {
    kind: "llm",
    name: "qwen2.5-7b",
    // The base config sets max_position_embeddings 131072. The -Instruct config sets 32768 and reaches 131,072
    // tokens with YaRN rope scaling (factor 4), per its model card.
    aliases: ["Qwen/Qwen2.5-7B", "Qwen/Qwen2.5-7B-Instruct", "Qwen2.5-7B-Instruct", "qwen2.5:7b"],
    // 7,615,616,512 counted from the config (untied embeddings, QKV biases); the card says 7.61B.
    paramsBillion: 7.61,
    layers: 28,
    hiddenSize: 3584,
    intermediateSize: 18944,
    vocabSize: 152064,
    attentionHeads: 28,
    kvHeads: 4,
    // The config has no head_dim: 3584 / 28.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [QWEN25_7B_CONFIG, QWEN25_7B_CARD, LLM_PROF_CONFIGS],
  },
  {
    kind: "llm",
    name: "qwen2.5-14b",
    // Base config: 131072 positions. // unverified: the -Instruct config's max_position_embeddings was not checked
    // (the 7B -Instruct config sets 32768, reaching 131,072 with YaRN).
    aliases: ["Qwen/Qwen2.5-14B", "Qwen/Qwen2.5-14B-Instruct", "Qwen2.5-14B", "Qwen2.5-14B-Instruct", "qwen2.5:14b"],
    // The card's figure; no exact total was found.
    paramsBillion: 14.7,
    layers: 48,
    hiddenSize: 5120,
    intermediateSize: 13824,
    vocabSize: 152064,
    attentionHeads: 40,
    kvHeads: 8,
    // The config has no head_dim: 5120 / 40.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLM_PROF_CONFIGS, QWEN25_14B_CARD],
  },
  {
    kind: "llm",
    name: "qwen2.5-32b",
    // As for 14B: base config 131072 positions; -Instruct not checked.
    aliases: ["Qwen/Qwen2.5-32B", "Qwen/Qwen2.5-32B-Instruct", "Qwen2.5-32B", "Qwen2.5-32B-Instruct", "qwen2.5:32b"],
    // The card says 32.5B. DeepSeek-R1-Distill-Qwen-32B, fine-tuned from this model with an identical config, has a
    // Hub safetensors total of 32,763,876,352, which is also what these shapes add up to (untied, QKV biases).
    paramsBillion: 32.76,
    layers: 64,
    hiddenSize: 5120,
    intermediateSize: 27648,
    vocabSize: 152064,
    attentionHeads: 40,
    kvHeads: 8,
    // The config has no head_dim: 5120 / 40.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [LLM_PROF_CONFIGS, QWEN25_32B_CARD, R1_DISTILL_QWEN_32B_HUB_API],
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
    // 72,706,203,648 counted from the config; the card says 72.7B.
    paramsBillion: 72.7,
    layers: 80,
    hiddenSize: 8192,
    intermediateSize: 29568,
    vocabSize: 152064,
    attentionHeads: 64,
    kvHeads: 8,
    // The config has no head_dim: 8192 / 64.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [QWEN25_72B_CONFIG, QWEN25_72B_CARD, LITGPT_QWEN25_72B],
  },
  {
    kind: "llm",
    name: "qwen2.5-coder-7b",
    // Base and -Instruct configs set 32768 positions; the card reaches 131,072 tokens by adding YaRN rope scaling
    // (factor 4).
    aliases: ["Qwen/Qwen2.5-Coder-7B", "Qwen/Qwen2.5-Coder-7B-Instruct", "Qwen2.5-Coder-7B-Instruct", "qwen2.5-coder:7b"],
    // The card says 7.61B; the shapes are Qwen2.5-7B's, which add up to 7,615,616,512 (untied, QKV biases).
    paramsBillion: 7.62,
    // unverified: no verbatim copy of the Coder config.json was found; the shapes are litgpt's transcription of the
    // base config, which the card's layer and head counts match.
    layers: 28,
    hiddenSize: 3584,
    intermediateSize: 18944,
    vocabSize: 152064,
    attentionHeads: 28,
    kvHeads: 4,
    // The config has no head_dim: 3584 / 28.
    headDim: 128,
    contextLengthTokens: 32768,
    sources: [LITGPT_CONFIGS, QWEN25_CODER_7B_CARD],
  },
  {
    kind: "llm",
    name: "qwen2.5-coder-32b",
    // As for 7B: 32768 positions in the config, 131,072 with YaRN per the card.
    aliases: ["Qwen/Qwen2.5-Coder-32B", "Qwen/Qwen2.5-Coder-32B-Instruct", "Qwen2.5-Coder-32B-Instruct", "qwen2.5-coder:32b"],
    // The card says 32.5B; the shapes are Qwen2.5-32B's, whose Hub total (through DeepSeek-R1-Distill-Qwen-32B) and
    // sum are 32,763,876,352.
    paramsBillion: 32.76,
    // unverified: as for 7B, litgpt's transcription of the base config, matched by the card's counts.
    layers: 64,
    hiddenSize: 5120,
    intermediateSize: 27648,
    vocabSize: 152064,
    attentionHeads: 40,
    kvHeads: 8,
    // The config has no head_dim: 5120 / 40.
    headDim: 128,
    contextLengthTokens: 32768,
    sources: [LITGPT_CONFIGS, QWEN25_CODER_32B_CARD, R1_DISTILL_QWEN_32B_HUB_API],
  },
  {
    kind: "llm",
    name: "qwen3-0.6b",
    // As for 8B: 40960 positions; the card gives 32,768 tokens.
    aliases: ["Qwen/Qwen3-0.6B", "Qwen3-0.6B", "qwen3:0.6b"],
    // Tied embeddings: 596,049,920 (keras-hub; what the shapes add up to). The Hub's safetensors total, 751,632,384,
    // also counts a stored copy of the tied lm_head. The card says 0.6B.
    paramsBillion: 0.596,
    layers: 28,
    hiddenSize: 1024,
    intermediateSize: 3072,
    vocabSize: 151936,
    attentionHeads: 16,
    kvHeads: 8,
    // The config sets head_dim 128: 16 x 128 = 2048 query width, wider than hidden_size 1024.
    headDim: 128,
    contextLengthTokens: 40960,
    tiedEmbeddings: true,
    sources: [AICONF_QWEN3_0_6B, QWEN3_0_6B_HUB_SNAPSHOT, KERAS_QWEN3_SMALL_PRESETS],
  },
  {
    kind: "llm",
    name: "qwen3-1.7b",
    // As for 8B: 40960 positions, 32,768 native.
    aliases: ["Qwen/Qwen3-1.7B", "Qwen3-1.7B", "qwen3:1.7b"],
    // Tied embeddings: 1,720,574,976 (keras-hub; what the shapes add up to). The card says 1.7B.
    paramsBillion: 1.72,
    layers: 28,
    hiddenSize: 2048,
    intermediateSize: 6144,
    vocabSize: 151936,
    attentionHeads: 16,
    kvHeads: 8,
    // The config sets head_dim 128 (= 2048 / 16).
    headDim: 128,
    contextLengthTokens: 40960,
    tiedEmbeddings: true,
    sources: [AICONF_QWEN3_1_7B, KERAS_QWEN3_SMALL_PRESETS],
  },
  {
    kind: "llm",
    name: "qwen3-4b",
    // As for 8B: 40960 positions, 32,768 native, 131,072 with YaRN. Qwen3-4B-Instruct-2507 / -Thinking-2507 are other
    // configs (262,144 positions) and not aliases.
    aliases: ["Qwen/Qwen3-4B", "Qwen3-4B", "qwen3:4b"],
    // Tied embeddings: 4,022,468,096 (keras-hub; what the shapes add up to with one embedding matrix). The card says 4.0B.
    paramsBillion: 4.02,
    // unverified: no verbatim copy of Qwen/Qwen3-4B's config.json was found; the shapes are litgpt's transcription of
    // it, and keras-hub's count confirms them with tied embeddings.
    layers: 36,
    hiddenSize: 2560,
    intermediateSize: 9728,
    vocabSize: 151936,
    attentionHeads: 32,
    kvHeads: 8,
    // head_dim 128: 32 x 128 = 4096 query width, wider than hidden_size 2560.
    headDim: 128,
    contextLengthTokens: 40960,
    tiedEmbeddings: true,
    sources: [LITGPT_CONFIGS, KERAS_QWEN3_SMALL_PRESETS],
  },
  {
    kind: "llm",
    name: "qwen3-8b",
    // Qwen3 configs set max_position_embeddings 40960: 32,768 tokens native, 131,072 with YaRN per the card.
    aliases: ["Qwen/Qwen3-8B", "Qwen3-8B", "qwen3:8b"],
    // The card says 8.2B; keras-hub counts 8,190,735,360 (which the config's shapes add up to).
    paramsBillion: 8.19,
    layers: 36,
    hiddenSize: 4096,
    intermediateSize: 12288,
    vocabSize: 151936,
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 40960,
    sources: [AICONF_QWEN3_8B, QWEN3_8B_CONFIG_COPY, QWEN3_8B_CARD, KERAS_QWEN3_PRESETS],
  },
  {
    kind: "llm",
    name: "qwen3-14b",
    // As for 8B: 40960 positions, 32,768 native, 131,072 with YaRN.
    aliases: ["Qwen/Qwen3-14B", "Qwen3-14B", "qwen3:14b"],
    // The card says 14.8B; keras-hub counts 14,768,307,200.
    paramsBillion: 14.77,
    layers: 40,
    hiddenSize: 5120,
    intermediateSize: 17408,
    vocabSize: 151936,
    attentionHeads: 40,
    kvHeads: 8,
    headDim: 128,
    contextLengthTokens: 40960,
    sources: [INFERENCE_SIM_QWEN3_14B, LLM_PROF_CONFIGS, QWEN3_14B_CARD, KERAS_QWEN3_PRESETS],
  },
  {
    kind: "llm",
    name: "qwen3-32b",
    // As for 8B: 40960 positions, 32,768 native, 131,072 with YaRN.
    aliases: ["Qwen/Qwen3-32B", "Qwen3-32B", "qwen3:32b"],
    // The card says 32.8B; the Hub safetensors total (and keras-hub) is 32,762,123,264.
    paramsBillion: 32.76,
    layers: 64,
    hiddenSize: 5120,
    intermediateSize: 25600,
    vocabSize: 151936,
    attentionHeads: 64,
    kvHeads: 8,
    // The config sets head_dim 128: 64 x 128 = 8192 query width, wider than hidden_size 5120.
    headDim: 128,
    contextLengthTokens: 40960,
    sources: [AICONF_QWEN3_32B, QWEN3_32B_CARD, QWEN3_32B_HUB_API, KERAS_QWEN3_PRESETS],
  },
  {
    kind: "llm",
    name: "qwen3-30b-a3b",
    // As for 8B: 40960 positions, 32,768 native, 131,072 with YaRN.
    aliases: ["Qwen/Qwen3-30B-A3B", "Qwen3-30B-A3B", "qwen3:30b-a3b", "qwen3:30b"],
    // The card: 30.5B in total, 3.3B activated. No exact total was found.
    paramsBillion: 30.5,
    activeParamsBillion: 3.3,
    layers: 48,
    hiddenSize: 2048,
    // The config's intermediate_size sizes dense MLP layers; every layer here is MoE (decoder_sparse_step 1,
    // mlp_only_layers []), so the expert width moe_intermediate_size (768) is what the weights use.
    intermediateSize: 6144,
    vocabSize: 151936,
    attentionHeads: 32,
    kvHeads: 4,
    // The config sets head_dim 128 (32 x 128 = 4096 query width, wider than hidden_size 2048).
    headDim: 128,
    contextLengthTokens: 40960,
    // No shared experts: the Qwen3-MoE config has no shared-expert fields.
    moe: { experts: 128, expertsPerToken: 8, expertIntermediateSize: 768 },
    sources: [AICONF_QWEN3_30B_A3B, LLM_PROF_CONFIGS, QWEN3_30B_A3B_CARD],
  },
  {
    kind: "llm",
    name: "qwen3-235b-a22b",
    // As for 8B: 40960 positions, 32,768 native, 131,072 with YaRN.
    aliases: ["Qwen/Qwen3-235B-A22B", "Qwen3-235B-A22B", "qwen3:235b-a22b", "qwen3:235b"],
    // The card: 235B in total, 22B activated. // unverified: no exact total was found; the card rounds.
    paramsBillion: 235,
    activeParamsBillion: 22,
    layers: 94,
    hiddenSize: 4096,
    // As for 30B-A3B: every layer is MoE, so intermediate_size is unused; experts are moe_intermediate_size wide.
    intermediateSize: 12288,
    vocabSize: 151936,
    attentionHeads: 64,
    kvHeads: 4,
    // The config sets head_dim 128 (64 x 128 = 8192 query width, wider than hidden_size 4096).
    headDim: 128,
    contextLengthTokens: 40960,
    // No shared experts, as for 30B-A3B.
    moe: { experts: 128, expertsPerToken: 8, expertIntermediateSize: 1536 },
    sources: [AICONF_QWEN3_235B_A22B, QWEN3_235B_A22B_CARD],
  },
  {
    kind: "llm",
    name: "gemma-2-9b",
    // Layers alternate a 4,096-token sliding window (local) and global attention; contextLengthTokens is the global
    // span.
    aliases: ["google/gemma-2-9b", "google/gemma-2-9b-it", "gemma-2-9b-it", "gemma2:9b"],
    // The card says 9B; keras-hub counts 9,241,705,984, which is what the shapes add up to with one shared
    // embedding matrix.
    paramsBillion: 9.24,
    layers: 42,
    hiddenSize: 3584,
    intermediateSize: 14336,
    vocabSize: 256000,
    attentionHeads: 16,
    kvHeads: 8,
    // The config sets head_dim 256 (hidden_size / heads would be 224).
    headDim: 256,
    contextLengthTokens: 8192,
    // sliding_window 4096 on every other layer (21 of 42; mlc-ai/mlc-llm model_preset.py).
    slidingWindow: { windowTokens: 4096, slidingLayers: 21 },
    // config.json sets no tie_word_embeddings; Gemma2Config defaults it to true.
    tiedEmbeddings: true,
    sources: [MLC_GEMMA2_9B, GEMMA2_9B_CONFIG_QUOTE, KERAS_GEMMA2_PRESETS, GEMMA2_CONFIG_CLASS, MLC_GEMMA2_PRESETS, GEMMA_PYTORCH_CONFIG],
  },
  {
    kind: "llm",
    name: "gemma-2-27b",
    // As for 9B: alternating 4,096-token sliding-window and global layers.
    aliases: ["google/gemma-2-27b", "google/gemma-2-27b-it", "gemma-2-27b-it", "gemma2:27b"],
    // The card says 27B; keras-hub counts 27,227,128,320 (again the tied-embedding sum of the shapes).
    paramsBillion: 27.23,
    layers: 46,
    hiddenSize: 4608,
    intermediateSize: 36864,
    vocabSize: 256000,
    attentionHeads: 32,
    kvHeads: 16,
    // The config sets head_dim 128 (hidden_size / heads would be 144).
    headDim: 128,
    contextLengthTokens: 8192,
    // sliding_window 4096 on every other layer (23 of 46; mlc-ai/mlc-llm model_preset.py).
    slidingWindow: { windowTokens: 4096, slidingLayers: 23 },
    // As for 9B: no tie_word_embeddings key, Gemma2Config default true.
    tiedEmbeddings: true,
    sources: [MLC_GEMMA2_27B, MAXTEXT_HF_CONFIGS, KERAS_GEMMA2_PRESETS, GEMMA2_CONFIG_CLASS, MLC_GEMMA2_PRESETS, GEMMA_PYTORCH_CONFIG],
  },
  {
    kind: "llm",
    name: "gemma-3-1b",
    // Text only (Gemma3ForCausalLM). Five of every six layers attend through a 512-token sliding window.
    aliases: ["google/gemma-3-1b-pt", "google/gemma-3-1b-it", "gemma-3-1b-pt", "gemma-3-1b-it", "gemma3:1b"],
    // 999,885,952 (Hub safetensors total of -it, and keras-hub), with one shared embedding matrix. The card says 1B.
    paramsBillion: 1.0,
    layers: 26,
    hiddenSize: 1152,
    intermediateSize: 6912,
    // Unlike 4B-27B, the 1B config sets vocab_size 262144 (no image tokens).
    vocabSize: 262144,
    attentionHeads: 4,
    kvHeads: 1,
    // The config sets head_dim 256 (hidden_size / heads would be 288).
    headDim: 256,
    // max_position_embeddings 32768 (no rope scaling).
    contextLengthTokens: 32768,
    // sliding_window 512 (not 1,024 as on the larger models), sliding_window_pattern 6: layers 5, 11, 17, 23 are
    // global, 22 of 26 local.
    slidingWindow: { windowTokens: 512, slidingLayers: 22 },
    // config.json sets no tie_word_embeddings; Gemma3TextConfig defaults it to true (and the total counts one matrix).
    tiedEmbeddings: true,
    sources: [MLC_GEMMA3_1B, GEMMA3_1B_HUB_API, KERAS_GEMMA3_SMALL_PRESETS, GEMMA3_CONVERSION_SCRIPT_SMALL, GEMMA3_TEXT_CONFIG_DEFAULTS],
  },
  {
    kind: "llm",
    name: "gemma-3-4b",
    // As for 12B: five local (1,024-token window) layers to one global; multimodal (SigLIP vision tower).
    aliases: ["google/gemma-3-4b-pt", "google/gemma-3-4b-it", "gemma-3-4b-pt", "gemma-3-4b-it", "gemma3:4b"],
    // 4,299,915,632 with the vision tower (keras-hub); the text model alone is 3,880,099,328 (262,144-token
    // vocabulary). The card says 4B.
    paramsBillion: 4.3,
    // The shapes are the conversion script's (config.json is gated and was not read).
    layers: 34,
    hiddenSize: 2560,
    intermediateSize: 10240,
    // unverified: as for 12B, text_config sets no vocab_size or max_position_embeddings; Gemma3TextConfig's defaults.
    vocabSize: 262208,
    attentionHeads: 8,
    kvHeads: 4,
    // head_dim 256 (hidden_size / heads would be 320).
    headDim: 256,
    // 131072: the default; the global layers use linear rope scaling (factor 8) to reach it.
    contextLengthTokens: 131072,
    // sliding_window 1024, pattern 6: layers 5, 11, 17, 23, 29 global, 29 of 34 local.
    slidingWindow: { windowTokens: 1024, slidingLayers: 29 },
    tiedEmbeddings: true,
    sources: [GEMMA3_CONVERSION_SCRIPT_SMALL, GEMMA3_TEXT_CONFIG_DEFAULTS, KERAS_GEMMA3_SMALL_PRESETS, LITGPT_CONFIGS, GEMMA_PYTORCH_CONFIG],
  },
  {
    kind: "llm",
    name: "gemma-3-12b",
    // Five of every six layers attend through a 1,024-token sliding window; the sixth is global.
    aliases: ["google/gemma-3-12b-pt", "google/gemma-3-12b-it", "gemma-3-12b-pt", "gemma-3-12b-it", "gemma3:12b"],
    // The card says 12B. The repo is multimodal: 12,187,079,280 with the SigLIP vision tower (keras-hub); the text
    // model alone is 11,765,788,416 (keras-hub, with a 262,144-token vocabulary).
    paramsBillion: 12.19,
    layers: 48,
    hiddenSize: 3840,
    intermediateSize: 15360,
    // unverified: config.json's text_config was not read verbatim; it sets no vocab_size, max_position_embeddings or
    // head_dim for 12B, so these are Gemma3TextConfig's defaults (a third-party table of the config agrees on 262,208).
    vocabSize: 262208,
    attentionHeads: 16,
    kvHeads: 8,
    // Gemma3TextConfig's default head_dim 256, as the conversion script sets; not hidden_size / heads (240).
    headDim: 256,
    contextLengthTokens: 131072,
    // sliding_window 1024, sliding_window_pattern 6: 40 of 48 layers local (google/gemma_pytorch config.py).
    slidingWindow: { windowTokens: 1024, slidingLayers: 40 },
    tiedEmbeddings: true,
    sources: [GEMMA3_CONVERSION_SCRIPT, GEMMA3_TEXT_CONFIG_DEFAULTS, GEMMA3_12B_CONFIG, KERAS_GEMMA3_PRESETS, GEMMA_PYTORCH_CONFIG],
  },
  {
    kind: "llm",
    name: "gemma-3-27b",
    // As for 12B: five local (1,024-token window) layers to one global.
    aliases: ["google/gemma-3-27b-pt", "google/gemma-3-27b-it", "gemma-3-27b-pt", "gemma-3-27b-it", "gemma3:27b"],
    // The card says 27B; 27,432,062,576 with the vision tower (keras-hub; a derivative's Hub page shows 27.4B). Text
    // model alone: 27,009,002,240 (keras-hub, 262,144-token vocabulary).
    paramsBillion: 27.43,
    layers: 62,
    hiddenSize: 5376,
    intermediateSize: 21504,
    // unverified: as for 12B, text_config sets no vocab_size or max_position_embeddings; Gemma3TextConfig's defaults.
    vocabSize: 262208,
    attentionHeads: 32,
    kvHeads: 16,
    // The config sets head_dim 128 (hidden_size / heads would be 168, the query_pre_attn_scalar).
    headDim: 128,
    contextLengthTokens: 131072,
    // sliding_window 1024, sliding_window_pattern 6: 52 of 62 layers local (google/gemma_pytorch config.py).
    slidingWindow: { windowTokens: 1024, slidingLayers: 52 },
    tiedEmbeddings: true,
    sources: [GEMMA3_27B_CONFIG, GEMMA3_CONVERSION_SCRIPT, GEMMA3_TEXT_CONFIG_DEFAULTS, KERAS_GEMMA3_PRESETS, GEMMA3_27B_DERIVATIVE, GEMMA_PYTORCH_CONFIG],
  },
  {
    kind: "llm",
    name: "gpt-oss-120b",
    aliases: ["openai/gpt-oss-120b", "gpt-oss:120b"],
    // The card: 117B in total, 5.1B active. Released with MXFP4 experts (serve with precision "fp4").
    paramsBillion: 117,
    activeParamsBillion: 5.1,
    layers: 36,
    hiddenSize: 2880,
    // No dense MLP: intermediate_size 2880 is each expert's width.
    intermediateSize: 2880,
    vocabSize: 201088,
    attentionHeads: 64,
    kvHeads: 8,
    headDim: 64,
    // 4,096 native positions, 131,072 with YaRN (rope_scaling factor 32).
    contextLengthTokens: 131072,
    moe: { experts: 128, expertsPerToken: 4, expertIntermediateSize: 2880 },
    // layer_types alternates sliding_attention (window 128) and full_attention, from layer 0.
    slidingWindow: { windowTokens: 128, slidingLayers: 18 },
    sources: [AICONF_GPT_OSS_120B, GPT_OSS_CARD],
  },
  {
    kind: "llm",
    name: "gpt-oss-20b",
    aliases: ["openai/gpt-oss-20b", "gpt-oss:20b"],
    // The card: 21B in total, 3.6B active.
    paramsBillion: 21,
    activeParamsBillion: 3.6,
    layers: 24,
    hiddenSize: 2880,
    intermediateSize: 2880,
    vocabSize: 201088,
    attentionHeads: 64,
    kvHeads: 8,
    headDim: 64,
    contextLengthTokens: 131072,
    moe: { experts: 32, expertsPerToken: 4, expertIntermediateSize: 2880 },
    slidingWindow: { windowTokens: 128, slidingLayers: 12 },
    sources: [AICONF_GPT_OSS_20B, GPT_OSS_CARD],
  },
  {
    kind: "llm",
    name: "phi-4",
    aliases: ["microsoft/phi-4", "phi4", "phi4:14b"],
    // 14,659,507,200 counted from the config (untied 100,352-token embeddings), also the GGUF parameter_count quoted by
    // third-party fixtures; the card says 14B.
    paramsBillion: 14.66,
    layers: 40,
    hiddenSize: 5120,
    intermediateSize: 17920,
    vocabSize: 100352,
    attentionHeads: 40,
    kvHeads: 10,
    // The config has no head_dim: 5120 / 40.
    headDim: 128,
    // max_position_embeddings 16384 (no rope scaling, no sliding window).
    contextLengthTokens: 16384,
    sources: [LITGPT_CONFIGS, PHI4_CONFIG],
  },
  {
    kind: "llm",
    name: "phi-4-mini",
    aliases: ["microsoft/Phi-4-mini-instruct", "Phi-4-mini-instruct", "phi4-mini", "phi4-mini:3.8b"],
    // Tied embeddings: 3,836,021,760 counted from the config; the card says 3.8B.
    paramsBillion: 3.84,
    layers: 32,
    hiddenSize: 3072,
    intermediateSize: 8192,
    // vocab_size 200064 (the tokenizer's 200,019 padded).
    vocabSize: 200064,
    attentionHeads: 24,
    kvHeads: 8,
    // The config has no head_dim: 3072 / 24 (rotary on 75% of it, partial_rotary_factor 0.75).
    headDim: 128,
    // 131072 positions with LongRoPE over 4,096. sliding_window 262144 exceeds that, so no layer is windowed.
    contextLengthTokens: 131072,
    tiedEmbeddings: true,
    sources: [MLC_PHI4_MINI, LITGPT_CONFIGS],
  },
  {
    kind: "llm",
    name: "deepseek-r1-distill-qwen-1.5b",
    // Fine-tuned from Qwen2.5-Math-1.5B, with DeepSeek's changed config: 131072 positions and untied embeddings.
    aliases: ["deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B", "DeepSeek-R1-Distill-Qwen-1.5B", "deepseek-r1:1.5b"],
    // 1,777,088,000 counted from the config (untied 151,936-token embeddings, QKV biases), also the total third-party
    // fixtures quote for the repo; the card states no count ("1.5B" is the base model's size).
    paramsBillion: 1.78,
    // unverified: the config was read through a fine-tune that names this repo as its origin (research pass).
    layers: 28,
    hiddenSize: 1536,
    intermediateSize: 8960,
    vocabSize: 151936,
    attentionHeads: 12,
    kvHeads: 2,
    // The config has no head_dim: 1536 / 12.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [R1_DISTILL_QWEN_1_5B_DERIVATIVE_CONFIG, R1_DISTILL_QWEN_SMALL_CARD],
  },
  {
    kind: "llm",
    name: "deepseek-r1-distill-qwen-7b",
    // Fine-tuned from Qwen2.5-Math-7B: Qwen2.5-7B's shapes, 131072 positions.
    aliases: ["deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "DeepSeek-R1-Distill-Qwen-7B", "deepseek-r1:7b"],
    // 7,615,616,512 counted from the config (untied, QKV biases); the card states no count.
    paramsBillion: 7.62,
    // unverified: the config was read through a fine-tune that names this repo as its origin (research pass).
    layers: 28,
    hiddenSize: 3584,
    intermediateSize: 18944,
    vocabSize: 152064,
    attentionHeads: 28,
    kvHeads: 4,
    // The config has no head_dim: 3584 / 28.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [R1_DISTILL_QWEN_7B_DERIVATIVE_CONFIG, R1_DISTILL_QWEN_SMALL_CARD],
  },
  {
    kind: "llm",
    name: "deepseek-r1-distill-llama-8b",
    // Fine-tuned from Llama 3.1 8B: same shapes.
    aliases: ["deepseek-ai/DeepSeek-R1-Distill-Llama-8B", "DeepSeek-R1-Distill-Llama-8B"],
    // Hub safetensors total 8,030,261,248 (the card states no count).
    paramsBillion: 8.03,
    layers: 32,
    hiddenSize: 4096,
    intermediateSize: 14336,
    vocabSize: 128256,
    attentionHeads: 32,
    kvHeads: 8,
    // The config has no head_dim: 4096 / 32.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [R1_DISTILL_LLAMA_8B_CONFIG, R1_DISTILL_LLAMA_8B_HUB_API, R1_DISTILL_LLAMA_8B_CARD],
  },
  {
    kind: "llm",
    name: "deepseek-r1-distill-qwen-14b",
    // Fine-tuned from Qwen2.5-14B: same shapes.
    aliases: ["deepseek-ai/DeepSeek-R1-Distill-Qwen-14B", "DeepSeek-R1-Distill-Qwen-14B", "deepseek-r1:14b"],
    // 14,770,033,664 counted from the config (untied, QKV biases); the card states no count.
    paramsBillion: 14.77,
    // unverified: the config was read through an AWQ conversion of the official snapshot (research pass); the shapes
    // are Qwen2.5-14B's (LLM-Prof's verbatim dump).
    layers: 48,
    hiddenSize: 5120,
    intermediateSize: 13824,
    vocabSize: 152064,
    attentionHeads: 40,
    kvHeads: 8,
    // The config has no head_dim: 5120 / 40.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [R1_DISTILL_QWEN_14B_AWQ_CONFIG, LLM_PROF_CONFIGS, R1_DISTILL_QWEN_SMALL_CARD],
  },
  {
    kind: "llm",
    name: "deepseek-r1-distill-qwen-32b",
    // Fine-tuned from Qwen2.5-32B: same shapes.
    aliases: ["deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", "DeepSeek-R1-Distill-Qwen-32B", "deepseek-r1:32b"],
    // Hub safetensors total 32,763,876,352 (the card states no count).
    paramsBillion: 32.76,
    layers: 64,
    hiddenSize: 5120,
    intermediateSize: 27648,
    vocabSize: 152064,
    attentionHeads: 40,
    kvHeads: 8,
    // The config has no head_dim: 5120 / 40.
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [R1_DISTILL_QWEN_32B_CONFIG, R1_DISTILL_QWEN_32B_HUB_API, R1_DISTILL_QWEN_32B_CARD],
  },
  {
    kind: "llm",
    name: "deepseek-r1-distill-llama-70b",
    // Fine-tuned from Llama-3.3-70B-Instruct: same shapes.
    aliases: ["deepseek-ai/DeepSeek-R1-Distill-Llama-70B", "DeepSeek-R1-Distill-Llama-70B", "deepseek-r1:70b"],
    // The card states no count; 70,553,706,496 as quoted by third-party fixtures, and what the shapes add up to.
    // unverified: not read from the Hub directly.
    paramsBillion: 70.55,
    // unverified: the config was read through derivatives (an AWQ conversion of the official snapshot 07a264a5 and
    // a fine-tune), whose architecture fields are unchanged.
    layers: 80,
    hiddenSize: 8192,
    intermediateSize: 28672,
    vocabSize: 128256,
    attentionHeads: 64,
    kvHeads: 8,
    // The derivative configs set head_dim 128 (= 8192 / 64; possibly added on re-save).
    headDim: 128,
    contextLengthTokens: 131072,
    sources: [R1_DISTILL_LLAMA_70B_AWQ_CONFIG, R1_DISTILL_LLAMA_70B_R1776_CONFIG, R1_DISTILL_LLAMA_70B_CARD, R1_DISTILL_LLAMA_70B_PARAMS],
  },
  {
    kind: "llm",
    name: "deepseek-v3",
    // Released in FP8 (block-scaled e4m3 weights, quantization_config in config.json): serve with precision "fp8".
    aliases: ["deepseek-ai/DeepSeek-V3", "deepseek-ai/DeepSeek-V3-Base", "DeepSeek-V3", "deepseek-v3:671b"],
    // The main model: 671B in total, 36.7B activated (README_WEIGHTS; the card rounds to 37B). The Hub's 685B also
    // holds the 14B multi-token-prediction module, which serving without speculative decoding does not load.
    paramsBillion: 671,
    activeParamsBillion: 36.7,
    layers: 61,
    hiddenSize: 7168,
    // intermediate_size sizes the dense MLP of the first 3 layers (first_k_dense_replace 3); the other 58 are MoE.
    intermediateSize: 18432,
    vocabSize: 129280,
    attentionHeads: 128,
    // num_key_value_heads 128 is nominal: the cache holds one latent per layer (latentAttention).
    kvHeads: 128,
    // The config has no head_dim: 7168 / 128. MLA's per-head widths are qk_nope_head_dim 128 + qk_rope_head_dim 64 =
    // 192 for queries and keys, v_head_dim 128 for values.
    headDim: 56,
    // max_position_embeddings 163840 (YaRN factor 40 over 4,096); the card says 128K.
    contextLengthTokens: 163840,
    // n_routed_experts 256, num_experts_per_tok 8, moe_intermediate_size 2048, n_shared_experts 1 on the 58 MoE layers;
    // the first 3 are dense (intermediate_size 18432).
    moe: { experts: 256, expertsPerToken: 8, expertIntermediateSize: 2048, sharedExperts: 1, moeLayers: 58 },
    // kv_lora_rank 512 + qk_rope_head_dim 64 values per token per layer.
    latentAttention: { kvLoraRank: 512, ropeHeadDim: 64 },
    sources: [AICONF_DEEPSEEK_V3, DEEPSEEK_V3_README, DEEPSEEK_V3_WEIGHTS_README],
  },
  {
    kind: "llm",
    name: "deepseek-r1",
    // Trained from DeepSeek-V3-Base: the same config (and FP8 release). R1-Zero has the same architecture and size.
    aliases: ["deepseek-ai/DeepSeek-R1", "deepseek-ai/DeepSeek-R1-Zero", "DeepSeek-R1", "deepseek-r1:671b"],
    // As for V3: 671B in total, 36.7B activated (the card: 37B).
    paramsBillion: 671,
    activeParamsBillion: 36.7,
    layers: 61,
    hiddenSize: 7168,
    // As for V3: the first 3 layers are dense (intermediate_size 18432), the rest MoE.
    intermediateSize: 18432,
    vocabSize: 129280,
    attentionHeads: 128,
    kvHeads: 128,
    // As for V3: 7168 / 128 (MLA: 192-wide queries and keys, 128-wide values per head).
    headDim: 56,
    contextLengthTokens: 163840,
    moe: { experts: 256, expertsPerToken: 8, expertIntermediateSize: 2048, sharedExperts: 1, moeLayers: 58 },
    latentAttention: { kvLoraRank: 512, ropeHeadDim: 64 },
    sources: [AICONF_DEEPSEEK_R1, DEEPSEEK_R1_README, DEEPSEEK_V3_WEIGHTS_README],
  },
  {
    kind: "embedding",
    name: "bge-m3",
    aliases: ["BAAI/bge-m3"],
    task: "embedding",
    architecture: "encoder",
    // XLM-RoBERTa large: 250,002 × 1024 embeddings, 8,194 positions and 24 layers of ~12.6 M come to 0.568 B; BAAI says 560M.
    paramsBillion: 0.568,
    layers: 24,
    hiddenSize: 1024,
    intermediateSize: 4096,
    // max_position_embeddings 8194 less XLM-RoBERTa's 2 padding positions; the card says 8192.
    contextLengthTokens: 8192,
    sources: [BGE_M3_CONFIG, BGE_M3_PARAMS],
  },
  {
    kind: "embedding",
    name: "bge-reranker-v2-m3",
    aliases: ["BAAI/bge-reranker-v2-m3"],
    task: "rerank",
    architecture: "encoder",
    // bge-m3's encoder and a one-logit head (1,025 parameters); counted from the config's shapes, as bge-m3.
    paramsBillion: 0.568,
    layers: 24,
    hiddenSize: 1024,
    intermediateSize: 4096,
    contextLengthTokens: 8192,
    sources: [BGE_RERANKER_V2_M3_CONFIG, BGE_M3_PARAMS],
  },
  {
    kind: "embedding",
    name: "multilingual-e5-large",
    aliases: ["intfloat/multilingual-e5-large", "intfloat/multilingual-e5-large-instruct"],
    task: "embedding",
    architecture: "encoder",
    // XLM-RoBERTa large with 514 positions: 0.560 B counted from the config's shapes.
    paramsBillion: 0.56,
    layers: 24,
    hiddenSize: 1024,
    intermediateSize: 4096,
    // max_position_embeddings 514 less the 2 padding positions.
    contextLengthTokens: 512,
    sources: [E5_LARGE_CONFIG],
  },
  {
    kind: "embedding",
    name: "qwen3-embedding-0.6b",
    aliases: ["Qwen/Qwen3-Embedding-0.6B"],
    task: "embedding",
    architecture: "decoder",
    paramsBillion: 0.596,
    layers: 28,
    hiddenSize: 1024,
    // unverified: the official config.json was not found. keras-hub's count differs from Qwen3-0.6B's by 267 × 1024 (the
    // vocabulary rows alone), so the layers are Qwen3-0.6B's: intermediate_size 3072.
    intermediateSize: 3072,
    contextLengthTokens: 32768,
    sources: [QWEN3_EMBEDDING_CARD, KERAS_QWEN3_EMBEDDING_PRESETS, KERAS_QWEN3_SMALL_PRESETS],
  },
  {
    kind: "embedding",
    name: "qwen3-embedding-4b",
    aliases: ["Qwen/Qwen3-Embedding-4B"],
    task: "embedding",
    architecture: "decoder",
    paramsBillion: 4.02,
    layers: 36,
    hiddenSize: 2560,
    // unverified: as for 0.6B, keras-hub's count differs from Qwen3-4B's by 271 × 2560 only: intermediate_size 9728.
    intermediateSize: 9728,
    contextLengthTokens: 32768,
    sources: [QWEN3_EMBEDDING_CARD, KERAS_QWEN3_EMBEDDING_PRESETS, KERAS_QWEN3_SMALL_PRESETS],
  },
  {
    kind: "embedding",
    name: "qwen3-embedding-8b",
    aliases: ["Qwen/Qwen3-Embedding-8B"],
    task: "embedding",
    architecture: "decoder",
    // keras-hub's count, which holds an untied output projection (0.62 B) an embedding server need not load: on the safe side.
    paramsBillion: 8.19,
    layers: 36,
    hiddenSize: 4096,
    // unverified: keras-hub's count differs from Qwen3-8B's by 2 × 271 × 4096 only: intermediate_size 12288.
    intermediateSize: 12288,
    contextLengthTokens: 32768,
    sources: [QWEN3_EMBEDDING_CARD, KERAS_QWEN3_EMBEDDING_PRESETS, KERAS_QWEN3_PRESETS],
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
    // UNet only (diffusers counts 2.57B); with the CLIP ViT-L and OpenCLIP ViT-bigG text encoders the base
    // pipeline is ~3.5B.
    paramsBillion: 2.6,
    // fp16 at 1024x1024 with UNet, both text encoders and VAE resident: ~8.5 GB (peak ~7.5 GB when the text
    // encoders are moved off before denoising). Stability states an 8 GB minimum. Base model only: the optional
    // refiner adds a second UNet. The one diffusers measurement found (HF blog: 21.72 GB fp16 + SDPA) is for a
    // batch of 4 images, so it is not used. // unverified: measurement (and the 8 GB quote) from a third-party
    // requirements page.
    typicalVramGB: 8.5,
    // Per step, both guidance evaluations (CFG): fitted with DIFFUSION_STEP_OVERHEAD_SECONDS on Stability's A100 and H100
    // baselines; the T4's own run (26.5 s for 25 steps) is used there and on the T4G (the same chip on Graviton hosts),
    // as their 65 TFLOPS would predict 3× that speed.
    speed: { defaultSteps: 50, stepSecondsAtPetaflop: 0.0184, measuredStepSeconds: { T4: 1.06, T4G: 1.06 } },
    sources: [SDXL_MODEL_CARD, SDXL_PAPER, SDXL_VRAM, SDXL_OPTIMIZATIONS_BLOG, DIFFUSERS_BENCHMARKS_CSV, STABILITY_SDXL_TENSORRT_CARD, LCM_LORA_BLOG, DIFFUSERS_PIPELINE_DEFAULTS],
  },
  {
    kind: "diffusion",
    name: "flux.1-dev",
    aliases: ["black-forest-labs/FLUX.1-dev", "FLUX.1 [dev]", "flux.1 dev", "flux1-dev", "flux-dev"],
    // The model card's "12 billion parameter" transformer (diffusers counts 11.9B).
    paramsBillion: 12,
    // Measured by diffusers (HF quantization blog): BF16 pipeline fully on the GPU, 1024x1024, 50 steps,
    // max_sequence_length 512, H100: 36.166 peak. The blog divides max_memory_reserved() by 1024**3, so that is
    // GiB (= 38.83 GB): its 31.447 after loading is below the 33.73 GB its own component sizes add up to, and its
    // 23.271 with model CPU offload below the 23.8 GB transformer alone, unless both are GiB.
    // Model CPU offload (the card's example) peaks at 23.271 GiB.
    typicalVramGB: 38.8,
    // One evaluation per step (guidance is distilled in): 6.573 s for 28 steps on an H100 less the per-step overhead, at
    // the H100's 989 TFLOPS.
    speed: { defaultSteps: 28, stepSecondsAtPetaflop: 0.1682 },
    sources: [FLUX_DEV_MODEL_CARD, FLUX_VRAM_DISCUSSION, DIFFUSERS_BENCHMARKS, DIFFUSERS_QUANTIZATION_BLOG, DIFFUSERS_QUANTIZATION_CSV, DIFFUSERS_TORCHAO_FLUX, DIFFUSERS_PIPELINE_DEFAULTS],
  },
  {
    kind: "diffusion",
    name: "flux.1-schnell",
    aliases: ["black-forest-labs/FLUX.1-schnell", "FLUX.1 [schnell]", "flux.1 schnell", "flux1-schnell", "flux-schnell"],
    // The same 12B transformer as dev, timestep-distilled (no guidance embedding), with the same text encoders.
    paramsBillion: 12,
    // FLUX.1-dev's measured peak, as the components are identical; schnell runs a few steps with prompts of at
    // most 256 tokens (dev's measurement used 512), so its peak should not be higher.
    // unverified: no measurement of schnell itself was found (the model discussion estimates ~33 GB).
    typicalVramGB: 38.8,
    // FLUX.1-dev's transformer, so dev's step; 4 steps as its model card runs it.
    speed: { defaultSteps: 4, stepSecondsAtPetaflop: 0.1682 },
    sources: [FLUX_SCHNELL_MODEL_CARD, FLUX_VRAM_DISCUSSION, DIFFUSERS_FLUX_DOCS, DIFFUSERS_QUANTIZATION_BLOG, DIFFUSERS_TORCHAO_FLUX],
  },
  {
    kind: "diffusion",
    name: "sd3.5-large",
    aliases: [
      "stabilityai/stable-diffusion-3.5-large",
      "stable-diffusion-3.5-large",
      "Stable Diffusion 3.5 Large",
      "sd-3.5-large",
      "sd35-large",
    ],
    // The MMDiT only, per Stability's announcement (the diffusers blog says "8B"); the pipeline adds CLIP-L,
    // OpenCLIP bigG and the T5-XXL encoder.
    paramsBillion: 8.1,
    // unverified: no diffusers measurement was found. This is the bf16 weights of the resident components added up,
    // a floor before activations: MMDiT 8.1B x 2 bytes = 16.2 GB, T5-XXL 9.52 GB and CLIP-L 246 MB (as the diffusers
    // quantization blog measures them for FLUX), OpenCLIP bigG 695M x 2 bytes = 1.39 GB. The 20.9 GB reported for
    // candle's implementation after memory tweaks is less than the weights, so it cannot hold them all at once.
    typicalVramGB: 27.4,
    sources: [SD35_ANNOUNCEMENT, SD35_LARGE_DIFFUSERS_BLOG, SD35_LARGE_CARD_COPY, DIFFUSERS_QUANTIZATION_BLOG, CANDLE_SD35_LARGE_MEMORY],
  },
  {
    kind: "diffusion",
    name: "sd3.5-medium",
    aliases: [
      "stabilityai/stable-diffusion-3.5-medium",
      "stable-diffusion-3.5-medium",
      "Stable Diffusion 3.5 Medium",
      "sd-3.5-medium",
      "sd35-medium",
    ],
    // The MMDiT-X only, per Stability's announcement; the text encoders are those of SD3.5 Large.
    paramsBillion: 2.5,
    // unverified: no diffusers measurement was found. Stability's "9.9 GB (excluding text encoders)" plus the bf16
    // text encoders (T5-XXL 9.52 GB, CLIP-L 246 MB, OpenCLIP bigG 1.39 GB, as for Large) = 21.1 GB. For comparison,
    // diffusers measured SD3 Medium (a 2.028B MMDiT with the same encoders) at 18.765 "GB" in FP16 on an H100.
    typicalVramGB: 21.1,
    sources: [SD35_MEDIUM_ANNOUNCEMENT, SD35_LARGE_DIFFUSERS_BLOG, DIFFUSERS_QUANTIZATION_BLOG, QUANTO_DIFFUSERS_BLOG],
  },
  {
    kind: "diffusion",
    name: "flux.1-kontext-dev",
    aliases: ["black-forest-labs/FLUX.1-Kontext-dev", "FLUX.1 Kontext [dev]", "flux1-kontext-dev", "flux-kontext-dev"],
    // FLUX.1-dev's transformer and text encoders, editing an input image.
    paramsBillion: 12,
    // unverified: FLUX.1-dev's measured peak (no measurement of Kontext was found); the input image's latent tokens join
    // the sequence, so activations grow, but the weights (33.7 GB of the 38.8) are the same.
    typicalVramGB: 38.8,
    sources: [BFL_FLUX1_REPO, DIFFUSERS_QUANTIZATION_BLOG],
  },
  {
    kind: "diffusion",
    name: "flux.1-krea-dev",
    aliases: ["black-forest-labs/FLUX.1-Krea-dev", "FLUX.1 Krea [dev]", "flux1-krea-dev", "flux-krea-dev"],
    // FLUX.1-dev's architecture, retrained for aesthetics.
    paramsBillion: 12,
    // unverified: FLUX.1-dev's measured peak; the components are the same.
    typicalVramGB: 38.8,
    // FLUX.1-dev's transformer and pipeline, so dev's step and steps.
    speed: { defaultSteps: 28, stepSecondsAtPetaflop: 0.1682 },
    sources: [BFL_FLUX1_REPO, DIFFUSERS_QUANTIZATION_BLOG, DIFFUSERS_TORCHAO_FLUX, DIFFUSERS_PIPELINE_DEFAULTS],
  },
  {
    kind: "diffusion",
    name: "flux.1-fill-dev",
    aliases: ["black-forest-labs/FLUX.1-Fill-dev", "FLUX.1 Fill [dev]", "flux1-fill-dev", "flux-fill-dev"],
    // FLUX.1-dev's transformer with 384 input channels (the masked image), for inpainting and outpainting.
    paramsBillion: 12,
    // unverified: FLUX.1-dev's measured peak; the components are the same.
    typicalVramGB: 38.8,
    sources: [FLUX_FILL_MODEL_CARD, BFL_FLUX1_REPO, DIFFUSERS_QUANTIZATION_BLOG],
  },
  {
    kind: "diffusion",
    name: "flux.2-dev",
    aliases: ["black-forest-labs/FLUX.2-dev", "FLUX.2 [dev]", "flux2-dev", "flux-2-dev"],
    paramsBillion: 32,
    // unverified: no peak was published, only "more than 80GB" and that an H200 holds everything. This is the bf16 weights
    // added up, the 32B transformer (64 GB) and the 24B Mistral Small 3.2 text encoder (48 GB), with 3 GB for the VAE
    // and the activations. With model CPU offload the HF blog measured ~62 GB on an H100.
    typicalVramGB: 115,
    sources: [FLUX2_README, FLUX2_HF_BLOG],
  },
  {
    kind: "speech",
    name: "whisper-large-v3",
    aliases: ["openai/whisper-large-v3", "whisper-large", "large-v3", "Whisper large-v3"],
    paramsBillion: 1.55,
    encoderLayers: 32,
    decoderLayers: 32,
    hiddenSize: 1280,
    intermediateSize: 5120,
    audioFrames: 1500,
    maxTargetTokens: 448,
    // The README's "~10 GB" required VRAM is a round upper figure: the openai/whisper package measured 4708MB in fp16 for
    // large-v2, the same shape (faster-whisper's benchmark), and the estimate matches that measurement.
    sources: [WHISPER_README, WHISPER_LARGE_V3_CONFIG, FASTER_WHISPER_BENCHMARK],
  },
  {
    kind: "speech",
    name: "whisper-large-v3-turbo",
    aliases: ["openai/whisper-large-v3-turbo", "whisper-turbo", "large-v3-turbo", "Whisper turbo"],
    // large-v3 with its decoder pruned from 32 layers to 4.
    paramsBillion: 0.809,
    encoderLayers: 32,
    decoderLayers: 4,
    hiddenSize: 1280,
    intermediateSize: 5120,
    audioFrames: 1500,
    maxTargetTokens: 448,
    sources: [WHISPER_README, WHISPER_TURBO_CONFIG],
  },
  {
    kind: "speech",
    name: "whisper-large-v2",
    aliases: ["openai/whisper-large-v2", "large-v2", "Whisper large-v2"],
    paramsBillion: 1.55,
    encoderLayers: 32,
    decoderLayers: 32,
    hiddenSize: 1280,
    intermediateSize: 5120,
    audioFrames: 1500,
    maxTargetTokens: 448,
    sources: [WHISPER_README, WHISPER_MODEL_DIMS, FASTER_WHISPER_BENCHMARK],
  },
  {
    kind: "speech",
    name: "whisper-medium",
    aliases: ["openai/whisper-medium", "openai/whisper-medium.en", "whisper-medium.en"],
    paramsBillion: 0.769,
    encoderLayers: 24,
    decoderLayers: 24,
    hiddenSize: 1024,
    intermediateSize: 4096,
    audioFrames: 1500,
    maxTargetTokens: 448,
    sources: [WHISPER_README, WHISPER_MODEL_DIMS],
  },
  {
    kind: "speech",
    name: "whisper-small",
    aliases: ["openai/whisper-small", "openai/whisper-small.en", "whisper-small.en"],
    paramsBillion: 0.244,
    encoderLayers: 12,
    decoderLayers: 12,
    hiddenSize: 768,
    intermediateSize: 3072,
    audioFrames: 1500,
    maxTargetTokens: 448,
    sources: [WHISPER_README, WHISPER_MODEL_DIMS],
  },
  {
    kind: "speech",
    name: "distil-whisper-large-v3",
    aliases: ["distil-whisper/distil-large-v3", "distil-large-v3"],
    // large-v3's encoder with a 2-layer decoder.
    paramsBillion: 0.756,
    encoderLayers: 32,
    decoderLayers: 2,
    hiddenSize: 1280,
    intermediateSize: 5120,
    audioFrames: 1500,
    maxTargetTokens: 448,
    sources: [DISTIL_WHISPER_README, DISTIL_LARGE_V3_CONFIG],
  },
];
