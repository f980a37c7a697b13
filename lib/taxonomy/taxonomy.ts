import { GPU_MODELS } from "./data/gpu-models";
import { G_FAMILY_INSTANCE_TYPES } from "./data/instance-types-g";
import { P_FAMILY_INSTANCE_TYPES } from "./data/instance-types-p";
import { MODEL_CATALOG } from "./data/model-catalog";
import { GpuModel, GpuName } from "./gpu-model";
import { InstanceTypeSpec } from "./instance-type";
import { ModelSpec } from "./model-spec";
import { checkTaxonomyExtension } from "./schema";
import { InvalidTaxonomyError } from "../validation/errors";

/** The day the embedded tables were last checked against their sources. */
export const TAXONOMY_AS_OF = "2026-11-27";

/** GPUs, instance types and models that selection chooses from. */
export interface Taxonomy {
  readonly gpus: readonly GpuModel[];
  readonly instanceTypes: readonly InstanceTypeSpec[];
  readonly models: readonly ModelSpec[];
  /** The day its prices and specs were checked. */
  readonly asOf: string;
}

/** The embedded taxonomy, sorted by instance name so every scan sees the same order. */
export const DEFAULT_TAXONOMY: Taxonomy = {
  gpus: GPU_MODELS,
  instanceTypes: [...G_FAMILY_INSTANCE_TYPES, ...P_FAMILY_INSTANCE_TYPES].sort(byInstanceName),
  models: MODEL_CATALOG,
  asOf: TAXONOMY_AS_OF,
};

/** What an organization adds to the embedded taxonomy. */
export interface TaxonomyExtension {
  /** Instance types to add, or to replace when the name already exists. */
  readonly instanceTypes?: readonly InstanceTypeSpec[];
  /** Negotiated on-demand prices (USD/hour) by instance type, e.g. from an EDP or private pricing. */
  readonly onDemandUsdPerHour?: Readonly<Record<string, number>>;
  /** Extra models for the memory estimator. */
  readonly models?: readonly ModelSpec[];
  /** As-of date of the extension's figures. */
  readonly asOf?: string;
}

/**
 * A new taxonomy: the base with the extension's rows added or replaced and its prices applied.
 * @throws InvalidTaxonomyError naming the row and field when the extension fails the taxonomy schema.
 */
export function extendTaxonomy(extension: TaxonomyExtension, base: Taxonomy = DEFAULT_TAXONOMY): Taxonomy {
  checkTaxonomyExtension(extension, base);
  const byName = new Map(base.instanceTypes.map((t) => [t.instanceType, t]));
  for (const t of extension.instanceTypes ?? []) byName.set(t.instanceType, t);
  for (const [name, price] of Object.entries(extension.onDemandUsdPerHour ?? {})) {
    byName.set(name, { ...byName.get(name)!, onDemandUsdPerHour: price });
  }
  const models = new Map(base.models.map((m) => [m.name, m]));
  for (const m of extension.models ?? []) models.set(m.name, m);
  return {
    gpus: base.gpus,
    instanceTypes: [...byName.values()].sort(byInstanceName),
    models: [...models.values()],
    asOf: extension.asOf ?? base.asOf,
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
