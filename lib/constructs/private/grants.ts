import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { isDenseList } from "../../validation/allowed-values";
import { InvalidRequirementError } from "../../validation/errors";
import { literalText, replaceTokens } from "./terraform-text";
import { isToken } from "./tokens";
import { PolicyStatement } from "../policy-statement";

/**
 * Actions that let a holder gain permissions beyond its own (Rhino Security Labs' IAM privilege-escalation methods, and
 * AWS's STS credential issuers): every IAM action that is not a read (Get, List, Simulate, Generate), and STS's. IAM
 * action names are case-insensitive, so they are compared so.
 */
export function isEscalationAction(action: string): boolean {
  const [service, name] = action.toLowerCase().split(":");
  if (service === "sts") return !/^(getcalleridentity|getaccesskeyinfo|decodeauthorizationmessage)$/.test(name);
  return service === "iam" && !/^(get|list|simulate|generate)/.test(name);
}

/** A wildcard in an ARN's resource part (after its fifth ":"); the documented "-??????" of a secret's name excepted. */
function widensResource(arn: string): boolean {
  const resource = arn.split(":").slice(5).join(":");
  return /[*?]/.test(SECRET_ARN.test(arn) ? resource.replace(/-\?{6}$/, "") : resource);
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
  const allowed = statement.allowWidening ?? [];
  if (!isDenseList(allowed) || !allowed.every((a) => typeof a === "string")) {
    throw new InvalidRequirementError(`${property}.allowWidening`, allowed, "give a list of the actions and resources of this statement it may carry");
  }
  allowed.forEach((entry, i) => {
    if (!statement.actions.includes(entry) && !statement.resources.includes(entry)) {
      throw new InvalidRequirementError(`${property}.allowWidening[${i}]`, entry, "name an action or resource of this statement, exactly as written there");
    }
  });
  statement.actions.forEach((action, i) => {
    if (typeof action !== "string" || !ACTION.test(action)) {
      throw new InvalidRequirementError(`${property}.actions[${i}]`, action, 'name one action such as "s3:GetObject": no wildcards');
    }
    if (isEscalationAction(action) && !allowed.includes(action)) {
      throw new InvalidRequirementError(
        `${property}.actions[${i}]`,
        action,
        `it lets the workload's code widen its own permissions (privilege escalation); if it must, name it in allowWidening: ["${action}"]`,
      );
    }
  });
  statement.resources.forEach((resource, i) => {
    // A reference is an ARN Terraform knows; text around it ("${bucket.arn}/*") is still the user's.
    const wildcard = isToken(resource)
      ? /[*?]/.test(replaceTokens(resource, ""))
      : typeof resource === "string" && ARN.test(resource) && widensResource(resource);
    if (wildcard && !allowed.includes(resource)) {
      throw new InvalidRequirementError(
        `${property}.resources[${i}]`,
        resource,
        `a wildcard in an ARN's resource part reaches more than one resource; name one resource, use grantReadS3 for objects under a prefix, or name it in allowWidening: ["${resource}"]`,
      );
    }
    if (isToken(resource)) return;
    if (typeof resource !== "string" || !ARN.test(resource)) {
      throw new InvalidRequirementError(
        `${property}.resources[${i}]`,
        resource,
        'give an ARN such as "arn:aws:s3:::my-bucket/models/model.safetensors" or a Terraform reference, never "*"',
      );
    }
  });
}

function checkArn(property: string, value: unknown, pattern: RegExp, example: string): void {
  if (isToken(value)) return;
  if (typeof value !== "string" || !pattern.test(value))
    throw new InvalidRequirementError(property, value, `give an ARN such as "${example}" or a Terraform reference`);
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

/**
 * An inline policy on the role: scoped to the statements given, named after what it grants. The document is literal
 * Terraform text: "${" and "%{" from an ARN or prefix reach IAM as written (an IAM policy variable such as
 * ${aws:username} included), never evaluated by Terraform; references embedded as tokens stay references. `replaceable`
 * (a name from the content): the replacement is created before the policy it replaces is deleted.
 */
export function addRolePolicy(
  scope: Construct,
  id: string,
  role: IamRole,
  statements: readonly PolicyStatement[],
  options: { readonly replaceable?: boolean } = {},
): IamRolePolicy {
  const document = {
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      Effect: "Allow",
      Action: [...s.actions],
      Resource: [...s.resources],
      ...(s.conditions ? { Condition: s.conditions } : {}),
    })),
  };
  return new IamRolePolicy(scope, id, {
    name: id,
    role: role.id,
    policy: literalText(JSON.stringify(document)),
    // A name from the content changes with it: the new policy is in place before the old one goes.
    ...(options.replaceable && { lifecycle: { createBeforeDestroy: true } }),
  });
}
