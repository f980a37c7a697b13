import { asciiFold } from "./ascii-fold";

/**
 * What each AWS name we build may hold. Terraform appends a 26-character unique suffix to a
 * `name_prefix`, so a prefix's limit is the name's less 26 (terraform-plugin-sdk helper/id, UniqueIDSuffixLength).
 * Sources, as of 2026-11-29: EC2 API CreateLaunchTemplate and terraform-provider-aws internal/verify/validate.go
 * (ValidLaunchTemplateName: prefix 3–99); IAM API CreateRole / CreateInstanceProfile and internal/service/iam
 * (role prefix ≤ 38, instance profile prefix ≤ 102, [\w+=,.@-]); EC2 API CreateSecurityGroup (255, a-zA-Z0-9
 * spaces ._-:/()#,@[]+=&;{}!$*, not "sg-") and internal/service/ec2/vpc_security_group.go (prefix ≤ 229);
 * Auto Scaling API CreateAutoScalingGroup (1–255, ASCII 33–126 without ":") and PutScalingPolicy (1–255);
 * AWS Batch job definition parameters and internal/service/batch/validate.go (^[0-9A-Za-z][0-9A-Za-z_-]{0,127}$);
 * EC2 API CreatePlacementGroup (up to 255 ASCII characters).
 * Where AWS allows more (Auto Scaling takes any ASCII but ":", security groups "$", "{" and "}"), we keep to
 * letters, digits, "." "_" "-":
 * "$", "%" and braces in a name would start a Terraform template.
 */
export interface AwsNameRule {
  /** Longest name (or name prefix) in characters, all ASCII. */
  readonly maxLength: number;
  /** Shortest name AWS or the provider accepts. */
  readonly minLength: number;
  /** One allowed character. */
  readonly allowed: RegExp;
  /** The first character, when AWS restricts it. */
  readonly first?: RegExp;
}

const ALNUM = /[0-9A-Za-z]/;

export const AWS_NAME_RULES = {
  launchTemplatePrefix: { maxLength: 99, minLength: 3, allowed: /[0-9A-Za-z()./_-]/ },
  iamRolePrefix: { maxLength: 38, minLength: 1, allowed: /[\w+=,.@-]/ },
  iamRoleName: { maxLength: 64, minLength: 1, allowed: /[\w+=,.@-]/ },
  instanceProfilePrefix: { maxLength: 102, minLength: 1, allowed: /[\w+=,.@-]/ },
  securityGroupPrefix: { maxLength: 229, minLength: 1, allowed: /[0-9A-Za-z._-]/, first: ALNUM },
  autoScalingGroupPrefix: { maxLength: 229, minLength: 1, allowed: /[0-9A-Za-z._-]/ },
  autoScalingPolicyName: { maxLength: 255, minLength: 1, allowed: /[0-9A-Za-z._-]/ },
  batchName: { maxLength: 128, minLength: 1, allowed: /[0-9A-Za-z_-]/, first: ALNUM },
  placementGroupName: { maxLength: 255, minLength: 1, allowed: /[0-9A-Za-z_-]/ },
  /** node_group_name_prefix: the provider allows 37 characters (63 less its 26-character unique suffix). */
  eksNodeGroupPrefix: { maxLength: 37, minLength: 1, allowed: /[0-9A-Za-z_-]/, first: ALNUM },
} as const satisfies Record<string, AwsNameRule>;

/** Used when nothing of the construct id survives the character rules. */
const FALLBACK = "gpu-workload";

/**
 * A name within `rule` from a construct id: unsupported characters become hyphens (accents are dropped
 * first: "Ünïcødé" → "Unicode"), runs of hyphens collapse, the start is made valid, and the base is cut
 * so that base + suffix fits. The suffix (e.g. "-" for a prefix, "-1a2b3c4d" for uniqueness) is kept whole.
 */
export function awsName(id: string, rule: AwsNameRule, suffix = ""): string {
  let base = [...asciiFold(id)]
    .map((c) => (rule.allowed.test(c) ? c : "-"))
    .join("")
    .replace(/-+/g, "-");
  base = base.replace(/^-+|-+$/g, "");
  while (base && rule.first && !rule.first.test(base[0])) base = base.slice(1);
  if (!base) base = FALLBACK;
  const room = rule.maxLength - suffix.length;
  base = base.slice(0, room).replace(/-+$/, "") || FALLBACK.slice(0, room);
  // Too short ("a-" for a launch template, which needs 3): lengthen the base, keep the suffix last.
  return base.padEnd(rule.minLength - suffix.length, "0") + suffix;
}
