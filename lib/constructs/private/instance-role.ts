import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Construct } from "constructs";
import { iamDescription } from "../../validation/aws-text";
import { callerAccount } from "./caller-account";
import { addRolePolicy } from "./grants";
import { SESSION_MANAGER_STATEMENTS, trustPolicy } from "../../specs/iam";
import { literalText } from "../../specs/terraform-text";

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
