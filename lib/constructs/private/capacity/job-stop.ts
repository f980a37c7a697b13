import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { PolicyStatement } from "../../../specs/iam";
import { addRolePolicy } from "../grants";

/** Instance ids per parameter: 200 × 20 characters stays within a standard parameter's 4 KB. */
const IDS_PER_PARAMETER = 200;

/** The SSM parameters that list a cluster's instance ids, known at synth so each node's user data can name them. */
export function nodeListParameters(parameterPath: string, nodes: number): string[] {
  return Array.from({ length: Math.ceil(nodes / IDS_PER_PARAMETER) }, (_, i) => `${parameterPath}/nodes-${i}`);
}

export interface JobStopProps {
  readonly nodes: readonly Instance[];
  readonly role: IamRole;
  /** The workload's instance profile: its instances alone may be stopped. */
  readonly instanceProfileArn: string;
  readonly region: string;
  readonly parameterPath: string;
  readonly tags: Record<string, string>;
}

/**
 * What lets a job's node stop itself through EC2 when the job ends (a shutdown requested during a reboot does not stop
 * the instance), and, on a cluster, a node whose job failed stop the others: StopInstances on instances launched with
 * this workload's instance profile alone (ec2:InstanceProfile: a list of instance ARNs would outgrow IAM's policy size),
 * and the nodes' ids in SSM parameters (written once they exist: a node cannot know the ids of nodes created after it).
 */
export function createJobStop(scope: Construct, p: JobStopProps): void {
  const parameters =
    p.nodes.length > 1
      ? nodeListParameters(p.parameterPath, p.nodes.length).map(
          (name, i) =>
            new SsmParameter(scope, `node-list-${i}`, {
              name,
              type: "String",
              value: Fn.join(
                ",",
                p.nodes.slice(i * IDS_PER_PARAMETER, (i + 1) * IDS_PER_PARAMETER).map((n) => n.id),
              ),
              description: "cdktf-gpu-workloads: instance ids of a training cluster, read by a node whose job failed to stop the others",
              tags: p.tags,
            }),
        )
      : [];
  const statements: PolicyStatement[] = [
    ...(parameters.length ? [{ actions: ["ssm:GetParameter"], resources: parameters.map((s) => s.arn) }] : []),
    {
      actions: ["ec2:StopInstances"],
      // The condition names this workload's instance profile, and so the account: no other workload's instances.
      resources: [`arn:aws:ec2:${p.region}:*:instance/*`],
      conditions: { ArnEquals: { "ec2:InstanceProfile": p.instanceProfileArn } },
    },
  ];
  addRolePolicy(scope, "stop-job-nodes", p.role, statements);
}
