// Child: the same resources as one default RealtimeInference, hand-written in plain cdktf with literal
// values (what the library would decide for us-east-1), N times. No selection, no library code.
import { DataAwsEc2InstanceType } from "@cdktf/provider-aws/lib/data-aws-ec2-instance-type";
import { DataAwsEc2InstanceTypeOfferings } from "@cdktf/provider-aws/lib/data-aws-ec2-instance-type-offerings";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { Fn, TerraformOutput, TerraformStack, Token } from "cdktf";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { Construct } from "constructs";
import { measureSynth } from "./synth-harness";

const INSTANCE_TYPE = "g5.xlarge";
const REASON =
  "g5.xlarge (1× A10G, $1.006/h on-demand in us-east-1) is the lowest-cost feasible RealtimeInference instance: real-time inference is memory-bandwidth bound; " +
  "A10G or L40S give enough bandwidth for fast tokens at a fraction of an A100's cost.";
const TAGS = { ManagedBy: "cdktf-gpu-workloads", "gpu-workloads:workload-class": "realtime-inference" };
const INSTANCE_TAGS = { ...TAGS, "gpu-workloads:gpu": "A10G", "gpu-workloads:instance-type": INSTANCE_TYPE, "gpu-workloads:usd-per-instance-hour": "1.0060" };
const IMDS_V2 = { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" };

/** EC2's answers about the type and the provider's region: read once per stack, whatever the number of workloads. */
function ec2Reads(stack: TerraformStack) {
  const found = stack.node.tryFindChild("gpu-workloads-region") as DataAwsRegion | undefined;
  if (found) {
    return {
      type: stack.node.findChild(`gpu-workloads-ec2-${INSTANCE_TYPE}`) as DataAwsEc2InstanceType,
      offerings: stack.node.findChild(`gpu-workloads-ec2-${INSTANCE_TYPE}-offering`) as DataAwsEc2InstanceTypeOfferings,
      region: found,
    };
  }
  const offerings = new DataAwsEc2InstanceTypeOfferings(stack, `gpu-workloads-ec2-${INSTANCE_TYPE}-offering`, {
    locationType: "region",
    filter: [{ name: "instance-type", values: [INSTANCE_TYPE] }],
  });
  const type = new DataAwsEc2InstanceType(stack, `gpu-workloads-ec2-${INSTANCE_TYPE}`, {
    instanceType: INSTANCE_TYPE,
    count: Token.asNumber(Fn.lengthOf(offerings.instanceTypes)),
  });
  return { type, offerings, region: new DataAwsRegion(stack, "gpu-workloads-region", {}) };
}

function addWorkload(stack: TerraformStack, id: string): void {
  const scope = new Construct(stack, id);
  const where = scope.node.path;
  const namePrefix = `${id}-`;

  const role = new IamRole(scope, "role", {
    namePrefix,
    description: `GPU workload ${where}: Session Manager and the grants of its inline policies`,
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
    tags: TAGS,
  });
  new IamRolePolicy(scope, "session-manager", {
    name: "session-manager",
    role: role.id,
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: [
            "ssm:UpdateInstanceInformation",
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel",
          ],
          Resource: ["*"],
        },
      ],
    }),
  });
  const profile = new IamInstanceProfile(scope, "instance-profile", { namePrefix, role: role.name, tags: TAGS });

  const group = new SecurityGroup(scope, "security-group", {
    namePrefix,
    description: `RealtimeInference ${where}: no inbound, HTTPS out`,
    vpcId: "vpc-0abc1234",
    tags: TAGS,
  });
  new VpcSecurityGroupEgressRule(scope, "egress-https", {
    securityGroupId: group.id,
    description: "HTTPS to AWS APIs (Session Manager, ECR, S3) and model registries",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: "0.0.0.0/0",
    tags: TAGS,
  });

  const { type, offerings, region } = ec2Reads(stack);
  const gpus = `flatten(${type.fqn}[*].gpus)`;
  const template = new LaunchTemplate(scope, "launch-template", {
    namePrefix,
    description: `cdktf-gpu-workloads RealtimeInference ${where} on ${INSTANCE_TYPE}`,
    instanceType: INSTANCE_TYPE,
    imageId: "resolve:ssm:/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id",
    updateDefaultVersion: true,
    ebsOptimized: "true",
    monitoring: { enabled: true },
    metadataOptions: IMDS_V2,
    iamInstanceProfile: { arn: profile.arn },
    blockDeviceMappings: [
      { deviceName: "/dev/sda1", ebs: { volumeSize: 95, volumeType: "gp3", throughput: 125, iops: 3000, encrypted: "true", deleteOnTermination: "true" } },
    ],
    networkInterfaces: [
      { securityGroups: [group.id], subnetId: "subnet-0abc1234", deleteOnTermination: "true", deviceIndex: 0, associatePublicIpAddress: "false" },
    ],
    tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags: TAGS })),
    tags: TAGS,
    lifecycle: {
      precondition: [
        {
          condition: `\${length(${offerings.fqn}.instance_types) > 0}`,
          errorMessage:
            `cdktf-gpu-workloads: g5.xlarge is not offered in \${${region.fqn}.name}. ` +
            "Set the workload's or platform's region to this provider's region, so selection chooses a type offered there, or deploy to a region that offers it.",
        },
        {
          condition: `\${length(${offerings.fqn}.instance_types) == 0 || anytrue([for g in ${gpus} : contains(["a10g", "nvidia"], replace(lower(g.name), "/[^a-z0-9]/", "")) && (g.count == 1 || g.count == 0) && g.memory_size >= 20599])}`,
          errorMessage:
            `cdktf-gpu-workloads: the taxonomy says g5.xlarge has 1× A10G of at least 20599 MiB each, but EC2 reports \${length(${gpus}) == 0 ? "no GPU" : join(", ", [for g in ${gpus} : "\${g.count} × \${g.name} of \${g.memory_size} MiB"])}. ` +
            "The embedded table is stale: update cdktf-gpu-workloads or pin the instance with a custom taxonomy.",
        },
      ],
      postcondition: [
        {
          condition: `\${self.instance_type == "${INSTANCE_TYPE}"}`,
          errorMessage:
            `cdktf-gpu-workloads: ${where} was chosen, checked and priced as ${INSTANCE_TYPE}, but its launch template launches \${self.instance_type}; ` +
            "choose the type through the workload's props (instanceType, gpus, ...), not by changing the template",
        },
      ],
    },
  });
  const instance = new Instance(scope, "instance", {
    launchTemplate: { id: template.id, version: template.latestVersion.toString() },
    metadataOptions: IMDS_V2,
    monitoring: true,
    ebsOptimized: true,
    tags: INSTANCE_TAGS,
  });

  const outputs = {
    "instance-type": INSTANCE_TYPE,
    gpu: "A10G",
    region: "us-east-1",
    "gpu-count": 1,
    "usd-per-instance-hour": 1.006,
    "usd-per-hour": 1.006,
    "usd-per-month": 734.38,
    "max-usd-per-month": 734.38,
    instances: 1,
    reason: REASON,
  };
  for (const [name, value] of Object.entries(outputs)) {
    new TerraformOutput(scope, name, { value, description: `${where}: ${name.replace(/-/g, " ")} chosen by cdktf-gpu-workloads` });
  }
  const handles = { "role-arn": role.arn, "security-group-id": group.id, "instance-ids": [instance.id] };
  for (const [name, value] of Object.entries(handles)) {
    new TerraformOutput(scope, name, { value, description: `${where}: ${name.replace(/-/g, " ")}` });
  }
}

measureSynth(addWorkload);
