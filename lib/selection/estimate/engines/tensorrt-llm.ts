import { ServingEngine } from "./serving-engine";

/**
 * NVIDIA TensorRT-LLM (`trtllm-serve`, in-flight batching, paged KV cache). The KV cache takes free_gpu_memory_fraction
 * 0.9 of what is free after the weights (NVIDIA/TensorRT-LLM tensorrt_llm/llmapi/llm_args.py KvCacheConfig: "Default is
 * 90%", read 2026-12-07). max_num_tokens 8192 is BuildConfig's default (copies of its optimization profile read the same
 * day); max_batch_size 2048 is unverified here: it only bounds a batch the KV cache already limits. Speed: fitted on the
 * performance tables NVIDIA publishes for it (docs/source/performance/perf-overview.md), the source of most published
 * H100/H200/B200 figures.
 */
export const TENSORRT_LLM_ENGINE: ServingEngine = {
  displayName: "TensorRT-LLM",
  activationProfile: "prefill-chunk",
  pagedKvCache: true,
  // Weights and activations may take what they need; the KV cache then takes 0.9 of what is left.
  memoryFraction: () => 1,
  kvShareOfFreeMemory: 0.9,
  batchDefaults: () => ({ maxNumSeqs: 2048, maxNumBatchedTokens: 8192 }),
  // Fitted by scripts/calibrate-throughput.ts on this engine's calibration runs (2026-12-07); held-out runs check it.
  speed: {
    bandwidthUtilization: 0.8,
    computeUtilization: 0.4,
    halfEfficiencyTokens: 64,
    stepOverheadSeconds: 0.003,
    layerOverheadSeconds: 0,
    allReduceLatencySeconds: { NVSwitch: 8e-6, NVLink: 8e-6, PCIe: 40e-6 },
  },
};
