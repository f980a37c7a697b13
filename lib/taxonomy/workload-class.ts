/** What a GPU workload is. The values are the CLI's `--workload` spellings. */
export const WorkloadClass = {
  REALTIME_INFERENCE: "realtime-inference",
  TRAINING: "training",
  FINE_TUNING: "fine-tuning",
  IMAGE_GENERATION: "image-generation",
  BATCH_PROCESSING: "batch-processing",
} as const;

/** One of the values of {@link WorkloadClass}, e.g. "fine-tuning". */
export type WorkloadClass = (typeof WorkloadClass)[keyof typeof WorkloadClass];

/** Every workload class, in declaration order. */
export const WORKLOAD_CLASSES: readonly WorkloadClass[] = Object.values(WorkloadClass);
