import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { PlacementGroup } from "@cdktf/provider-aws/lib/placement-group";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { addRolePolicy } from "../grants";

/** Instance ids per parameter: 200 × 20 characters stays within a standard parameter's 4 KB. */
const IDS_PER_PARAMETER = 200;

/** The SSM parameters that list a cluster's instance ids, known at synth so each node's user data can name them. */
export function nodeListParameters(parameterPath: string, nodes: number): string[] {
  return Array.from({ length: Math.ceil(nodes / IDS_PER_PARAMETER) }, (_, i) => `${parameterPath}/nodes-${i}`);
}

/**
 * What lets a node whose job failed stop the whole cluster: the nodes' ids in SSM parameters (written once they exist;
 * a node cannot know the ids of nodes created after it), read access to those alone, and StopInstances on instances in
 * this cluster's placement group alone (ec2:PlacementGroup; a list of instance ARNs would outgrow IAM's policy size).
 */
export function createClusterStop(
  scope: Construct,
  nodes: readonly Instance[],
  placementGroup: PlacementGroup,
  role: IamRole,
  where: { readonly region: string; readonly parameterPath: string },
  tags: Record<string, string>,
): void {
  const { region, parameterPath } = where;
  const parameters = nodeListParameters(parameterPath, nodes.length).map(
    (name, i) =>
      new SsmParameter(scope, `node-list-${i}`, {
        name,
        type: "String",
        value: Fn.join(",", nodes.slice(i * IDS_PER_PARAMETER, (i + 1) * IDS_PER_PARAMETER).map((n) => n.id)),
        description: "cdktf-gpu-workloads: instance ids of a training cluster, read by a node whose job failed to stop the others",
        tags,
      }),
  );
  addRolePolicy(scope, "stop-cluster", role, [
    { actions: ["ssm:GetParameter"], resources: parameters.map((p) => p.arn) },
    {
      actions: ["ec2:StopInstances"],
      // The condition names this placement group, and so the account: instances of no other group, in no other account.
      resources: [`arn:aws:ec2:${region}:*:instance/*`],
      conditions: { ArnEquals: { "ec2:PlacementGroup": placementGroup.arn } },
    },
  ]);
}
