/**
 * How long an instance takes from launch to running its container: what a server's readiness wait and a job's cost per
 * run both count. Figures are conservative, each with where it comes from; the README's "Operating it" section quotes them.
 */

/** Pull and unpack per GiB of image: ~125 MiB/s, gp3's default throughput, which unpacking is bound by: 8 s per GiB. */
export const IMAGE_SECONDS_PER_GIB = 8;
/** Download (≈100 MiB/s from S3 or the Hugging Face Hub) and load per GiB of weights: 12 s per GiB. */
export const WEIGHT_SECONDS_PER_GIB = 12;
/** GiB a container image is assumed to take unpacked when the workload does not say (ContainerOptions.imageSizeGiB). */
export const DEFAULT_IMAGE_SIZE_GIB = 30;
/** A job's boot before its image: the DLAMI boots in ~60–90 s, then torchrun's rendezvous and NCCL's start: 2 minutes. */
const JOB_BOOT_SECONDS = 120;

/** Seconds a job's instances spend before its first training step: boot, the image, the weights. Every run pays them. */
export function jobStartSeconds(weightsGiB: number, imageSizeGiB = DEFAULT_IMAGE_SIZE_GIB): number {
  return JOB_BOOT_SECONDS + imageSizeGiB * IMAGE_SECONDS_PER_GIB + Math.ceil(weightsGiB) * WEIGHT_SECONDS_PER_GIB;
}
