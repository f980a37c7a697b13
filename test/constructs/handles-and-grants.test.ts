import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { BatchComputeEnvironment } from "@cdktf/provider-aws/lib/batch-compute-environment";
import { BatchJobDefinition } from "@cdktf/provider-aws/lib/batch-job-definition";
import { BatchJobQueue } from "@cdktf/provider-aws/lib/batch-job-queue";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { PlacementGroup } from "@cdktf/provider-aws/lib/placement-group";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { BatchProcessing, RealtimeInference, Training } from "../../lib";
import { NETWORK, captureError, only, outputValue, resourcesOf, synthStack } from "./synth";

/** The policies a user's grants added (the workload's own, such as Session Manager's, left out). */
const policies = (json: ReturnType<typeof synthStack>) =>
  resourcesOf(json, "aws_iam_role_policy")
    .filter((p) => /^(read-s3|pull-ecr|read-secret|policy)-[0-9a-f]{10}$/.test(p.name))
    .map((p) => ({ name: p.name, role: p.role, doc: JSON.parse(p.policy) }));

describe("typed handles on every capacity kind", () => {
  test("a single instance: role, profile, security group, template and its instance; no group, queue or placement", () => {
    let w: RealtimeInference;
    const json = synthStack((s) => (w = new RealtimeInference(s, "chat", { network: NETWORK })));
    expect(w!.role).toBeInstanceOf(IamRole);
    expect(w!.instanceProfile).toBeInstanceOf(IamInstanceProfile);
    expect(w!.securityGroup).toBeInstanceOf(SecurityGroup);
    expect(w!.launchTemplate).toBeInstanceOf(LaunchTemplate);
    expect(w!.instances![0]).toBeInstanceOf(Instance);
    expect(w!.instances).toHaveLength(1);
    expect([w!.autoScalingGroup, w!.placementGroup, w!.jobQueue, w!.jobDefinition, w!.jobRole, w!.computeEnvironment]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(w!.runtimeRole).toBe(w!.role);
    expect(outputValue(json, "instance-ids")).toEqual([expect.stringMatching(/^\$\{aws_instance\.chat_instance_[0-9A-F]{8}\.id\}$/)]);
    expect(outputValue(json, "role-arn")).toMatch(/^\$\{aws_iam_role\.chat_role_.*\.arn\}$/);
    expect(outputValue(json, "security-group-id")).toMatch(/^\$\{aws_security_group\./);
  });

  test("a fleet exposes its Auto Scaling group and outputs its name", () => {
    let w: RealtimeInference;
    const json = synthStack((s) => (w = new RealtimeInference(s, "chat", { network: NETWORK, replicas: 2 })));
    expect(w!.autoScalingGroup).toBeInstanceOf(AutoscalingGroup);
    expect(w!.instances).toBeUndefined();
    expect(outputValue(json, "auto-scaling-group-name")).toMatch(/^\$\{aws_autoscaling_group\..*\.name\}$/);
  });

  test("a cluster exposes its nodes and placement group", () => {
    let w: Training;
    const json = synthStack((s) => (w = new Training(s, "pretrain", { network: NETWORK, nodes: 2 })));
    expect(w!.instances).toHaveLength(2);
    expect(w!.placementGroup).toBeInstanceOf(PlacementGroup);
    expect(only(json, "aws_placement_group").strategy).toBe("cluster");
    expect(outputValue(json, "instance-ids")).toHaveLength(2);
  });

  test("AWS Batch exposes its queue, job definition and job role; grants go to the job role, outputs carry the ARNs", () => {
    let w: BatchProcessing;
    const json = synthStack((s) => {
      w = new BatchProcessing(s, "etl", { network: NETWORK, batch: { maxVcpus: 32, job: { image: "public.ecr.aws/docker/library/python:3.12" } } });
      w.grantReadS3("arn:aws:s3:::my-data");
    });
    expect(w!.jobQueue).toBeInstanceOf(BatchJobQueue);
    expect(w!.jobDefinition).toBeInstanceOf(BatchJobDefinition);
    expect(w!.computeEnvironment).toBeInstanceOf(BatchComputeEnvironment);
    expect(w!.runtimeRole).toBe(w!.jobRole);
    expect(policies(json)[0].role).toMatch(/^\$\{aws_iam_role\.etl_job-role_.*\.id\}$/);
    expect(outputValue(json, "job-queue-arn")).toMatch(/^\$\{aws_batch_job_queue\..*\.arn\}$/);
    expect(outputValue(json, "job-definition-arn")).toMatch(/^\$\{aws_batch_job_definition\..*\.arn\}$/);
    expect(outputValue(json, "role-arn")).toMatch(/job-role/);
  });
});

describe("grants without wildcards", () => {
  test("grantReadS3 with a prefix: objects under it, listing conditioned on it", () => {
    const json = synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK }).grantReadS3("arn:aws:s3:::my-models", "llama-3.1-8b/"));
    const [{ name, doc }] = policies(json);
    expect(name).toMatch(/^read-s3-[0-9a-f]{10}$/);
    expect(doc.Statement).toEqual([
      { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::my-models/llama-3.1-8b/*"] },
      { Effect: "Allow", Action: ["s3:ListBucket"], Resource: ["arn:aws:s3:::my-models"], Condition: { StringLike: { "s3:prefix": ["llama-3.1-8b/*"] } } },
    ]);
  });

  test("grantReadS3 takes a bucket defined in the same app by reference", () => {
    const json = synthStack((s) => {
      const bucket = new S3Bucket(s, "models", { bucketPrefix: "models-" });
      new RealtimeInference(s, "chat", { network: NETWORK }).grantReadS3(bucket.arn);
    });
    expect(policies(json)[0].doc.Statement[0].Resource).toEqual(["${aws_s3_bucket.models.arn}/*"]);
  });

  test("grantPullEcr: the repository's image actions, and the token action that AWS allows only on *", () => {
    const json = synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK }).grantPullEcr("arn:aws:ecr:us-east-1:123456789012:repository/vllm"));
    const [{ name, role, doc }] = policies(json);
    expect(name).toMatch(/^pull-ecr-[0-9a-f]{10}$/);
    expect(role).toMatch(/chat_role_/);
    expect(doc.Statement).toEqual([
      {
        Effect: "Allow",
        Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
        Resource: ["arn:aws:ecr:us-east-1:123456789012:repository/vllm"],
      },
      { Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: ["*"] },
    ]);
  });

  test("grantSecretRead and addToRolePolicy: one scoped inline policy each, named by its content", () => {
    const json = synthStack((s) => {
      const w = new RealtimeInference(s, "chat", { network: NETWORK });
      w.grantSecretRead("arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-token-??????");
      w.addToRolePolicy({ actions: ["kms:Decrypt"], resources: ["arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"] });
    });
    expect(Object.fromEntries(policies(json).map((p) => [p.name.replace(/-[0-9a-f]{10}$/, ""), p.doc.Statement[0].Action]))).toEqual({
      "read-secret": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
      policy: ["kms:Decrypt"],
    });
  });

  test.each([
    [(w: RealtimeInference) => w.grantReadS3("my-models"), /^grantReadS3.bucketArn is "my-models"; give an ARN such as "arn:aws:s3:::my-models"/],
    [(w: RealtimeInference) => w.grantReadS3("arn:aws:s3:::my-models", "llama/*"), /grantReadS3.prefix is "llama\/\*"; give a key prefix/],
    [
      (w: RealtimeInference) => w.grantPullEcr("123456789012.dkr.ecr.us-east-1.amazonaws.com/vllm"),
      /grantPullEcr.repositoryArn is .*give an ARN such as "arn:aws:ecr:/,
    ],
    [(w: RealtimeInference) => w.grantSecretRead("hf-token"), /grantSecretRead.secretArn is "hf-token"/],
    [(w: RealtimeInference) => w.addToRolePolicy({ actions: ["s3:*"], resources: ["arn:aws:s3:::b/*"] }), /statement.actions\[0\] is "s3:\*"; name one action/],
    [
      (w: RealtimeInference) => w.addToRolePolicy({ actions: ["s3:GetObject"], resources: ["*"] }),
      /statement.resources\[0\] is "\*"; give an ARN .*never "\*"/,
    ],
    [
      (w: RealtimeInference) => w.addToRolePolicy({ actions: [], resources: ["arn:aws:s3:::b"] }),
      /statement.actions is \[\]; give a non-empty list of actions/,
    ],
  ])("refused: %#", (grant, message) => {
    let thrown: unknown;
    synthStack((s) => {
      const workload = new RealtimeInference(s, "chat", { network: NETWORK });
      thrown = captureError(() => grant(workload));
    });
    expect(thrown).toMatchObject({ message: expect.stringMatching(message), constructPath: "test/chat" });
  });
});

describe("grants cannot widen", () => {
  /** The error addToRolePolicy throws for `statement`, or undefined when it is accepted. */
  const refused = (statement: object) => {
    let message: string | undefined;
    synthStack((s) => {
      const workload = new RealtimeInference(s, "chat", { network: NETWORK });
      try {
        workload.addToRolePolicy(statement as never);
      } catch (error) {
        message = (error as Error).message;
      }
    });
    return message;
  };

  test.each([
    ["arn:aws:s3:::*", "s3:GetObject"],
    ["arn:aws:s3:::my-data/*", "s3:GetObject"],
    ["arn:aws:s3:::my-data/out/file-?.json", "s3:PutObject"],
    ["arn:aws:iam::123456789012:role/*", "iam:GetRole"],
    ["arn:aws:secretsmanager:us-east-1:123456789012:secret:*", "secretsmanager:GetSecretValue"],
    ["arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-*", "secretsmanager:GetSecretValue"],
    ["arn:aws:kms:us-east-1:123456789012:key/*", "kms:Decrypt"],
  ])("a wildcard in the resource part of %s is refused, and accepted when named in allowWidening", (resource, action) => {
    expect(refused({ actions: [action], resources: [resource] })).toMatch(
      /^statement\.resources\[0\] is ".*"; a wildcard in an ARN's resource part reaches more than one resource; .*allowWidening: \[".*"\]\.$/,
    );
    expect(refused({ actions: [action], resources: [resource], allowWidening: [resource] })).toBeUndefined();
  });

  test("text around a reference is checked too: ${bucket.arn}/* is a wildcard", () => {
    let message: string | undefined;
    synthStack((s) => {
      const bucket = new TerraformVariable(s, "bucket_arn", { type: "string" });
      const workload = new RealtimeInference(s, "chat", { network: NETWORK });
      message = (captureError(() => workload.addToRolePolicy({ actions: ["s3:GetObject"], resources: [`${bucket.stringValue}/*`] })) as Error).message;
      workload.addToRolePolicy({ actions: ["s3:GetObject"], resources: [bucket.stringValue] });
    });
    expect(message).toMatch(/a wildcard in an ARN's resource part/);
  });

  test("a secret's documented -?????? suffix is its name, not a wildcard", () => {
    expect(
      refused({ actions: ["secretsmanager:GetSecretValue"], resources: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-token-??????"] }),
    ).toBeUndefined();
  });

  test.each([
    "iam:PassRole",
    "iam:passrole",
    "iam:PASSROLE",
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "iam:CreatePolicyVersion",
    "iam:AttachRolePolicy",
    "iam:PutRolePolicy",
    "iam:CreateAccessKey",
    "iam:UpdateAssumeRolePolicy",
  ])("privilege escalation %s is refused unless named in allowWidening", (action) => {
    const resources = ["arn:aws:iam::123456789012:role/trainer"];
    expect(refused({ actions: [action], resources })).toMatch(
      /actions\[0\] is ".*"; it lets the workload's code widen its own permissions \(privilege escalation\); if it must, name it in allowWidening/,
    );
    expect(refused({ actions: [action], resources, allowWidening: [action] })).toBeUndefined();
  });

  test("reads of IAM and STS's own identity are not escalation", () => {
    for (const action of ["iam:GetRole", "iam:ListRoles", "iam:SimulatePrincipalPolicy", "sts:GetCallerIdentity"]) {
      expect(refused({ actions: [action], resources: ["arn:aws:iam::123456789012:role/trainer"] })).toBeUndefined();
    }
  });

  test("allowWidening names what the statement carries, exactly", () => {
    expect(refused({ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], allowWidening: ["arn:aws:s3:::other/*"] })).toMatch(
      /^statement\.allowWidening\[0\] is "arn:aws:s3:::other\/\*"; name an action or resource of this statement, exactly as written there/,
    );
    expect(refused({ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/x"], allowWidening: "iam:PassRole" })).toMatch(
      /^statement\.allowWidening is "iam:PassRole"; give a list/,
    );
  });

  test("the grant helpers refuse wildcards in what they are given", () => {
    let messages: string[] = [];
    synthStack((s) => {
      const w = new RealtimeInference(s, "chat", { network: NETWORK });
      messages = [
        () => w.grantReadS3("arn:aws:s3:::*"),
        () => w.grantReadS3("arn:aws:s3:::models", "llama*"),
        () => w.grantSecretRead("arn:aws:secretsmanager:us-east-1:123456789012:secret:*"),
        () => w.grantPullEcr("arn:aws:ecr:us-east-1:123456789012:repository/*"),
      ].map((grant) => (captureError(grant) as Error).message);
    });
    expect(messages).toEqual([
      expect.stringMatching(/^grantReadS3\.bucketArn is "arn:aws:s3:::\*"/),
      expect.stringMatching(/^grantReadS3\.prefix is "llama\*"; give a key prefix/),
      expect.stringMatching(/^grantSecretRead\.secretArn is "arn:aws:secretsmanager:us-east-1:123456789012:secret:\*"/),
      expect.stringMatching(/^grantPullEcr\.repositoryArn is "arn:aws:ecr:us-east-1:123456789012:repository\/\*"/),
    ]);
  });
});

describe("reach after construction", () => {
  test("allowFrom after construction adds a described rule, checked as the prop is", () => {
    const json = synthStack((s) => {
      const w = new RealtimeInference(s, "chat", { network: NETWORK });
      w.allowFrom({ securityGroupId: "sg-0123abcd", port: 8000, description: "the API gateway" });
      w.allowFrom({ cidr: "10.1.0.0/16", port: 8000 });
    });
    const rules = resourcesOf(json, "aws_vpc_security_group_ingress_rule");
    expect(rules.map((r) => [r.referenced_security_group_id ?? r.cidr_ipv4, r.from_port, r.description])).toEqual([
      ["sg-0123abcd", 8000, "the API gateway"],
      ["10.1.0.0/16", 8000, "clients of chat on port 8000"],
    ]);
    const error = captureError(() => synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK }).allowFrom({ cidr: "0.0.0.0/0", port: 8000 })));
    expect(error).toMatchObject({ message: expect.stringMatching(/^allowFrom.cidr is "0.0.0.0\/0"; open ingress is refused/), constructPath: "test/chat" });
  });

  test("another stack references a workload's handles: cdktf wires them through outputs and remote state", () => {
    const app = Testing.app();
    const gpu = new TerraformStack(app, "gpu");
    new AwsProvider(gpu, "aws", { region: "us-east-1" });
    const batch = new BatchProcessing(gpu, "etl", { network: NETWORK, batch: { maxVcpus: 16, job: { image: "python:3.12" } } });
    const consumer = new TerraformStack(app, "consumer");
    new AwsProvider(consumer, "aws", { region: "us-east-1" });
    new TerraformOutput(consumer, "queue", { value: batch.jobQueue!.arn });
    app.synth();
    const consumerJson = JSON.parse(Testing.synth(consumer));
    expect(Object.keys(consumerJson.data.terraform_remote_state)).toEqual(["cross-stack-reference-input-gpu"]);
    expect(consumerJson.output.queue.value).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-gpu\.outputs\.cross-stack-output-aws_batch_job_queueetl_job-queue_.*arn\}$/,
    );
    const gpuJson = JSON.parse(Testing.synth(gpu));
    expect(Object.keys(gpuJson.output).some((k) => k.startsWith("cross-stack-output-aws_batch_job_queue"))).toBe(true);
    expect(only(gpuJson as never, "aws_batch_job_queue")).toBeDefined();
  });
});
