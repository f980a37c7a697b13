import { PolicyStatement } from "../../policy-statement";

/**
 * What the ECS agent on an AWS Batch instance needs, scoped wherever the Service Authorization Reference allows
 * (AmazonEC2ContainerServiceforEC2Role v10, which this replaces, grants all of it on "*", every log group and every ECR
 * repository included): registering with the compute environment's own cluster and reporting there (the cluster's ARN),
 * polling for its tasks (container instances, conditioned on that cluster: ecs:cluster), tagging its own registration, and
 * DiscoverPollEndpoint, which takes no resource. Batch names the cluster: the compute environment reports its ARN.
 */
export function ecsAgentStatements(clusterArn: string, region: string, account: string): PolicyStatement[] {
  const arn = (type: string) => `arn:aws:ecs:${region}:${account}:${type}/*`;
  return [
    {
      actions: [
        "ecs:RegisterContainerInstance",
        "ecs:DeregisterContainerInstance",
        "ecs:SubmitContainerStateChange",
        "ecs:SubmitTaskStateChange",
        "ecs:SubmitAttachmentStateChanges",
      ],
      resources: [clusterArn],
    },
    {
      actions: ["ecs:Poll", "ecs:StartTelemetrySession", "ecs:UpdateContainerInstancesState"],
      resources: [arn("container-instance")],
      conditions: { ArnEquals: { "ecs:cluster": clusterArn } },
    },
    { actions: ["ecs:ListTagsForResource"], resources: [arn("container-instance"), arn("task")] },
    { actions: ["ecs:TagResource"], resources: [arn("container-instance")], conditions: { StringEquals: { "ecs:CreateAction": "RegisterContainerInstance" } } },
    { actions: ["ecs:DiscoverPollEndpoint"], resources: ["*"] },
  ];
}
