import { asciiFold } from "./ascii-fold";

/**
 * Descriptions AWS accepts. The Terraform provider counts bytes where AWS counts characters
 * ("×" is two bytes), so lengths here are UTF-8 bytes, the stricter of the two.
 * Sources, as of 2026-11-29: EC2 API CreateLaunchTemplate (VersionDescription ≤ 255) and terraform-provider-aws
 * ec2_launch_template.go (StringLenBetween(0, 255), bytes); EC2 API IpRange / CreateSecurityGroup (group and rule
 * descriptions ≤ 255, a-zA-Z0-9 spaces ._-:/()#,@[]+=&;{}!$*); IAM API CreateRole (Description ≤ 1000,
 * [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*).
 */

/** Marks text that was cut to fit a limit. */
const TRUNCATION_MARKER = "…";

/** `text` cut on a character boundary to at most `maxBytes` UTF-8 bytes, ending in "…" when it was cut. */
export function limitBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const room = maxBytes - Buffer.byteLength(TRUNCATION_MARKER, "utf8");
  let kept = "";
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, "utf8");
    if (bytes + size > room) break;
    kept += char;
    bytes += size;
  }
  return kept + TRUNCATION_MARKER;
}

const EC2_DESCRIPTION_CHAR = /[0-9A-Za-z ._\-:/()#,@[\]+=&;{}!$*]/;
const EC2_DESCRIPTION_MAX = 255;

/** A security group or rule description: EC2's character set (others become "_", accents dropped), at most 255 characters. */
export function ec2Description(text: string): string {
  const cleaned = [...asciiFold(text)].map((c) => (EC2_DESCRIPTION_CHAR.test(c) ? c : "_")).join("");
  return cleaned.length <= EC2_DESCRIPTION_MAX ? cleaned : `${cleaned.slice(0, EC2_DESCRIPTION_MAX - 3)}...`;
}

const IAM_DESCRIPTION_CHAR = /[\t\n\r\u0020-\u007e\u00a1-\u00ff]/;
const IAM_DESCRIPTION_MAX_BYTES = 1000;

/** An IAM role description: IAM's character set (others become "?"), at most 1000 bytes. */
export function iamDescription(text: string): string {
  return limitBytes([...text].map((c) => (IAM_DESCRIPTION_CHAR.test(c) ? c : "?")).join(""), IAM_DESCRIPTION_MAX_BYTES);
}

/** A launch template (version) description: at most 255 bytes. */
export function launchTemplateDescription(text: string): string {
  return limitBytes(text, 255);
}
