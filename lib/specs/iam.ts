import { isDenseList } from "../validation/allowed-values";
import { InvalidRequirementError } from "../validation/errors";
import { containsToken, replaceTokens } from "./terraform-text";

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
    const wildcard = containsToken(resource)
      ? /[*?]/.test(replaceTokens(resource, ""))
      : typeof resource === "string" && ARN.test(resource) && widensResource(resource);
    if (wildcard && !allowed.includes(resource)) {
      throw new InvalidRequirementError(
        `${property}.resources[${i}]`,
        resource,
        `a wildcard in an ARN's resource part reaches more than one resource; name one resource, use grantReadS3 for objects under a prefix, or name it in allowWidening: ["${resource}"]`,
      );
    }
    if (containsToken(resource)) return;
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
  if (containsToken(value)) return;
  if (typeof value !== "string" || !pattern.test(value))
    throw new InvalidRequirementError(property, value, `give an ARN such as "${example}" or a Terraform reference`);
}

/** Read objects under a prefix of a bucket (GetObject) and list that prefix (ListBucket, conditioned on it). */
export function readS3Statements(bucketArn: string, prefix = ""): PolicyStatement[] {
  checkArn("grantReadS3.bucketArn", bucketArn, S3_BUCKET_ARN, "arn:aws:s3:::my-models");
  if (!containsToken(prefix) && (typeof prefix !== "string" || /[*?]|^\//.test(prefix) || prefix.length > 1000)) {
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

/** The IAM policy document of `statements`: each an Allow of its actions on its resources, under its conditions. */
export function policyDocument(statements: readonly PolicyStatement[]): object {
  return {
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      Effect: "Allow",
      Action: [...s.actions],
      Resource: [...s.resources],
      ...(s.conditions ? { Condition: s.conditions } : {}),
    })),
  };
}

/**
 * Session Manager's own channels and nothing else: the actions AWS lists for a custom instance profile (Systems Manager
 * User Guide, "Create a custom IAM instance profile for Session Manager", as of 2026-12-07; without its optional S3 and
 * KMS statements for session logs), on "*", the only resource ssmmessages actions take. AmazonSSMManagedInstanceCore,
 * which this replaces, also reads every Parameter Store value in the account (ssm:GetParameter(s) on "*"), and so would
 * anything that held the instance's credentials; it adds State Manager, Inventory, Patch Manager and Run Command's
 * older ec2messages path, none of which the workload uses.
 */
export const SESSION_MANAGER_STATEMENTS: readonly PolicyStatement[] = [
  {
    actions: [
      "ssm:UpdateInstanceInformation",
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ],
    resources: ["*"],
  },
];

/**
 * A service's trust. The instance role's has no condition: AWS documents neither aws:SourceAccount nor aws:SourceArn
 * for ec2.amazonaws.com (a condition on a key EC2 does not send would deny every instance its credentials), and an
 * instance profile can only be attached by this account (iam:PassRole).
 */
export function trustPolicy(service: string, condition?: Record<string, Record<string, string>>): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole", ...(condition && { Condition: condition }) }],
  });
}

/**
 * What the ECS agent on an AWS Batch instance needs, scoped wherever the Service Authorization Reference allows
 * (AmazonEC2ContainerServiceforEC2Role v10, which this replaces, grants all of it on "*", every log group and every ECR
 * repository included): registering with the compute environment's own cluster and reporting there (the cluster's ARN),
 * polling for its tasks (container instances, conditioned on that cluster: ecs:cluster), tagging its own registration, and
 * DiscoverPollEndpoint, which takes no resource. Batch names the cluster: the compute environment reports its ARN.
 */
export function ecsAgentStatements(clusterArn: string, region: string, account: string): PolicyStatement[] {
  const arn = (type: string) => `arn:aws:ecs:${region}:${account}:${type}/*`;
  return [
    {
      actions: [
        "ecs:RegisterContainerInstance",
        "ecs:DeregisterContainerInstance",
        "ecs:SubmitContainerStateChange",
        "ecs:SubmitTaskStateChange",
        "ecs:SubmitAttachmentStateChanges",
      ],
      resources: [clusterArn],
    },
    {
      actions: ["ecs:Poll", "ecs:StartTelemetrySession", "ecs:UpdateContainerInstancesState"],
      resources: [arn("container-instance")],
      conditions: { ArnEquals: { "ecs:cluster": clusterArn } },
    },
    { actions: ["ecs:ListTagsForResource"], resources: [arn("container-instance"), arn("task")] },
    { actions: ["ecs:TagResource"], resources: [arn("container-instance")], conditions: { StringEquals: { "ecs:CreateAction": "RegisterContainerInstance" } } },
    { actions: ["ecs:DiscoverPollEndpoint"], resources: ["*"] },
  ];
}
