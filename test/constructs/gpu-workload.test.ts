import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  BatchProcessing,
  FineTuning,
  GpuPlatform,
  GpuWorkload,
  ImageGeneration,
  InvalidRequirementError,
  NoFeasibleInstanceError,
  RealtimeInference,
  Serving,
  Training,
  UnknownGpuError,
  VLLM_IMAGE_SIZE_GIB,
  WorkloadClass,
} from "../../lib";
import { NETWORK, captureError, only, outputValue, resourcesOf, synthStack } from "./synth";

describe("defaults: the right hardware for what the workload is", () => {
  test.each([
    ["RealtimeInference → g5.xlarge", RealtimeInference, "g5.xlarge", "A10G"],
    ["Training → p5.48xlarge", Training, "p5.48xlarge", "H100"],
    ["ImageGeneration → g6.xlarge", ImageGeneration, "g6.xlarge", "L4"],
    ["BatchProcessing → g4dn.xlarge", BatchProcessing, "g4dn.xlarge", "T4"],
  ] as const)("%s", (_name, Workload, instanceType, gpu) => {
    // GIVEN / WHEN
    let workload: GpuWorkload | undefined;
    const json = synthStack((stack) => (workload = new Workload(stack, "w", { network: NETWORK })));
    // THEN
    expect(workload!.decision.instanceType).toBe(instanceType);
    expect(workload!.decision.gpu.name).toBe(gpu);
    expect(only(json, "aws_launch_template").instance_type).toBe(instanceType);
    // Spot (BatchProcessing's default) runs as a self-healing fleet of one; everything else as one instance.
    expect(resourcesOf(json, "aws_instance")).toHaveLength(workload!.decision.purchase === "spot" ? 0 : 1);
    expect(resourcesOf(json, "aws_autoscaling_group")).toHaveLength(workload!.decision.purchase === "spot" ? 1 : 0);
    expect(outputValue(json, "instance-type")).toBe(instanceType);
    expect(outputValue(json, "gpu")).toBe(gpu);
  });

  test("BatchProcessing without AWS Batch is self-healing spot: a group of one, price-capacity-optimized, with same-GPU fallbacks", () => {
    const json = synthStack((stack) => new BatchProcessing(stack, "w", { network: NETWORK }));
    expect(only(json, "aws_launch_template").instance_market_options).toBeUndefined();
    const group = only(json, "aws_autoscaling_group");
    expect([group.min_size, group.max_size, group.desired_capacity]).toEqual([1, 1, 1]);
    expect(group.mixed_instances_policy.instances_distribution).toMatchObject({
      on_demand_percentage_above_base_capacity: 0,
      spot_allocation_strategy: "price-capacity-optimized",
    });
    expect(group.capacity_rebalance).toBe(true);
    const types = group.mixed_instances_policy.launch_template.override.map((o: { instance_type: string }) => o.instance_type);
    expect(types[0]).toBe("g4dn.xlarge");
    expect(types.length).toBeGreaterThan(1);
  });

  test("FineTuning chooses from its model's estimate", () => {
    let lora: GpuWorkload, full: GpuWorkload;
    synthStack((stack) => {
      lora = new FineTuning(stack, "lora", { network: NETWORK, model: "llama-3.1-8b" });
      full = new FineTuning(stack, "full", { network: NETWORK, model: "llama-3.1-8b", usage: { mode: "full" } });
    });
    // LoRA of an 8B model at 4,096 tokens: 15 GiB of frozen weights and 6.9 GiB of loss logits need more than an A10G.
    expect(lora!.decision.instanceType).toBe("g6e.xlarge");
    expect(full!.decision.memoryEstimate!.mode).toBe("full");
    expect(full!.decision.gpu.memoryGB * full!.decision.gpuCount).toBeGreaterThan(144);
  });

  test("the generic GpuWorkload takes the class as a prop", () => {
    const json = synthStack((stack) => new GpuWorkload(stack, "w", { workload: WorkloadClass.TRAINING, network: NETWORK, gpuCount: 1 }));
    expect(only(json, "aws_launch_template").instance_type).toBe("p5.4xlarge");
  });
});

describe("what a workload synthesizes", () => {
  const json = synthStack((stack) => new RealtimeInference(stack, "chat", { network: NETWORK, model: "llama-3.1-8b" }));

  test("launch template: IMDSv2, encrypted gp3 root, monitoring, EBS-optimized, no public IP, instance profile", () => {
    const lt = only(json, "aws_launch_template");
    expect(lt.metadata_options).toEqual({
      http_endpoint: "enabled",
      http_tokens: "required",
      http_put_response_hop_limit: 1,
      instance_metadata_tags: "disabled",
    });
    expect(lt.block_device_mappings).toEqual([
      // The DLAMI's 75 GiB, 15 GiB of Llama 3.1 8B weights, 20 GiB of headroom; 250 MiB/s reads the weights in about a minute.
      {
        device_name: "/dev/sda1",
        ebs: { volume_size: 75 + 15 + 20, volume_type: "gp3", throughput: 250, iops: 3000, encrypted: "true", delete_on_termination: "true" },
      },
    ]);
    expect(lt.monitoring).toEqual({ enabled: true });
    expect(lt.ebs_optimized).toBe("true");
    expect(lt.network_interfaces).toEqual([expect.objectContaining({ device_index: 0, associate_public_ip_address: "false", subnet_id: "subnet-0aaa1111" })]);
    expect(lt.iam_instance_profile.arn).toMatch(/^\$\{aws_iam_instance_profile\.chat_instance-profile_\w+\.arn\}$/);
    expect(lt.image_id).toBe("resolve:ssm:/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id");
    expect(lt.tag_specifications.map((t: { resource_type: string }) => t.resource_type)).toEqual(["instance", "volume", "network-interface"]);
  });

  test("IAM: role trusted by EC2 only, Session Manager policy, instance profile", () => {
    const role = only(json, "aws_iam_role");
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    // Session Manager's channels alone: no AWS-managed policy, so no Parameter Store read on "*".
    expect(json.resource.aws_iam_role_policy_attachment).toBeUndefined();
    const sessionManager = resourcesOf(json, "aws_iam_role_policy").find((p) => p.name === "session-manager")!;
    expect(JSON.parse(sessionManager.policy).Statement).toEqual([
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
    ]);
    expect(only(json, "aws_iam_instance_profile").role).toMatch(/aws_iam_role\.chat_role_\w+\.name/);
  });

  test("security group: described, no ingress, HTTPS egress only", () => {
    expect(only(json, "aws_security_group").description).toMatch(/no inbound, HTTPS out/);
    expect(json.resource.aws_vpc_security_group_ingress_rule).toBeUndefined();
    expect(only(json, "aws_vpc_security_group_egress_rule")).toMatchObject({ ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "0.0.0.0/0" });
  });

  test("a single instance from the launch template", () => {
    const instance = only(json, "aws_instance");
    expect(instance.launch_template.id).toMatch(/aws_launch_template\.chat_launch-template_\w+\.id/);
    expect(instance.metadata_options.http_tokens).toBe("required");
  });

  test("stable tags on every taggable resource; the decision's on the instance, never in the launch template", () => {
    const stable = { ManagedBy: "cdktf-gpu-workloads", "gpu-workloads:workload-class": "realtime-inference" };
    for (const type of ["aws_iam_role", "aws_iam_instance_profile", "aws_security_group", "aws_vpc_security_group_egress_rule", "aws_launch_template"]) {
      expect(only(json, type).tags).toEqual(stable);
    }
    for (const spec of only(json, "aws_launch_template").tag_specifications) expect(spec.tags).toEqual(stable);
    expect(only(json, "aws_instance").tags).toEqual({
      ...stable,
      "gpu-workloads:gpu": "A10G",
      "gpu-workloads:instance-type": "g5.xlarge",
      "gpu-workloads:usd-per-instance-hour": "1.0060",
    });
  });

  test("outputs: instance type, GPU, count, $/h, $/month and why", () => {
    expect(outputValue(json, "instance-type")).toBe("g5.xlarge");
    expect(outputValue(json, "gpu")).toBe("A10G");
    expect(outputValue(json, "gpu-count")).toBe(1);
    expect(outputValue(json, "usd-per-hour")).toBe(1.006);
    expect(outputValue(json, "usd-per-month")).toBe(734.38);
    expect(outputValue(json, "reason")).toMatch(/^g5.xlarge .* llama-3.1-8b inference needs/);
  });

  test("drift guard: EC2's own description of the type must match the table at plan time, read only where the region offers it", () => {
    const data = json.data!;
    expect(Object.values(data.aws_ec2_instance_type_offerings)).toEqual([
      expect.objectContaining({ location_type: "region", filter: [{ name: "instance-type", values: ["g5.xlarge"] }] }),
    ]);
    expect(Object.values(data.aws_ec2_instance_type)).toEqual([
      expect.objectContaining({
        instance_type: "g5.xlarge",
        count: expect.stringMatching(/^\$\{length\(data\.aws_ec2_instance_type_offerings\..*\.instance_types\)\}$/),
      }),
    ]);
    const [offerCheck, gpuCheck] = only(json, "aws_launch_template").lifecycle.precondition;
    expect(offerCheck.condition).toMatch(/^\$\{length\(data.aws_ec2_instance_type_offerings\.\S+\.instance_types\) > 0\}$/);
    expect(offerCheck.error_message).toMatch(/^cdktf-gpu-workloads: g5.xlarge is not offered in \$\{data.aws_region\.\S+\.name\}\./);
    expect(gpuCheck.condition).toMatch(
      /for g in flatten\(data.aws_ec2_instance_type\.\S+\[\*\]\.gpus\) : contains\(\["a10g", "nvidia"\], .*\(g.count == 1 \|\| g.count == 0\) && g.memory_size >= 20599/,
    );
    expect(gpuCheck.error_message).toMatch(
      /the taxonomy says g5.xlarge has 1× A10G of at least 20599 MiB each, but EC2 reports \$\{.*\}\. The embedded table is stale/,
    );
  });

  test("a workload region other than the provider's literal region is refused at synth; a provider region from a variable is compared at plan", () => {
    expect(() => synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, region: "eu-west-1" }))).toThrow(
      /region is "eu-west-1"; this stack's AWS provider deploys to us-east-1, so the workload would be chosen and priced for one region and launched in another/,
    );
    const app = Testing.app();
    const stack = new TerraformStack(app, "s");
    new AwsProvider(stack, "aws", { region: new TerraformVariable(stack, "region", { type: "string" }).stringValue });
    new RealtimeInference(stack, "w", { network: NETWORK, region: "eu-west-1" });
    const [, , regionCheck] = only(JSON.parse(Testing.synth(stack)), "aws_launch_template").lifecycle.precondition;
    expect(regionCheck.condition).toMatch(/^\$\{data.aws_region\.\S+\.name == "eu-west-1"\}$/);
  });
});

describe("every prop changes the output", () => {
  test("ami: an id as is, an SSM parameter resolved at launch", () => {
    const id = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, ami: "ami-0123456789abcdef0" }));
    expect(only(id, "aws_launch_template").image_id).toBe("ami-0123456789abcdef0");
    const ssm = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, ami: "/my/golden/ami" }));
    expect(only(ssm, "aws_launch_template").image_id).toBe("resolve:ssm:/my/golden/ami");
  });

  test("operatingSystem and architecture pick the matching Deep Learning AMI and root device", () => {
    const al = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, operatingSystem: "amazon-linux-2023" }));
    expect(only(al, "aws_launch_template").image_id).toContain("/x86_64/base-oss-nvidia-driver-gpu-amazon-linux-2023/");
    expect(only(al, "aws_launch_template").block_device_mappings[0].device_name).toBe("/dev/xvda");
    const arm = synthStack((s) => new BatchProcessing(s, "w", { network: NETWORK, gpus: ["T4G"], cpuArchitecture: "arm64" }));
    expect(only(arm, "aws_launch_template").image_id).toContain("/arm64/base-oss-nvidia-driver-gpu-ubuntu-22.04/");
  });

  test("rootVolumeSizeGiB: explicit, or sized for the model's weights", () => {
    const explicit = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, rootVolumeSizeGiB: 300 }));
    expect(only(explicit, "aws_launch_template").block_device_mappings[0].ebs.volume_size).toBe(300);
    const big = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, model: "llama-3.1-70b" }));
    // 132 GiB of weights in two minutes would need 1,126 MiB/s: gp3's 1,000, with the 4,000 IOPS it requires.
    expect(only(big, "aws_launch_template").block_device_mappings[0].ebs).toMatchObject({ volume_size: 75 + 132 + 20, throughput: 1000, iops: 4000 });
  });

  test("the root volume holds the server's image unpacked: vLLM's documented 30 GiB, or the image size given", () => {
    let vllm: RealtimeInference;
    const served = synthStack(
      (s) =>
        (vllm = new RealtimeInference(s, "w", {
          network: NETWORK,
          model: "llama-3.1-8b",
          serve: Serving.vllm({ model: "meta-llama/Llama-3.1-8B-Instruct", apiKey: "none" }),
        })),
    );
    expect(only(served, "aws_launch_template").block_device_mappings[0].ebs.volume_size).toBe(75 + VLLM_IMAGE_SIZE_GIB + 15 + 20);
    // gp3 storage at $0.08/GiB-month and 125 MiB/s above the baseline at $0.04: the report's volume line.
    expect(vllm!.rootVolume).toEqual({ sizeGiB: 140, throughputMiBps: 250, iops: 3000, usdPerVolumeMonth: 16.2 });
    const custom = synthStack(
      (s) => new ImageGeneration(s, "w", { network: NETWORK, serve: { image: "acme/sdxl:1", port: 80, healthCheckPath: "/h", imageSizeGiB: 12 } }),
    );
    expect(only(custom, "aws_launch_template").block_device_mappings[0].ebs.volume_size).toBe(75 + 12 + 20);
    expect(() =>
      synthStack((s) => new ImageGeneration(s, "w", { network: NETWORK, serve: { image: "acme/sdxl:1", port: 80, healthCheckPath: "/h", imageSizeGiB: 0.5 } })),
    ).toThrow(/serve.imageSizeGiB is 0.5; give a whole number/);
  });

  test("AWS names come from the construct id with unsupported characters replaced", () => {
    const json = synthStack((s) => new BatchProcessing(s, "nightly jobs.v2", { network: NETWORK, batch: { maxVcpus: 8, job: { image: "x:1" } } }));
    expect(only(json, "aws_launch_template").name_prefix).toBe("nightly-jobs.v2-");
    expect(resourcesOf(json, "aws_iam_role").map((r) => r.name_prefix)).toEqual(["nightly-jobs.v2-", "nightly-jobs.v2-"]);
    expect(only(json, "aws_batch_job_queue").name).toMatch(/^nightly-jobs-v2-[0-9a-f]{8}$/);
  });

  test("userData is base64-encoded at synth time", () => {
    const json = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, userData: "#!/bin/bash\necho hi\n" }));
    expect(Buffer.from(only(json, "aws_launch_template").user_data, "base64").toString()).toBe("#!/bin/bash\necho hi\n");
  });

  test("tags merge platform, workload and the library's own", () => {
    const json = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, tags: { Team: "chat", ManagedBy: "me" } }));
    expect(only(json, "aws_instance").tags).toMatchObject({ Team: "chat", ManagedBy: "cdktf-gpu-workloads" });
  });

  test("replicas > 1: an Auto Scaling group over the launch template with propagated tags", () => {
    const json = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, replicas: { min: 2, max: 6, desired: 3 } }));
    expect(resourcesOf(json, "aws_instance")).toHaveLength(0);
    const asg = only(json, "aws_autoscaling_group");
    expect(asg).toMatchObject({ min_size: 2, max_size: 6, desired_capacity: 3, vpc_zone_identifier: NETWORK.subnetIds });
    // The decision's tags stay on the group: a fallback instance is another type at another price.
    expect(asg.tag).toContainEqual({ key: "gpu-workloads:instance-type", value: "g5.xlarge", propagate_at_launch: false });
    expect(asg.tag).toContainEqual({ key: "ManagedBy", value: "cdktf-gpu-workloads", propagate_at_launch: true });
    expect(only(json, "aws_launch_template").network_interfaces[0].subnet_id).toBeUndefined();
  });

  test("purchase spot: never a one-time request; a group of one, or of the replicas, with a spot distribution", () => {
    const single = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, purchase: "spot" }));
    expect(only(single, "aws_launch_template").instance_market_options).toBeUndefined();
    expect(only(single, "aws_autoscaling_group").desired_capacity).toBe(1);
    const group = synthStack((s) => new BatchProcessing(s, "w", { network: NETWORK, replicas: 3 }));
    expect(only(group, "aws_launch_template").instance_market_options).toBeUndefined();
    expect(only(group, "aws_autoscaling_group").mixed_instances_policy.instances_distribution).toMatchObject({
      on_demand_percentage_above_base_capacity: 0,
      spot_allocation_strategy: "price-capacity-optimized",
    });
  });

  test("allowFrom: one described ingress rule per source; allowTo widens egress", () => {
    const json = synthStack(
      (s) =>
        new RealtimeInference(s, "w", {
          network: NETWORK,
          allowFrom: [
            { cidr: "10.0.0.0/16", port: 8000 },
            { securityGroupId: "sg-0abc1234", port: 8080, description: "from the ALB" },
          ],
          allowTo: [{ cidr: "10.0.0.0/8", port: 5432, description: "metadata database" }],
        }),
    );
    const ingress = resourcesOf(json, "aws_vpc_security_group_ingress_rule").sort((a, b) => a.from_port - b.from_port);
    expect(ingress).toEqual([
      expect.objectContaining({ cidr_ipv4: "10.0.0.0/16", from_port: 8000, to_port: 8000, description: "clients of w on port 8000" }),
      expect.objectContaining({ referenced_security_group_id: "sg-0abc1234", from_port: 8080, description: "from the ALB" }),
    ]);
    expect(resourcesOf(json, "aws_vpc_security_group_egress_rule")).toContainEqual(
      expect.objectContaining({ cidr_ipv4: "10.0.0.0/8", from_port: 5432, description: "metadata database" }),
    );
  });

  test("selection props reach the decision (gpus, minGpuMemoryGB, maxUsdPerHour, region)", () => {
    let a: GpuWorkload, b: GpuWorkload;
    synthStack((s) => {
      a = new RealtimeInference(s, "a", { network: NETWORK, gpus: ["L40S", "A10G"] });
      b = new RealtimeInference(s, "b", { network: NETWORK, minGpuMemoryGB: 40, maxUsdPerHour: 3 });
    });
    expect(a!.decision.instanceType).toBe("g6e.xlarge");
    expect(b!.decision.instanceType).toBe("g6e.xlarge");
  });

  test("the region comes from the stack's AWS provider when it is a literal", () => {
    let w: GpuWorkload;
    synthStack((s) => (w = new RealtimeInference(s, "w", { network: NETWORK })), "eu-west-1");
    expect(w!.decision.spec.regions).toContain("eu-west-1");
    expect(() => synthStack((s) => new Training(s, "w", { network: NETWORK, gpus: ["H100"] }), "af-south-1")).toThrow(/region/);
  });

  test("token values are not validated", () => {
    expect(() =>
      synthStack((s) => {
        const vpc = new TerraformVariable(s, "vpc", { type: "string" });
        const subnets = new TerraformVariable(s, "subnets", { type: "list(string)" });
        new RealtimeInference(s, "w", { network: { vpcId: vpc.stringValue, subnetIds: subnets.listValue } });
      }),
    ).not.toThrow();
  });
});

describe("bad input fails at construction, naming the prop, the value and what works", () => {
  test.each([
    [{ network: undefined }, /^network is undefined; give \{ vpcId, subnetIds \}/],
    [{ network: { vpcId: "my-vpc", subnetIds: ["subnet-0a"] } }, /network.vpcId is "my-vpc"; give a VPC id/],
    [{ network: { vpcId: "vpc-0a1b2c3d", subnetIds: [] } }, /network.subnetIds is \[\]; give at least one private subnet id/],
    [{ rootVolumeSizeGiB: 50 }, /rootVolumeSizeGiB is 50; give a whole number from 75 to 16384 GiB/],
    [{ replicas: 0 }, /replicas is 0; give a whole number from 1 to 1000/],
    [{ replicas: { min: 3, max: 2 } }, /replicas is \{"min":3,"max":2\}; give whole numbers with 0 <= min <= desired <= max/],
    [{ allowFrom: [{ cidr: "0.0.0.0/0", port: 22 }] }, /allowFrom\[0\].cidr is "0.0.0.0\/0"; open ingress is refused/],
    [{ allowFrom: [{ cidr: "10.0.0.0/8", securityGroupId: "sg-1", port: 80 }] }, /allowFrom\[0\] .*give exactly one of cidr or securityGroupId/],
    [{ allowFrom: [{ cidr: "10.0.0.0/8", port: 70000 }] }, /allowFrom\[0\].port is 70000; give a whole number from 1 to 65535 \(a TCP or UDP port\)/],
    [{ ami: "ubuntu" }, /ami is "ubuntu"; give an AMI id/],
    [{ minGpuMemoryGB: 0 }, /minGpuMemoryGB is 0; give a number above 0 and at most 1024 GB/],
  ])("%j", (props, message) => {
    const error = captureError(() => synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, ...(props as object) })));
    expect(error).toBeInstanceOf(InvalidRequirementError);
    expect(error).toMatchObject({ message: expect.stringMatching(message), constructPath: "test/w" });
  });

  test("unknown GPU and impossible requirements carry the construct path", () => {
    expect(() => synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, gpus: ["A10"] }))).toThrow(UnknownGpuError);
    expect(() => synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, maxUsdPerHour: 0.2 }))).toThrow(NoFeasibleInstanceError);
    const error = captureError(() => synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, maxUsdPerHour: 0.2 })));
    expect(error).toMatchObject({ message: expect.stringMatching(/^No instance type satisfies maxUsdPerHour/), constructPath: "test/w" });
    expect(captureError(() => synthStack((s) => new GpuPlatform(s, "platform", { region: "mars-1" })))).toMatchObject({
      code: "InvalidRequirement",
      constructPath: "test/platform",
    });
  });

  test("nothing is half-synthesized: a failing workload adds no resources", () => {
    let resources: unknown;
    synthStack((s) => {
      try {
        new RealtimeInference(s, "w", { network: NETWORK, gpus: ["nope"] });
      } catch {
        resources = s.node.findAll().filter((c) => c instanceof LaunchTemplate || c instanceof Instance || c instanceof AutoscalingGroup);
      }
    });
    expect(resources).toEqual([]);
  });
});
