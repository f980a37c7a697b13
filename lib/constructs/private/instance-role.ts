import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { iamDescription } from "../../validation/aws-text";
import { literalText } from "./terraform-text";

/** AWS-managed policies an instance may get, each for one named need; nothing custom, nothing wildcarded by us. */
export const MANAGED_POLICIES = {
  /** Session Manager: operators reach instances without SSH keys or open ports. */
  sessionManager: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
  /** The CloudWatch agent publishes GPU utilization for scaling. */
  cloudWatchAgent: "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
  /** The ECS agent on AWS Batch instances registers with the cluster and pulls images. */
  batchContainerInstance: "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
} as const;

export type ManagedPolicy = keyof typeof MANAGED_POLICIES;

export interface InstanceProfileNames {
  readonly rolePrefix: string;
  readonly instanceProfilePrefix: string;
}

/** An instance role trusted by EC2 alone, with Session Manager access plus only the named extras, and its profile. */
export function createInstanceProfile(
  scope: Construct,
  names: InstanceProfileNames,
  tags: Record<string, string>,
  extras: readonly ManagedPolicy[] = [],
): { readonly role: IamRole; readonly instanceProfile: IamInstanceProfile } {
  const role = new IamRole(scope, "role", {
    namePrefix: names.rolePrefix,
    description: literalText(iamDescription(`GPU workload ${scope.node.path}: ${["sessionManager", ...extras].join(", ")}`)),
    assumeRolePolicy: trustedBy("ec2.amazonaws.com"),
    tags,
  });
  for (const policy of ["sessionManager", ...extras] as ManagedPolicy[]) {
    new IamRolePolicyAttachment(scope, policy === "sessionManager" ? "ssm-core" : `policy-${policy}`, {
      role: role.name,
      policyArn: MANAGED_POLICIES[policy],
    });
  }
  const instanceProfile = new IamInstanceProfile(scope, "instance-profile", { namePrefix: names.instanceProfilePrefix, role: role.name, tags });
  return { role, instanceProfile };
}

/**
 * The role an AWS Batch job's containers assume (ECS task role, trusted by ecs-tasks.amazonaws.com), with
 * no permissions until the user grants some: jobs never borrow the instance role (its IMDS hop limit is 1).
 */
export function createJobRole(scope: Construct, rolePrefix: string, tags: Record<string, string>): IamRole {
  return new IamRole(scope, "job-role", {
    namePrefix: rolePrefix,
    description: literalText(iamDescription(`AWS Batch jobs of ${scope.node.path}: no permissions unless granted`)),
    assumeRolePolicy: trustedBy("ecs-tasks.amazonaws.com"),
    tags,
  });
}

function trustedBy(service: string): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
}
