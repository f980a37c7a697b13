import { round2 } from "../../plan/money";
import { DLAMI_ROOT_SNAPSHOT_GIB } from "./ami";
import { RootVolume } from "../root-volume";

export type { RootVolume };

/** Beyond the image and the weights: Docker's compressed layers while it pulls, logs and caches (torch.compile, CUDA graphs). */
const HEADROOM_GIB = 20;

/** gp3 as every volume gets it: 3,000 IOPS and 125 MiB/s included (EBS User Guide, "General Purpose SSD volumes", as of 2026-12-07). */
const GP3_BASELINE = { iops: 3000, throughputMiBps: 125 } as const;
/** Throughput provisioned at most: 1,000 MiB/s, the limit every gp3 volume has had (newer volumes may take 2,000). */
const GP3_MAX_THROUGHPUT_MIBPS = 1000;
/** gp3 needs one IOPS per 0.25 MiB/s of throughput provisioned. */
const IOPS_PER_MIBPS = 4;
/** Weights are read from the root volume into GPU memory at every start: within two minutes, where throughput allows. */
const WEIGHT_READ_SECONDS = 120;

/**
 * gp3 list prices in us-east-1, USD per month: storage per GiB, IOPS above 3,000, MiB/s above 125 (Amazon EBS pricing,
 * https://aws.amazon.com/ebs/pricing/, as of 2026-12-07). Other regions cost up to ~20% more; the report says us-east-1.
 */
export const GP3_USD_PER_MONTH = { perGiB: 0.08, perIops: 0.005, perMiBps: 0.04 } as const;

/** The root volume for a container image of `imageSizeGiB` (none known: 0) and `weightsGiB` of weights. */
export function rootVolume(givenGiB: number | undefined, imageSizeGiB: number | undefined, weightsGiB: number): RootVolume {
  const sizeGiB = givenGiB ?? DLAMI_ROOT_SNAPSHOT_GIB + (imageSizeGiB ?? 0) + Math.ceil(weightsGiB) + HEADROOM_GIB;
  const wanted = (weightsGiB * 1024) / WEIGHT_READ_SECONDS;
  // In steps of the baseline, so a slightly different estimate does not change the template.
  const throughputMiBps = Math.min(GP3_MAX_THROUGHPUT_MIBPS, Math.max(1, Math.ceil(wanted / GP3_BASELINE.throughputMiBps)) * GP3_BASELINE.throughputMiBps);
  const iops = Math.max(GP3_BASELINE.iops, throughputMiBps * IOPS_PER_MIBPS);
  const usdPerVolumeMonth =
    sizeGiB * GP3_USD_PER_MONTH.perGiB +
    (iops - GP3_BASELINE.iops) * GP3_USD_PER_MONTH.perIops +
    (throughputMiBps - GP3_BASELINE.throughputMiBps) * GP3_USD_PER_MONTH.perMiBps;
  return { sizeGiB, throughputMiBps, iops, usdPerVolumeMonth: round2(usdPerVolumeMonth) };
}
