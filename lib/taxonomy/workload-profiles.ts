import { WorkloadClass } from "./workload-class";
import { WorkloadProfile } from "./workload-profile";

/**
 * The five workload classes and the defaults each brings. Reasons quote the reference article
 * "Decoding GPU taxonomy: choosing the right hardware for AI workloads" (2026-01-14).
 */
export const WORKLOAD_PROFILES: Readonly<Record<WorkloadClass, WorkloadProfile>> = {
  [WorkloadClass.REALTIME_INFERENCE]: {
    workload: WorkloadClass.REALTIME_INFERENCE,
    displayName: "RealtimeInference",
    // The Blackwell workhorses belong here too: RTX PRO 6000 (96 GB, 1.8 TB/s) serves models the 48 GB L40S needs
    // several GPUs for, on one PCIe card; RTX PRO 4500 (32 GB, 800 GB/s) sits above the A10G. Neither displaces the
    // A10G default: both cost more per hour.
    allowedGpus: ["A10G", "L40S", "RTX-PRO-6000", "RTX-PRO-4500"],
    escalationGpus: ["A100-40GB", "A100-80GB", "H100", "H200"],
    // Token generation speed is bound by memory bandwidth; A10G's 600 GB/s is the floor.
    minMemoryBandwidthGBps: 600,
    multiGpuNeedsNvlink: false,
    objective: "cost",
    purchase: "on-demand",
    modelMode: "inference",
    reason: "real-time inference is memory-bandwidth bound; A10G or L40S give enough bandwidth for fast tokens at a fraction of an A100's cost",
  },
  [WorkloadClass.TRAINING]: {
    workload: WorkloadClass.TRAINING,
    displayName: "Training",
    allowedGpus: ["H100", "A100-80GB"],
    escalationGpus: [],
    defaultGpuCount: 8,
    multiGpuNeedsNvlink: true,
    objective: "compute-cost",
    purchase: "on-demand",
    modelMode: "full",
    reason: "training needs massive VRAM for weights, gradients and optimizer state and NVLink between GPUs; H100 or A100 80GB time savings justify the rate",
  },
  [WorkloadClass.FINE_TUNING]: {
    workload: WorkloadClass.FINE_TUNING,
    displayName: "FineTuning",
    // RTX PRO 6000: 96 GB of GDDR7 for adapters on large models, at a workhorse's price.
    allowedGpus: ["A100-40GB", "A100-80GB", "H100", "L40S", "A10G", "RTX-PRO-6000"],
    escalationGpus: [],
    multiGpuNeedsNvlink: false,
    objective: "cost",
    purchase: "on-demand",
    modelMode: "lora",
    reason: "fine-tuning runs on the cheapest GPU whose memory holds the model's estimate (A100 for heavy jobs, L40S/A10G for adapters)",
  },
  [WorkloadClass.IMAGE_GENERATION]: {
    workload: WorkloadClass.IMAGE_GENERATION,
    displayName: "ImageGeneration",
    // RTX 6000 Ada and RTX A5000, the article's picks, are not sold on AWS: L40S and A10G are their dies. Their
    // Blackwell successors are: RTX PRO 6000 (96 GB for video models whose decoded frames outgrow 48 GB) and RTX PRO 4500.
    allowedGpus: ["L4", "L40S", "A10G", "RTX-PRO-6000", "RTX-PRO-4500"],
    escalationGpus: [],
    multiGpuNeedsNvlink: false,
    objective: "cost",
    purchase: "on-demand",
    modelMode: "inference",
    reason: "diffusion and video need compute and media engines more than memory; L4, L40S and A10G give the best price-performance for generative media",
  },
  [WorkloadClass.BATCH_PROCESSING]: {
    workload: WorkloadClass.BATCH_PROCESSING,
    displayName: "BatchProcessing",
    allowedGpus: ["T4", "L4"],
    escalationGpus: [],
    multiGpuNeedsNvlink: false,
    objective: "cost",
    purchase: "spot",
    modelMode: "inference",
    reason: "batch jobs tolerate latency and interruption; T4 and L4 are highly available and cost-effective, and spot cuts the bill further",
  },
};
