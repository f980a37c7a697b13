import { DEFAULT_TAXONOMY } from "../taxonomy/taxonomy";
import { JSON_FLAG } from "./args";
import { command } from "./command";
import { renderTable, withNotes } from "./table";

export const gpusCommand = command({
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
    // 100 columns: memory and its type share a column, and GPUs AWS does not offer are marked and named below.
    const text = renderTable(
      ["GPU", "memory", "usable MiB", "GB/s", "BF16", "FP8", "tier", "cost", "availability"],
      gpus.map((g) => [
        g.awsEquivalent ? `${g.name}*` : g.name,
        `${g.memoryGB} GB ${g.memoryType}`,
        g.usableMemoryMiB,
        g.memoryBandwidthGBps,
        g.bf16Tflops,
        g.fp8Tflops ?? "-",
        g.tier,
        g.relativeCost,
        g.availability,
      ]),
    );
    const elsewhere = gpus.filter((g) => g.awsEquivalent).map((g) => `${g.name} (use ${g.awsEquivalent!.gpu})`);
    const notes = [
      "BF16 and FP8: dense TFLOPS. GB/s: memory bandwidth.",
      ...(elsewhere.length ? [`* Not offered on AWS: ${elsewhere.join(", ")}.`] : []),
      `Figures as of ${DEFAULT_TAXONOMY.asOf}; sources: the taxonomy's rows (lib/taxonomy/data/gpu-models.ts).`,
    ];
    return { json, text: withNotes(text, notes) };
  },
});
