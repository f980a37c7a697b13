import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";

/** AWS-managed policy for Session Manager: operators reach instances without SSH keys or open ports. */
export const SSM_MANAGED_INSTANCE_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

/** An instance role trusted by EC2 alone, with Session Manager access and nothing else. */
export function createInstanceProfile(scope: Construct, namePrefix: string, tags: Record<string, string>): IamInstanceProfile {
  const role = new IamRole(scope, "role", {
    namePrefix,
    description: `GPU workload ${scope.node.path}: Session Manager access only`,
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
    tags,
  });
  new IamRolePolicyAttachment(scope, "ssm-core", { role: role.name, policyArn: SSM_MANAGED_INSTANCE_CORE });
  return new IamInstanceProfile(scope, "instance-profile", { namePrefix, role: role.name, tags });
}
