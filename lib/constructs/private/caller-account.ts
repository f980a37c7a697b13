import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { IConstruct } from "constructs";
import { stackOf } from "./framework";

/** The account the stack deploys to (one read per stack, shared by its workloads), for ARNs and trust conditions. */
export function callerAccount(scope: IConstruct): string {
  const stack = stackOf(scope);
  const id = "gpu-workloads-account";
  const identity = (stack.node.tryFindChild(id) as DataAwsCallerIdentity | undefined) ?? new DataAwsCallerIdentity(stack, id, {});
  return identity.accountId;
}
