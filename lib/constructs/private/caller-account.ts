import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { IConstruct } from "constructs";
import { sharedInStack, stackOf } from "./framework";

/** The account the stack deploys to (one read per stack, shared by its workloads), for ARNs and trust conditions. */
export function callerAccount(scope: IConstruct): string {
  return sharedInStack(stackOf(scope), "gpu-workloads-account", (s, i) => new DataAwsCallerIdentity(s, i, {})).accountId;
}
