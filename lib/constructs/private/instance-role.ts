import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Construct } from "constructs";
import { iamDescription } from "../../validation/aws-text";
import { callerAccount } from "./caller-account";
import { PolicyStatement } from "../policy-statement";
import { addRolePolicy } from "./grants";
import { literalText } from "./terraform-text";

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

export interface InstanceProfileNames {
  readonly rolePrefix: string;
  readonly instanceProfilePrefix: string;
}

/**
 * An instance role trusted by EC2 alone with Session Manager's permissions, and its profile. Everything else it gets is
 * an inline policy scoped to one need (the workload's log group, image repository, secrets, metrics namespace, ...).
 */
export function createInstanceProfile(
  scope: Construct,
  names: InstanceProfileNames,
  tags: Record<string, string>,
): { readonly role: IamRole; readonly instanceProfile: IamInstanceProfile } {
  const role = new IamRole(scope, "role", {
    namePrefix: names.rolePrefix,
    description: literalText(iamDescription(`GPU workload ${scope.node.path}: Session Manager and the grants of its inline policies`)),
    assumeRolePolicy: trustPolicy("ec2.amazonaws.com"),
    tags,
  });
  addRolePolicy(scope, "session-manager", role, SESSION_MANAGER_STATEMENTS);
  const instanceProfile = new IamInstanceProfile(scope, "instance-profile", { namePrefix: names.instanceProfilePrefix, role: role.name, tags });
  return { role, instanceProfile };
}

/**
 * The role an AWS Batch job's containers assume (ECS task role, trusted by ecs-tasks.amazonaws.com), with
 * no permissions until the user grants some: jobs never borrow the instance role (its IMDS hop limit is 1).
 * ECS assumes it only for tasks of this account in this region (confused deputy: the ECS guide, "Task IAM role",
 * recommends aws:SourceAccount and aws:SourceArn, with a wildcard for the cluster, which it cannot name).
 */
export function createJobRole(scope: Construct, rolePrefix: string, region: string, tags: Record<string, string>): IamRole {
  const account = callerAccount(scope);
  return new IamRole(scope, "job-role", {
    namePrefix: rolePrefix,
    description: literalText(iamDescription(`AWS Batch jobs of ${scope.node.path}: no permissions unless granted`)),
    assumeRolePolicy: trustPolicy("ecs-tasks.amazonaws.com", {
      StringEquals: { "aws:SourceAccount": account },
      ArnLike: { "aws:SourceArn": `arn:aws:ecs:${region}:${account}:*` },
    }),
    tags,
  });
}

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
