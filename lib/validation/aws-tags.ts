import { InvalidRequirementError } from "./errors";

/**
 * Tags every service we tag accepts (EC2, IAM, Auto Scaling, AWS Batch): the strictest of their rules.
 * Keys 1–127 characters (EC2's API_Tag; other services allow 128), values up to 256; letters, numbers,
 * spaces and _ . : / = + - @ (IAM's pattern [\p{L}\p{Z}\p{N}_.:/=+\-@]); no "aws:" prefix; at most 50 per resource.
 * Sources, as of 2026-11-29: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Tag.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html,
 * https://docs.aws.amazon.com/batch/latest/userguide/tag-restrictions.html.
 */
export const TAG_LIMITS = { keyMaxLength: 127, valueMaxLength: 256, perResource: 50 } as const;

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Throws a typed error naming the tag unless every key and value is one AWS accepts everywhere.
 * Values for which `isToken` holds are resolved by Terraform and pass unchecked.
 */
export function checkTags(property: string, tags: unknown, isToken: (value: unknown) => boolean = () => false): void {
  if (tags === undefined) return;
  if (tags === null || typeof tags !== "object" || Array.isArray(tags)) {
    throw new InvalidRequirementError(property, tags, 'give an object of tag keys and string values, e.g. { Team: "ml" }');
  }
  const entries = Object.entries(tags);
  if (entries.length > TAG_LIMITS.perResource) {
    throw new InvalidRequirementError(
      property,
      `${entries.length} tags`,
      `give at most ${TAG_LIMITS.perResource} tags (AWS's limit per resource, the library's own included)`,
    );
  }
  for (const [key, value] of entries) {
    const length = [...key].length;
    if (length < 1 || length > TAG_LIMITS.keyMaxLength || !TAG_TEXT.test(key)) {
      throw new InvalidRequirementError(`${property} key`, key, `give 1 to ${TAG_LIMITS.keyMaxLength} letters, numbers, spaces or _ . : / = + - @`);
    }
    if (/^aws:/i.test(key)) throw new InvalidRequirementError(`${property} key`, key, 'the "aws:" prefix is reserved for AWS');
    if (isToken(value)) continue;
    if (typeof value !== "string" || [...value].length > TAG_LIMITS.valueMaxLength || !TAG_TEXT.test(value)) {
      throw new InvalidRequirementError(
        `${property}[${JSON.stringify(key)}]`,
        value,
        `give a string of at most ${TAG_LIMITS.valueMaxLength} letters, numbers, spaces or _ . : / = + - @`,
      );
    }
  }
}
