/** One permission: actions on resources, optionally under conditions (IAM's JSON, without wildcards). */
export interface PolicyStatement {
  /** Named actions, e.g. "s3:GetObject": no "*" and no "service:*"; no privilege escalation (see `allowWidening`). */
  readonly actions: readonly string[];
  /**
   * ARNs without a wildcard ("*" or "?") in their resource part, or Terraform references; never "*". For objects
   * under a prefix use grantReadS3, or name the pattern in `allowWidening`.
   */
  readonly resources: readonly string[];
  /** IAM condition block, e.g. { StringLike: { "s3:prefix": ["llama/*"] } }. */
  readonly conditions?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
  /**
   * The explicit opt-in for what is refused otherwise, each named exactly as it appears in the statement: a resource
   * with a wildcard in its resource part ("arn:aws:s3:::my-data/out/*") or an action that widens permissions
   * (`iam:PassRole`, `sts:AssumeRole`, any other IAM or STS action that grants, creates or changes credentials or
   * policies: ESCALATION_ACTIONS). A reviewer sees each in the code. @default - none
   */
  readonly allowWidening?: readonly string[];
}
