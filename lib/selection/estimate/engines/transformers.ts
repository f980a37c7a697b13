import { ServingEngine } from "./serving-engine";

/**
 * Hugging Face transformers' `generate`: static batches (the batch decodes until its longest sequence ends), a cache
 * sized to the full context, eager PyTorch (one kernel launch per operation, no CUDA graphs).
 */
export const TRANSFORMERS_ENGINE: ServingEngine = {
  displayName: "Hugging Face transformers",
  activationProfile: "prefill-chunk",
  pagedKvCache: false,
  memoryFraction: () => 1,
  batchDefaults: () => ({ maxNumSeqs: Number.MAX_SAFE_INTEGER, maxNumBatchedTokens: Number.MAX_SAFE_INTEGER }),
  speed: {
    bandwidthUtilization: 0.6,
    computeUtilization: 0.4,
    halfEfficiencyTokens: 32,
    // Eager PyTorch: ~15 kernels a layer at 20–40 µs of launch each (an assumption; no like-for-like published run).
    stepOverheadSeconds: 0.002,
    layerOverheadSeconds: 0.0005,
    allReduceLatencySeconds: { NVSwitch: 20e-6, NVLink: 20e-6, PCIe: 60e-6 },
  },
};
