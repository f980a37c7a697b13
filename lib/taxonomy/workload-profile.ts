import { GpuName } from "./gpu-model";
import { WorkloadClass } from "./workload-class";

/**
 * `cost`: lowest USD/hour. `compute-cost`: lowest USD/hour per dense BF16 TFLOPS (time-to-completion aware).
 * `job-cost`: lowest USD per fine-tune or training run (needs trainingTokens; the default when given).
 * `throughput-cost`: lowest USD/hour of the fleet a throughput target needs (the default when one is given).
 */
export const OBJECTIVES = ["cost", "compute-cost", "job-cost", "throughput-cost"] as const;
/** What selection ranks feasible candidates by: one of {@link OBJECTIVES}. */
export type Objective = (typeof OBJECTIVES)[number];

/** How capacity is bought. */
export const PURCHASE_OPTIONS = ["on-demand", "spot", "capacity-block"] as const;
/** How capacity is bought: on-demand, spot, or an EC2 Capacity Block for ML (reserved ahead; a workload names its reservation). */
export type PurchaseOption = (typeof PURCHASE_OPTIONS)[number];

/** What the memory estimator models. */
export const MODEL_MODES = ["inference", "lora", "full"] as const;
/** What is done with the model: inference, a LoRA fine-tune (frozen weights, trained adapters) or a full fine-tune or training run (every weight trained). */
export type ModelMode = (typeof MODEL_MODES)[number];

/** The defaults a workload class brings; every one can be overridden by a requirement. */
export interface WorkloadProfile {
  /** The class these defaults are for. */
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
  /** What feasible candidates are ranked by. */
  readonly objective: Objective;
  /** How capacity is bought. */
  readonly purchase: PurchaseOption;
  /** What the estimator models for this class when the user gives a model but no mode. */
  readonly modelMode: ModelMode;
  /** Why these defaults, in one line, after the GPU taxonomy article. */
  readonly reason: string;
}
