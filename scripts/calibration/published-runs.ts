import { readFileSync } from "fs";
import { join } from "path";
import { estimateMemory } from "../../lib/selection/memory-estimate";
import { InferenceEngine, ModelUsage, Precision } from "../../lib/selection/estimate/model-usage";
import { SERVING_ENGINES } from "../../lib/selection/estimate/engines";
import { EngineSpeed } from "../../lib/selection/estimate/engines/serving-engine";
import { precisionSupport } from "../../lib/selection/estimate/precision-support";
import { servingThroughput } from "../../lib/selection/estimate/serving-throughput";
import { resolveModel } from "../../lib/selection/resolve-names";
import { usableMemoryGiB } from "../../lib/taxonomy/gpu-share";
import { GpuName } from "../../lib/taxonomy/gpu-model";
import { LanguageModelSpec } from "../../lib/taxonomy/model-spec";
import { DEFAULT_TAXONOMY, gpuModel } from "../../lib/taxonomy/taxonomy";

/** One published serving run: the setup as its source states it, and the output tokens per second it measured. */
export interface PublishedRun {
  readonly id: string;
  /** "calibration": the engine speeds are fitted on it; "held-out": never fitted on, only checked. */
  readonly set: "calibration" | "held-out";
  readonly model: string;
  readonly gpu: GpuName;
  readonly tensorParallel: number;
  readonly copies: number;
  readonly precision: Precision;
  readonly kvCachePrecision: "auto" | "fp8";
  readonly engine: InferenceEngine;
  readonly promptTokens: number;
  readonly outputTokens: number;
  /** Requests in flight; null for an offline run (every request at once: the server runs what its memory holds). */
  readonly concurrency: number | null;
  readonly measuredOutputTokensPerSecond: number;
  readonly source: { readonly title: string; readonly url: string; readonly asOf: string };
  readonly quote: string;
}

// The repository root from the source (ts-jest) and from dist/ alike.
const ROOT = join(__dirname, __dirname.includes(`${join("dist", "scripts")}`) ? "../../.." : "../..");
export const PUBLISHED_RUNS: readonly PublishedRun[] = JSON.parse(readFileSync(join(ROOT, "test/fixtures/throughput-measurements.json"), "utf8"));

/** What the estimator predicts for a run's whole server, in output tokens per second (with another engine speed, when fitting). */
export function predictRun(run: PublishedRun, speed?: EngineSpeed): number {
  const model = resolveModel(DEFAULT_TAXONOMY, run.model) as LanguageModelSpec;
  const gpu = gpuModel(DEFAULT_TAXONOMY, run.gpu);
  const usage: ModelUsage = {
    engine: run.engine,
    precision: run.precision,
    ...(run.kvCachePrecision === "fp8" ? { kvCachePrecision: "fp8" as const } : {}),
    contextTokens: run.promptTokens + run.outputTokens,
    outputTokens: run.outputTokens,
    concurrency: 1,
  };
  const server = { memoryGiB: usableMemoryGiB(gpu, 1), name: gpu.name };
  const memory = estimateMemory(model, usage, run.tensorParallel, server);
  const engine = speed ? { ...SERVING_ENGINES[run.engine], speed } : SERVING_ENGINES[run.engine];
  const hw = { gpu, gpus: run.tensorParallel, copies: run.copies, gpuFraction: 1, interconnect: gpu.interconnect, usdPerInstanceHour: 1 };
  const verdict = precisionSupport(run.precision, gpu, "inference");
  // An offline run is a target no server reaches: it runs every sequence memory holds.
  const target = run.concurrency === null ? { outputTokensPerSecond: 1e12 } : undefined;
  const t = servingThroughput(
    model,
    { ...usage, concurrency: run.concurrency ?? 1 },
    { ...memory, concurrency: run.concurrency ?? 1 },
    verdict,
    hw,
    server,
    target,
    engine,
  );
  if ("miss" in t) throw new Error(`${run.id}: ${t.miss}`);
  return t.outputTokensPerSecondPerReplica;
}

/** Predicted over measured, and the summary the README reports: the median ratio and the worst case either way. */
export function ratios(runs: readonly PublishedRun[], speedOf?: (run: PublishedRun) => EngineSpeed | undefined) {
  const each = runs.map((run) => ({ run, ratio: predictRun(run, speedOf?.(run)) / run.measuredOutputTokensPerSecond }));
  const sorted = each.map((e) => e.ratio).sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { each, median, lowest: sorted[0], highest: sorted[sorted.length - 1] };
}
