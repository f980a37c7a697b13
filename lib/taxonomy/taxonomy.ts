import { GPU_MODELS } from "./data/gpu-models";
import { G_FAMILY_INSTANCE_TYPES } from "./data/instance-types-g";
import { P_FAMILY_INSTANCE_TYPES } from "./data/instance-types-p";
import { MODEL_CATALOG } from "./data/model-catalog";
import { GpuModel, GpuName } from "./gpu-model";
import { InstanceTypeSpec, TableRow } from "./instance-type";
import { ModelSpec } from "./model-spec";
import { Source } from "./source";
import { checkTaxonomyExtension } from "./schema";
import { REGIONAL_OFFERS, REGIONAL_PRICES_AS_OF, REGIONAL_PRICES_SOURCES } from "./data/regional-prices";
import { INSTANCE_OFFERINGS, INSTANCE_OFFERINGS_SOURCES } from "./data/instance-offerings";
import { ownValue } from "../validation/allowed-values";
import { InvalidTaxonomyError } from "../validation/errors";

/** The day the embedded prices were last read: the regional price table's as-of (specs carry theirs in the rows' sources). */
export const TAXONOMY_AS_OF: string = REGIONAL_PRICES_AS_OF;

/** GPUs, instance types and models that selection chooses from. */
export interface Taxonomy {
  /** The GPUs the instance types carry, and those AWS does not sell (each naming its AWS equivalent). */
  readonly gpus: readonly GpuModel[];
  /** The EC2 instance types selection may choose, sorted by name. */
  readonly instanceTypes: readonly InstanceTypeSpec[];
  /** Models the estimator knows by name. */
  readonly models: readonly ModelSpec[];
  /** The day its on-demand prices and specs were checked. */
  readonly asOf: string;
  /** The day its spot estimates were read. @default - asOf */
  readonly spotPricesAsOf?: string;
}

/** The embedded taxonomy, sorted by instance name so every scan sees the same order. */
export const DEFAULT_TAXONOMY: Taxonomy = {
  gpus: GPU_MODELS,
  instanceTypes: [...G_FAMILY_INSTANCE_TYPES, ...P_FAMILY_INSTANCE_TYPES].map(offeredAndPriced).sort(byInstanceName),
  models: MODEL_CATALOG,
  asOf: TAXONOMY_AS_OF,
  spotPricesAsOf: REGIONAL_PRICES_AS_OF,
};

/**
 * A row as selection sees it: offered where EC2's recorded offerings say, with its prices in those regions from the
 * price table (a price for a region that does not offer the type is not an offering), citing both tables' sources.
 */
function offeredAndPriced(row: TableRow): InstanceTypeSpec {
  const regions = ownValue(INSTANCE_OFFERINGS, row.instanceType) ?? [];
  const offers = Object.entries(ownValue(REGIONAL_OFFERS, row.instanceType) ?? {}).filter(([region]) => regions.includes(region));
  const regionalPrices = Object.fromEntries(
    offers.map(([region, [usdPerInstanceHour, spotUsdPerInstanceHour]]) => [region, { usdPerInstanceHour, spotUsdPerInstanceHour }]),
  );
  const cited = (s: Source) => row.sources.some((r) => r.url === s.url && r.asOf === s.asOf);
  const sources = [...row.sources, ...[...INSTANCE_OFFERINGS_SOURCES, ...(offers.length ? REGIONAL_PRICES_SOURCES : [])].filter((s) => !cited(s))];
  return { ...row, regions, ...(offers.length && { regionalPrices }), sources };
}

/** What an organization adds to the embedded taxonomy. */
export interface TaxonomyExtension {
  /** Instance types to add, or to replace when the name already exists. */
  readonly instanceTypes?: readonly InstanceTypeSpec[];
  /** Negotiated on-demand prices (USD per instance-hour, every region) by instance type, e.g. from an EDP or private pricing. */
  readonly usdPerInstanceHour?: Readonly<Record<string, number>>;
  /** Extra models for the memory estimator. */
  readonly models?: readonly ModelSpec[];
  /** As-of date of the extension's figures. */
  readonly asOf?: string;
  /** As-of date of the extension's spot estimates. */
  readonly spotPricesAsOf?: string;
}

/**
 * A new taxonomy: the base with the extension's rows added or replaced and its prices applied.
 * @throws InvalidTaxonomyError naming the row and field when the extension fails the taxonomy schema.
 */
export function extendTaxonomy(extension: TaxonomyExtension, base: Taxonomy = DEFAULT_TAXONOMY): Taxonomy {
  checkTaxonomyExtension(extension, base);
  const byName = new Map(base.instanceTypes.map((t) => [t.instanceType, t]));
  for (const t of extension.instanceTypes ?? []) byName.set(t.instanceType, t);
  // A negotiated price holds in every region (and gives a Capacity-Block-only type a price to buy on-demand at).
  for (const [name, price] of Object.entries(extension.usdPerInstanceHour ?? {})) {
    const row = byName.get(name)!;
    const regionalPrices =
      row.regionalPrices && Object.fromEntries(Object.entries(row.regionalPrices).map(([r, p]) => [r, { ...p, usdPerInstanceHour: price }]));
    byName.set(name, { ...row, usdPerInstanceHour: price, regionalPrices, capacityBlockOnly: false });
  }
  const models = new Map(base.models.map((m) => [m.name, m]));
  for (const m of extension.models ?? []) models.set(m.name, m);
  return {
    gpus: base.gpus,
    instanceTypes: [...byName.values()].sort(byInstanceName),
    models: [...models.values()],
    asOf: extension.asOf ?? base.asOf,
    spotPricesAsOf: extension.spotPricesAsOf ?? base.spotPricesAsOf,
  };
}

const gpusByName = new WeakMap<Taxonomy, ReadonlyMap<GpuName, GpuModel>>();

export function gpuModel(taxonomy: Taxonomy, name: GpuName): GpuModel {
  let index = gpusByName.get(taxonomy);
  if (!index) gpusByName.set(taxonomy, (index = new Map(taxonomy.gpus.map((g) => [g.name, g]))));
  const gpu = index.get(name);
  if (!gpu) throw new InvalidTaxonomyError("gpu", name, `use a GPU of the taxonomy: ${taxonomy.gpus.map((g) => g.name).join(", ")}`);
  return gpu;
}

function byInstanceName(a: InstanceTypeSpec, b: InstanceTypeSpec): number {
  return a.instanceType < b.instanceType ? -1 : a.instanceType > b.instanceType ? 1 : 0;
}
