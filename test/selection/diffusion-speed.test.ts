import * as fs from "fs";
import * as path from "path";
import { DIFFUSION_STEP_OVERHEAD_SECONDS, diffusionStepSeconds } from "../../lib/selection/estimate/diffusion-throughput";
import { resolveModel } from "../../lib/selection/resolve-names";
import { selectInstance } from "../../lib/selection/select-instance";
import { GpuModel, GpuName } from "../../lib/taxonomy/gpu-model";
import { DiffusionModelSpec, DiffusionSpeed } from "../../lib/taxonomy/model-spec";
import { DEFAULT_TAXONOMY, gpuModel } from "../../lib/taxonomy/taxonomy";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";

interface Run {
  readonly id: string;
  readonly model: string;
  readonly gpu: string;
  readonly peakTflops?: number;
  readonly steps: number;
  readonly secondsPerImage: number;
  readonly scaledMiss?: boolean;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "diffusion-measurements.json"), "utf8")) as {
  calibration: Run[];
  heldOut: Run[];
};
const diffusion = (name: string) => resolveModel(DEFAULT_TAXONOMY, name) as DiffusionModelSpec;
const gpuOf = (run: Run): GpuModel =>
  run.peakTflops ? ({ name: run.gpu, bf16Tflops: run.peakTflops } as GpuModel) : gpuModel(DEFAULT_TAXONOMY, run.gpu as GpuName);
/** The scaled figure alone: what a GPU without a run of its own gets. */
const scaledOnly = (speed: DiffusionSpeed): DiffusionSpeed => ({ ...speed, measuredStepSeconds: undefined });
const predicted = (run: Run, speed = diffusion(run.model).speed!) => run.steps * diffusionStepSeconds(speed, gpuOf(run), 1);

describe("diffusion speed, against published plain-PyTorch runs", () => {
  test("the overhead and SDXL's step are the exact fit of Stability's A100 and H100 baselines; FLUX.1-dev's step is its H100 run less the overhead", () => {
    const [a100, h100, flux] = fixture.calibration;
    const stepA = a100.secondsPerImage / a100.steps;
    const stepH = h100.secondsPerImage / h100.steps;
    const peakA = gpuOf(a100).bf16Tflops;
    const peakH = gpuOf(h100).bf16Tflops;
    const compute = (stepA - stepH) / (1 / peakA - 1 / peakH);
    expect(DIFFUSION_STEP_OVERHEAD_SECONDS).toBeCloseTo(stepH - compute / peakH, 3);
    expect(diffusion("sdxl").speed!.stepSecondsAtPetaflop).toBeCloseTo(compute / 1000, 3);
    const fluxCompute = (flux.secondsPerImage / flux.steps - DIFFUSION_STEP_OVERHEAD_SECONDS) * gpuOf(flux).bf16Tflops;
    expect(diffusion("flux.1-dev").speed!.stepSecondsAtPetaflop).toBeCloseTo(fluxCompute / 1000, 3);
    for (const run of fixture.calibration) expect(predicted(run) / run.secondsPerImage).toBeCloseTo(1, 1);
  });

  test("held-out runs: within 0.6–1.5× of their measurements (A10 0.67×, the rest 0.81–1.12×)", () => {
    const ratios = fixture.heldOut.filter((r) => !r.scaledMiss).map((run) => predicted(run) / run.secondsPerImage);
    expect(ratios).toHaveLength(7);
    for (const ratio of ratios) {
      expect(ratio).toBeGreaterThan(0.6);
      expect(ratio).toBeLessThan(1.5);
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    expect(sorted[3]).toBeGreaterThan(0.9);
    expect(sorted[3]).toBeLessThan(1.1);
  });

  test("the T4, whose peak would predict 3× its measured speed, uses its own published run (and so does the T4G, the same chip)", () => {
    const t4 = fixture.heldOut.find((r) => r.scaledMiss)!;
    const sdxl = diffusion("sdxl").speed!;
    expect(predicted(t4, scaledOnly(sdxl)) / t4.secondsPerImage).toBeLessThan(0.5);
    expect(predicted(t4) / t4.secondsPerImage).toBeCloseTo(1, 1);
    expect(diffusionStepSeconds(sdxl, gpuModel(DEFAULT_TAXONOMY, "T4G"), 1)).toBe(diffusionStepSeconds(sdxl, gpuModel(DEFAULT_TAXONOMY, "T4"), 1));
  });
});

describe("imagesPerMinute sizes an image fleet", () => {
  test("replicas × images per instance cover the target; the cheapest fleet wins; steps default to the pipeline's and can be given", () => {
    const d = selectInstance({ workload: WorkloadClass.IMAGE_GENERATION, model: "sdxl", imagesPerMinute: 100 });
    expect(d.objective).toBe("throughput-cost");
    expect(d.images!.steps).toBe(50);
    expect(d.images!.replicas * d.images!.imagesPerMinutePerReplica).toBeGreaterThanOrEqual(100 - 0.01 * d.images!.replicas);
    expect(d.replicas).toBe(d.images!.replicas);
    expect(d.onDemandUsdPerHour).toBeCloseTo(d.usdPerInstanceHour * d.replicas, 2);
    for (const a of d.alternatives.filter((x) => x.images)) expect(a.onDemandUsdPerHour).toBeGreaterThanOrEqual(d.onDemandUsdPerHour);
    expect(d.images!.usdPerThousandImages).toBeCloseTo((d.usdPerHour / (100 * 60)) * 1000, 3);
    const fewer = selectInstance({ workload: WorkloadClass.IMAGE_GENERATION, model: "sdxl", imagesPerMinute: 100, usage: { denoisingSteps: 25 } });
    expect(fewer.images!.steps).toBe(25);
    expect(fewer.onDemandUsdPerHour).toBeLessThan(d.onDemandUsdPerHour);
    expect(d.reason).toMatch(/images\/min per instance at 50 steps, \d+ instances for 100 images\/min/);
  });

  test("FLUX.1-dev (38.8 GB) needs a 48 GB card; schnell's 4 steps need a seventh of dev's fleet", () => {
    const dev = selectInstance({ workload: WorkloadClass.IMAGE_GENERATION, model: "flux.1-dev", imagesPerMinute: 60 });
    expect(dev.gpu.memoryGB).toBeGreaterThanOrEqual(48);
    const schnell = selectInstance({ workload: WorkloadClass.IMAGE_GENERATION, model: "flux.1-schnell", imagesPerMinute: 60, gpus: [dev.gpu.name] });
    expect(schnell.images!.imagesPerMinutePerReplica / dev.images!.imagesPerMinutePerReplica).toBeCloseTo(7, 0);
  });

  test("refused where it cannot be sized: a model without a published speed, another kind of model, steps on a language model", () => {
    expect(() => selectInstance({ workload: WorkloadClass.IMAGE_GENERATION, model: "flux.1-kontext-dev", imagesPerMinute: 10 })).toThrow(
      /imagesPerMinute is 10; no published run gives flux.1-kontext-dev's speed \(models with one: sdxl, flux.1-dev, flux.1-schnell, flux.1-krea-dev\); give replicas instead/,
    );
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "llama-3.1-8b", imagesPerMinute: 10 })).toThrow(
      /imagesPerMinute is 10; it sizes a diffusion model's work; llama-3.1-8b is a language model \(give throughput instead\)/,
    );
    expect(() => selectInstance({ workload: WorkloadClass.IMAGE_GENERATION, model: "sdxl", inputTokensPerSecond: 10 })).toThrow(
      /sdxl is a diffusion model \(give imagesPerMinute instead\)/,
    );
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "llama-3.1-8b", usage: { denoisingSteps: 20 } })).toThrow(
      /usage.denoisingSteps is 20; llama-3.1-8b is not a diffusion model; this setting applies to diffusion models/,
    );
    expect(() => selectInstance({ workload: WorkloadClass.IMAGE_GENERATION, imagesPerMinute: 10 })).toThrow(/imagesPerMinute is 10; it needs a model/);
  });
});
