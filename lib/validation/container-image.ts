/**
 * Container images pinned by tag or digest: an image is never pulled as whatever "latest" is at boot, so every instance
 * (and every AWS Batch job) runs what was reviewed.
 */

/** A repository (optionally on a registry with a port), then a tag other than "latest" or a sha256 digest. */
const PINNED_IMAGE = /^[a-z0-9][a-z0-9._\-/]*(:[0-9]+)?[a-z0-9._\-/]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;

export function isPinnedImage(image: string): boolean {
  return PINNED_IMAGE.test(image) && !/:latest$/.test(image);
}

/**
 * The same test in Terraform, for an image known only at plan (a variable): `image` is the expression. No braces in it
 * (a digest's 64 digits are counted with length()): cdktf reads "}" as the end of the interpolation around a reference.
 */
export function pinnedImageCondition(image: string): string {
  const tagged = `can(regex(":[A-Za-z0-9_][A-Za-z0-9_.-]*$", ${image})) && !endswith(${image}, ":latest") && !can(regex("@", ${image}))`;
  const digest = `can(regex("@sha256:[a-f0-9]+$", ${image})) && length(element(split("@sha256:", ${image}), 1)) == 64`;
  return `(${tagged}) || (${digest})`;
}

export const PIN_HINT =
  'pin the image by tag or digest, e.g. "vllm/vllm-openai:v0.32.0" or "…@sha256:…" (never "latest": every boot or job could run another image)';
