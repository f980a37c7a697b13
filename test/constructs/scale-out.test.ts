import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, Aspects, TerraformStack } from "cdktf";
import { BatchProcessing, BudgetGuard, GpuPlan, RealtimeInference, Training } from "../../lib";
import { runCli } from "../../lib/cli/main";
import { NETWORK, only, resourcesOf, synthStack } from "./synth";

describe("inference fleets with capacity fallbacks", () => {
  test("replicas > 1: mixed-instances policy, chosen type first, then same-GPU-count alternatives", () => {
    // GIVEN / WHEN
    const json = synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, model: "llama-3.1-8b", replicas: { min: 2, max: 4 } }));
    // THEN
    const asg = only(json, "aws_autoscaling_group");
    const overrides: string[] = asg.mixed_instances_policy.launch_template.override.map((o: { instance_type: string }) => o.instance_type);
    // Same GPU count, at most twice the chosen type's price ($1.006 → up to $2.012 per instance-hour).
    expect(overrides).toEqual(["g5.xlarge", "g5.2xlarge", "g5.4xlarge", "g6e.xlarge"]);
    expect(overrides).not.toContain("g5.12xlarge"); // 4 GPUs: a different serving layout
    expect(asg.mixed_instances_policy.instances_distribution).toEqual({
      on_demand_allocation_strategy: "prioritized",
      on_demand_base_capacity: 0,
      on_demand_percentage_above_base_capacity: 100,
    });
    expect(asg.capacity_rebalance).toBe(false);
    expect(asg.health_check_grace_period).toBe(300 + 15 * 10);
  });

  test("an ordered GPU list orders the fallbacks: L40S sizes, then A10G", () => {
    const json = synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, gpus: ["L40S", "A10G"], replicas: 3, fleet: { maxFallbacks: 20 } }));
    const overrides: string[] = only(json, "aws_autoscaling_group").mixed_instances_policy.launch_template.override.map(
      (o: { instance_type: string }) => o.instance_type,
    );
    const firstA10G = overrides.findIndex((t) => t.startsWith("g5."));
    expect(overrides[0]).toBe("g6e.xlarge");
    expect(overrides.slice(0, firstA10G).every((t) => t.startsWith("g6e."))).toBe(true);
    expect(overrides.slice(firstA10G).every((t) => t.startsWith("g5."))).toBe(true);
  });

  test("a throughput target sizes the fleet: the decision's replicas, and fallbacks only as fast per replica", () => {
    let chat: RealtimeInference;
    const json = synthStack(
      (s) => (chat = new RealtimeInference(s, "chat", { network: NETWORK, model: "llama-3.1-8b", throughput: { outputTokensPerSecond: 3000 } })),
    );
    const t = chat!.decision.throughput!;
    expect(t.replicas).toBeGreaterThan(1);
    const asg = only(json, "aws_autoscaling_group");
    expect([asg.min_size, asg.max_size, asg.desired_capacity]).toEqual([t.replicas, t.replicas, t.replicas]);
    expect(chat!.capacity.instances.desired).toBe(t.replicas);
    const overrides: string[] = asg.mixed_instances_policy.launch_template.override.map((o: { instance_type: string }) => o.instance_type);
    expect(overrides[0]).toBe(chat!.decision.instanceType);
    for (const type of overrides.slice(1)) {
      const alternative = chat!.decision.alternatives.find((a) => a.instanceType === type)!;
      expect(alternative.throughput!.outputTokensPerSecondPerReplica).toBeGreaterThanOrEqual(t.outputTokensPerSecondPerReplica);
    }
    expect(() =>
      synthStack(
        (s) => new RealtimeInference(s, "chat", { network: NETWORK, model: "llama-3.1-8b", throughput: { outputTokensPerSecond: 3000 }, replicas: 2 }),
      ),
    ).toThrow(/replicas is 2; throughput sizes the fleet's replicas; give replicas or throughput, not both/);
  });

  test("fallback: false pins the chosen type", () => {
    const json = synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, replicas: 2, fleet: { fallback: false } }));
    expect(only(json, "aws_autoscaling_group").mixed_instances_policy.launch_template.override).toEqual([{ instance_type: "g5.xlarge" }]);
  });

  test("on-demand base, spot share with price-capacity-optimized, capacity rebalance, grace period", () => {
    const json = synthStack(
      (s) =>
        new RealtimeInference(s, "chat", {
          network: NETWORK,
          replicas: { min: 2, max: 8 },
          fleet: { onDemandBaseCapacity: 2, spotPercentage: 50, healthCheckGracePeriodSeconds: 900 },
        }),
    );
    const asg = only(json, "aws_autoscaling_group");
    expect(asg.mixed_instances_policy.instances_distribution).toMatchObject({
      on_demand_base_capacity: 2,
      on_demand_percentage_above_base_capacity: 50,
      spot_allocation_strategy: "price-capacity-optimized",
    });
    expect(asg.capacity_rebalance).toBe(true);
    expect(asg.health_check_grace_period).toBe(900);
  });

  test("target tracking on average GPU utilization from the CloudWatch agent, which the user data installs", () => {
    const json = synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, replicas: { min: 1, max: 3 }, userData: "#!/bin/bash\necho mine\n" }));
    const policy = only(json, "aws_autoscaling_policy");
    expect(policy.policy_type).toBe("TargetTrackingScaling");
    expect(policy.target_tracking_configuration).toMatchObject({
      target_value: 70,
      // The fleet's own namespace, all instances together: no dimension, and no one else may publish there.
      customized_metric_specification: {
        namespace: expect.stringMatching(/^cdktf-gpu-workloads\/chat-[0-9a-f]{8}$/),
        metric_name: "nvidia_smi_utilization_gpu",
        statistic: "Average",
      },
    });
    const namespace = policy.target_tracking_configuration.customized_metric_specification.namespace;
    expect(policy.target_tracking_configuration.customized_metric_specification.metric_dimension).toBeUndefined();
    const userData = Buffer.from(only(json, "aws_launch_template").user_data, "base64").toString();
    expect(userData).toMatch(/multipart\/mixed/);
    const agentConfig = JSON.parse(/amazon-cloudwatch-agent\.json <<'GPU_WORKLOADS_EOF'\n(.*)\n/.exec(userData)![1]);
    expect(agentConfig).toMatchObject({ agent: { omit_hostname: true }, metrics: { namespace, aggregation_dimensions: [[]] } });
    expect(agentConfig.metrics.append_dimensions).toBeUndefined();
    expect(userData.indexOf("amazon-cloudwatch-agent-ctl")).toBeLessThan(userData.indexOf("echo mine"));
    // PutMetricData to that namespace alone, instead of CloudWatchAgentServerPolicy (any namespace, any log group).
    expect(json.resource.aws_iam_role_policy_attachment).toBeUndefined();
    const publish = resourcesOf(json, "aws_iam_role_policy").find((p) => p.name === "publish-metrics")!;
    expect(JSON.parse(publish.policy).Statement).toEqual([
      { Effect: "Allow", Action: ["cloudwatch:PutMetricData"], Resource: ["*"], Condition: { StringEquals: { "cloudwatch:namespace": namespace } } },
    ]);
  });

  test("a custom scaling metric; no policy for a fixed-size fleet", () => {
    const custom = synthStack(
      (s) =>
        new RealtimeInference(s, "chat", {
          network: NETWORK,
          replicas: { min: 1, max: 3 },
          fleet: { scalingMetric: { namespace: "vLLM", metricName: "num_requests_waiting", dimensions: { Model: "llama" } }, scalingTarget: 5 },
        }),
    );
    expect(only(custom, "aws_autoscaling_policy").target_tracking_configuration.customized_metric_specification).toMatchObject({
      namespace: "vLLM",
      metric_name: "num_requests_waiting",
      metric_dimension: [expect.objectContaining({ name: "AutoScalingGroupName" }), { name: "Model", value: "llama" }],
    });
    expect(only(custom, "aws_launch_template").user_data).toBeUndefined();
    const fixed = synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, replicas: 3 }));
    expect(resourcesOf(fixed, "aws_autoscaling_policy")).toHaveLength(0);
  });

  test("a fleet sized by a throughput target or bought on spot takes fleet options; a single instance refuses them", () => {
    // GIVEN a throughput target (a fleet of several) and spot (a fleet of one), each with fleet options
    let chat: RealtimeInference;
    const sized = synthStack(
      (s) =>
        (chat = new RealtimeInference(s, "chat", {
          network: NETWORK,
          model: "llama-3.1-8b",
          throughput: { outputTokensPerSecond: 3000 },
          fleet: { fallback: false, scalingTarget: 50 },
        })),
    );
    const spot = synthStack(
      (s) => new RealtimeInference(s, "chat", { network: NETWORK, purchase: "spot", fleet: { fallback: false, onDemandBaseCapacity: 1 } }),
    );
    // THEN each is an Auto Scaling group with its options
    const replicas = chat!.decision.throughput!.replicas;
    expect(replicas).toBeGreaterThan(1);
    const sizedGroup = only(sized, "aws_autoscaling_group");
    expect([sizedGroup.min_size, sizedGroup.max_size]).toEqual([replicas, replicas]);
    expect(sizedGroup.mixed_instances_policy.launch_template.override).toEqual([{ instance_type: chat!.decision.instanceType }]);
    const spotGroup = only(spot, "aws_autoscaling_group");
    expect([spotGroup.min_size, spotGroup.max_size]).toEqual([1, 1]);
    expect(spotGroup.mixed_instances_policy.launch_template.override).toEqual([{ instance_type: "g5.xlarge" }]);
    expect(spotGroup.mixed_instances_policy.instances_distribution.on_demand_base_capacity).toBe(1);
    // The on-demand base is bounded by the fleet the decision sized, not by the replicas given.
    expect(() =>
      synthStack(
        (s) =>
          new RealtimeInference(s, "chat", {
            network: NETWORK,
            model: "llama-3.1-8b",
            throughput: { outputTokensPerSecond: 3000 },
            fleet: { onDemandBaseCapacity: replicas + 1 },
          }),
      ),
    ).toThrow(`fleet.onDemandBaseCapacity is ${replicas + 1}; give a whole number from 0 to ${replicas} (at most the fleet's maximum size)`);
    // A true single instance (one replica, on-demand, no target) still refuses them.
    expect(() => synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, replicas: 1, fleet: { scalingTarget: 50 } }))).toThrow(
      /fleet is \{"scalingTarget":50\}; fleet options apply to an Auto Scaling group/,
    );
  });

  test.each([
    [{ fleet: { fallback: false } }, /fleet .* fleet options apply to an Auto Scaling group/],
    [{ replicas: 2, fleet: { spotPercentage: 120 } }, /fleet.spotPercentage is 120; give a whole number from 0 to 100 percent/],
    [{ replicas: 2, fleet: { scalingTarget: 0 } }, /fleet.scalingTarget is 0/],
  ])("fleet errors %j", (props, message) => {
    expect(() => synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, ...(props as object) }))).toThrow(message);
  });
});

describe("BatchProcessing on AWS Batch", () => {
  const json = synthStack(
    (s) =>
      new BatchProcessing(s, "jobs", { network: NETWORK, batch: { maxVcpus: 64, job: { image: "example.com/embed:1", command: ["python", "embed.py"] } } }),
  );

  test("a managed spot compute environment over the selected GPU types, with the workload's launch template", () => {
    const ce = only(json, "aws_batch_compute_environment");
    expect(ce.type).toBe("MANAGED");
    expect(ce.service_role).toBeUndefined(); // the service-linked role
    expect(ce.compute_resources).toMatchObject({
      type: "SPOT",
      allocation_strategy: "SPOT_PRICE_CAPACITY_OPTIMIZED",
      min_vcpus: 0,
      max_vcpus: 64,
      subnets: NETWORK.subnetIds,
      ec2_configuration: [{ image_type: "ECS_AL2023_NVIDIA" }],
      launch_template: { launch_template_id: expect.stringMatching(/aws_launch_template\.\S+\.id/), version: "$Latest" },
      instance_role: expect.stringMatching(/aws_iam_instance_profile\.\S+\.arn/),
    });
    // The same price bound as fleets: up to twice g4dn.xlarge's $0.526.
    expect(ce.compute_resources.instance_type).toEqual(["g4dn.xlarge", "g4dn.2xlarge", "g6.xlarge", "g6.2xlarge"]);
    const lt = only(json, "aws_launch_template");
    expect(lt.image_id).toBeUndefined();
    expect(lt.network_interfaces).toBeUndefined();
    expect(lt.metadata_options.http_tokens).toBe("required");
    expect(resourcesOf(json, "aws_instance")).toHaveLength(0);
  });

  test("a queue, and a job definition with GPUs that retries spot reclaims and exits on application errors", () => {
    expect(only(json, "aws_batch_job_queue")).toMatchObject({
      state: "ENABLED",
      compute_environment_order: [{ order: 1, compute_environment: expect.stringMatching(/aws_batch_compute_environment\.\S+\.arn/) }],
    });
    const job = only(json, "aws_batch_job_definition");
    const container = JSON.parse(job.container_properties);
    expect(container).toMatchObject({ image: "example.com/embed:1", command: ["python", "embed.py"], privileged: false });
    expect(container.resourceRequirements).toEqual([
      { type: "GPU", value: "1" },
      { type: "VCPU", value: "3" },
      { type: "MEMORY", value: String(Math.floor(16 * 1024 * 0.85)) },
    ]);
    expect(job.retry_strategy).toEqual({
      attempts: 3,
      evaluate_on_exit: [
        { on_status_reason: "Host EC2*", action: "RETRY" },
        { on_reason: "*", action: "EXIT" },
      ],
    });
    // The ECS agent's own actions, on the compute environment's cluster, instead of AmazonEC2ContainerServiceforEC2Role.
    expect(json.resource.aws_iam_role_policy_attachment).toBeUndefined();
    const agent = JSON.parse(resourcesOf(json, "aws_iam_role_policy").find((p) => p.name === "ecs-agent")!.policy).Statement;
    const cluster = expect.stringMatching(/^\$\{aws_batch_compute_environment\.\S+\.ecs_cluster_arn\}$/);
    expect(agent[0]).toEqual({
      Effect: "Allow",
      Action: expect.arrayContaining(["ecs:RegisterContainerInstance", "ecs:SubmitTaskStateChange"]),
      Resource: [cluster],
    });
    expect(agent[1]).toMatchObject({
      Action: ["ecs:Poll", "ecs:StartTelemetrySession", "ecs:UpdateContainerInstancesState"],
      Condition: { ArnEquals: { "ecs:cluster": cluster } },
    });
    expect(agent.filter((s: { Resource: string[] }) => s.Resource.includes("*"))).toEqual([
      { Effect: "Allow", Action: ["ecs:DiscoverPollEndpoint"], Resource: ["*"] },
    ]);
    // The jobs log to the workload's own group, the only one the instances may write to.
    expect(container.logConfiguration).toEqual({
      logDriver: "awslogs",
      options: { "awslogs-group": only(json, "aws_cloudwatch_log_group").name, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "job" },
    });
  });

  test("on-demand purchase uses EC2 capacity", () => {
    const onDemand = synthStack(
      (s) => new BatchProcessing(s, "jobs", { network: NETWORK, purchase: "on-demand", batch: { maxVcpus: 16, job: { image: "x:1" } } }),
    );
    expect(only(onDemand, "aws_batch_compute_environment").compute_resources).toMatchObject({ type: "EC2", allocation_strategy: "BEST_FIT_PROGRESSIVE" });
  });

  test.each([
    [RealtimeInference, { batch: { maxVcpus: 8, job: { image: "x:1" } } }, /batch .* AWS Batch is for BatchProcessing workloads/],
    [BatchProcessing, { batch: { maxVcpus: 8, job: { image: "x:1", gpus: 4 } } }, /batch.job.gpus is 4; g4dn.xlarge has 1 GPU/],
    [BatchProcessing, { batch: { maxVcpus: 2, job: { image: "x:1" } } }, /batch.maxVcpus is 2; g4dn.xlarge has 4 vCPUs/],
    [BatchProcessing, { batch: { maxVcpus: 8, minVcpus: 9, job: { image: "x:1" } } }, /batch.minVcpus is 9/],
  ])("errors %#", (Workload, props, message) => {
    expect(() => synthStack((s) => new Workload(s, "jobs", { network: NETWORK, ...(props as object) }))).toThrow(message);
  });
});

describe("multi-node training", () => {
  const json = synthStack((s) => new Training(s, "pretrain", { network: NETWORK, nodes: 2 }));

  test("N instances in a cluster placement group, one subnet", () => {
    expect(resourcesOf(json, "aws_instance")).toHaveLength(2);
    expect(only(json, "aws_placement_group").strategy).toBe("cluster");
    const lt = only(json, "aws_launch_template");
    expect(lt.placement.group_name).toMatch(/aws_placement_group\.\S+\.name/);
    expect(new Set(lt.network_interfaces.map((n: { subnet_id: string }) => n.subnet_id))).toEqual(new Set(["subnet-0aaa1111"]));
  });

  test("p5.48xlarge's 32 EFA cards as AWS's EFA guide lays them out: ENA primary, EFA-only at card 0 device 1 and device 0 of cards 1-31", () => {
    const nics = only(json, "aws_launch_template").network_interfaces;
    expect(nics).toHaveLength(33);
    expect(nics[0]).toMatchObject({ network_card_index: 0, device_index: 0, associate_public_ip_address: "false" });
    expect(nics[0].interface_type).toBeUndefined(); // ENA
    expect(nics[1]).toMatchObject({ network_card_index: 0, device_index: 1, interface_type: "efa-only" });
    nics.slice(2).forEach((n: Record<string, unknown>, i: number) => {
      expect(n).toMatchObject({ network_card_index: i + 1, device_index: 0, interface_type: "efa-only" });
      expect(n.associate_public_ip_address).toBeUndefined();
    });
  });

  test.each([
    ["p4d.24xlarge", "A100-40GB", 4, 5],
    ["p5en.48xlarge", "H200", 16, 17],
    ["p6-b200.48xlarge", "B200", 8, 9],
    ["p6-b300.48xlarge", "B300", 16, 17],
  ])("%s: %s, %i EFA interfaces and %i interfaces in all", (type, gpu, efa, all) => {
    const cluster = synthStack((s) => new Training(s, "t", { network: NETWORK, gpus: [gpu], nodes: 2 }));
    const nics: Record<string, unknown>[] = only(cluster, "aws_launch_template").network_interfaces;
    expect(nics).toHaveLength(all);
    expect(nics.filter((n) => n.interface_type === "efa-only")).toHaveLength(efa);
    // p6-b300's card 0 carries ENA only (17 cards, 16 EFA): no EFA-only interface on it.
    expect(nics.some((n) => n.network_card_index === 0 && n.interface_type === "efa-only")).toBe(type !== "p6-b300.48xlarge");
    expect(new Set(nics.map((n) => `${n.network_card_index}/${n.device_index}`)).size).toBe(all);
  });

  test("the security group allows all traffic within itself and nothing else inbound", () => {
    const ingress = resourcesOf(json, "aws_vpc_security_group_ingress_rule");
    expect(ingress).toEqual([
      expect.objectContaining({ ip_protocol: "-1", referenced_security_group_id: expect.stringMatching(/aws_security_group\.\S+\.id/) }),
    ]);
    expect(ingress[0].referenced_security_group_id).toBe(ingress[0].security_group_id);
    expect(resourcesOf(json, "aws_vpc_security_group_egress_rule")).toContainEqual(
      expect.objectContaining({ ip_protocol: "-1", referenced_security_group_id: ingress[0].security_group_id }),
    );
  });

  test("a Capacity Block for ML: capacity-block market and the reservation as target", () => {
    const block = synthStack(
      (s) => new Training(s, "t", { network: NETWORK, nodes: 2, purchase: "capacity-block", capacityReservationId: "cr-0123456789abcdef0" }),
    );
    const lt = only(block, "aws_launch_template");
    expect(lt.instance_market_options).toEqual({ market_type: "capacity-block" });
    expect(lt.capacity_reservation_specification).toEqual({ capacity_reservation_target: { capacity_reservation_id: "cr-0123456789abcdef0" } });
  });

  test("the estimator decides the node count when nodes is not given, and says so: the training setup decides it", () => {
    let training: Training;
    // Mixed precision keeps fp32 master weights and gradients: 18 B per parameter, 1.27 TB for 70B over 8-GPU p5 nodes.
    const json70 = synthStack((s) => (training = new Training(s, "t", { network: NETWORK, model: "llama-3.1-70b" })));
    expect(training!.decision.nodeCount).toBe(3);
    expect(training!.decision.reason).toMatch(/across 24 GPUs on 3 nodes/);
    expect(resourcesOf(json70, "aws_instance")).toHaveLength(3);
    // Pure bf16 (torchtune; a model loaded in bf16 under FSDP): 8 B per parameter, two nodes.
    synthStack((s) => (training = new Training(s, "t", { network: NETWORK, model: "llama-3.1-70b", usage: { trainingPrecision: "bf16" } })));
    expect(training!.decision.nodeCount).toBe(2);
  });

  test("nodes joined by less than 400 Gbps are refused unless asked for, and the error says which link", () => {
    expect(() => synthStack((s) => new Training(s, "t", { network: NETWORK, gpus: ["V100-32GB"], nodes: 2, ami: "ami-0123456789abcdef2" }))).toThrow(
      /minClusterNetworkGbps = 400 .*p3dn.24xlarge \(2 nodes needed and p3dn.24xlarge links them at 100 Gbps, below the 400 Gbps a multi-node run needs/,
    );
    let training: Training;
    synthStack(
      (s) => (training = new Training(s, "t", { network: NETWORK, gpus: ["V100-32GB"], nodes: 2, ami: "ami-0123456789abcdef2", minClusterNetworkGbps: 100 })),
    );
    expect(training!.decision).toMatchObject({ instanceType: "p3dn.24xlarge", nodeCount: 2 });
  });

  test.each([
    [{ nodes: 2, purchase: "spot" }, /purchase is "spot"; a 2-node cluster cannot run on spot/],
    [{ nodes: 2, purchase: "capacity-block" }, /capacityReservationId is undefined; purchase "capacity-block" needs the Capacity Block reservation id/],
    [{ nodes: 2, replicas: 3 }, /a training cluster has a fixed size/],
    [{ capacityReservationId: "my-block" }, /capacityReservationId is "my-block"/],
  ])("errors %j", (props, message) => {
    expect(() => synthStack((s) => new Training(s, "t", { network: NETWORK, ...(props as object) }))).toThrow(message);
  });
});

describe("region awareness", () => {
  test("a region without the usual choice moves to the best type it offers, and says so", () => {
    let training: Training;
    synthStack((s) => (training = new Training(s, "t", { network: NETWORK })), "eu-central-1");
    expect(training!.decision.instanceType).toBe("p4de.24xlarge");
    expect(training!.decision.reason).toMatch(/p5.48xlarge, the choice elsewhere, is not offered in eu-central-1/);
  });

  test("a region with no suitable type lists the regions that have one, nearest first", () => {
    expect(() => synthStack((s) => new Training(s, "t", { network: NETWORK }), "af-south-1")).toThrow(
      /No instance type satisfies region = "af-south-1".*Regions that offer a suitable type, nearest first: sa-east-1, il-central-1, /,
    );
  });
});

describe("cost plan, report and budget guard", () => {
  function synthApp(build: (app: App) => void): string {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "gpu-plan-"));
    const app = new App({ outdir });
    build(app);
    app.synth();
    return outdir;
  }
  const team = (app: App, id: string) => {
    const stack = new TerraformStack(app, id);
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    return stack;
  };
  const twoTeams = (app: App) => {
    new RealtimeInference(team(app, "chat"), "assistant", { network: NETWORK, replicas: { min: 2, max: 4 } });
    new Training(team(app, "research"), "pretrain", { network: NETWORK, nodes: 2 });
  };

  test("synth writes gpu-plan.json with every workload, its capacity, prices and alternatives", () => {
    const outdir = synthApp(twoTeams);
    const plan: GpuPlan = JSON.parse(fs.readFileSync(path.join(outdir, "gpu-plan.json"), "utf8"));
    expect(plan).toMatchObject({ version: 2, pricesAsOf: "2026-11-29", spotPricesAsOf: "2026-11-29", hoursPerMonth: 730 });
    expect(plan.workloads.map((w) => w.path)).toEqual(["chat/assistant", "research/pretrain"]);
    expect(plan.workloads[0]).toMatchObject({
      stack: "chat",
      workloadClass: "realtime-inference",
      region: "us-east-1",
      regionKnown: true,
      purchase: "on-demand",
      instanceType: "g5.xlarge",
      instanceTypes: ["g5.xlarge", "g5.2xlarge", "g5.4xlarge", "g6e.xlarge"],
      capacity: "auto-scaling-group",
      gpuCount: 1,
      nodeCount: 1,
      instances: { min: 2, desired: 2, max: 4 },
      usdPerInstanceHour: 1.006,
      spotUsdPerInstanceHour: 0.436,
      usdPerHour: 2.012,
      usdPerMonth: 1468.76,
      // The worst case is every instance a g6e.xlarge, the dearest fallback: 4 × $1.861 × 730.
      maxUsdPerMonth: 5434.12,
      maxInstanceType: "g6e.xlarge",
    });
    expect(plan.workloads[0].droppedInstanceTypes).toContain("g6e.16xlarge");
    expect(plan.workloads[0].alternatives).toHaveLength(3);
    expect(plan.workloads[1]).toMatchObject({ capacity: "cluster", gpuCount: 8, nodeCount: 2, usdPerHour: 110.08, maxUsdPerMonth: 80358.4 });
  });

  test("gpu-workloads report prints a table per stack and totals, as text, markdown or JSON", () => {
    const outdir = synthApp(twoTeams);
    const text = runCli(["report", "--dir", outdir]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/Stack chat\n\nworkload +instance +instances +purchase +\$\/hour +\$\/month +max \$\/month\n/);
    expect(text.stdout).toMatch(/^research\/pretrain +p5.48xlarge +2 +on-demand +\$110.08 +\$80,358.40 +\$80,358.40$/m);
    expect(text.stdout).toMatch(/^chat\/assistant +g5.xlarge \+3 +2 \(2–4\) +on-demand +\$2.01 +\$1,468.76 +\$5,434.12$/m);
    expect(text.stdout).toMatch(/Where and at what prices\n\nworkload +region +capacity +GPUs +\$\/inst-h +spot +max set by\n/);
    expect(text.stdout).toMatch(/^research\/pretrain +us-east-1 +cluster +8× H100 +\$55.04 +\$21.15 +2 × p5.48xlarge$/m);
    expect(text.stdout).toMatch(/^chat\/assistant +us-east-1 +auto-scaling-group +1× A10G +\$1.006 +\$0.436 +4 × g6e.xlarge$/m);
    expect(text.stdout).toMatch(/App total: \$112.09\/hour, \$81,827.16\/month expected; up to \$85,792.52\/month in the worst case./);
    expect(text.stdout.replace(/\n/g, " ")).toMatch(/on-demand Linux per region as of 2026-11-29; spot estimates .* as of 2026-11-29/);
    const markdownRow = runCli(["report", "--dir", outdir, "--markdown"])
      .stdout.split("\n")
      .find((l) => l.startsWith("| `research/pretrain`"));
    expect(markdownRow).toBe(
      "| `research/pretrain` | `us-east-1` | `cluster` | `p5.48xlarge` | 8× `H100` | 2 | `on-demand` | $55.04 / $21.15 | $110.08 | $80,358.40 | $80,358.40 | 2 × `p5.48xlarge` |",
    );
    const markdown = runCli(["report", "--dir", outdir, "--markdown"]).stdout;
    expect(markdown).toMatch(/### Stack `chat`\n\n\| workload \| region \|/);
    expect(markdown).toMatch(/\| --- \| --- \|/);
    const json = JSON.parse(runCli(["report", "--dir", outdir, "--json"]).stdout);
    expect(json.totals).toEqual({ usdPerHour: 112.092, usdPerMonth: 81827.16, maxUsdPerMonth: 85792.52 });
    expect(json.stacks.map((s: { stack: string }) => s.stack)).toEqual(["chat", "research"]);
  });

  test("report without a plan says how to make one", () => {
    const result = runCli(["report", "--dir", path.join(os.tmpdir(), "no-such-dir")]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/gpu-plan.json does not exist. Run the synth first/);
  });

  test("BudgetGuard fails synth naming the total, the limit and the largest spenders", () => {
    expect(() =>
      synthApp((app) => {
        twoTeams(app);
        Aspects.of(app).add(new BudgetGuard({ maxUsdPerMonthPerStack: 50_000 }));
      }),
    ).toThrow(
      /BudgetGuard: stack research costs up to \$80,358.40\/month in the worst case .*above its limit of \$50,000.00\/month. Largest spenders: research\/pretrain \$80,358.40 \(2 × p5.48xlarge\)/,
    );
    expect(() =>
      synthApp((app) => {
        twoTeams(app);
        Aspects.of(app).add(new BudgetGuard({ maxUsdPerMonthPerApp: 60_000 }));
      }),
    ).toThrow(
      /BudgetGuard: the app costs up to \$85,792.52\/month .* Largest spenders: .*chat\/assistant \$5,434.12 \(4 × g6e.xlarge, the dearest type it may launch\)/,
    );
  });

  test("BudgetGuard warns above its threshold without failing", () => {
    let app: App;
    expect(() =>
      synthApp((a) => {
        app = a;
        twoTeams(a);
        Aspects.of(a).add(new BudgetGuard({ maxUsdPerMonthPerStack: 90_000 }));
      }),
    ).not.toThrow();
    const warnings = app!.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .map((m) => String(m.data))
      .filter((d) => d.startsWith("BudgetGuard"));
    expect(warnings).toEqual([expect.stringMatching(/stack research costs up to \$80,358.40\/month .* 89% of its limit of \$90,000.00\/month/)]);
  });

  test("BudgetGuard validates its limits", () => {
    expect(() => new BudgetGuard({ maxUsdPerMonthPerStack: 0 })).toThrow(/maxUsdPerMonthPerStack is 0/);
    expect(() => new BudgetGuard({ warnAtFraction: 2 })).toThrow(/warnAtFraction is 2/);
  });
});
