import { GpuInterconnect } from "../../../taxonomy/instance-type";
import { ActivationProfile } from "../inference-memory";

/** The GPU a server runs on, as an engine's defaults see it: usable memory and name. */
export interface ServerGpu {
  readonly memoryGiB: number;
  readonly name: string;
}

/**
 * How fast an engine's decode and prefill steps run against the hardware's peaks. Every share is below 1, so an
 * estimate never crosses the roofline; the figures are fitted on published runs of that engine (see each engine's module
 * and test/fixtures/throughput-measurements.json), and the fit is checked on runs it was not fitted on.
 */
export interface EngineSpeed {
  /** Share of peak memory bandwidth a decode step reaches reading weights and KV cache. */
  readonly bandwidthUtilization: number;
  /** Share of dense peak the largest GEMMs reach (prefill chunks, large decode batches). */
  readonly computeUtilization: number;
  /** Tokens per GEMM at which decode compute reaches half of computeUtilization: efficiency grows with the batch. */
  readonly halfEfficiencyTokens: number;
  /** Seconds every decode step costs beyond its kernels: scheduling, sampling, launches (what bounds tiny models). */
  readonly stepOverheadSeconds: number;
  /** Seconds per layer per step of kernel launches, for engines without CUDA graphs. */
  readonly layerOverheadSeconds: number;
  /** Seconds of one all-reduce of a small tensor between tensor-parallel GPUs, by link. */
  readonly allReduceLatencySeconds: Readonly<Record<GpuInterconnect, number>>;
}

/**
 * Sequences the server runs at once: the usage's maxNumSeqs, else the engine's default for the GPU raised to the
 * concurrency, as the server is launched to run what was sized (for vLLM, vllmMaxNumSeqs' answer).
 */
export function serverMaxNumSeqs(
  engine: ServingEngine,
  usage: { readonly maxNumSeqs?: number; readonly concurrency?: number },
  gpu: ServerGpu | undefined,
): number {
  return usage.maxNumSeqs ?? Math.max(engine.batchDefaults(gpu).maxNumSeqs, usage.concurrency ?? 1);
}

/** What an inference engine is, to the estimator: its defaults, how it splits a model, and how fast it runs. */
export interface ServingEngine {
  /** How it is named in reasons and assumptions. */
  readonly displayName: string;
  /** Continuous batching with a paged KV cache: sequences come and go, each holding only the blocks it has filled. */
  readonly pagedKvCache: boolean;
  /** Share of each GPU's memory the engine takes for weights, activations and KV cache when the usage does not say. */
  readonly memoryFraction: (gpu: ServerGpu | undefined) => number;
  /** What its memory budget holds besides weights and KV cache (see VllmSetup.activationProfile). */
  readonly activationProfile: ActivationProfile;
  /** For engines that size the KV cache from what is free after loading (TensorRT-LLM): the share of that it takes. */
  readonly kvShareOfFreeMemory?: number;
  /** Sequences one step may run, and tokens one prefill chunk may hold, when the usage does not say. */
  readonly batchDefaults: (gpu: ServerGpu | undefined) => { readonly maxNumSeqs: number; readonly maxNumBatchedTokens: number };
  readonly speed: EngineSpeed;
}
