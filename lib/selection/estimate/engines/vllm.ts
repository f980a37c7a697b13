import { VLLM, vllmServerDefaults } from "../inference-memory";
import { ServingEngine } from "./serving-engine";

/**
 * vLLM's OpenAI-compatible server (V1 engine). Memory: gpu_memory_utilization of each GPU (see VLLM in inference-memory).
 * Speed: fitted on the published vLLM runs of test/fixtures/throughput-measurements.json (set "calibration").
 */
export const VLLM_ENGINE: ServingEngine = {
  displayName: "vLLM",
  activationProfile: "vllm",
  pagedKvCache: true,
  memoryFraction: () => VLLM.gpuMemoryUtilization,
  batchDefaults: (gpu) => vllmServerDefaults(gpu),
  // Fitted by scripts/calibrate-throughput.ts on this engine's calibration runs (2026-12-07); held-out runs check it.
  speed: {
    bandwidthUtilization: 0.85,
    computeUtilization: 0.45,
    halfEfficiencyTokens: 8,
    stepOverheadSeconds: 0.003,
    layerOverheadSeconds: 0,
    allReduceLatencySeconds: { NVSwitch: 12e-6, NVLink: 12e-6, PCIe: 40e-6 },
  },
};
