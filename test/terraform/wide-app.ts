import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import {
  BatchProcessing,
  Capacity,
  FineTuning,
  GpuPlatform,
  GpuWorkload,
  ImageGeneration,
  RealtimeInference,
  Serving,
  Training,
  WorkloadProps,
} from "../../lib";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";

type Build = (scope: Construct, id: string, props: WorkloadProps) => GpuWorkload;

const CLASSES: Readonly<Record<WorkloadClass, Build>> = {
  "realtime-inference": (s, id, p) => new RealtimeInference(s, id, p),
  training: (s, id, p) => new Training(s, id, p),
  "fine-tuning": (s, id, p) => new FineTuning(s, id, p),
  "image-generation": (s, id, p) => new ImageGeneration(s, id, p),
  "batch-processing": (s, id, p) => new BatchProcessing(s, id, p),
};

/** One workload of the wide app: its class, region and props (the network is added per stack). */
export interface WideAppCase {
  readonly id: string;
  readonly workload: WorkloadClass;
  readonly region: string;
  readonly props: Omit<WorkloadProps, "network">;
  /** What a user does with the workload afterwards: grants, rules. */
  readonly then?: (workload: GpuWorkload, stack: TerraformStack) => void;
}

/**
 * Every workload class × the main props: fleets and their options, spot, clusters on every EFA family, EKS node groups, Karpenter,
 * Capacity Blocks, AWS Batch, inbound and outbound rules, both operating systems, custom AMIs, models,
 * user data, long and unusual construct ids. The real provider validates what this synthesizes.
 */
export const WIDE_APP_CASES: readonly WideAppCase[] = [
  ...(["realtime-inference", "training", "fine-tuning", "image-generation", "batch-processing"] as const).map((workload) => ({
    id: `default-${workload}`,
    workload,
    region: "us-east-1",
    props: {},
  })),
  {
    id: "chat-fleet",
    workload: "realtime-inference",
    region: "us-east-1",
    props: { model: "llama-3.1-8b", usage: { concurrency: 2 }, replicas: { min: 2, max: 6 } },
  },
  {
    id: "chat-fleet-spot",
    workload: "realtime-inference",
    region: "us-east-1",
    props: {
      replicas: { min: 1, max: 4, desired: 2 },
      fleet: { onDemandBaseCapacity: 1, spotPercentage: 50, healthCheckGracePeriodSeconds: 900, scalingTarget: 60 },
      userData: "#!/bin/bash\necho ready\n",
      allowFrom: [
        { cidr: "10.0.0.0/16", port: 8000 },
        { securityGroupId: "sg-0123456789abcdef0", port: 8080, description: "load balancer" },
      ],
      allowTo: [
        { cidr: "10.1.0.0/16", port: 5432 },
        { cidr: "10.2.0.0/16", port: 53, protocol: "udp" },
      ],
    },
  },
  {
    id: "chat-fleet-custom-metric",
    workload: "realtime-inference",
    region: "us-east-1",
    props: {
      replicas: { min: 1, max: 3 },
      fleet: { fallback: false, scalingMetric: { namespace: "vLLM", metricName: "num_requests_waiting", dimensions: { Model: "llama" } }, scalingTarget: 5 },
      operatingSystem: "amazon-linux-2023",
    },
  },
  { id: "chat-70b", workload: "realtime-inference", region: "us-east-1", props: { model: "llama-3.1-70b" } },
  { id: "chat-ami-id", workload: "realtime-inference", region: "us-east-1", props: { ami: "ami-0123456789abcdef0", rootVolumeSizeGiB: 200 } },
  { id: "chat-ami-ssm", workload: "realtime-inference", region: "us-east-1", props: { ami: "/org/amis/gpu-base", efa: true } },
  {
    id: "chat-cloud-config",
    workload: "realtime-inference",
    region: "us-east-1",
    props: { userData: "#cloud-config\npackages:\n  - jq\n", replicas: { min: 1, max: 2 } },
  },
  { id: "pretrain-p5", workload: "training", region: "us-east-1", props: { nodes: 2 } },
  { id: "pretrain-p4d", workload: "training", region: "us-east-1", props: { gpus: ["A100-40GB"], nodes: 2 } },
  { id: "pretrain-p4de", workload: "training", region: "us-east-1", props: { gpus: ["A100-80GB"], nodes: 2 } },
  { id: "pretrain-p5en", workload: "training", region: "us-east-1", props: { gpus: ["H200"], nodes: 2 } },
  {
    id: "pretrain-p5e",
    workload: "training",
    region: "eu-west-2",
    props: { gpus: ["H200"], nodes: 2, purchase: "capacity-block", capacityReservationId: "cr-0123456789abcdef1" },
  },
  { id: "pretrain-p6-b200", workload: "training", region: "us-east-1", props: { gpus: ["B200"], nodes: 2 } },
  { id: "pretrain-p6-b300", workload: "training", region: "us-west-2", props: { gpus: ["B300"], nodes: 2 } },
  { id: "video-g7e-fleet", workload: "image-generation", region: "us-east-1", props: { gpus: ["RTX-PRO-6000"], replicas: { min: 1, max: 3 } } },
  { id: "small-g6f", workload: "batch-processing", region: "us-east-1", props: { minGpuMemoryGB: 3 } },
  { id: "chat-ubuntu-2404", workload: "realtime-inference", region: "us-east-1", props: { operatingSystem: "ubuntu-24.04" } },
  {
    id: "pretrain-p3dn",
    workload: "training",
    region: "us-east-1",
    props: { gpus: ["V100-32GB"], nodes: 2, ami: "ami-0123456789abcdef2", minClusterNetworkGbps: 100 },
  },
  {
    id: "pretrain-capacity-block",
    workload: "training",
    region: "us-east-1",
    props: { nodes: 4, purchase: "capacity-block", capacityReservationId: "cr-0123456789abcdef0", operatingSystem: "amazon-linux-2023" },
  },
  { id: "tune-lora-8b", workload: "fine-tuning", region: "us-east-1", props: { model: "llama-3.1-8b" } },
  { id: "tune-full-8b", workload: "fine-tuning", region: "us-east-1", props: { model: "llama-3.1-8b", usage: { mode: "full" } } },
  { id: "tune-lora-70b", workload: "fine-tuning", region: "eu-west-2", props: { model: "llama-3.1-70b" } },
  { id: "media-sdxl-fleet", workload: "image-generation", region: "us-east-1", props: { model: "sdxl", replicas: 2 } },
  { id: "media-flux", workload: "image-generation", region: "eu-central-1", props: { model: "flux.1-dev", gpus: ["L40S"] } },
  {
    id: "batch-spot",
    workload: "batch-processing",
    region: "us-east-1",
    props: {
      batch: { maxVcpus: 64, minVcpus: 4, job: { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/embed:1", command: ["python", "embed.py", "--all"] } },
    },
  },
  {
    id: "batch-on-demand",
    workload: "batch-processing",
    region: "us-east-1",
    props: {
      purchase: "on-demand",
      userData: "#!/bin/bash\necho batch host\n",
      batch: {
        maxVcpus: 32,
        maxInstanceTypes: 2,
        job: { image: "public.ecr.aws/docker/library/python:3.12", gpus: 1, vcpus: 2, memoryMiB: 8192, attempts: 5, timeoutSeconds: 7200 },
      },
    },
  },
  { id: "batch-plain-spot", workload: "batch-processing", region: "us-east-1", props: { gpus: ["L4"] } },
  // The cluster's security group is given: a plan reads nothing from EKS (the EC2 stub does not answer it).
  {
    id: "chat-eks",
    workload: "realtime-inference",
    region: "us-east-1",
    props: {
      model: "llama-3.1-8b",
      capacity: Capacity.eksNodeGroup({ clusterName: "ml", clusterSecurityGroupId: "sg-0123456789abcdef0", replicas: { min: 1, max: 3 } }),
    },
  },
  {
    id: "batch-karpenter",
    workload: "batch-processing",
    region: "us-east-1",
    props: { capacity: Capacity.karpenter({ clusterName: "ml", nodeImage: "bottlerocket", subnetIds: ["subnet-0aaa1111", "subnet-0bbb2222"] }) },
  },
  {
    id: "a-very-long-construct-id-that-goes-on-and-on-and-on-well-past-every-aws-name-limit-of-sixty-four-or-one-hundred-and-twenty-eight-characters",
    workload: "realtime-inference",
    region: "us-east-1",
    props: { replicas: { min: 1, max: 2 }, tags: { Team: "ünïcødé team", "cost-center": "ml/platform" } },
  },
  { id: "Ünïcødé × id with spaces", workload: "batch-processing", region: "us-east-1", props: { batch: { maxVcpus: 8, job: { image: "busybox:1.36" } } } },
  {
    id: '${file("/etc/passwd")} %{ if true }',
    workload: "realtime-inference",
    region: "us-east-1",
    props: {
      replicas: { min: 1, max: 2 },
      allowFrom: [{ cidr: "fd00:1::/64", port: 8000, description: "${path.module} %{ endif } clients" }],
      allowTo: [{ cidr: "10.1.0.0/16", port: 443, description: "🚀 ünïcode" }],
    },
  },
  {
    id: "batch-templates",
    workload: "batch-processing",
    region: "us-east-1",
    props: {
      userData: 'Content-Type: multipart/mixed; boundary="B"\nMIME-Version: 1.0\n\n--B\nContent-Type: text/x-shellscript\n\n#!/bin/bash\necho ${HOME}\n--B--\n',
      batch: { maxVcpus: 16, job: { image: "busybox:1.36", command: ["sh", "-c", "echo ${HOME} %{x}"], readonlyRootFilesystem: true, user: "1000:1000" } },
    },
  },
  {
    id: "granted",
    workload: "realtime-inference",
    region: "us-east-1",
    props: { model: "llama-3.1-8b", replicas: 2 },
    then: (w, stack) => {
      const bucket = new TerraformVariable(stack, "models_bucket_arn", { type: "string" });
      w.grantReadS3(bucket.stringValue, "llama-3.1-8b/");
      w.grantReadS3("arn:aws:s3:::shared-models");
      w.grantPullEcr("arn:aws:ecr:us-east-1:123456789012:repository/vllm");
      w.grantSecretRead("arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-token-??????");
      w.addToRolePolicy({ actions: ["kms:Decrypt"], resources: ["arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"] });
      w.allowFrom({ securityGroupId: "sg-0123abcd", port: 8000 });
      w.allowFrom({ cidr: "10.9.0.0/16", port: 8000, description: "added after construction" });
    },
  },
  {
    id: "served-fleet",
    workload: "realtime-inference",
    region: "us-east-1",
    props: {
      model: "llama-3.1-8b",
      throughput: { outputTokensPerSecond: 1500 },
      serve: Serving.vllm({
        model: "meta-llama/Llama-3.1-8B-Instruct",
        weights: { huggingFaceTokenSecretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-AbCdEf" },
        apiKey: "arn:aws:secretsmanager:us-east-1:123456789012:secret:chat-api-key-AbCdEf",
        tls: { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012" },
      }),
      allowFrom: [{ cidr: "10.0.0.0/16", port: 8000 }],
    },
    then: (w) => w.allowFrom({ securityGroupId: "sg-0123abcd", port: 8000 }),
  },
  {
    id: "served-single",
    workload: "image-generation",
    region: "us-east-1",
    props: {
      model: "sdxl",
      serve: { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/sdxl:1.0", port: 7860, healthCheckPath: "/ready", weights: { s3Uri: "s3://models/sdxl/" } },
    },
  },
  {
    id: "trained",
    workload: "training",
    region: "us-east-1",
    props: {
      nodes: 2,
      job: { image: "nvcr.io/nvidia/pytorch:24.10-py3", command: ["torchrun", "train.py"], weights: { s3Uri: "s3://datasets/pile/" } },
      userData: "#!/bin/bash\necho ${HOME}\n",
    },
  },
  {
    id: "tuned",
    workload: "fine-tuning",
    region: "us-east-1",
    props: { model: "llama-3.1-8b", job: { image: "ghcr.io/acme/trainer:2.0", command: ["python", "tune.py"], shutdownOnExit: true } },
  },
  {
    // A custom image from another region's ECR (the login goes to us-west-2), a JSON secret's key, its own image size.
    id: "served-json-secret",
    workload: "image-generation",
    region: "us-east-1",
    props: {
      model: "sdxl",
      serve: {
        image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/sdxl:2.0",
        port: 7860,
        healthCheckPath: "/ready",
        secretEnv: {
          API_TOKEN: { secretArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:json-api-AbCdEf", jsonKey: "token" },
          PLAIN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:plain-AbCdEf",
        },
        imageSizeGiB: 12,
      },
    },
  },
  {
    // qwen2.5-7b has 28 attention heads: vLLM runs tensor parallel 4, and the instance's 8 GPUs as 2 copies.
    id: "served-qwen-8-gpus",
    workload: "realtime-inference",
    region: "us-east-1",
    props: { model: "qwen2.5-7b", instanceType: "g6e.48xlarge", serve: Serving.vllm({ model: "Qwen/Qwen2.5-7B-Instruct", apiKey: "none" }) },
  },
  {
    // The AWS Deep Learning Container carries EFA and aws-ofi-nccl; its registry is another account's.
    id: "trained-dlc",
    workload: "training",
    region: "us-east-1",
    props: {
      nodes: 2,
      job: { image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312-cu129-ubuntu22.04-ec2", command: ["torchrun", "train.py"] },
    },
  },
  {
    // Plain TCP on the load balancer, by choice.
    id: "served-plain-fleet",
    workload: "image-generation",
    region: "us-east-1",
    props: { model: "sdxl", replicas: 2, serve: { image: "ghcr.io/acme/sdxl:2.1", port: 7860, healthCheckPath: "/ready", tls: "none" } },
  },
  {
    // Kept running after the job, and its container holds the instance role (no metadata fence, hop limit 2).
    id: "tuned-kept",
    workload: "fine-tuning",
    region: "us-east-1",
    props: { model: "llama-3.1-8b", containersUseInstanceRole: true, job: { image: "ghcr.io/acme/trainer:2.0", shutdownOnExit: false } },
  },
  {
    id: "granted-batch",
    workload: "batch-processing",
    region: "us-east-1",
    // Its logs under the team's own KMS key (CKV_AWS_158).
    props: {
      batch: { maxVcpus: 8, job: { image: "python:3.12" } },
      logKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    },
    then: (w) => w.grantReadS3("arn:aws:s3:::batch-input", "day/"),
  },
];

export interface BuildOptions {
  /** Called when a case cannot be built; rethrow to fail. @default - rethrow */
  readonly onError?: (error: unknown, c: WideAppCase) => void;
}

/** The wide app: one stack per region, each with its own AWS provider and Terraform-variable network. */
export function buildWideApp(app: App, cases: readonly WideAppCase[] = WIDE_APP_CASES, options: BuildOptions = {}): { app: App; synthesized: number } {
  let synthesized = 0;
  const platform = new GpuPlatform(app, "platform", { tags: { Owner: "platform-team" } });
  const stacks = new Map<string, { stack: TerraformStack; network: { vpcId: string; subnetIds: string[] } }>();
  for (const c of cases) {
    let entry = stacks.get(c.region);
    if (!entry) {
      const stack = new TerraformStack(app, `wide-${c.region}`);
      new AwsProvider(stack, "aws", { region: c.region });
      const vpc = new TerraformVariable(stack, "vpc_id", { type: "string" });
      const subnets = new TerraformVariable(stack, "subnet_ids", { type: "list(string)" });
      stacks.set(c.region, (entry = { stack, network: { vpcId: vpc.stringValue, subnetIds: subnets.listValue } }));
    }
    try {
      const workload = CLASSES[c.workload](entry.stack, c.id, { ...c.props, network: entry.network, platform, region: c.region });
      c.then?.(workload, entry.stack);
      synthesized++;
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(error, c);
    }
  }
  return { app, synthesized };
}
