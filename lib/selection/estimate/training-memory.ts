import { LanguageModelSpec } from "../../taxonomy/model-spec";
import { servedWeightBytes } from "./inference-memory";
import { GIB, Optimizer, Precision, Sharding, TrainingPrecision } from "./model-usage";
import { layerActivationBytesPerToken, layerParams, loraAdapterParams } from "./transformer-shapes";

/**
 * Bytes each trainable parameter holds, by how the run keeps its numbers (Hugging Face performance docs, "Model
 * training anatomy": 18 B/param for mixed-precision AdamW; ZeRO, Rajbhandari et al. 2020 §3.1; torchtune trains in
 * pure bf16):
 * - mixed: fp32 weights (4) and their bf16 autocast copy (2), fp32 gradients (4), optimizer state;
 * - bf16: bf16 weights (2) and gradients (2), optimizer state in bf16.
 * Optimizer state: AdamW two moments (mixed 8, bf16 4); 8-bit AdamW two 1-byte moments (2; bitsandbytes);
 * SGD one momentum (mixed 4, bf16 2).
 */
const TRAINABLE_BYTES: Readonly<Record<TrainingPrecision, { weights: number; gradients: number; optimizer: Readonly<Record<Optimizer, number>> }>> = {
  mixed: { weights: 4 + 2, gradients: 4, optimizer: { adamw: 8, "adamw-8bit": 2, sgd: 4 } },
  bf16: { weights: 2, gradients: 2, optimizer: { adamw: 4, "adamw-8bit": 2, sgd: 2 } },
};

/**
 * Bytes per token × vocabulary entry at the loss, when the trainer materializes the logits (Hugging Face transformers'
 * ForCausalLMLoss upcasts them: `logits = logits.float()`, src/transformers/loss/loss_utils.py, 4.57–5.x). At the peak,
 * as the backward pass starts: the bf16 logits the model returns (2), the fp32 log-probabilities cross-entropy keeps
 * (4), their gradient (4) and the gradient of the upcast logits (4). Korthikanti et al. 2022 count 4·s·b·v for the
 * fp32 logits alone. A fused or chunked loss (Liger, Unsloth, torchtune's chunked cross-entropy) never builds them.
 */
const LOSS_BYTES_PER_LOGIT = 14;

/** Tokens of one chunk of a fused or chunked cross-entropy (torchtune uses 8 chunks; Liger a few thousand rows). */
const FUSED_LOSS_CHUNK_TOKENS = 1024;

/** What one GPU holds for a fine-tune, in GiB, at the run's peak, and the assumptions in words. */
export interface TrainingMemory {
  readonly weightsGiB: number;
  readonly gradientsGiB: number;
  readonly optimizerStateGiB: number;
  readonly activationsGiB: number;
  readonly logitsGiB: number;
  readonly assumptions: readonly string[];
}

export interface TrainingSetup {
  readonly mode: "lora" | "full";
  /** Precision of frozen weights (LoRA; int4 is QLoRA). */
  readonly precision: Precision;
  readonly sequenceTokens: number;
  readonly microBatch: number;
  readonly loraRank: number;
  readonly gradientCheckpointing: boolean;
  readonly optimizer: Optimizer;
  readonly trainingPrecision: TrainingPrecision;
  readonly sharding: Sharding;
  readonly fusedLoss: boolean;
  readonly gpus: number;
}

/**
 * Memory of a LoRA or full fine-tune on the busiest GPU. Trainable state (weights, gradients, optimizer) follows the
 * precision, optimizer and sharding; activations follow the micro-batch, sequence and checkpointing; the loss adds
 * the logits. Two moments can peak: the start of the backward pass (checkpoints and the loss's logits) and the
 * recomputation of one layer (its full activations and their gradients); the estimate takes the larger.
 */
export function trainingMemory(m: LanguageModelSpec, s: TrainingSetup): TrainingMemory {
  const params = m.paramsBillion * 1e9;
  const trainable = s.mode === "full" ? params : loraAdapterParams(m, s.loraRank);
  const bytes = TRAINABLE_BYTES[s.trainingPrecision];
  const shards = s.sharding === "fsdp" ? s.gpus : 1;
  // FSDP holds each layer whole while it runs: the gathered 16-bit weights of this layer and the next (prefetch),
  // and the layer's 16-bit gradients before they are reduce-scattered.
  const gathered = shards > 1 ? 3 * layerParams(m) * 2 : 0;
  const frozen = s.mode === "lora" ? frozenWeightBytes(m, s.precision) : 0;
  const weights = (trainable * bytes.weights + frozen) / shards + gathered;
  const gradients = (trainable * bytes.gradients) / shards;
  const optimizer = (trainable * bytes.optimizer[s.optimizer]) / shards;

  const tokens = s.sequenceTokens * s.microBatch;
  const layerBytes = layerActivationBytesPerToken(m) * tokens;
  const logits = s.fusedLoss ? Math.min(tokens, FUSED_LOSS_CHUNK_TOKENS) * m.vocabSize * LOSS_BYTES_PER_LOGIT : tokens * m.vocabSize * LOSS_BYTES_PER_LOGIT;
  let activations: number;
  let logitsAtPeak: number;
  let peak: string;
  if (s.gradientCheckpointing) {
    const checkpoints = 2 * m.hiddenSize * m.layers * tokens;
    // Recomputing one layer: its activations and their gradients.
    const recompute = 2 * layerBytes;
    if (logits >= recompute) {
      [activations, logitsAtPeak, peak] = [checkpoints, logits, "the loss"];
    } else {
      [activations, logitsAtPeak, peak] = [checkpoints + recompute, 0, "a layer's recomputation"];
    }
  } else {
    [activations, logitsAtPeak, peak] = [m.layers * layerBytes, logits, "the loss, every layer's activations kept"];
  }
  const assumptions = [
    s.mode === "full"
      ? `full fine-tune: ${(params / 1e9).toFixed(2)} B trainable parameters`
      : `frozen ${s.precision} weights${s.precision === "int4" ? " (QLoRA: NF4 transformer layers, 16-bit embeddings)" : ""}; rank-${s.loraRank} adapters on ${m.moe ? "attention" : "attention and MLP"}: ${(trainable / 1e6).toFixed(0)} M trainable parameters`,
    s.trainingPrecision === "mixed"
      ? `mixed precision (Hugging Face Trainer / Accelerate): fp32 weights with a bf16 autocast copy, fp32 gradients, ${OPTIMIZER_WORDS[s.optimizer]}: ${bytes.weights + bytes.gradients + bytes.optimizer[s.optimizer]} B per trainable parameter`
      : `pure bf16 (torchtune): bf16 weights and gradients, ${OPTIMIZER_WORDS[s.optimizer]}: ${bytes.weights + bytes.gradients + bytes.optimizer[s.optimizer]} B per trainable parameter`,
    s.gpus === 1
      ? "one GPU"
      : s.sharding === "fsdp"
        ? `FSDP / ZeRO-3 over ${s.gpus} GPUs: weights, gradients and optimizer state sharded; each layer gathered whole while it runs`
        : `DDP over ${s.gpus} GPUs: every GPU holds the whole model, gradients and optimizer state`,
    `micro-batch ${s.microBatch} × ${s.sequenceTokens} tokens per GPU; activations ${s.gradientCheckpointing ? "checkpointed (each layer's input kept, one layer recomputed at a time; Korthikanti et al. 2022)" : "kept for every layer (no gradient checkpointing)"}, fused attention (no score matrix)`,
    s.fusedLoss
      ? `a fused / chunked cross-entropy: logits of ${FUSED_LOSS_CHUNK_TOKENS} tokens at a time`
      : `the loss materializes ${tokens} × ${m.vocabSize} logits at ${LOSS_BYTES_PER_LOGIT} B each (bf16 logits, fp32 log-probabilities and two fp32 gradients; transformers' ForCausalLMLoss)`,
    `peak at ${peak}`,
  ];
  return {
    weightsGiB: weights / GIB,
    gradientsGiB: gradients / GIB,
    optimizerStateGiB: optimizer / GIB,
    activationsGiB: activations / GIB,
    logitsGiB: logitsAtPeak / GIB,
    assumptions,
  };
}

const OPTIMIZER_WORDS: Readonly<Record<Optimizer, string>> = {
  adamw: "AdamW's two moments",
  "adamw-8bit": "8-bit AdamW's two 1-byte moments (bitsandbytes)",
  sgd: "SGD's momentum",
};

/**
 * Frozen base weights of a LoRA run: as served (transformer layers at the precision, embeddings and output head in
 * 16-bit), NF4 for int4 with its block scales (a 1/64 fp8 scale per block, QLoRA's double quantization ≈ 0.127 bits/param more).
 */
function frozenWeightBytes(m: LanguageModelSpec, precision: Precision): number {
  return servedWeightBytes(m, precision, precision === "int4" ? 0.127 / 8 : 0);
}
