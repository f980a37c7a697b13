import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { literalText } from "../../specs/terraform-text";
import { policyDocument } from "../../specs/iam";
import { PolicyStatement } from "../../specs/iam";

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
  return new IamRolePolicy(scope, id, {
    name: id,
    role: role.id,
    policy: literalText(JSON.stringify(policyDocument(statements))),
    // A name from the content changes with it: the new policy is in place before the old one goes.
    ...(options.replaceable && { lifecycle: { createBeforeDestroy: true } }),
  });
}
