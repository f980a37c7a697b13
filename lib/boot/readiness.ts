import { IMAGE_SECONDS_PER_GIB, WEIGHT_SECONDS_PER_GIB } from "../selection/estimate/start-up";

/**
 * How long a new server instance takes to become ready, and so how long a fleet holds it at its launch lifecycle hook
 * (or a single server's health probe waits) before judging it. Figures are conservative, each with where it comes from;
 * the README's "Operating it" section quotes them.
 */

/**
 * Boot, container start and warm-up: the DLAMI boots in ~60–90 s; vLLM's start after loading (torch.compile, CUDA graph
 * capture) takes 1–3 min on a first start. Ten minutes covers both with room.
 */
const FIXED_SECONDS = 600;
/** EC2 Auto Scaling's longest heartbeat timeout (PutLifecycleHook: 30 to 7,200 s). */
export const MAX_HEARTBEAT_SECONDS = 7200;

/** Seconds from launch until the server should answer its health check, rounded up to a minute, at most two hours. */
export function readySeconds(imageSizeGiB: number, weightsGiB: number): number {
  const seconds = FIXED_SECONDS + imageSizeGiB * IMAGE_SECONDS_PER_GIB + Math.ceil(weightsGiB) * WEIGHT_SECONDS_PER_GIB;
  return Math.min(MAX_HEARTBEAT_SECONDS, Math.ceil(seconds / 60) * 60);
}

/** The instance gives up (and abandons its launch) this long before the hook would time out, so the reason is its own. */
export const ADMISSION_MARGIN_SECONDS = 60;
