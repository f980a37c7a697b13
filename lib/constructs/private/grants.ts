import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { isDenseList } from "../../validation/allowed-values";
import { InvalidRequirementError } from "../../validation/errors";
import { isToken } from "./tokens";

/** One permission: actions on resources, optionally under conditions (IAM's JSON, without wildcards). */
export interface PolicyStatement {
  /** Named actions, e.g. "s3:GetObject": no "*" and no "service:*". */
  readonly actions: readonly string[];
  /** ARNs (a key pattern after the bucket, e.g. "arn:aws:s3:::models/llama/*", is fine) or Terraform references; never "*". */
  readonly resources: readonly string[];
  /** IAM condition block, e.g. { StringLike: { "s3:prefix": ["llama/*"] } }. */
  readonly conditions?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:[^\s"]+$/;
const S3_BUCKET_ARN = /^arn:aws:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ECR_REPOSITORY_ARN = /^arn:aws:ecr:[a-z0-9-]+:\d{12}:repository\/[a-z0-9][a-z0-9._/-]*$/;
/** A secret's full ARN (AWS appends 6 random characters), or the name with "-??????" in their place. */
const SECRET_ARN = /^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+(-\?{6})?$/;

/** Throws a typed error naming the field unless the statement names actions and resources without wildcards. */
export function checkStatement(property: string, statement: PolicyStatement): void {
  if (statement === null || typeof statement !== "object") throw new InvalidRequirementError(property, statement, "give { actions, resources }");
  for (const key of ["actions", "resources"] as const) {
    const list = statement[key];
    if (!isDenseList(list) || list.length === 0) throw new InvalidRequirementError(`${property}.${key}`, list, `give a non-empty list of ${key}`);
  }
  statement.actions.forEach((action, i) => {
    if (typeof action !== "string" || !ACTION.test(action)) {
      throw new InvalidRequirementError(`${property}.actions[${i}]`, action, 'name one action such as "s3:GetObject": no wildcards');
    }
  });
  statement.resources.forEach((resource, i) => {
    if (isToken(resource)) return;
    if (typeof resource !== "string" || !ARN.test(resource)) {
      throw new InvalidRequirementError(`${property}.resources[${i}]`, resource, 'give an ARN such as "arn:aws:s3:::my-bucket/models/*" or a Terraform reference, never "*"');
    }
  });
}

function checkArn(property: string, value: unknown, pattern: RegExp, example: string): void {
  if (isToken(value)) return;
  if (typeof value !== "string" || !pattern.test(value)) throw new InvalidRequirementError(property, value, `give an ARN such as "${example}" or a Terraform reference`);
}

/** Read objects under a prefix of a bucket (GetObject) and list that prefix (ListBucket, conditioned on it). */
export function readS3Statements(bucketArn: string, prefix = ""): PolicyStatement[] {
  checkArn("grantReadS3.bucketArn", bucketArn, S3_BUCKET_ARN, "arn:aws:s3:::my-models");
  if (!isToken(prefix) && (typeof prefix !== "string" || /[*?]|^\//.test(prefix) || prefix.length > 1000)) {
    throw new InvalidRequirementError("grantReadS3.prefix", prefix, 'give a key prefix such as "llama-3.1-8b/", without wildcards or a leading "/"');
  }
  return [
    { actions: ["s3:GetObject"], resources: [`${bucketArn}/${prefix}*`] },
    { actions: ["s3:ListBucket"], resources: [bucketArn], ...(prefix ? { conditions: { StringLike: { "s3:prefix": [`${prefix}*`] } } } : {}) },
  ];
}

/**
 * Pull images from one ECR repository. ecr:GetAuthorizationToken has no resource-level permissions (AWS: "Resource": "*"
 * is its only form); the token alone reaches no repository without the statement before it.
 */
export function pullEcrStatements(repositoryArn: string): PolicyStatement[] {
  checkArn("grantPullEcr.repositoryArn", repositoryArn, ECR_REPOSITORY_ARN, "arn:aws:ecr:us-east-1:123456789012:repository/vllm");
  return [
    { actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"], resources: [repositoryArn] },
    { actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
  ];
}

/** Read one secret's value (a Hugging Face token, say). A customer-managed KMS key needs its own kms:Decrypt grant. */
export function readSecretStatements(secretArn: string): PolicyStatement[] {
  checkArn("grantSecretRead.secretArn", secretArn, SECRET_ARN, "arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-token-AbCdEf");
  return [{ actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], resources: [secretArn] }];
}

/**
 * Publish metrics to one namespace, the workload's own. PutMetricData has no resource-level permissions (AWS: "*" is its
 * only resource); the cloudwatch:namespace condition is what scopes it, so no workload can write another's metrics.
 */
export function publishMetricsStatements(namespace: string): PolicyStatement[] {
  return [{ actions: ["cloudwatch:PutMetricData"], resources: ["*"], conditions: { StringEquals: { "cloudwatch:namespace": namespace } } }];
}

/** An inline policy on the role: scoped to the statements given, named after what it grants. */
export function addRolePolicy(scope: Construct, id: string, role: IamRole, statements: readonly PolicyStatement[]): IamRolePolicy {
  const document = {
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      Effect: "Allow",
      Action: [...s.actions],
      Resource: [...s.resources],
      ...(s.conditions ? { Condition: s.conditions } : {}),
    })),
  };
  return new IamRolePolicy(scope, id, { name: id, role: role.id, policy: JSON.stringify(document) });
}
