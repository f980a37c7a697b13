import { GpuName } from "../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../taxonomy/instance-type";
import { ModelSpec } from "../taxonomy/model-spec";
import { Taxonomy } from "../taxonomy/taxonomy";
import { closestNames, familyMembers, normalizeName } from "./did-you-mean";
import { InvalidRequirementError, UnknownGpuError, UnknownModelError } from "../validation/errors";

/** Every spelling of every GPU and model, normalized once per taxonomy. */
interface NameIndex {
  readonly gpus: ReadonlyMap<string, GpuName>;
  readonly models: ReadonlyMap<string, ModelSpec>;
}
const indexes = new WeakMap<Taxonomy, NameIndex>();

function nameIndex(taxonomy: Taxonomy): NameIndex {
  let index = indexes.get(taxonomy);
  if (!index) {
    const gpus = new Map<string, GpuName>();
    for (const g of taxonomy.gpus) for (const n of [g.name, g.fullName, ...g.aliases]) gpus.set(normalizeName(n), g.name);
    const models = new Map<string, ModelSpec>();
    for (const m of taxonomy.models) for (const n of [m.name, ...m.aliases]) models.set(normalizeName(n), m);
    indexes.set(taxonomy, (index = { gpus, models }));
  }
  return index;
}

/** The canonical GPU for a user's spelling ("NVIDIA A10G", "a10g", "A100 80GB"), or a "did you mean" error. */
export function resolveGpuName(taxonomy: Taxonomy, input: string, property = "gpus"): GpuName {
  if (typeof input !== "string") throw new InvalidRequirementError(property, input, 'give GPU names as strings, e.g. "A10G"');
  const gpu = nameIndex(taxonomy).gpus.get(normalizeName(input));
  if (gpu) return gpu;
  // A family's stem ("A100") names its members; else the nearest spellings.
  const family = familyMembers(
    input,
    taxonomy.gpus.map((g) => g.name),
  );
  const spellings = taxonomy.gpus.flatMap((g) => [g.name, ...g.aliases].map((n) => ({ n, g: g.name })));
  const near = closestNames(
    input,
    spellings.map((s) => s.n),
    4,
  );
  const suggestions = family.length ? family.slice(0, 4) : [...new Set(near.map((n) => spellings.find((s) => s.n === n)!.g))].slice(0, 2);
  throw new UnknownGpuError(
    property,
    input,
    suggestions,
    taxonomy.gpus.map((g) => g.name),
  );
}

/** The taxonomy's row for an exact instance type name (case-insensitive), or a "did you mean" error. */
export function resolveInstanceType(taxonomy: Taxonomy, input: string): InstanceTypeSpec {
  if (typeof input !== "string") throw new InvalidRequirementError("instanceType", input, 'give an instance type name such as "g6e.2xlarge"');
  const spec = taxonomy.instanceTypes.find((t) => t.instanceType === input.trim().toLowerCase());
  if (spec) return spec;
  const near = closestNames(
    input,
    taxonomy.instanceTypes.map((t) => t.instanceType),
    3,
  );
  throw new InvalidRequirementError(
    "instanceType",
    input,
    `use a GPU instance type of the taxonomy${near.length ? ` (did you mean ${near.join(" or ")}?)` : ""}; gpu-workloads catalog lists them`,
  );
}

/** The catalog model for a name or alias (case-insensitive), or a "did you mean" error. */
export function resolveModel(taxonomy: Taxonomy, input: string): ModelSpec {
  if (typeof input !== "string") throw new InvalidRequirementError("model", input, 'give a catalog model name such as "llama-3.1-8b", or a model spec');
  const model = nameIndex(taxonomy).models.get(normalizeName(input));
  if (model) return model;
  const names = taxonomy.models.map((m) => m.name);
  throw new UnknownModelError(input, closestNames(input, names), names);
}
