import { GpuName } from "../taxonomy/gpu-model";
import { REFERENCE_REGION } from "../taxonomy/pricing";
import { Taxonomy } from "../taxonomy/taxonomy";
import { WORKLOAD_CLASSES } from "../taxonomy/workload-class";
import { WORKLOAD_PROFILES } from "../taxonomy/workload-profiles";
import { InvalidRequirementError } from "../validation/errors";
import { ResolvedRequirements } from "./constraints";
import { DEFAULT_MIN_CLUSTER_NETWORK_GBPS } from "./estimate/interconnect";
import { MODEL_KIND_WORDS, ModelSpec } from "../taxonomy/model-spec";
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
    : [
        ...(requirements.gpus ?? []).map((g) => resolveGpuName(taxonomy, g, "gpus")),
        ...(requirements.anyOf ?? []).map((g) => resolveGpuName(taxonomy, g, "anyOf")),
      ];
  const userChoseGpus = Boolean(requirements.gpus || requirements.anyOf || pinned);
  const mode = requirements.usage?.mode ?? profile.modelMode;
  // A model and its work: every GPU competes on cost per unit of work; the class's list is its usual card, not a wall.
  const byWork =
    !userChoseGpus &&
    requirements.model !== undefined &&
    (mode === "inference" ? (requirements.throughput ?? requirements.inputTokensPerSecond ?? requirements.imagesPerMinute) : requirements.trainingTokens) !==
      undefined;
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
  if (model !== undefined) refuseOtherKindsWork(requirements, model, mode, taxonomy);
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
    imagesPerMinute: requirements.imagesPerMinute,
    trainingTokens: requirements.trainingTokens,
    maxHours: requirements.maxHours,
    minClusterNetworkGbps: requirements.minClusterNetworkGbps ?? (mode === "inference" ? undefined : DEFAULT_MIN_CLUSTER_NETWORK_GBPS),
  };
}

/** The work that sizes each kind of model; a speech model is sized by its memory alone. */
const WORK_OF_KIND: Readonly<Record<ModelSpec["kind"], readonly string[]>> = {
  llm: ["throughput", "trainingTokens"],
  embedding: ["inputTokensPerSecond"],
  diffusion: ["imagesPerMinute"],
  speech: [],
};

/** A work amount given for a model of another kind (or without the data to size it) is refused: never silently ignored. */
function refuseOtherKindsWork(requirements: SelectionRequirements, model: ModelSpec, mode: string, taxonomy: Taxonomy): void {
  for (const [kind, keys] of Object.entries(WORK_OF_KIND)) {
    const given = keys.find((key) => requirements[key as keyof SelectionRequirements] !== undefined);
    if (given === undefined || kind === model.kind) continue;
    const own = model.kind === "llm" ? [mode === "inference" ? "throughput" : "trainingTokens"] : WORK_OF_KIND[model.kind];
    const instead = own.length === 0 ? "sized by its memory" : `give ${own.join(" or ")} instead`;
    throw new InvalidRequirementError(
      given,
      requirements[given as keyof SelectionRequirements],
      `it sizes ${MODEL_KIND_WORDS[kind as ModelSpec["kind"]]}'s work; ${model.name} is ${MODEL_KIND_WORDS[model.kind]} (${instead})`,
    );
  }
  if (requirements.imagesPerMinute !== undefined && model.kind === "diffusion" && model.speed === undefined) {
    throw new InvalidRequirementError(
      "imagesPerMinute",
      requirements.imagesPerMinute,
      `no published run gives ${model.name}'s speed (models with one: ${taxonomy.models
        .filter((m) => m.kind === "diffusion" && m.speed)
        .map((m) => m.name)
        .join(", ")}); give replicas instead, or a custom model with speed`,
    );
  }
}
