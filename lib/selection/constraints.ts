import { GpuName } from "../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../taxonomy/instance-type";
import { ModelSpec } from "../taxonomy/model-spec";
import { ModelMode, PurchaseOption, WorkloadProfile } from "../taxonomy/workload-profile";
import { fractionLabel, usableMemoryGiB } from "../taxonomy/gpu-share";
import { Candidate } from "./decision";
import { GpuCountRequirement, SelectionRequirements } from "./requirements";
import { Precision } from "./estimate/model-usage";
import { fitsOnGpu } from "./memory-estimate";
import { ThroughputTarget, round1 } from "./estimate/throughput";
import { FP8_TRAINING_COMPUTE_CAPABILITY } from "./estimate/interconnect";

/** Requirements resolved against the workload profile: what every constraint reads. */
export interface ResolvedRequirements {
  readonly requirements: SelectionRequirements;
  readonly profile: WorkloadProfile;
  /** Allowed GPUs and their preference rank (0 first). */
  readonly pool: ReadonlyMap<GpuName, number>;
  /** The pool's names, comma-separated, for messages. */
  readonly poolNames: string;
  /**
   * True when a model and its work (a throughput target, or trainingTokens) are given and no GPUs were named: every GPU
   * of the taxonomy is in the pool, ranked by the objective alone (cost per unit of work).
   */
  readonly byWork: boolean;
  /** GPUs used only when memory demands them (RealtimeInference → A100/H100/H200). */
  readonly escalation: ReadonlySet<GpuName>;
  /** True when no GPU of the pool has enough memory, so the escalation GPUs join it. */
  readonly escalated: boolean;
  /** GPUs the organization policy permits; undefined when there is no such policy. */
  readonly policyGpus?: ReadonlySet<GpuName>;
  /** GPUs the user named: only these may pick legacy instance types. */
  readonly named: ReadonlySet<GpuName>;
  /** The instance type the user pinned, if any. */
  readonly pinned?: InstanceTypeSpec;
  /** How the capacity is bought. */
  readonly purchase: PurchaseOption;
  /** The region prices are taken in: the requirement's, else the reference region. */
  readonly region: string;
  readonly gpuCount?: GpuCountRequirement;
  readonly minMemoryBandwidthGBps?: number;
  readonly model?: ModelSpec;
  /** What the model is used for: the usage's mode, else the class's. */
  readonly mode: ModelMode;
  /** Precision of the model's weights (bf16 unless the usage says), when a model is given. */
  readonly precision?: Precision;
  readonly throughput?: ThroughputTarget;
  /** An embedding model's input tokens per second, when a target is given. */
  readonly inputTokensPerSecond?: number;
  /** A diffusion model's images per minute, when a target is given. */
  readonly imagesPerMinute?: number;
  readonly trainingTokens?: number;
  /** The run's deadline in hours (start included), when one is given. */
  readonly maxHours?: number;
  /** Multi-node training and fine-tunes: the least network bandwidth an instance joins a cluster with, Gbps. */
  readonly minClusterNetworkGbps?: number;
}

/** One requirement as a pure test: undefined when the candidate meets it, else what it missed. */
export interface Constraint {
  /** The requirement's property name, as errors and rejections report it. */
  readonly name: string;
  /** A scope constraint (which GPUs are in the running) is checked first; failing it ends the checks. */
  readonly scope?: boolean;
  /** The value the requirement holds (for error messages); undefined when the requirement is not set, so it cannot miss. */
  value(r: ResolvedRequirements): unknown;
  miss(c: Candidate, r: ResolvedRequirements): string | undefined;
  /** The test alone, without writing the words: for scans that only need to know. @default miss() !== undefined */
  fails?(c: Candidate, r: ResolvedRequirements): boolean;
}

/** A floor on one figure of the candidate: misses when the candidate has less than the requirement asks. */
function atLeast(
  name: string,
  want: (r: ResolvedRequirements) => number | undefined,
  have: (c: Candidate) => number,
  describe: (have: number, want: number) => string,
): Constraint {
  const fails = (c: Candidate, r: ResolvedRequirements) => {
    const floor = want(r);
    return floor !== undefined && have(c) < floor;
  };
  return { name, value: want, fails, miss: (c, r) => (fails(c, r) ? describe(have(c), want(r)!) : undefined) };
}

/**
 * Which GPUs are in the running: read from the instance type alone, so a scan can skip the rest early. `out` is the
 * test, `why` its words, written only for the rejections someone reads.
 */
interface ScopeConstraint {
  readonly name: string;
  value(r: ResolvedRequirements): unknown;
  out(spec: InstanceTypeSpec, r: ResolvedRequirements): boolean;
  why(spec: InstanceTypeSpec, r: ResolvedRequirements): string;
}

const SCOPE: readonly ScopeConstraint[] = [
  {
    name: "instanceType",
    value: (r) => r.pinned?.instanceType,
    out: (spec, r) => r.pinned !== undefined && spec !== r.pinned,
    why: (_spec, r) => `not the pinned type (${r.pinned!.instanceType})`,
  },
  {
    name: "gpus",
    value: (r) => [...r.pool.keys()],
    out: (spec, r) => !r.pool.has(spec.gpu) && !(r.escalation.has(spec.gpu) && r.escalated),
    why: (spec, r) =>
      r.escalation.has(spec.gpu)
        ? `${spec.gpu} is used only when no ${r.poolNames} instance has enough memory`
        : `${spec.gpu} is not among the allowed GPUs (${r.poolNames})`,
  },
  {
    name: "allowedGpus",
    value: (r) => (r.policyGpus ? [...r.policyGpus] : undefined),
    out: (spec, r) => r.policyGpus !== undefined && !r.policyGpus.has(spec.gpu),
    why: (spec, r) => `${spec.gpu} is not allowed by the organization policy (${[...r.policyGpus!].join(", ")})`,
  },
  {
    name: "legacy",
    value: () => "previous generation only when named",
    out: (spec, r) => spec.legacy === true && !r.named.has(spec.gpu),
    why: (spec) => `${spec.family} is previous generation; name ${spec.gpu} to use it`,
  },
];

/** The scope requirement an instance type misses first, or undefined: a test, no words. */
export function scopeMissed(spec: InstanceTypeSpec, r: ResolvedRequirements): ScopeConstraint | undefined {
  for (const scope of SCOPE) if (scope.out(spec, r)) return scope;
  return undefined;
}

/** The first scope requirement an instance type misses, in words. */
export function scopeMiss(spec: InstanceTypeSpec, r: ResolvedRequirements): { constraint: string; reason: string } | undefined {
  const scope = scopeMissed(spec, r);
  return scope && { constraint: scope.name, reason: scope.why(spec, r) };
}

export const CONSTRAINTS: readonly Constraint[] = [
  ...SCOPE.map((scope) => ({
    name: scope.name,
    scope: true,
    value: scope.value,
    miss: (c: Candidate, r: ResolvedRequirements) => (scope.out(c.spec, r) ? scope.why(c.spec, r) : undefined),
    fails: (c: Candidate, r: ResolvedRequirements) => scope.out(c.spec, r),
  })),
  {
    name: "cpuArchitecture",
    value: (r) => r.requirements.cpuArchitecture,
    miss: (c, r) => {
      const want = r.requirements.cpuArchitecture;
      return want && c.spec.cpuArchitecture !== want ? `${c.spec.cpuArchitecture}, not ${want}` : undefined;
    },
  },
  {
    name: "region",
    value: (r) => r.requirements.region,
    fails: (c, r) => r.requirements.region !== undefined && !c.spec.regions.includes(r.requirements.region),
    miss: (c, r) => {
      const region = r.requirements.region;
      return region && !c.spec.regions.includes(region) ? `not offered in ${region}` : undefined;
    },
  },
  {
    name: "gpuCount",
    value: (r) => r.gpuCount,
    miss: (c, r) => {
      const want = r.gpuCount;
      if (want === undefined) return undefined;
      // A fraction of a GPU is never counted as a GPU.
      if (c.gpuFraction < 1)
        return `${fractionLabel(c.gpuFraction)} of an ${c.gpu.name}, not ${typeof want === "number" ? `exactly ${want}` : `at least ${want.min}`} whole GPU(s)`;
      if (typeof want === "number") return c.gpuCount === want ? undefined : `${c.gpuCount} GPUs, not exactly ${want}`;
      return c.gpuCount >= want.min ? undefined : `${c.gpuCount} GPUs, fewer than ${want.min}`;
    },
  },
  {
    name: "fractionalGpu",
    // A share of a GPU only answers a stated memory need: asking for "a GPU" never lands on 1/8 of one.
    value: () => "a stated memory need (minGpuMemoryGB, minTotalGpuMemoryGB or a model)",
    miss: (c, r) =>
      c.gpuFraction < 1 && !r.pinned && r.requirements.minGpuMemoryGB === undefined && r.requirements.minTotalGpuMemoryGB === undefined && !r.model
        ? `${fractionLabel(c.gpuFraction)} of an ${c.gpu.name}: a GPU share is chosen only for a stated memory need (minGpuMemoryGB or a model) that fits it`
        : undefined,
  },
  {
    name: "interconnect",
    value: (r) => (r.profile.multiGpuNeedsNvlink && !r.pinned ? "NVLink or NVSwitch between GPUs" : undefined),
    fails: (c, r) => r.profile.multiGpuNeedsNvlink && !r.pinned && c.gpuCount > 1 && c.spec.gpuInterconnect === "PCIe",
    miss: (c, r) =>
      r.profile.multiGpuNeedsNvlink && !r.pinned && c.gpuCount > 1 && c.spec.gpuInterconnect === "PCIe"
        ? `${c.instanceType} has no NVLink or NVSwitch: its ${c.gpuCount} GPUs share PCIe`
        : undefined,
  },
  {
    name: "minClusterNetworkGbps",
    // Nodes of a training or fine-tuning run exchange gradients every step: slow links are refused unless asked for.
    value: (r) => r.minClusterNetworkGbps,
    miss: (c, r) => {
      const floor = r.minClusterNetworkGbps;
      if (floor === undefined || c.nodeCount < 2) return undefined;
      if (c.spec.efaInterfaces === 0) return `${c.nodeCount} nodes needed and ${c.instanceType} has no EFA between them`;
      return c.spec.networkGbps < floor
        ? `${c.nodeCount} nodes needed and ${c.instanceType} links them at ${c.spec.networkGbps} Gbps, below the ${floor} Gbps a multi-node run needs (minClusterNetworkGbps)`
        : undefined;
    },
  },
  {
    name: "precision",
    value: (r) => (r.precision === undefined ? undefined : r.requirements.nativePrecision ? `${r.precision}, natively` : r.precision),
    miss: (c, r) => {
      const verdict = c.precision;
      if (!verdict) return undefined;
      if (verdict.support === "unsupported") return verdict.note;
      return r.requirements.nativePrecision && verdict.support !== "native" ? `${verdict.note} (nativePrecision)` : undefined;
    },
  },
  atLeast(
    "minGpuMemoryGB",
    (r) => r.requirements.minGpuMemoryGB,
    (c) => c.gpu.memoryGB * c.gpuFraction,
    (have, want) => `${have} GB per GPU, below ${want} GB`,
  ),
  atLeast(
    "minTotalGpuMemoryGB",
    (r) => r.requirements.minTotalGpuMemoryGB,
    (c) => c.gpu.memoryGB * c.gpuCount * c.gpuFraction,
    (have, want) => `${have} GB of GPU memory, below ${want} GB`,
  ),
  {
    name: "model",
    value: (r) => r.model?.name,
    fails: (c) => c.memoryEstimate !== undefined && !fitsOnGpu(c.memoryEstimate, usableMemoryGiB(c.gpu, c.gpuFraction)),
    miss: (c) => {
      const e = c.memoryEstimate;
      if (!e) return undefined;
      const usable = usableMemoryGiB(c.gpu, c.gpuFraction);
      if (fitsOnGpu(e, usable)) return undefined;
      const share = e.memoryUtilization < 1 ? ` × ${e.memoryUtilization} (gpu_memory_utilization)` : "";
      return `${e.model} ${e.mode} needs ${round1(e.perGpuGiB)} GiB per GPU on ${e.gpuCount} GPUs, above ${round1(usable)} GiB usable${share}`;
    },
  },
  {
    name: "tensorParallelSize",
    value: (r) => {
      const u = r.requirements.usage;
      return u?.tensorParallelSize === undefined && u?.copiesPerInstance === undefined
        ? undefined
        : `${u.tensorParallelSize ?? "any"} × ${u.copiesPerInstance ?? "any"} copies`;
    },
    miss: (c) => c.layoutMiss,
  },
  {
    name: "throughput",
    value: (r) => r.throughput,
    miss: (c) => c.throughputShortfall,
  },
  {
    name: "fp8Training",
    value: (r) => (r.mode !== "inference" && r.requirements.usage?.fp8Training ? "FP8 tensor cores (compute capability 8.9)" : undefined),
    miss: (c, r) =>
      r.mode !== "inference" && r.requirements.usage?.fp8Training && Number(c.gpu.computeCapability) < FP8_TRAINING_COMPUTE_CAPABILITY
        ? `${c.gpu.name} has no FP8 tensor cores (compute capability ${c.gpu.computeCapability}; FP8 training needs 8.9)`
        : undefined,
  },
  {
    name: "maxHours",
    value: (r) => r.maxHours,
    fails: (c, r) => r.maxHours !== undefined && c.job !== undefined && c.job.hours > r.maxHours,
    miss: (c, r) => {
      const j = c.job;
      if (r.maxHours === undefined || !j || j.hours <= r.maxHours) return undefined;
      const nodes = c.nodeCount > 1 ? ` on ${c.nodeCount} nodes` : "";
      const grows = c.spec.efaInterfaces > 0 && r.requirements.nodes === undefined ? ` (the most nodes tried: ${c.nodeCount})` : "";
      return `the run takes ${j.hours} h${nodes}, beyond the ${r.maxHours} h deadline${grows}`;
    },
  },
  atLeast(
    "minMemoryBandwidthGBps",
    (r) => r.minMemoryBandwidthGBps,
    (c) => c.gpu.memoryBandwidthGBps,
    (have, want) => `${have} GB/s per GPU, below ${want} GB/s`,
  ),
  atLeast(
    "minVcpus",
    (r) => r.requirements.minVcpus,
    (c) => c.spec.vcpus,
    (have, want) => `${have} vCPUs, below ${want}`,
  ),
  atLeast(
    "minMemoryGiB",
    (r) => r.requirements.minMemoryGiB,
    (c) => c.spec.memoryGiB,
    (have, want) => `${have} GiB of memory, below ${want} GiB`,
  ),
  {
    name: "efa",
    // Always checked: a multi-node candidate needs EFA even when the requirement does not ask for it.
    value: (r) => r.requirements.efa ?? "between nodes",
    miss: (c, r) => {
      const needed = r.requirements.efa || c.nodeCount > 1;
      return needed && c.spec.efaInterfaces === 0 ? `no EFA${c.nodeCount > 1 ? `, needed between ${c.nodeCount} nodes` : ""}` : undefined;
    },
  },
  {
    name: "price",
    value: () => "a known price",
    fails: (c) => !Number.isFinite(c.usdPerInstanceHour),
    miss: (c) =>
      Number.isFinite(c.usdPerInstanceHour)
        ? undefined
        : `no public price for ${c.instanceType} in the table's sources; give one with a custom taxonomy (usdPerInstanceHour)`,
  },
  {
    name: "purchase",
    // Only Capacity-Block-only types can miss: every other type is sold on-demand and on spot.
    value: (r) => r.purchase,
    fails: (c, r) => c.spec.capacityBlockOnly === true && r.purchase !== "capacity-block",
    miss: (c, r) =>
      c.spec.capacityBlockOnly && r.purchase !== "capacity-block"
        ? `${c.instanceType} is sold only as EC2 Capacity Blocks for ML (AWS publishes no ${r.purchase} price); use purchase "capacity-block"`
        : undefined,
  },
  {
    name: "maxUsdPerHour",
    value: (r) => r.requirements.maxUsdPerHour,
    fails: (c, r) => r.requirements.maxUsdPerHour !== undefined && c.onDemandUsdPerHour > r.requirements.maxUsdPerHour,
    miss: (c, r) => {
      const max = r.requirements.maxUsdPerHour;
      if (max === undefined || c.onDemandUsdPerHour <= max) return undefined;
      const instances = c.nodeCount * c.replicas;
      return `$${c.onDemandUsdPerHour.toFixed(2)}/h${instances > 1 ? ` for ${instances} instances at $${c.usdPerInstanceHour.toFixed(2)}/h` : ""}, above $${max}/h`;
    },
  },
];

/** The constraints about GPU memory: the ones whose failure lets RealtimeInference escalate. */
export const MEMORY_CONSTRAINTS: ReadonlySet<string> = new Set(["minGpuMemoryGB", "minTotalGpuMemoryGB", "model"]);
