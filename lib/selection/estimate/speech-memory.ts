import { SpeechModelSpec } from "../../taxonomy/model-spec";
import { BYTES_PER_PARAM, GIB, Precision } from "./model-usage";

/** Where a speech model's memory goes on its GPU, in GiB. */
export interface SpeechMemory {
  readonly weightsGiB: number;
  /** The decoder's caches of every stream: its own tokens' K and V, and K and V of every encoded frame. */
  readonly kvCacheGiB: number;
  /** The encoder's peak for one batch of windows: one layer at a time. */
  readonly activationsGiB: number;
  readonly assumptions: readonly string[];
}

/**
 * A Whisper server decoding `streams` windows of audio at once (a batch, or a beam's hypotheses each counted once):
 * the weights; per stream, the decoder's self-attention cache at the longest transcript and its cross-attention cache
 * of every encoded frame (K and V per decoder layer); and the encoder's activations for the batch, one layer at a time
 * with fused attention (hidden states in and out, Q, K, V and the MLP: frames × (5 × d_model + ffn) values).
 */
export function speechMemory(m: SpeechModelSpec, precision: Precision, streams: number): SpeechMemory {
  const valueBytes = precision === "fp32" ? 4 : 2;
  const weightsGiB = (m.paramsBillion * 1e9 * BYTES_PER_PARAM[precision]) / GIB;
  const cachedPositions = m.maxTargetTokens + m.audioFrames;
  const kvCacheGiB = (streams * cachedPositions * m.decoderLayers * 2 * m.hiddenSize * valueBytes) / GIB;
  const activationsGiB = (streams * m.audioFrames * (5 * m.hiddenSize + m.intermediateSize) * valueBytes) / GIB;
  return {
    weightsGiB,
    kvCacheGiB,
    activationsGiB,
    assumptions: [
      `${precision} weights (${m.paramsBillion} B params), one copy per GPU (the encoder and decoder run whole on one GPU)`,
      `${streams} stream${streams === 1 ? "" : "s"} of ${m.audioFrames} encoded frames (30 s of audio): the decoder caches K and V of its ${m.maxTargetTokens} tokens and of every frame, in ${m.decoderLayers} layers`,
      `the encoder's activations one layer at a time: frames × (5 × ${m.hiddenSize} + ${m.intermediateSize}) values per stream`,
    ],
  };
}
