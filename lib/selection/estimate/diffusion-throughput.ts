import { GpuModel } from "../../taxonomy/gpu-model";
import { DiffusionModelSpec, DiffusionSpeed } from "../../taxonomy/model-spec";

/**
 * Seconds every denoising step costs whatever the GPU's speed (kernel launches, the scheduler, Python), fitted with
 * SDXL's stepSecondsAtPetaflop on the two plain-PyTorch runs of one harness (Stability's SDXL TensorRT card, "Baseline
 * (non-optimized)", 30 steps at 1024x1024: A100 3,704 ms, H100 2,496 ms): the H100 has 3.2× the A100's peak but runs 1.48×
 * as fast. test/fixtures/diffusion-measurements.json holds them and the held-out runs.
 */
export const DIFFUSION_STEP_OVERHEAD_SECONDS = 0.0646;

/** What one instance of a type generates, and the fleet a target needs. */
export interface DiffusionThroughput {
  /** Images per minute one instance generates: one pipeline per GPU, one image at a time. */
  readonly imagesPerMinutePerReplica: number;
  /** Denoising steps per image. */
  readonly steps: number;
  /** Instances the target needs. */
  readonly replicas: number;
  /** USD per thousand images at the purchase option's price and the target's load. */
  readonly usdPerThousandImages: number;
  /** The assumptions behind the figures, in words. */
  readonly assumptions: readonly string[];
}

/** Seconds one denoising step takes on a (share of a) GPU: measured there, else the compute scaled by its peak plus the overhead. */
export function diffusionStepSeconds(speed: DiffusionSpeed, gpu: GpuModel, gpuFraction: number): number {
  const measured = speed.measuredStepSeconds?.[gpu.name];
  const whole = measured ?? DIFFUSION_STEP_OVERHEAD_SECONDS + (speed.stepSecondsAtPetaflop * 1000) / gpu.bf16Tflops;
  return whole / gpuFraction;
}

/** Images per minute one GPU (or its share) generates at `steps` steps each. */
export function diffusionImagesPerMinute(speed: DiffusionSpeed, steps: number, gpu: GpuModel, gpuFraction: number): number {
  return 60 / (steps * diffusionStepSeconds(speed, gpu, gpuFraction));
}

/** The fleet `imagesPerMinute` needs of instances that each generate `perReplica`, at `usdPerInstanceHour`. */
export function diffusionFleet(
  m: DiffusionModelSpec,
  steps: number,
  perReplica: number,
  imagesPerMinute: number,
  usdPerInstanceHour: number,
  gpu: GpuModel,
  gpus: number,
): DiffusionThroughput {
  const replicas = Math.ceil(imagesPerMinute / perReplica);
  const measured = m.speed?.measuredStepSeconds?.[gpu.name] !== undefined;
  return {
    imagesPerMinutePerReplica: Math.round(perReplica * 100) / 100,
    steps,
    replicas,
    usdPerThousandImages: Math.round(((replicas * usdPerInstanceHour) / (imagesPerMinute * 60)) * 1000 * 10000) / 10000,
    get assumptions() {
      return [
        measured
          ? `${m.name}'s published ${gpu.name} run: ${m.speed!.measuredStepSeconds![gpu.name]} s per step`
          : `${m.name}: ${m.speed!.stepSecondsAtPetaflop} s of compute per step at 1,000 TFLOPS, scaled to the ${gpu.name}'s ${gpu.bf16Tflops}, plus ${DIFFUSION_STEP_OVERHEAD_SECONDS} s per step (fitted on published plain-PyTorch runs)`,
        `${steps} steps per image at the native resolution, one image at a time, one pipeline per GPU: ${gpus} per instance`,
        `${replicas} instance(s) for ${imagesPerMinute} images/min; USD per thousand images at that load`,
      ];
    },
  };
}
