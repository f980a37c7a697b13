import { DEFAULT_TAXONOMY } from "../taxonomy/taxonomy";
import { JSON_FLAG } from "./args";
import { Command } from "./command";
import { renderTable } from "./table";

export const gpusCommand: Command = {
  name: "gpus",
  summary: "the GPU table: memory, bandwidth, compute, tier",
  usage: "gpu-workloads gpus [--json]",
  flags: { json: JSON_FLAG },
  examples: ["gpu-workloads gpus", "gpu-workloads gpus --json"],
  run() {
    const gpus = DEFAULT_TAXONOMY.gpus;
    const json = gpus.map((g) => ({
      name: g.name,
      memoryGB: g.memoryGB,
      usableMemoryMiB: g.usableMemoryMiB,
      memoryType: g.memoryType,
      memoryBandwidthGBps: g.memoryBandwidthGBps,
      bf16Tflops: g.bf16Tflops,
      fp8Tflops: g.fp8Tflops ?? null,
      architecture: g.architecture,
      interconnect: g.interconnect,
      tier: g.tier,
      relativeCost: g.relativeCost,
      availability: g.availability,
      awsEquivalent: g.awsEquivalent?.gpu ?? null,
    }));
    const text = renderTable(
      ["GPU", "memory GB", "usable MiB", "type", "GB/s", "BF16 TFLOPS", "FP8 TFLOPS", "tier", "cost", "availability", "on AWS"],
      gpus.map((g) => [
        g.name,
        g.memoryGB,
        g.usableMemoryMiB,
        g.memoryType,
        g.memoryBandwidthGBps,
        g.bf16Tflops,
        g.fp8Tflops ?? "-",
        g.tier,
        g.relativeCost,
        g.availability,
        g.awsEquivalent ? `no: use ${g.awsEquivalent.gpu}` : "yes",
      ]),
    );
    return { json, text: `${text}\n\nFigures as of ${DEFAULT_TAXONOMY.asOf}; sources: the taxonomy's rows (lib/taxonomy/data/gpu-models.ts).` };
  },
};
