import { KNOWN_REGIONS } from "../taxonomy/regions";
import { Taxonomy } from "../taxonomy/taxonomy";
import { closestNames } from "./did-you-mean";
import { InvalidRequirementError } from "./errors";
import { SelectionRequirements } from "./requirements";

const PURCHASES = ["on-demand", "spot", "capacity-block"];
const OBJECTIVES = ["cost", "compute-cost"];
const ARCHITECTURES = ["x86_64", "arm64"];

/** Rejects malformed requirements before any scan, naming the property, the value and what would work. */
export function validateRequirements(r: SelectionRequirements): void {
  positive("minGpuMemoryGB", r.minGpuMemoryGB);
  positive("minTotalGpuMemoryGB", r.minTotalGpuMemoryGB);
  positive("minVcpus", r.minVcpus);
  positive("minMemoryGiB", r.minMemoryGiB);
  positive("maxUsdPerHour", r.maxUsdPerHour);
  if (r.minMemoryBandwidthGBps !== undefined && !(Number.isFinite(r.minMemoryBandwidthGBps) && r.minMemoryBandwidthGBps >= 0)) {
    throw new InvalidRequirementError("minMemoryBandwidthGBps", r.minMemoryBandwidthGBps, "give a number of GB/s, 0 or more");
  }
  if (typeof r.gpuCount === "number") positiveInteger("gpuCount", r.gpuCount);
  else if (r.gpuCount !== undefined) positiveInteger("gpuCount.min", r.gpuCount.min);
  positiveInteger("nodes", r.nodes);
  if (r.gpus && r.anyOf) {
    throw new InvalidRequirementError("anyOf", r.anyOf, "give either gpus (an ordered fallback list) or anyOf (a set), not both");
  }
  for (const [property, list] of [["gpus", r.gpus], ["anyOf", r.anyOf]] as const) {
    if (list !== undefined && (!Array.isArray(list) || list.length === 0)) {
      throw new InvalidRequirementError(property, list, 'give a non-empty list of GPU names, e.g. ["L40S", "A10G"]');
    }
  }
  oneOf("purchase", r.purchase, PURCHASES);
  oneOf("objective", r.objective, OBJECTIVES);
  oneOf("cpuArchitecture", r.cpuArchitecture, ARCHITECTURES);
  if (r.region !== undefined) {
    const offered = regionsOf(r.taxonomy);
    if (!offered.has(r.region)) {
      const near = closestNames(r.region, [...offered]);
      throw new InvalidRequirementError(
        "region",
        r.region,
        `use an AWS region code such as us-east-1${near.length ? ` (did you mean ${near.join(" or ")}?)` : ""}`,
      );
    }
  }
  if (r.purchase === "spot" && (r.nodes ?? 1) > 1) throw spotClusterError(r.nodes!);
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

function positive(property: string, value: number | undefined): void {
  if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value > 0)) {
    throw new InvalidRequirementError(property, value, "give a positive number");
  }
}

function positiveInteger(property: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
    throw new InvalidRequirementError(property, value, "give a positive whole number");
  }
}

function oneOf(property: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new InvalidRequirementError(property, value, `use one of ${allowed.join(", ")}`);
  }
}
