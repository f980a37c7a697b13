import { GpuName } from "../taxonomy/gpu-model";
import { REFERENCE_REGION } from "../taxonomy/pricing";
import { Taxonomy } from "../taxonomy/taxonomy";
import { WORKLOAD_CLASSES } from "../taxonomy/workload-class";
import { WORKLOAD_PROFILES } from "../taxonomy/workload-profiles";
import { InvalidRequirementError } from "../validation/errors";
import { ResolvedRequirements } from "./constraints";
import { DEFAULT_MIN_CLUSTER_NETWORK_GBPS } from "./estimate/interconnect";
import { SelectionRequirements } from "./requirements";
import { resolveGpuName, resolveInstanceType, resolveModel } from "./resolve-names";

/**
 * The requirements against the workload profile: names resolved, the GPU pool and its preference order, the class's
 * defaults where the requirements are silent. Escalation is decided later, from the candidates' memory.
 */
export function resolveRequirements(requirements: SelectionRequirements, taxonomy: Taxonomy): ResolvedRequirements {
  const profile = WORKLOAD_PROFILES[requirements.workload];
  if (!profile) {
    throw new InvalidRequirementError("workload", requirements.workload, `use one of ${WORKLOAD_CLASSES.join(", ")}`);
  }
  const pinned = requirements.instanceType === undefined ? undefined : resolveInstanceType(taxonomy, requirements.instanceType);
  if (pinned && (requirements.gpus || requirements.anyOf)) {
    throw new InvalidRequirementError("instanceType", requirements.instanceType, "give either instanceType (one exact type) or gpus/anyOf, not both");
  }
  const named = pinned
    ? [pinned.gpu]
    : [...(requirements.gpus ?? []).map((g) => resolveGpuName(taxonomy, g, "gpus")), ...(requirements.anyOf ?? []).map((g) => resolveGpuName(taxonomy, g, "anyOf"))];
  const userChoseGpus = Boolean(requirements.gpus || requirements.anyOf || pinned);
  const mode = requirements.usage?.mode ?? profile.modelMode;
  // A model and its work: every GPU competes on cost per unit of work; the class's list is its usual card, not a wall.
  const byWork =
    !userChoseGpus && requirements.model !== undefined && (mode === "inference" ? (requirements.throughput ?? requirements.inputTokensPerSecond) : requirements.trainingTokens) !== undefined;
  const pool = new Map<GpuName, number>();
  if (requirements.gpus) named.forEach((g) => pool.has(g) || pool.set(g, pool.size));
  else (requirements.anyOf || pinned ? named : byWork ? taxonomy.gpus.map((g) => g.name) : profile.allowedGpus).forEach((g) => pool.set(g, 0));
  const policyGpus = requirements.allowedGpus && new Set(requirements.allowedGpus.map((g) => resolveGpuName(taxonomy, g, "allowedGpus")));
  const outsidePolicy = policyGpus && named.filter((g) => !policyGpus.has(g));
  if (outsidePolicy?.length) {
    throw new InvalidRequirementError(
      pinned ? "instanceType" : requirements.gpus ? "gpus" : "anyOf",
      pinned ? requirements.instanceType : outsidePolicy,
      `the organization policy allows only ${[...policyGpus!].join(", ")}`,
    );
  }
  const model = typeof requirements.model === "string" ? resolveModel(taxonomy, requirements.model) : requirements.model;
  // Tokens per second and training tokens size a language model's work; other kinds are sized by memory.
  for (const key of ["throughput", "trainingTokens"] as const) {
    if (requirements[key] !== undefined && model !== undefined && model.kind !== "llm") {
      throw new InvalidRequirementError(key, requirements[key], `it sizes a language model's work; ${model.name} is ${model.kind === "diffusion" ? "a diffusion" : "an embedding"} model, sized by its memory (leave ${key} out)`);
    }
  }
  if (requirements.inputTokensPerSecond !== undefined && model !== undefined && model.kind !== "embedding") {
    throw new InvalidRequirementError(
      "inputTokensPerSecond",
      requirements.inputTokensPerSecond,
      `it sizes an embedding model's fleet; ${model.name} is ${model.kind === "llm" ? "a language model (give throughput: { outputTokensPerSecond })" : "a diffusion model, sized by its memory"}`,
    );
  }
  return {
    requirements,
    profile,
    pool,
    poolNames: [...pool.keys()].join(", "),
    escalation: new Set(userChoseGpus || byWork ? [] : profile.escalationGpus),
    byWork,
    escalated: false,
    named: new Set(named),
    policyGpus,
    // A pinned type keeps only what the user asked for, not the class's defaults.
    gpuCount: pinned ? requirements.gpuCount : (requirements.gpuCount ?? profile.defaultGpuCount),
    minMemoryBandwidthGBps: pinned ? requirements.minMemoryBandwidthGBps : (requirements.minMemoryBandwidthGBps ?? profile.minMemoryBandwidthGBps),
    model,
    pinned,
    purchase: requirements.purchase ?? profile.purchase,
    region: requirements.region ?? REFERENCE_REGION,
    mode,
    precision: requirements.model === undefined ? undefined : (requirements.usage?.precision ?? "bf16"),
    throughput: requirements.throughput,
    inputTokensPerSecond: requirements.inputTokensPerSecond,
    trainingTokens: requirements.trainingTokens,
    maxHours: requirements.maxHours,
    minClusterNetworkGbps: requirements.minClusterNetworkGbps ?? (mode === "inference" ? undefined : DEFAULT_MIN_CLUSTER_NETWORK_GBPS),
  };
}
