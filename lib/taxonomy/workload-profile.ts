import { GpuName } from "./gpu-model";
import { WorkloadClass } from "./workload-class";

/**
 * `cost`: lowest USD/hour. `compute-cost`: lowest USD/hour per dense BF16 TFLOPS (time-to-completion aware).
 * `job-cost`: lowest USD per fine-tune or training run (needs trainingTokens; the default when given).
 * `throughput-cost`: lowest USD/hour of the fleet a throughput target needs (the default when one is given).
 */
export const OBJECTIVES = ["cost", "compute-cost", "job-cost", "throughput-cost"] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** How capacity is bought. */
export const PURCHASE_OPTIONS = ["on-demand", "spot", "capacity-block"] as const;
export type PurchaseOption = (typeof PURCHASE_OPTIONS)[number];

/** What the memory estimator models. */
export const MODEL_MODES = ["inference", "lora", "full"] as const;
export type ModelMode = (typeof MODEL_MODES)[number];

/** The defaults a workload class brings; every one can be overridden by a requirement. */
export interface WorkloadProfile {
  readonly workload: WorkloadClass;
  /** The construct's name, e.g. "RealtimeInference". */
  readonly displayName: string;
  /** GPUs the class may use (a set: the objective decides between them). */
  readonly allowedGpus: readonly GpuName[];
  /** GPUs added only when no allowed GPU has enough memory for the requirement. */
  readonly escalationGpus: readonly GpuName[];
  /** Minimum per-GPU memory bandwidth in GB/s. */
  readonly minMemoryBandwidthGBps?: number;
  /** GPU count when the user gives none (exact). */
  readonly defaultGpuCount?: number;
  /** A node with more than one GPU must link them with NVLink or NVSwitch. */
  readonly multiGpuNeedsNvlink: boolean;
  readonly objective: Objective;
  readonly purchase: PurchaseOption;
  /** What the estimator models for this class when the user gives a model but no mode. */
  readonly modelMode: ModelMode;
  /** Why these defaults, in one line, after the GPU taxonomy article. */
  readonly reason: string;
}
