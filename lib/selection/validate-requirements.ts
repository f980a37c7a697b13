import { CPU_ARCHITECTURES } from "../taxonomy/instance-type";
import { KNOWN_REGIONS, OTHER_PARTITION_REGION } from "../taxonomy/regions";
import { checkModelSpec, checkTaxonomy } from "../taxonomy/schema";
import { Taxonomy } from "../taxonomy/taxonomy";
import { WORKLOAD_CLASSES } from "../taxonomy/workload-class";
import { WORKLOAD_PROFILES } from "../taxonomy/workload-profiles";
import { OBJECTIVES, PURCHASE_OPTIONS } from "../taxonomy/workload-profile";
import { checkOneOf, isDenseList } from "../validation/allowed-values";
import { InvalidRequirementError } from "../validation/errors";
import { NumberRule, POSITIVE_WHOLE, checkNumber } from "../validation/numbers";
import { closestNames } from "./did-you-mean";
import { checkModelUsage } from "./memory-estimate";
import { SelectionRequirements } from "./requirements";

/**
 * Nodes one workload may join. AWS sets no per-cluster limit (your vCPU quota does); this is ours: each
 * node is an aws_instance Terraform plans one by one, and clusters larger than this belong to AWS
 * ParallelCluster or SageMaker HyperPod.
 */
const MAX_NODES = 512;

/** Bounds on the requirements: plausibility around the largest instance the taxonomy can hold (see taxonomy/schema.ts). */
const REQUIREMENT_RULES = {
  minGpuMemoryGB: { above: 0, max: 1024, unit: "GB" },
  minTotalGpuMemoryGB: { above: 0, max: 16384, unit: "GB" },
  minVcpus: { above: 0, max: 1024, unit: "vCPUs" },
  minMemoryGiB: { above: 0, max: 32768, unit: "GiB" },
  minMemoryBandwidthGBps: { min: 0, max: 100_000, unit: "GB/s" },
  maxUsdPerHour: { above: 0, max: 1_000_000, unit: "USD" },
  gpuCount: { integer: true, min: 1, max: 16, why: "an EC2 instance has at most 16 GPUs" },
  nodes: { ...POSITIVE_WHOLE, max: MAX_NODES, why: `the library's cluster bound; larger clusters belong to ParallelCluster or HyperPod` },
  trainingTokens: { above: 0, max: 1e16, unit: "tokens", why: "a run of more than 10^16 tokens is beyond any published training run" },
  minClusterNetworkGbps: { min: 0, max: 28_800, unit: "Gbps" },
  maxHours: { above: 0, max: 8760, unit: "hours", why: "a deadline beyond a year is no deadline" },
  runsPerMonth: { above: 0, max: 744, unit: "runs", why: "a month has at most 744 hours" },
  outputTokensPerSecond: { above: 0, max: 1e9, unit: "tokens/s" },
  minTokensPerSecondPerStream: { above: 0, max: 1e6, unit: "tokens/s" },
  inputTokensPerSecond: { above: 0, max: 1e10, unit: "tokens/s" },
  imagesPerMinute: { above: 0, max: 1e7, unit: "images/min" },
} as const satisfies Record<string, NumberRule>;

/** Rejects malformed requirements before any scan, naming the property, the value and what would work. */
export function validateRequirements(r: SelectionRequirements): void {
  if (r === null || typeof r !== "object") throw new InvalidRequirementError("requirements", r, "give an object with at least a workload");
  checkOneOf("workload", r.workload, WORKLOAD_CLASSES);
  if (r.workload === undefined) throw new InvalidRequirementError("workload", undefined, `use one of ${WORKLOAD_CLASSES.join(", ")}`);
  for (const key of ["minGpuMemoryGB", "minTotalGpuMemoryGB", "minVcpus", "minMemoryGiB", "minMemoryBandwidthGBps", "maxUsdPerHour", "nodes"] as const) {
    checkNumber(key, r[key], REQUIREMENT_RULES[key]);
  }
  if (typeof r.gpuCount === "object" && r.gpuCount !== null) {
    if (Array.isArray(r.gpuCount) || r.gpuCount.min === undefined)
      throw new InvalidRequirementError("gpuCount", r.gpuCount, "give a whole number, or { min } for at least that many");
    checkNumber("gpuCount.min", r.gpuCount.min, REQUIREMENT_RULES.gpuCount);
  } else if (r.gpuCount !== undefined) checkNumber("gpuCount", r.gpuCount, REQUIREMENT_RULES.gpuCount);
  if (r.gpus && r.anyOf) {
    throw new InvalidRequirementError("anyOf", r.anyOf, "give either gpus (an ordered fallback list) or anyOf (a set), not both");
  }
  for (const [property, names] of [
    ["gpus", r.gpus],
    ["anyOf", r.anyOf],
    ["allowedGpus", r.allowedGpus],
  ] as const) {
    if (names !== undefined && (!isDenseList(names) || names.length === 0 || !names.every((n) => typeof n === "string"))) {
      throw new InvalidRequirementError(property, names, 'give a non-empty list of GPU names, e.g. ["L40S", "A10G"]');
    }
  }
  checkOneOf("purchase", r.purchase, PURCHASE_OPTIONS);
  checkOneOf("objective", r.objective, OBJECTIVES);
  checkOneOf("cpuArchitecture", r.cpuArchitecture, CPU_ARCHITECTURES);
  if (r.efa !== undefined && typeof r.efa !== "boolean") throw new InvalidRequirementError("efa", r.efa, "give true or false");
  if (r.taxonomy !== undefined) checkTaxonomy(r.taxonomy);
  if (r.region !== undefined) checkRegion(r.region, r.taxonomy);
  if (r.model !== undefined && typeof r.model !== "string") checkModelSpec("model", r.model);
  for (const key of ["trainingTokens", "minClusterNetworkGbps", "maxHours", "runsPerMonth"] as const) checkNumber(key, r[key], REQUIREMENT_RULES[key]);
  if (r.nativePrecision !== undefined && typeof r.nativePrecision !== "boolean")
    throw new InvalidRequirementError("nativePrecision", r.nativePrecision, "give true or false");
  checkThroughput(r.throughput);
  checkNumber("inputTokensPerSecond", r.inputTokensPerSecond, REQUIREMENT_RULES.inputTokensPerSecond);
  checkNumber("imagesPerMinute", r.imagesPerMinute, REQUIREMENT_RULES.imagesPerMinute);
  const mode = r.usage?.mode ?? WORKLOAD_PROFILES[r.workload]?.modelMode ?? "inference";
  if (r.usage !== undefined) checkModelUsage(r.usage, mode);
  // What only a model can answer is refused without one, instead of being ignored.
  for (const key of ["usage", "throughput", "inputTokensPerSecond", "imagesPerMinute", "trainingTokens"] as const) {
    if (r[key] !== undefined && r.model === undefined)
      throw new InvalidRequirementError(key, r[key], 'it needs a model (a catalog name such as "llama-3.1-8b", or a spec)');
  }
  if (r.throughput !== undefined && mode !== "inference")
    throw new InvalidRequirementError("throughput", r.throughput, `it sizes inference fleets; this is a ${mode} run (use trainingTokens for USD per job)`);
  if (r.trainingTokens !== undefined && mode === "inference")
    throw new InvalidRequirementError("trainingTokens", r.trainingTokens, 'it applies to fine-tunes and training (usage.mode "lora" or "full")');
  for (const key of ["maxHours", "runsPerMonth"] as const) {
    if (r[key] !== undefined && r.trainingTokens === undefined)
      throw new InvalidRequirementError(key, r[key], "it times runs of trainingTokens: give trainingTokens (the tokens one run processes)");
  }
  if (r.objective === "job-cost" && r.trainingTokens === undefined)
    throw new InvalidRequirementError("objective", r.objective, "job-cost needs trainingTokens");
  if (r.objective === "throughput-cost" && r.throughput === undefined && r.inputTokensPerSecond === undefined && r.imagesPerMinute === undefined) {
    throw new InvalidRequirementError(
      "objective",
      r.objective,
      "throughput-cost needs a throughput target (throughput; inputTokensPerSecond for an embedding model; imagesPerMinute for a diffusion model)",
    );
  }
  if (r.purchase === "spot" && (r.nodes ?? 1) > 1) throw spotClusterError(r.nodes!);
}

function checkThroughput(t: unknown): void {
  if (t === undefined) return;
  if (t === null || typeof t !== "object" || Array.isArray(t)) {
    throw new InvalidRequirementError("throughput", t, "give { outputTokensPerSecond: 2000 } and optionally minTokensPerSecondPerStream");
  }
  const target = t as Record<string, unknown>;
  const unknown = Object.keys(target).find((k) => k !== "outputTokensPerSecond" && k !== "minTokensPerSecondPerStream");
  if (unknown !== undefined)
    throw new InvalidRequirementError(`throughput.${unknown}`, target[unknown], "use outputTokensPerSecond and minTokensPerSecondPerStream");
  if (target.outputTokensPerSecond === undefined)
    throw new InvalidRequirementError("throughput.outputTokensPerSecond", undefined, "give the output tokens per second the fleet must produce");
  checkNumber("throughput.outputTokensPerSecond", target.outputTokensPerSecond, REQUIREMENT_RULES.outputTokensPerSecond);
  checkNumber("throughput.minTokensPerSecondPerStream", target.minTokensPerSecondPerStream, REQUIREMENT_RULES.minTokensPerSecondPerStream);
}

/** Throws unless `region` is a commercial region code the taxonomy knows, with "did you mean" otherwise. */
export function checkRegion(region: unknown, taxonomy: Taxonomy | undefined): void {
  const known = regionsOf(taxonomy);
  if (typeof region === "string" && known.has(region)) return;
  if (typeof region === "string" && OTHER_PARTITION_REGION.test(region)) {
    throw new InvalidRequirementError(
      "region",
      region,
      'GovCloud, China and the isolated partitions are not supported: the library synthesizes ARNs of the commercial "aws" partition and has no prices there; use a commercial region',
    );
  }
  const near = typeof region === "string" ? closestNames(region, [...known]) : [];
  throw new InvalidRequirementError(
    "region",
    region,
    `use an AWS region code such as us-east-1 that the taxonomy records offerings for${near.length ? ` (did you mean ${near.join(" or ")}?)` : ""}`,
  );
}

/** EFA clusters and multi-node jobs do not survive spot reclaims. */
export function spotClusterError(nodes: number): InvalidRequirementError {
  return new InvalidRequirementError(
    "purchase",
    "spot",
    `a ${nodes}-node cluster cannot run on spot (EFA clusters and multi-node jobs do not survive reclaims); use on-demand or capacity-block`,
  );
}

const regionSets = new WeakMap<Taxonomy, ReadonlySet<string>>();
const KNOWN: ReadonlySet<string> = new Set(KNOWN_REGIONS);

/** Region codes a requirement may name: the known ones and any a custom taxonomy's rows list. */
function regionsOf(taxonomy: Taxonomy | undefined): ReadonlySet<string> {
  if (!taxonomy) return KNOWN;
  let regions = regionSets.get(taxonomy);
  if (!regions) regionSets.set(taxonomy, (regions = new Set([...KNOWN_REGIONS, ...taxonomy.instanceTypes.flatMap((t) => t.regions)])));
  return regions;
}
