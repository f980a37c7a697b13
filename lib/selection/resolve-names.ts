import { GpuName } from "../taxonomy/gpu-model";
import { ModelSpec } from "../taxonomy/model-spec";
import { Taxonomy } from "../taxonomy/taxonomy";
import { closestNames, normalizeName } from "./did-you-mean";
import { UnknownGpuError, UnknownModelError } from "./errors";

/** The canonical GPU for a user's spelling ("NVIDIA A10G", "a10g", "A100 80GB"), or a "did you mean" error. */
export function resolveGpuName(taxonomy: Taxonomy, input: string, property = "gpus"): GpuName {
  const wanted = normalizeName(input);
  const gpu = taxonomy.gpus.find((g) => [g.name, g.fullName, ...g.aliases].some((n) => normalizeName(n) === wanted));
  if (gpu) return gpu.name;
  const spellings = taxonomy.gpus.flatMap((g) => [g.name, ...g.aliases].map((n) => ({ n, g: g.name })));
  const near = closestNames(input, spellings.map((s) => s.n), 4);
  const suggestions = [...new Set(near.map((n) => spellings.find((s) => s.n === n)!.g))].slice(0, 2);
  throw new UnknownGpuError(property, input, suggestions, taxonomy.gpus.map((g) => g.name));
}

/** The catalog model for a name or alias (case-insensitive), or a "did you mean" error. */
export function resolveModel(taxonomy: Taxonomy, input: string): ModelSpec {
  const wanted = normalizeName(input);
  const model = taxonomy.models.find((m) => [m.name, ...m.aliases].some((n) => normalizeName(n) === wanted));
  if (model) return model;
  const names = taxonomy.models.map((m) => m.name);
  throw new UnknownModelError(input, closestNames(input, names), names);
}
