import { Construct } from "constructs";
import { WorkloadClass } from "../taxonomy/workload-class";
import { GpuWorkload } from "./gpu-workload";
import { BatchWorkloadProps, JobWorkloadProps, ServingWorkloadProps } from "./workload-props";

/** Chat and API inference: A10G (g5) by default, L40S when memory asks, on-demand. */
export class RealtimeInference extends GpuWorkload {
  /** A GpuWorkload of this class: it serves (`serve`), so it takes no `job` or `batch`. */
  constructor(scope: Construct, id: string, props: ServingWorkloadProps) {
    super(scope, id, { ...props, workload: WorkloadClass.REALTIME_INFERENCE });
  }
}

/** Model training: 8× H100 (p5.48xlarge) by default, chosen by cost per unit of compute. */
export class Training extends GpuWorkload {
  /** A GpuWorkload of this class: it runs a `job`, so it takes no `serve` or `batch`. */
  constructor(scope: Construct, id: string, props: JobWorkloadProps) {
    super(scope, id, { ...props, workload: WorkloadClass.TRAINING });
  }
}

/** LoRA or full fine-tunes: the cheapest GPU whose memory holds the model's estimate. */
export class FineTuning extends GpuWorkload {
  /** A GpuWorkload of this class: it runs a `job`, so it takes no `serve` or `batch`. */
  constructor(scope: Construct, id: string, props: JobWorkloadProps) {
    super(scope, id, { ...props, workload: WorkloadClass.FINE_TUNING });
  }
}

/** Diffusion and video: L4 (g6) by default, L40S or A10G when memory asks. */
export class ImageGeneration extends GpuWorkload {
  /** A GpuWorkload of this class: it serves (`serve`), so it takes no `job` or `batch`. */
  constructor(scope: Construct, id: string, props: ServingWorkloadProps) {
    super(scope, id, { ...props, workload: WorkloadClass.IMAGE_GENERATION });
  }
}

/** Offline batch: T4 (g4dn) on spot by default. */
export class BatchProcessing extends GpuWorkload {
  /** A GpuWorkload of this class: AWS Batch (`batch`) or a fleet, so it takes no `serve` or `job`. */
  constructor(scope: Construct, id: string, props: BatchWorkloadProps) {
    super(scope, id, { ...props, workload: WorkloadClass.BATCH_PROCESSING });
  }
}
