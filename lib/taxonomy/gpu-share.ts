import { GpuModel } from "./gpu-model";

/** GiB of a GPU a workload may use: its usable memory (what the driver leaves), times the instance's share of the GPU. */
export function usableMemoryGiB(gpu: Pick<GpuModel, "usableMemoryMiB">, fraction = 1): number {
  return (gpu.usableMemoryMiB / 1024) * fraction;
}

/** "1/8" for 0.125: the fractions AWS sells GPUs in (1/8, 1/4, 1/2), else the decimal. */
export function fractionLabel(fraction: number): string {
  const denominator = [2, 4, 8, 16].find((d) => Math.abs(fraction * d - Math.round(fraction * d)) < 1e-9);
  return denominator ? `${Math.round(fraction * denominator)}/${denominator}` : String(fraction);
}

/** How tables and reasons print an instance's GPUs: "8× H100", or "1/8× L4" for a fractional type. */
export function gpusLabel(gpuCount: number, gpuFraction: number | undefined, gpu: string): string {
  return gpuFraction !== undefined && gpuFraction < 1 ? `${fractionLabel(gpuFraction)}× ${gpu}` : `${gpuCount}× ${gpu}`;
}
