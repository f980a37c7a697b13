import { CpuArchitecture } from "../taxonomy/instance-type";
import { ModelSpec } from "../taxonomy/model-spec";
import { Taxonomy } from "../taxonomy/taxonomy";
import { WorkloadClass } from "../taxonomy/workload-class";
import { Objective, PurchaseOption } from "../taxonomy/workload-profile";
import { ModelUsage } from "./memory-estimate";
import { ThroughputTarget } from "./estimate/throughput";

/** Exactly `n` GPUs per node, or at least `min`. */
export type GpuCountRequirement =
  | number
  | {
      /** At least this many GPUs per node. */
      readonly min: number;
    };

/** What a workload needs. Every field is optional: the workload class supplies the defaults. */
export interface SelectionRequirements {
  /** What the workload is: its class brings the default GPUs, objective, purchase option and model mode. */
  readonly workload: WorkloadClass;
  /**
   * Ordered fallback list of GPUs: the first GPU with any feasible instance wins.
   * Accepts "NVIDIA A10G", "a10g", "A100-80GB"-style spellings.
   * @default - the workload class's allowed GPUs, as a set
   */
  readonly gpus?: readonly string[];
  /**
   * A set of GPUs: the objective decides between them. Not together with `gpus`.
   * @default - the workload class's allowed GPUs
   */
  readonly anyOf?: readonly string[];
  /**
   * GPUs an organization policy permits: a filter over every other choice, never a preference.
   * Naming a GPU outside it in `gpus`/`anyOf` is an error that names the policy.
   * @default - every GPU
   */
  readonly allowedGpus?: readonly string[];
  /** Minimum marketed memory per GPU in GB (A10G = 24, L40S = 48, H100 = 80). @default - no minimum */
  readonly minGpuMemoryGB?: number;
  /** Minimum marketed GPU memory of one node in GB. @default - no minimum */
  readonly minTotalGpuMemoryGB?: number;
  /** GPUs per node: exact, or `{ min }`. @default - the class's count (8 for Training), else any */
  readonly gpuCount?: GpuCountRequirement;
  /** Minimum vCPUs of one node. @default - no minimum */
  readonly minVcpus?: number;
  /** Minimum host memory in GiB. @default - no minimum */
  readonly minMemoryGiB?: number;
  /** Minimum per-GPU memory bandwidth in GB/s. @default - the class's floor (600 for RealtimeInference) */
  readonly minMemoryBandwidthGBps?: number;
  /** Require Elastic Fabric Adapter support. @default false */
  readonly efa?: boolean;
  /** CPU architecture of the instance: "x86_64" or "arm64" (Graviton). @default - either */
  readonly cpuArchitecture?: CpuArchitecture;
  /** Region the instance must be offered in. @default - any region */
  readonly region?: string;
  /** Ceiling on the on-demand USD/hour of the whole fleet: every node, and every replica a throughput target needs. @default - no ceiling */
  readonly maxUsdPerHour?: number;
  /**
   * How the capacity is bought: "on-demand", "spot" (not for multi-node clusters) or "capacity-block" (an EC2 Capacity Block
   * for ML). @default - the class's purchase option (spot for BatchProcessing, else on-demand)
   */
  readonly purchase?: PurchaseOption;
  /**
   * What feasible candidates are ranked by: "cost" (USD/hour), "compute-cost" (USD/hour per dense BF16 TFLOPS),
   * "job-cost" (USD per run) or "throughput-cost" (USD/hour of the fleet a throughput target needs).
   * @default - "job-cost" with trainingTokens, "throughput-cost" with throughput, else the class's objective
   */
  readonly objective?: Objective;
  /** A catalog model name (e.g. "llama-3.1-8b") or a spec; its memory estimate becomes a requirement. */
  readonly model?: string | ModelSpec;
  /** How the model is used. @default - the class's mode, 4096 tokens, 1 sequence, bf16 */
  readonly usage?: ModelUsage;
  /**
   * Pin an exact instance type (e.g. "g6e.2xlarge"): the class's GPU list and defaults step aside, while the
   * memory estimate, the region, the purchase option, the policy and every requirement you give still apply.
   * Not together with `gpus` or `anyOf`. @default - chosen by the requirements
   */
  readonly instanceType?: string;
  /** Number of nodes; for full fine-tunes and training the estimator decides when omitted. @default 1 */
  readonly nodes?: number;
  /**
   * Inference of a language model: output tokens per second the fleet must produce (and optionally a floor per stream).
   * Sizes the replicas and ranks types by the fleet's cost. Needs a model. @default - no target
   */
  readonly throughput?: ThroughputTarget;
  /**
   * Embedding and reranking models: input tokens per second the fleet must embed (or score). Sizes the replicas and
   * ranks types by the fleet's price, as a throughput target does for a language model. @default - sized by memory alone
   */
  readonly inputTokensPerSecond?: number;
  /**
   * Diffusion models: images per minute the fleet must generate at the model's native resolution, each in
   * usage.denoisingSteps steps (else the pipeline's). Sizes the replicas and ranks types by the fleet's price. Needs a
   * model with a published speed. @default - sized by memory alone
   */
  readonly imagesPerMinute?: number;
  /** Fine-tunes and training: tokens the run processes (epochs × dataset tokens). Ranks types by USD per job. Needs a model. */
  readonly trainingTokens?: number;
  /**
   * Fine-tunes and training with trainingTokens: the run must end within this many hours (start included). Types that
   * can join a cluster grow to the fewest nodes that meet it; the rest must meet it alone. @default - no deadline: the
   * cheapest run, whatever it takes
   */
  readonly maxHours?: number;
  /** Fine-tunes and training with trainingTokens: runs a month, for the monthly cost (usdPerRun × runsPerMonth). @default 1 */
  readonly runsPerMonth?: number;
  /** Exclude GPUs that run the precision emulated or weight-only (bf16 as fp16 on T4, fp8 weight-only on A100). @default false */
  readonly nativePrecision?: boolean;
  /**
   * Multi-node fine-tunes and training join only instances with at least this network bandwidth (Gbps, EFA).
   * @default 400 (p4d and up; a 40 Gbps g5 is not joined)
   */
  readonly minClusterNetworkGbps?: number;
  /** The GPUs, instance types and models to choose from. @default DEFAULT_TAXONOMY */
  readonly taxonomy?: Taxonomy;
}

/**
 * What a requirement does, for every requirement: "chooses" the instance type; also "sizes" the capacity (how many
 * instances run); or is "shared", set once for every workload (the taxonomy, an organization policy's GPUs).
 */
export type RequirementRole = "chooses" | "sizes" | "shared";

/**
 * Every key of SelectionRequirements, once, with its role: the one list of what selection reads, so a caller that holds
 * requirements among other props (a construct's) picks them, and refuses what must be known, from here.
 */
export const REQUIREMENT_ROLES: Readonly<Record<keyof SelectionRequirements, RequirementRole>> = {
  workload: "chooses",
  gpus: "chooses",
  anyOf: "chooses",
  instanceType: "chooses",
  allowedGpus: "shared",
  minGpuMemoryGB: "chooses",
  minTotalGpuMemoryGB: "chooses",
  gpuCount: "chooses",
  minVcpus: "chooses",
  minMemoryGiB: "chooses",
  minMemoryBandwidthGBps: "chooses",
  efa: "chooses",
  cpuArchitecture: "chooses",
  region: "chooses",
  maxUsdPerHour: "chooses",
  purchase: "chooses",
  objective: "chooses",
  model: "chooses",
  usage: "chooses",
  nativePrecision: "chooses",
  minClusterNetworkGbps: "chooses",
  trainingTokens: "chooses",
  maxHours: "sizes",
  runsPerMonth: "sizes",
  throughput: "sizes",
  inputTokensPerSecond: "sizes",
  imagesPerMinute: "sizes",
  nodes: "sizes",
  taxonomy: "shared",
};

/** The requirements each workload gives (not the shared ones) among `props`, which may hold other things too. */
export function workloadRequirements(props: object): Partial<SelectionRequirements> {
  const given = props as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const [key, role] of Object.entries(REQUIREMENT_ROLES)) {
    if (role !== "shared" && given[key] !== undefined) picked[key] = given[key];
  }
  return picked;
}
