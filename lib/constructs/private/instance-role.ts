import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";

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

/** An instance role trusted by EC2 alone, with Session Manager access plus only the named extras. */
export function createInstanceProfile(
  scope: Construct,
  namePrefix: string,
  tags: Record<string, string>,
  extras: readonly ManagedPolicy[] = [],
): IamInstanceProfile {
  const role = new IamRole(scope, "role", {
    namePrefix,
    description: `GPU workload ${scope.node.path}: ${["sessionManager", ...extras].join(", ")}`,
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
    tags,
  });
  for (const policy of ["sessionManager", ...extras] as ManagedPolicy[]) {
    new IamRolePolicyAttachment(scope, policy === "sessionManager" ? "ssm-core" : `policy-${policy}`, {
      role: role.name,
      policyArn: MANAGED_POLICIES[policy],
    });
  }
  return new IamInstanceProfile(scope, "instance-profile", { namePrefix, role: role.name, tags });
}
