import { ServingEngine, ServerGpu } from "./serving-engine";

const MIB_PER_GIB = 1024;

/**
 * SGLang's defaults by GPU memory (sgl-project/sglang python/sglang/srt/server_args.py, _handle_gpu_memory_settings,
 * @ 469c63e5, read 2026-12-07): the prefill chunk (chunked_prefill_size) and the largest CUDA-graph batch by memory tier,
 * then mem_fraction_static = (memory − reserved) / memory with reserved = 512 MiB + 1.5 MiB per chunk token (at least
 * 2048) + 2 MiB per graph batch slot + 1 GiB per 8 tensor-parallel ranks (one rank counted), and at least 10 GiB on GPUs above 60 GiB.
 */
function sglangTier(gpu: ServerGpu | undefined): { readonly chunk: number; readonly graphBatch: number } {
  const mib = (gpu?.memoryGiB ?? 80) * MIB_PER_GIB;
  if (mib < 20 * MIB_PER_GIB) return { chunk: 2048, graphBatch: 8 };
  if (mib < 35 * MIB_PER_GIB) return { chunk: 2048, graphBatch: 24 };
  if (mib < 60 * MIB_PER_GIB) return { chunk: 4096, graphBatch: 32 };
  if (mib < 160 * MIB_PER_GIB) return { chunk: 8192, graphBatch: 256 };
  return { chunk: 16384, graphBatch: 512 };
}

function sglangMemFractionStatic(gpu: ServerGpu | undefined): number {
  const mib = (gpu?.memoryGiB ?? 80) * MIB_PER_GIB;
  const { chunk, graphBatch } = sglangTier(gpu);
  let reserved = 512 + Math.max(chunk, 2048) * 1.5 + graphBatch * 2 + MIB_PER_GIB / 8;
  if (mib > 60 * MIB_PER_GIB) reserved = Math.max(reserved, 10 * MIB_PER_GIB);
  return Math.round(((mib - reserved) / mib) * 1000) / 1000;
}

/**
 * SGLang's server (RadixAttention, a paged KV pool, an overlapped scheduler). Speed: fitted on the published SGLang runs
 * of test/fixtures/throughput-measurements.json (only three: its speeds are the least certain of the three servers').
 */
export const SGLANG_ENGINE: ServingEngine = {
  displayName: "SGLang",
  activationProfile: "outside-budget",
  pagedKvCache: true,
  memoryFraction: sglangMemFractionStatic,
  // max_running_requests follows the KV pool; the chunk is the tier's.
  batchDefaults: (gpu) => ({ maxNumSeqs: 4096, maxNumBatchedTokens: sglangTier(gpu).chunk }),
  // Fitted by scripts/calibrate-throughput.ts on this engine's calibration runs (2026-12-07); held-out runs check it.
  speed: {
    bandwidthUtilization: 0.6,
    computeUtilization: 0.45,
    halfEfficiencyTokens: 8,
    stepOverheadSeconds: 0.0015,
    layerOverheadSeconds: 0,
    allReduceLatencySeconds: { NVSwitch: 10e-6, NVLink: 10e-6, PCIe: 40e-6 },
  },
};
