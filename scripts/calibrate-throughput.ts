/**
 * Fits each engine's speed (lib/selection/estimate/engines/*.ts) on the calibration set of published runs
 * (test/fixtures/throughput-measurements.json) and reports predicted ÷ measured on both sets. It writes nothing: a
 * maintainer copies the figures it prints into the engine modules, and the calibration test holds them to the targets.
 * Usage: npm run build && node dist/scripts/calibrate-throughput.js
 */
import { SERVING_ENGINES } from "../lib/selection/estimate/engines";
import { EngineSpeed } from "../lib/selection/estimate/engines/serving-engine";
import { PUBLISHED_RUNS, PublishedRun, predictRun, ratios } from "./calibration/published-runs";

const GRID: { readonly [K in "bandwidthUtilization" | "computeUtilization" | "halfEfficiencyTokens" | "stepOverheadSeconds"]: readonly number[] } = {
  // Within what single-GPU batch-1 runs reach (60–82% of peak: gpt-fast, vLLM, llmperf).
  bandwidthUtilization: [0.6, 0.65, 0.7, 0.75, 0.8, 0.85],
  computeUtilization: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75],
  halfEfficiencyTokens: [8, 16, 32, 64, 128],
  stepOverheadSeconds: [0.0002, 0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004],
};

/** Mean absolute log ratio: over- and under-estimates by the same factor weigh the same. */
function loss(runs: readonly PublishedRun[], speed: EngineSpeed): number {
  return runs.reduce((sum, run) => sum + Math.abs(Math.log(predictRun(run, speed) / run.measuredOutputTokensPerSecond)), 0) / runs.length;
}

function fit(runs: readonly PublishedRun[], start: EngineSpeed): EngineSpeed {
  let best = start;
  let bestLoss = loss(runs, best);
  for (let round = 0; round < 4; round++) {
    for (const [key, values] of Object.entries(GRID)) {
      for (const value of values) {
        const trial = { ...best, [key]: value };
        const l = loss(runs, trial);
        if (l < bestLoss - 1e-9) [best, bestLoss] = [trial, l];
      }
    }
  }
  return best;
}

const fitted = new Map<string, EngineSpeed>();
for (const [name, engine] of Object.entries(SERVING_ENGINES)) {
  const runs = PUBLISHED_RUNS.filter((r) => r.engine === name && r.set === "calibration");
  if (runs.length < 3) continue;
  const speed = fit(runs, engine.speed);
  fitted.set(name, speed);
  console.log(`${name}: ${runs.length} calibration runs, loss ${loss(runs, engine.speed).toFixed(3)} → ${loss(runs, speed).toFixed(3)}`, JSON.stringify(speed));
}
for (const set of ["calibration", "held-out"] as const) {
  const r = ratios(
    PUBLISHED_RUNS.filter((run) => run.set === set),
    (run) => fitted.get(run.engine),
  );
  console.log(`${set}: ${r.each.length} runs, median ${r.median.toFixed(2)}×, range ${r.lowest.toFixed(2)}–${r.highest.toFixed(2)}×`);
  for (const e of r.each) console.log(`  ${e.ratio.toFixed(2)}  ${e.run.id}`);
}
