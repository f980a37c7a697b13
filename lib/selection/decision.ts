import { GpuModel } from "../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../taxonomy/instance-type";
import { WorkloadClass } from "../taxonomy/workload-class";
import { Objective, PurchaseOption } from "../taxonomy/workload-profile";
import { MemoryEstimate } from "./memory-estimate";
import { PrecisionVerdict } from "./estimate/precision-support";
import { ThroughputEstimate } from "./estimate/throughput";
import { JobEstimate } from "./estimate/training-time";
import { EmbeddingThroughput } from "./estimate/embedding-throughput";
import { DiffusionThroughput } from "./estimate/diffusion-throughput";

/** One instance type scored against the requirements. */
export interface Candidate {
  /** The instance type's name, e.g. "g5.xlarge". */
  readonly instanceType: string;
  /** The instance type's row in the taxonomy: its specs, regions and prices. */
  readonly spec: InstanceTypeSpec;
  /** The GPU the instance type carries. */
  readonly gpu: GpuModel;
  /** GPUs per node (per instance); 1 for a fractional type. */
  readonly gpuCount: number;
  /** The share of each GPU the instance has: 1 for whole GPUs, 0.125 for g6f.large's eighth of an L4. */
  readonly gpuFraction: number;
  /** Instances that run the workload together (cluster nodes); 1 for everything else. */
  readonly nodeCount: number;
  /** One instance, on-demand, in the decision's region (see COST_VOCABULARY); Infinity where no price is known (never chosen). */
  readonly usdPerInstanceHour: number;
  /** One instance, spot estimate, in the decision's region; null where none is known. */
  readonly spotUsdPerInstanceHour: number | null;
  /** All instances (every node, every replica a throughput target needs) at the on-demand price: what rankings and price ceilings compare. */
  readonly onDemandUsdPerHour: number;
  /** Replicas a throughput target needs (each one instance, or one cluster of nodeCount); 1 without a target. */
  readonly replicas: number;
  /**
   * True when the table has no price for the region and the row's own price is quoted: the reference region's
   * (us-east-1), or for a type not sold there, that of its price region (InstanceTypeSpec.priceRegion).
   */
  readonly priceFromReferenceRegion: boolean;
  /** USD/hour per dense BF16 TFLOPS, the `compute-cost` objective. */
  readonly usdPerTflopsHour: number;
  /** Position of the candidate's GPU in the preference (0 is first). */
  readonly preferenceRank: number;
  /** The memory estimate for this candidate's GPUs, when a model was given. */
  readonly memoryEstimate?: MemoryEstimate;
  /** How the candidate's GPU runs the model's precision, when a model or precision was given. */
  readonly precision?: PrecisionVerdict;
  /** Inference of a language model: tokens per second, replicas and USD per million tokens. */
  readonly throughput?: ThroughputEstimate;
  /** Fine-tunes and training with trainingTokens: hours and USD per run. */
  readonly job?: JobEstimate;
  /** An embedding model under an inputTokensPerSecond target: input tokens per second, replicas, USD per million input tokens. */
  readonly embedding?: EmbeddingThroughput;
  /** A diffusion model under an imagesPerMinute target: images per minute, replicas, USD per thousand images. */
  readonly images?: DiffusionThroughput;
  /** Why the candidate cannot meet the throughput target's stream floor, when it cannot. */
  readonly throughputShortfall?: string;
  /** 1 when a sharded fine-tune or training run would have to use PCIe between its GPUs (ranked after NVLink/NVSwitch). */
  readonly interconnectRank: number;
  /** Why the instance cannot run the usage's tensorParallelSize × copiesPerInstance, when it cannot. */
  readonly layoutMiss?: string;
}

/**
 * A candidate that failed, with the requirements it missed (the first one ruled it out). For a
 * candidate outside the allowed GPUs only that miss is recorded: nothing else could bring it back.
 */
export interface Rejection {
  /** The instance type ruled out. */
  readonly instanceType: string;
  /** The constraint that ruled it out first, e.g. "region" or "gpuCount". */
  readonly constraint: string;
  /** Why, in words. */
  readonly reason: string;
  /** Every constraint it missed, the first one first. */
  readonly misses: readonly {
    /** The constraint missed. */
    readonly constraint: string;
    /** Why, in words. */
    readonly reason: string;
  }[];
}

/** A job's cost per run and in a month, in the words of COST_VOCABULARY: the instances stop when it ends. */
export interface JobRun {
  /** A job's wall-clock hours per run on all its instances, start (boot, image, weights) included. */
  readonly hoursPerRun: number;
  /** A job's cost per run: all its instances for hoursPerRun, at the expected price. */
  readonly usdPerRun: number;
  /** Runs of a job a month that usdPerMonth counts: the runsPerMonth given, else 1. */
  readonly runsPerMonth: number;
}

/** The answer of `selectInstance`: what, why, and what else was considered. */
export interface Decision extends Candidate {
  /** The workload class the defaults came from. */
  readonly workload: WorkloadClass;
  /** What the feasible candidates were ranked by. */
  readonly objective: Objective;
  /** How the capacity is bought: on-demand, spot or capacity-block. */
  readonly purchase: PurchaseOption;
  /** The region the prices are for: the workload's, else the reference region (us-east-1). */
  readonly region: string;
  /** False when no region was known and prices are the reference region's. */
  readonly regionKnown: boolean;
  /** All instances (nodes × replicas) at the expected price: the spot estimate where bought on spot and one is known, else on-demand. */
  readonly usdPerHour: number;
  /** usdPerHour × 730; for a job (trainingTokens given), usdPerRun × runsPerMonth, at most a month of its instances. */
  readonly usdPerMonth: number;
  /** Fine-tunes and training with trainingTokens: the cost per run, and runs a month. */
  readonly run?: JobRun;
  /** All instances (nodes × replicas) on-demand × 730: the most the decision can cost (spot is bounded by on-demand). */
  readonly maxUsdPerMonth: number;
  /** One sentence that says why this instance. */
  readonly reason: string;
  /** Feasible candidates in decision order, best first. */
  readonly alternatives: readonly Candidate[];
  /** Every other instance type of the taxonomy and what ruled it out. */
  readonly rejected: readonly Rejection[];
  /** As-of date of the taxonomy's on-demand prices. */
  readonly pricesAsOf: string;
  /** As-of date of its spot estimates. */
  readonly spotPricesAsOf: string;
}
