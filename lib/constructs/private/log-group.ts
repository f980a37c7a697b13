import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Construct } from "constructs";
import { InvalidRequirementError } from "../../validation/errors";
import { addRolePolicy } from "./grants";
import { isToken } from "./tokens";

/** CloudWatch Logs accepts these retention periods only (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
/** A year: CKV_AWS_338. */
export const DEFAULT_LOG_RETENTION_DAYS = 365;
/** A symmetric KMS key's ARN (CloudWatch Logs takes the ARN, not an id or alias). */
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]{1,128}$/;

export function checkLogRetention(property: string, days: unknown): void {
  if (days !== undefined && !LOG_RETENTION_DAYS.includes(days as never)) {
    throw new InvalidRequirementError(property, days, `use a period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`);
  }
}

export function checkLogKmsKey(property: string, arn: unknown): void {
  if (arn === undefined || isToken(arn)) return;
  if (typeof arn !== "string" || !KMS_KEY_ARN.test(arn)) {
    throw new InvalidRequirementError(
      property,
      arn,
      'give a KMS key ARN such as "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" (CloudWatch Logs takes no key id or alias)',
    );
  }
}

export interface WorkloadLogGroupProps {
  readonly name: string;
  readonly retentionDays: number;
  /**
   * A customer-managed KMS key that encrypts the logs (CKV_AWS_158); its key policy must let logs.<region>.amazonaws.com
   * use it. Writers need no KMS permission: CloudWatch Logs encrypts.
   */
  readonly kmsKeyArn?: string;
  readonly tags: Record<string, string>;
}

/** The log group the workload's containers write to (docker's awslogs driver on the host), and the instances' right to write there alone. */
export function createWorkloadLogGroup(scope: Construct, role: IamRole, props: WorkloadLogGroupProps): CloudwatchLogGroup {
  const logGroup = new CloudwatchLogGroup(scope, "log-group", {
    name: props.name,
    retentionInDays: props.retentionDays,
    kmsKeyId: props.kmsKeyArn,
    tags: props.tags,
  });
  addRolePolicy(scope, "write-logs", role, [{ actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${logGroup.arn}:*`] }]);
  return logGroup;
}
