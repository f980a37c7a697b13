import { resolveGpuName } from "../selection/resolve-names";
import { DEFAULT_TAXONOMY, gpuModel } from "../taxonomy/taxonomy";
import { InstanceTypeSpec } from "../taxonomy/instance-type";
import { REFERENCE_REGION, instancePrice, rowPriceRegion } from "../taxonomy/pricing";
import { gpusLabel } from "../taxonomy/gpu-share";
import { GpuWorkloadsError } from "../validation/errors";
import { checkRegion } from "../selection/validate-requirements";
import { JSON_FLAG, flag } from "./args";
import { command } from "./command";
import { hourlyOr, renderTable, withNotes } from "./table";

export const catalogCommand = command({
  name: "catalog",
  summary: "the GPU instance types, filtered by GPU, region or family",
  usage: "gpu-workloads catalog [--gpu X] [--region R] [--family F] [--json]",
  flags: {
    gpu: flag.string("X", 'only types with this GPU, by any spelling ("A10G", "NVIDIA A10G", "a10g")'),
    region: flag.string("R", "only types offered in this region, at its prices (default: every type, us-east-1 prices)"),
    family: flag.string("F", "only this family (g5, g6e, p5, ...)"),
    json: JSON_FLAG,
  },
  flagFor: { region: "--region" },
  examples: ["gpu-workloads catalog --gpu L40S", "gpu-workloads catalog --family p5 --region eu-west-1", "gpu-workloads catalog --region us-west-2 --json"],
  run(flags) {
    const taxonomy = DEFAULT_TAXONOMY;
    const gpu = flags.gpu === undefined ? undefined : resolveGpuName(taxonomy, String(flags.gpu), "--gpu");
    if (flags.region !== undefined) checkRegion(String(flags.region), taxonomy);
    const families = new Set(taxonomy.instanceTypes.map((t) => t.family));
    if (flags.family !== undefined && !families.has(String(flags.family))) {
      throw new GpuWorkloadsError("UnknownFamily", `--family "${flags.family}" is not a GPU family of the taxonomy; use one of ${[...families].join(", ")}.`);
    }
    const rows = taxonomy.instanceTypes.filter(
      (t) =>
        (gpu === undefined || t.gpu === gpu) &&
        (flags.region === undefined || t.regions.includes(String(flags.region))) &&
        (flags.family === undefined || t.family === flags.family),
    );
    const region = flags.region === undefined ? REFERENCE_REGION : String(flags.region);
    const price = (t: InstanceTypeSpec) => instancePrice(t, region);
    const pricedElsewhere = (t: InstanceTypeSpec) => price(t).fromReferenceRegion && price(t).usdPerInstanceHour !== null;
    const json = rows.map((t) => ({
      instanceType: t.instanceType,
      gpu: t.gpu,
      gpuCount: t.gpuCount,
      gpuFraction: t.gpuFraction ?? 1,
      /** Per GPU, or per GPU share for a fractional type. */
      gpuMemoryGB: gpuModel(taxonomy, t.gpu).memoryGB * (t.gpuFraction ?? 1),
      vcpus: t.vcpus,
      memoryGiB: t.memoryGiB,
      networkGbps: t.networkGbps,
      efaInterfaces: t.efaInterfaces,
      localNvmeGB: t.localNvmeGB,
      cpuArchitecture: t.cpuArchitecture,
      region,
      usdPerInstanceHour: price(t).usdPerInstanceHour,
      spotUsdPerInstanceHour: price(t).spotUsdPerInstanceHour,
      capacityBlockOnly: Boolean(t.capacityBlockOnly),
      legacy: Boolean(t.legacy),
      regions: t.regions,
    }));
    // 100 columns: the region is named below the table, legacy and Capacity-Block-only types are marked.
    const text = renderTable(
      ["instance", "GPUs", "GB/GPU", "vCPU", "GiB", "Gbps", "EFA", "NVMe GB", "arch", "$/inst-h", "spot"],
      rows.map((t) => [
        t.instanceType + (t.legacy ? "*" : "") + (t.capacityBlockOnly ? "†" : "") + (pricedElsewhere(t) ? "‡" : ""),
        gpusLabel(t.gpuCount, t.gpuFraction, t.gpu),
        gpuModel(taxonomy, t.gpu).memoryGB * (t.gpuFraction ?? 1),
        t.vcpus,
        t.memoryGiB,
        t.networkGbps,
        t.efaInterfaces,
        t.localNvmeGB,
        t.cpuArchitecture,
        hourlyOr(price(t).usdPerInstanceHour, "no price"),
        hourlyOr(price(t).spotUsdPerInstanceHour),
      ]),
    );
    const where = flags.region === undefined ? "us-east-1 (give --region for another)" : region;
    const notes = [
      `${rows.length} instance types; on-demand Linux prices in ${where} as of ${taxonomy.asOf}, ` +
        `spot estimates as of ${taxonomy.spotPricesAsOf ?? taxonomy.asOf}. --json lists the regions that offer each type.`,
      ...(rows.some((t) => t.legacy) ? ["* previous generation: chosen only when its GPU is named (e.g. --gpus V100)."] : []),
      ...(rows.some((t) => t.capacityBlockOnly) ? ["† Capacity Blocks only: AWS publishes no on-demand or spot price."] : []),
      ...rows.filter(pricedElsewhere).map((t) => `‡ ${t.instanceType}: no ${price(t).region} price in the table; ${rowPriceRegion(t)}'s is shown.`),
    ];
    return { json, text: withNotes(text, notes) };
  },
});
