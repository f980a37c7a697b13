import { GpuModel } from "../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../taxonomy/instance-type";
import { LanguageModelSpec, ModelSpec } from "../taxonomy/model-spec";
import { usableMemoryGiB } from "../taxonomy/gpu-share";
import { ResolvedRequirements } from "./constraints";
import { EstimateTarget, MemoryEstimate, estimateCheckedMemory, fitsOnGpu } from "./memory-estimate";
import { ModelUsage } from "./estimate/model-usage";
import { PrecisionVerdict, precisionSupport } from "./estimate/precision-support";
import { ReplicaSpeed } from "./estimate/throughput";
import { servingReplica } from "./estimate/serving-throughput";
import { JobSpeed, jobSpeed } from "./estimate/training-time";
import { vllmTensorParallelSize } from "./estimate/tensor-parallel";
import { embeddingTokensPerSecond } from "./estimate/embedding-throughput";
import { diffusionImagesPerMinute } from "./estimate/diffusion-throughput";

/** Nodes the estimator may ask for when a full fine-tune does not fit one node, or a deadline needs more. */
export const MAX_AUTO_NODES = 64;

/**
 * What sizing finds for one instance type, whatever the work's size and the price: the nodes memory needs, the
 * estimate, how the GPU runs the precision, one replica's speed (inference) or a run's (fine-tunes and training).
 * A decision turns it into a candidate with its amounts (tokens per second, training tokens, a deadline) and prices.
 */
export interface TypeSizing {
  readonly nodeCount: number;
  readonly memoryEstimate?: MemoryEstimate;
  readonly precision?: PrecisionVerdict;
  /** Inference of a language model: the fastest replica layout that fits. */
  readonly replica?: ReplicaSpeed;
  /** Why no replica of this type meets the target's stream floor (or holds a sequence), when none does. */
  readonly throughputShortfall?: string;
  /** Why the type cannot run the usage's tensorParallelSize × copiesPerInstance, when it cannot. */
  readonly layoutMiss?: string;
  /** Fine-tunes and training with trainingTokens: the run's speed on nodeCount nodes. */
  readonly job?: JobSpeed;
  /** An embedding model under an inputTokensPerSecond target: input tokens per second one instance embeds. */
  readonly embeddingPerReplica?: number;
  /** A diffusion model under an imagesPerMinute target: images per minute one instance generates, and at how many steps. */
  readonly imagesPerReplica?: { readonly imagesPerMinute: number; readonly steps: number };
}

/**
 * Where sizing results are kept, for one model and one sizing key (see {@link sizingKey}): one decision's, or, for a
 * catalog model under the default taxonomy (immutable data), a store shared by every decision that asks the same of
 * that model, so a platform's many workloads of one model size each type once.
 */
export type SizingStore = Map<string, unknown>;

const SHARED = new Map<string, SizingStore>();
/** The shared stores are emptied when there are more than this many: memory stays bounded in a long-running process. */
const MAX_SHARED_STORES = 2_000;

/** The store for a decision: shared for a catalog model of the default taxonomy, else its own. */
export function sizingStore(sharedModelName: string | undefined, key: string): SizingStore {
  if (sharedModelName === undefined) return new Map();
  const id = `${sharedModelName}|${key}`;
  let store = SHARED.get(id);
  if (!store) {
    if (SHARED.size >= MAX_SHARED_STORES) SHARED.clear();
    SHARED.set(id, (store = new Map()));
  }
  return store;
}

function kept<V>(store: SizingStore, key: string, compute: () => V): V {
  let value = store.get(key) as V | undefined;
  if (value === undefined) store.set(key, (value = compute()));
  return value;
}

/**
 * Everything sizing reads of the requirements besides the instance type, as one string: the usage with its mode and
 * precision, whether a throughput target is sized for and its stream floor, fixed nodes, the cluster link floor, and
 * whether a run (trainingTokens), an embedding fleet (inputTokensPerSecond) or an image fleet (imagesPerMinute) is sized.
 * Never their amounts.
 */
export function sizingKey(r: ResolvedRequirements): string {
  const usage = r.requirements.usage ?? {};
  let key = `${r.mode}|${r.precision}`;
  for (const field of Object.keys(usage).sort()) {
    const value = (usage as Record<string, unknown>)[field];
    if (value !== undefined && field !== "mode" && field !== "precision") key += `|${field}=${String(value)}`;
  }
  return `${key}|t=${r.throughput ? (r.throughput.minTokensPerSecondPerStream ?? "-") : "no"}|n=${r.requirements.nodes ?? "-"}|c=${r.minClusterNetworkGbps ?? "-"}|j=${r.trainingTokens !== undefined}|e=${r.inputTokensPerSecond !== undefined}|i=${r.imagesPerMinute !== undefined}`;
}

/** The type's sizing, from the store when this key has sized it before. */
export function sizeType(spec: InstanceTypeSpec, gpu: GpuModel, r: ResolvedRequirements, store: SizingStore): TypeSizing {
  return kept(store, spec.instanceType, () => size(spec, gpu, r, store));
}

function size(spec: InstanceTypeSpec, gpu: GpuModel, r: ResolvedRequirements, store: SizingStore): TypeSizing {
  const { nodeCount, memoryEstimate } = nodesForMemory(spec, gpu, r, store);
  const precision = r.precision === undefined ? undefined : kept(store, `p|${gpu.name}`, () => precisionSupport(r.precision!, gpu, r.mode));
  const llm = r.model?.kind === "llm" ? r.model : undefined;
  const usage = r.requirements.usage;
  const layout = r.mode === "inference" ? layoutMiss(r.model, spec.gpuCount, usage) : undefined;
  if (llm && r.mode === "inference" && memoryEstimate && precision && precision.support !== "unsupported" && !layout) {
    return { nodeCount, precision, ...fastestReplica(llm, spec, gpu, memoryEstimate, precision, r, store) };
  }
  const job =
    llm && r.trainingTokens !== undefined && r.mode !== "inference" && memoryEstimate ? jobSpeedOn(llm, spec, gpu, memoryEstimate, nodeCount, r) : undefined;
  // One embedding server per GPU, each computing at its share of the GPU's peak.
  const embedder =
    r.model?.kind === "embedding" && r.inputTokensPerSecond !== undefined && memoryEstimate && precision && precision.support !== "unsupported"
      ? r.model
      : undefined;
  const embeddingPerReplica =
    embedder && spec.gpuCount * embeddingTokensPerSecond(embedder, memoryEstimate!.contextTokens, gpu, spec.gpuFraction ?? 1, precision!);
  return { nodeCount, memoryEstimate, precision, layoutMiss: layout, job, embeddingPerReplica, imagesPerReplica: imagesOn(spec, gpu, r) };
}

/** One pipeline per GPU, each generating one image at a time at the usage's steps (else the model's default). */
function imagesOn(spec: InstanceTypeSpec, gpu: GpuModel, r: ResolvedRequirements): TypeSizing["imagesPerReplica"] {
  if (r.model?.kind !== "diffusion" || r.imagesPerMinute === undefined || !r.model.speed) return undefined;
  const steps = r.requirements.usage?.denoisingSteps ?? r.model.speed.defaultSteps;
  return { imagesPerMinute: spec.gpuCount * diffusionImagesPerMinute(r.model.speed, steps, gpu, spec.gpuFraction ?? 1), steps };
}

/**
 * One replica on the usage's layout; with a target and no layout given, every tensor-parallel size that fits is
 * tried and the fastest replica kept (8 copies of an 8B model on p5.48xlarge make more tokens than one over 8 GPUs).
 */
function fastestReplica(
  llm: LanguageModelSpec,
  spec: InstanceTypeSpec,
  gpu: GpuModel,
  first: MemoryEstimate,
  precision: PrecisionVerdict,
  r: ResolvedRequirements,
  store: SizingStore,
): Pick<TypeSizing, "memoryEstimate" | "replica" | "throughputShortfall"> {
  const one = replicaOn(llm, spec, gpu, first, precision, r);
  let best = "miss" in one ? { memoryEstimate: first, throughputShortfall: one.miss } : { memoryEstimate: first, replica: one };
  const usage = r.requirements.usage;
  const search = r.throughput && usage?.engine !== "transformers" && usage?.tensorParallelSize === undefined && usage?.copiesPerInstance === undefined;
  if (!search || spec.gpuCount < 2) return best;
  const usableGiB = usableMemoryGiB(gpu, spec.gpuFraction ?? 1);
  for (const tp of layoutsToTry(llm, spec.gpuCount)) {
    if (tp === first.gpuCount) continue;
    const estimate = estimateOn(llm, tp, spec, gpu, r, store);
    if (!fitsOnGpu(estimate, usableGiB)) continue;
    const other = replicaOn(llm, spec, gpu, estimate, precision, r);
    if ("miss" in other || (best.replica && other.perReplica <= best.replica.perReplica)) continue;
    best = { memoryEstimate: estimate, replica: other };
  }
  return best;
}

/** One replica of this type: copies of the model side by side on the GPUs the estimate spans each. */
function replicaOn(llm: LanguageModelSpec, spec: InstanceTypeSpec, gpu: GpuModel, e: MemoryEstimate, precision: PrecisionVerdict, r: ResolvedRequirements) {
  // The price is not read here: the fleet's cost is worked out per decision (fleetAtLoad).
  const hw = {
    gpu,
    gpus: e.gpuCount,
    copies: spec.gpuCount / e.gpuCount,
    gpuFraction: spec.gpuFraction ?? 1,
    interconnect: spec.gpuInterconnect,
    usdPerInstanceHour: 0,
  };
  return servingReplica(
    llm,
    r.requirements.usage ?? {},
    e,
    precision,
    hw,
    estimateTarget(gpu, spec),
    r.throughput !== undefined,
    r.throughput?.minTokensPerSecondPerStream,
  );
}

/** The speed of a run of the model on `nodes` nodes of this type. */
function jobSpeedOn(llm: LanguageModelSpec, spec: InstanceTypeSpec, gpu: GpuModel, e: MemoryEstimate, nodes: number, r: ResolvedRequirements): JobSpeed {
  return jobSpeed(llm, {
    mode: r.mode as "lora" | "full",
    gpu,
    gpuFraction: spec.gpuFraction ?? 1,
    parallelism: { gpusPerNode: spec.gpuCount, nodes, intraNode: spec.gpuInterconnect, networkGbps: spec.networkGbps },
    weightsGiB: e.weightsTotalGiB,
    minClusterGbps: r.minClusterNetworkGbps,
    fp8: r.requirements.usage?.fp8Training === true,
  });
}

/** The sizing of a run of this type on `nodes` nodes (a deadline's), from the store when sized before. */
export function sizeOnNodes(
  spec: InstanceTypeSpec,
  gpu: GpuModel,
  r: ResolvedRequirements,
  store: SizingStore,
  nodes: number,
): { readonly memoryEstimate: MemoryEstimate; readonly job: JobSpeed } {
  return kept(store, `n|${spec.instanceType}|${nodes}`, () => {
    const llm = r.model as LanguageModelSpec;
    const memoryEstimate = estimateOn(llm, gpusSharing(llm, spec.gpuCount * nodes, { ...r.requirements.usage, mode: r.mode }), spec, gpu, r, store);
    return { memoryEstimate, job: jobSpeedOn(llm, spec, gpu, memoryEstimate, nodes, r) };
  });
}

/** The memory estimate for one copy of the model on `gpus` GPUs of this type's GPU. */
function estimateOn(model: ModelSpec, gpus: number, spec: InstanceTypeSpec, gpu: GpuModel, r: ResolvedRequirements, store: SizingStore): MemoryEstimate {
  const target = estimateTarget(gpu, spec);
  return kept(store, `m|${gpus}|${target.memoryGiB}|${target.name}`, () =>
    estimateCheckedMemory(model, { ...r.requirements.usage, mode: r.mode }, gpus, target),
  );
}

/** What vLLM's defaults depend on: the GPU's memory and name. */
export function estimateTarget(gpu: GpuModel, spec: InstanceTypeSpec): EstimateTarget {
  return { memoryGiB: usableMemoryGiB(gpu, spec.gpuFraction ?? 1), name: gpu.name };
}

/**
 * Nodes and estimate for one instance type. Inference and LoRA shard over one node's GPUs; a full fine-tune that does
 * not fit one node grows to the fewest EFA-connected nodes that hold it (the minClusterNetworkGbps constraint then says
 * whether those nodes may be joined).
 */
function nodesForMemory(
  spec: InstanceTypeSpec,
  gpu: GpuModel,
  r: ResolvedRequirements,
  store: SizingStore,
): { nodeCount: number; memoryEstimate?: MemoryEstimate } {
  const fixedNodes = r.requirements.nodes;
  const model = r.model;
  if (!model) return { nodeCount: fixedNodes ?? 1 };
  const usage = { ...r.requirements.usage, mode: r.mode };
  const estimateOnNodes = (nodes: number) => estimateOn(model, gpusSharing(model, spec.gpuCount * nodes, usage), spec, gpu, r, store);
  if (fixedNodes !== undefined) return { nodeCount: fixedNodes, memoryEstimate: estimateOnNodes(fixedNodes) };
  let estimate = estimateOnNodes(1);
  const usableGiB = usableMemoryGiB(gpu, spec.gpuFraction ?? 1);
  if (r.mode !== "full" || fitsOnGpu(estimate, usableGiB) || spec.efaInterfaces === 0) return { nodeCount: 1, memoryEstimate: estimate };
  for (let nodes = 2; nodes <= MAX_AUTO_NODES; nodes++) {
    estimate = estimateOnNodes(nodes);
    if (fitsOnGpu(estimate, usableGiB)) return { nodeCount: nodes, memoryEstimate: estimate };
  }
  return { nodeCount: 1, memoryEstimate: estimateOnNodes(1) };
}

/**
 * The GPUs one copy of the model spans: a diffusion pipeline runs whole on one GPU; a serving engine splits a language
 * model over the usage's tensorParallelSize (or the GPUs over its copiesPerInstance), else the largest tensor-parallel
 * size the attention heads allow (the rest run further copies); training and transformers shard over all of them.
 */
function gpusSharing(model: ModelSpec, gpus: number, usage: ModelUsage): number {
  // A diffusion pipeline or an embedding server runs whole on one GPU.
  if (model.kind !== "llm") return 1;
  if (usage.mode !== "inference" || usage.engine === "transformers") return gpus;
  if (usage.tensorParallelSize !== undefined) return usage.tensorParallelSize;
  if (usage.copiesPerInstance !== undefined) return Math.max(1, Math.floor(gpus / usage.copiesPerInstance));
  return vllmTensorParallelSize(model.attentionHeads, gpus);
}

/** Why an instance cannot run the usage's layout (tensor-parallel size × copies), if it cannot. */
function layoutMiss(model: ModelSpec | undefined, gpus: number, usage: ModelUsage | undefined): string | undefined {
  if (!usage || model?.kind !== "llm" || (usage.tensorParallelSize === undefined && usage.copiesPerInstance === undefined)) return undefined;
  const tp = usage.tensorParallelSize ?? gpus / usage.copiesPerInstance!;
  const copies = usage.copiesPerInstance ?? gpus / tp;
  if (!Number.isInteger(tp) || !Number.isInteger(copies) || tp * copies !== gpus) {
    return `${gpus} GPU${gpus > 1 ? "s" : ""} cannot run ${usage.copiesPerInstance ?? "whole"} cop${copies === 1 ? "y" : "ies"} at tensor-parallel size ${usage.tensorParallelSize ?? "any"}`;
  }
  if (model.attentionHeads % tp !== 0) return `tensor-parallel size ${tp} does not divide ${model.name}'s ${model.attentionHeads} attention heads`;
  return undefined;
}

/** The tensor-parallel sizes worth trying on `gpus` GPUs: each divides the GPUs and the attention heads. */
function layoutsToTry(model: LanguageModelSpec, gpus: number): number[] {
  const sizes: number[] = [];
  for (let tp = 1; tp <= gpus; tp++) if (gpus % tp === 0 && model.attentionHeads % tp === 0) sizes.push(tp);
  return sizes;
}
