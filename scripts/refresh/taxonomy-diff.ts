import { comparableGpuName } from "../../lib/taxonomy/comparable-gpu-name";
import { InstanceTypeSpec } from "../../lib/taxonomy/instance-type";
import { REFERENCE_REGION, rowPriceRegion } from "../../lib/taxonomy/pricing";
import { Taxonomy, gpuModel } from "../../lib/taxonomy/taxonomy";
import { AwsFacts, Ec2TypeFacts } from "./aws-facts";

/** What changed between the table and AWS, for a maintainer to review. */
export interface TaxonomyDiff {
  /** GPU types AWS reports that the table lacks (new sizes or families): rows to write, with GPU, interconnect and sources. */
  readonly added: readonly { readonly instanceType: string; readonly facts: Ec2TypeFacts }[];
  /** GPU types of other vendors (g4ad's AMD Radeon Pro V520): outside the table, which is NVIDIA-only (see the README). */
  readonly otherVendors: readonly string[];
  /** Table types AWS reports in none of the regions read. */
  readonly removed: readonly string[];
  /** Hand-written fields that differ from AWS: the table's value beside AWS's. */
  readonly specs: readonly { readonly instanceType: string; readonly field: string; readonly table: unknown; readonly aws: unknown }[];
  /** On-demand prices that moved, appeared or went away, per type and region read. */
  readonly prices: readonly { readonly instanceType: string; readonly region: string; readonly table: number | null; readonly aws: number | null }[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Compares the table's rows with what AWS reports. Hand-curated fields (GPU tiers, interconnect, notes, sources) are not AWS's to change. */
export function diffTaxonomy(taxonomy: Taxonomy, facts: AwsFacts): TaxonomyDiff {
  const rows = new Map(taxonomy.instanceTypes.map((t) => [t.instanceType, t]));
  const specs: TaxonomyDiff["specs"][number][] = [];
  const prices: TaxonomyDiff["prices"][number][] = [];
  for (const name of Object.keys(facts.types).sort(byName)) {
    const row = rows.get(name);
    if (!row) continue;
    for (const [field, table, reported] of specPairs(row, facts.types[name], facts, taxonomy)) {
      if (JSON.stringify(table) !== JSON.stringify(reported)) specs.push({ instanceType: name, field, table, aws: reported });
    }
    for (const region of facts.regionsRead) {
      const table = row.regionalPrices?.[region]?.usdPerInstanceHour;
      const aws = facts.prices[name]?.[region]?.[0];
      if (table === undefined && aws === undefined) continue;
      if ((table ?? null) !== (aws ?? null)) prices.push({ instanceType: name, region, table: table ?? null, aws: aws ?? null });
    }
  }
  const missing = Object.keys(facts.types)
    .filter((name) => !rows.has(name) && facts.types[name].gpu !== undefined)
    .sort(byName);
  const nvidia = (name: string) => facts.types[name].gpu!.manufacturer.toLowerCase() === "nvidia";
  return {
    added: missing.filter(nvidia).map((instanceType) => ({ instanceType, facts: facts.types[instanceType] })),
    otherVendors: missing.filter((name) => !nvidia(name)),
    removed: [...rows.keys()].filter((name) => !facts.types[name]).sort(byName),
    specs,
    prices,
  };
}

/** The fields AWS reports, table value beside AWS's, in the table's units. */
function specPairs(row: InstanceTypeSpec, aws: Ec2TypeFacts, facts: AwsFacts, taxonomy: Taxonomy): [string, unknown, unknown][] {
  const pairs: [string, unknown, unknown][] = [
    ["vcpus", row.vcpus, aws.vcpus],
    ["memoryGiB", row.memoryGiB, aws.memoryGiB],
    ["cpuArchitecture", row.cpuArchitecture, aws.cpuArchitecture],
    ["efaInterfaces", row.efaInterfaces, aws.efaInterfaces],
    ["networkCards", row.networkCards ?? Math.max(1, row.efaInterfaces), aws.networkCards],
    ["localNvmeGB", row.localNvmeGB, aws.localNvmeGB],
    // Regions the table lists that report no offering (the written offerings file drops them).
    ["regions not offered", [], row.regions.filter((r) => facts.regionsRead.includes(r) && !facts.offerings[row.instanceType]?.includes(r))],
  ];
  // The row's price is its price region's (us-east-1, or where a type not sold there names another).
  const priceRegion = rowPriceRegion(row);
  if (facts.regionsRead.includes(priceRegion) && (row.regions.includes(priceRegion) || facts.offerings[row.instanceType]?.includes(priceRegion))) {
    pairs.push(["usdPerInstanceHour", row.usdPerInstanceHour ?? null, facts.prices[row.instanceType]?.[priceRegion]?.[0] ?? null]);
  }
  if (!aws.gpu) return [...pairs, ["gpuInfo", "present", "missing (EC2 returned no GpuInfo)"]];
  // A GPU partition: EC2 reports Count 0 with LogicalGpuCount and GpuPartitionSize; the table keeps 1 and the share.
  const partitioned = aws.gpu.count === 0 && (aws.gpu.logicalCount ?? 0) > 0;
  const gpu = gpuModel(taxonomy, row.gpu);
  pairs.push(["gpuCount", row.gpuCount, partitioned ? aws.gpu.logicalCount : aws.gpu.count]);
  if (partitioned && aws.gpu.partitionSize !== undefined) pairs.push(["gpuFraction", row.gpuFraction, aws.gpu.partitionSize]);
  pairs.push(["gpuName", comparableGpuName(gpu.ec2Name ?? gpu.name), comparableGpuName(aws.gpu.name)]);
  return pairs;
}

/** The diff as a maintainer reads it. */
export function formatDiff(diff: TaxonomyDiff, facts: AwsFacts): string {
  const gpu = (f: Ec2TypeFacts) =>
    f.gpu!.count > 0 ? `${f.gpu!.count}x ${f.gpu!.name}` : `${f.gpu!.partitionSize ?? "?"} of ${f.gpu!.logicalCount ?? "?"}x ${f.gpu!.name}`;
  return [
    `regions read (${facts.regionsRead.length}): ${facts.regionsRead.join(" ")}`,
    ...Object.entries(facts.regionsFailed).map(([region, why]) => `  ! ${region} not read (its table prices are kept): ${why}`),
    `added (${diff.added.length}): GPU types AWS reports that the table lacks; each needs a row with its GPU, interconnect and sources`,
    ...diff.added.map(
      ({ instanceType, facts: f }) =>
        `  + ${instanceType}: ${gpu(f)} ${f.gpu!.memoryMiB} MiB each, ${f.vcpus} vCPU, ${f.memoryGiB} GiB, ${f.cpuArchitecture}, EFA ${f.efaInterfaces}/${f.networkCards} cards, ` +
        `offered in ${facts.offerings[instanceType]?.length ?? 0} regions read, us-east-1 ${facts.prices[instanceType]?.[REFERENCE_REGION]?.[0] ?? "no price"}`,
    ),
    `other vendors (${diff.otherVendors.length}): not NVIDIA, outside the table: ${diff.otherVendors.join(" ")}`,
    `removed (${diff.removed.length}): table types AWS reports in none of the regions read`,
    ...diff.removed.map((t) => `  - ${t}`),
    `specs (${diff.specs.length}): hand-written row fields, table -> AWS`,
    ...diff.specs.map((s) => `  ~ ${s.instanceType} ${s.field}: ${JSON.stringify(s.table)} -> ${JSON.stringify(s.aws)}`),
    `prices (${diff.prices.length}): on-demand USD per instance-hour, table -> AWS`,
    ...diff.prices.map((p) => `  $ ${p.instanceType} ${p.region}: ${p.table ?? "none"} -> ${p.aws ?? "none"}`),
  ].join("\n");
}
