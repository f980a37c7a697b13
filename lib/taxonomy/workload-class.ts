/** What a GPU workload is. The values are the CLI's `--workload` spellings. */
export const WorkloadClass = {
  /** Chat and API inference: memory-bandwidth bound, on-demand (RealtimeInference). */
  REALTIME_INFERENCE: "realtime-inference",
  /** Model training: 8 GPUs linked by NVLink or NVSwitch, ranked by cost per dense TFLOPS (Training). */
  TRAINING: "training",
  /** LoRA or full fine-tunes: the cheapest GPU whose memory holds the model's estimate (FineTuning). */
  FINE_TUNING: "fine-tuning",
  /** Diffusion and video: compute and media engines matter more than memory (ImageGeneration). */
  IMAGE_GENERATION: "image-generation",
  /** Offline batch work that tolerates interruption: spot by default (BatchProcessing). */
  BATCH_PROCESSING: "batch-processing",
} as const;

/** One of the values of {@link WorkloadClass}, e.g. "fine-tuning". */
export type WorkloadClass = (typeof WorkloadClass)[keyof typeof WorkloadClass];

/** Every workload class, in declaration order. */
export const WORKLOAD_CLASSES: readonly WorkloadClass[] = Object.values(WorkloadClass);
