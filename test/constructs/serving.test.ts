import * as fs from "fs";
import * as path from "path";
import { DEFAULT_VLLM_IMAGE, ImageGeneration, RealtimeInference, Serving, Training } from "../../lib";
import { readySeconds } from "../../lib/boot/readiness";
import { containerCommand, embeddedFiles, userDataParts } from "../boot/sandbox";
import { NETWORK, only, outputValue, resourcesOf, synthStack } from "./synth";

const userData = (json: ReturnType<typeof synthStack>) => Buffer.from(only(json, "aws_launch_template").user_data, "base64").toString();
/** Every file the user data's scripts write, by path. */
const filesOf = (text: string) => new Map(userDataParts(text).flatMap((p) => [...embeddedFiles(p.body)]));
/** The first inline policy whose name starts with `prefix` (grants are named by content: "read-secret-" and a hash). */
const policy = (json: ReturnType<typeof synthStack>, prefix: string) =>
  JSON.parse(resourcesOf(json, "aws_iam_role_policy").find((p) => p.name.startsWith(prefix))!.policy);
/** The key clients of the test servers send, from Secrets Manager. */
const API_KEY = "arn:aws:secretsmanager:us-east-1:123456789012:secret:chat-api-key-AbCdEf";
const vllmChat = (extra: object = {}) => ({
  network: NETWORK,
  model: "llama-3.1-8b",
  serve: Serving.vllm({ model: "meta-llama/Llama-3.1-8B-Instruct", apiKey: API_KEY, tls: "none" }),
  ...extra,
});

describe("a serving fleet: vLLM behind an internal load balancer, admitting instances once they are healthy", () => {
  const json = synthStack(
    (s) => new RealtimeInference(s, "chat", vllmChat({ replicas: { min: 2, max: 4 }, allowFrom: [{ cidr: "10.0.0.0/16", port: 8000 }] })),
  );
  // vLLM's 30 GiB image and 15 GiB of weights: 10 min + 30 × 8 s + 15 × 12 s = 1,020 s.
  const heartbeat = readySeconds(30, 15);

  test("vLLM's flags come from the decision; the model is `vllm serve`'s positional argument", () => {
    expect(containerCommand(userData(json))).toMatchObject({
      image: "vllm/vllm-openai:v0.32.0",
      args: [
        "meta-llama/Llama-3.1-8B-Instruct",
        "--host",
        "0.0.0.0",
        "--port",
        "8000",
        "--tensor-parallel-size",
        "1",
        "--max-model-len",
        "4096",
        "--max-num-seqs",
        "256",
        "--gpu-memory-utilization",
        "0.9",
      ],
    });
  });

  test("the container runs under systemd: restarted on a crash up to a limit, never after a failed preparation; logs in CloudWatch Logs", () => {
    const files = filesOf(userData(json));
    expect(files.get("/etc/systemd/system/gpu-workload.service")).toEqual(
      expect.stringContaining(
        "StartLimitIntervalSec=1800\nStartLimitBurst=5\nOnFailure=gpu-workload-failed.service\n[Service]\nExecStart=/opt/gpu-workloads/start.sh\nRestart=always\nRestartSec=10\nRestartPreventExitStatus=3",
      ),
    );
    expect(containerCommand(userData(json)).dockerOptions.join(" ")).toMatch(
      /--log-driver awslogs --log-opt awslogs-region=us-east-1 --log-opt awslogs-group=\/cdktf-gpu-workloads\/chat-[0-9a-f]{8} --log-opt awslogs-stream=\$instance/,
    );
    expect(only(json, "aws_cloudwatch_log_group")).toMatchObject({ retention_in_days: 365 });
    expect(policy(json, "write-logs").Statement).toEqual([
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.chat_log-group_[0-9A-F]{8}\.arn\}:\*$/)],
      },
    ]);
  });

  test("the group holds each new instance at a launch lifecycle hook until its server is healthy; ABANDON when it is not", () => {
    const hook = {
      name: "gpu-workloads-ready",
      lifecycle_transition: "autoscaling:EC2_INSTANCE_LAUNCHING",
      heartbeat_timeout: heartbeat,
      default_result: "ABANDON",
    };
    const group = only(json, "aws_autoscaling_group");
    expect(group).toMatchObject({ initial_lifecycle_hook: [hook], wait_for_capacity_timeout: "0" });
    // Also a resource of its own: a group created before this version gets the hook too.
    expect(only(json, "aws_autoscaling_lifecycle_hook")).toMatchObject({
      ...hook,
      autoscaling_group_name: expect.stringMatching(/^\$\{aws_autoscaling_group\..*\.name\}$/),
    });
    const parameter = only(json, "aws_ssm_parameter");
    expect(parameter).toMatchObject({
      name: expect.stringMatching(/^\/cdktf-gpu-workloads\/chat-[0-9a-f]{8}\/auto-scaling-group$/),
      type: "String",
      value: expect.stringMatching(/^\$\{aws_autoscaling_group\..*\.name\}$/),
    });
    // The instance may read that parameter and complete lifecycle actions of its own group, nothing else.
    expect(policy(json, "admit-to-group").Statement).toEqual([
      { Effect: "Allow", Action: ["ssm:GetParameter"], Resource: [expect.stringMatching(/^\$\{aws_ssm_parameter\..*\.arn\}$/)] },
      { Effect: "Allow", Action: ["autoscaling:CompleteLifecycleAction"], Resource: [expect.stringMatching(/^\$\{aws_autoscaling_group\..*\.arn\}$/)] },
    ]);
    // The instance gives up a minute before the hook would, naming the parameter and the hook it completes.
    const admit = filesOf(userData(json)).get("/opt/gpu-workloads/admit.sh")!;
    expect(admit).toContain(`for ((probe = 0; probe < ${Math.floor((heartbeat - 60) / 15)}; probe++)); do`);
    expect(admit).toContain(`'${parameter.name}'`);
    expect(admit).toContain("--lifecycle-hook-name 'gpu-workloads-ready'");
  });

  test("an internal NLB health-checks /health; ELB health on the group with a grace for what is left after admission", () => {
    expect(only(json, "aws_lb")).toMatchObject({ load_balancer_type: "network", internal: true, subnets: NETWORK.subnetIds });
    expect(only(json, "aws_lb_target_group")).toMatchObject({
      port: 8000,
      protocol: "TCP",
      preserve_client_ip: "false",
      health_check: { protocol: "HTTP", path: "/health", port: "traffic-port", matcher: "200-399" },
    });
    expect(only(json, "aws_lb_listener")).toMatchObject({ port: 8000, protocol: "TCP" });
    const group = only(json, "aws_autoscaling_group");
    expect(group).toMatchObject({
      health_check_type: "ELB",
      health_check_grace_period: 300,
      instance_refresh: { strategy: "Rolling", preferences: { min_healthy_percentage: 50 } },
    });
    expect(group.target_group_arns).toEqual([expect.stringMatching(/^\$\{aws_lb_target_group\..*\.arn\}$/)]);
    expect(group.mixed_instances_policy.launch_template.launch_template_specification.version).toMatch(/latest_version/);
  });

  test("clients reach the load balancer; the instances accept it alone; endpoint is its DNS name", () => {
    const ingress = resourcesOf(json, "aws_vpc_security_group_ingress_rule");
    const groups = Object.entries(json.resource.aws_security_group);
    const lbGroup = groups.find(([name]) => name.includes("load-balancer"))![0];
    const instanceGroup = groups.find(([name]) => !name.includes("load-balancer"))![0];
    const onInstances = ingress.filter((r) => r.security_group_id.includes(`${instanceGroup}.`));
    expect(onInstances).toEqual([expect.objectContaining({ from_port: 8000, referenced_security_group_id: `\${aws_security_group.${lbGroup}.id}` })]);
    expect(ingress.filter((r) => r.security_group_id.includes(`${lbGroup}.`))).toEqual([
      expect.objectContaining({ cidr_ipv4: "10.0.0.0/16", from_port: 8000 }),
    ]);
    expect(outputValue(json, "endpoint")).toMatch(/^\$\{aws_lb\..*\.dns_name\}$/);
  });
});

describe("a single serving instance: no load balancer; it watches its own health and reports it to an alarm", () => {
  let chat: RealtimeInference;
  const json = synthStack((s) => (chat = new RealtimeInference(s, "chat", vllmChat())));

  test("no load balancer, no hook; a probe every minute, past the time the server takes to be ready", () => {
    expect(resourcesOf(json, "aws_lb")).toHaveLength(0);
    expect(resourcesOf(json, "aws_autoscaling_lifecycle_hook")).toHaveLength(0);
    expect(chat!.endpoint).toBeUndefined();
    const files = filesOf(userData(json));
    expect(files.get("/opt/gpu-workloads/health.sh")).toContain(`-lt ${readySeconds(30, 15)} ]`);
    expect(files.get("/etc/systemd/system/gpu-workload-health.timer")).toContain("OnUnitActiveSec=60");
  });

  test("an alarm fires after 5 minutes without a healthy report, missing reports included; the instance may publish that namespace only", () => {
    const alarm = only(json, "aws_cloudwatch_metric_alarm");
    expect(alarm).toMatchObject({
      alarm_name: expect.stringMatching(/^chat-[0-9a-f]{8}-server-health$/),
      namespace: expect.stringMatching(/^cdktf-gpu-workloads\/chat-[0-9a-f]{8}$/),
      metric_name: "ServerHealthy",
      dimensions: { Workload: expect.stringMatching(/^chat-[0-9a-f]{8}$/) },
      statistic: "Minimum",
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      comparison_operator: "LessThanThreshold",
      threshold: 1,
      treat_missing_data: "breaching",
    });
    expect(chat!.healthAlarm).toBeDefined();
    // The workload's own namespace: another workload's instances cannot publish "healthy" for this one.
    expect(policy(json, "publish-metrics").Statement).toEqual([
      { Effect: "Allow", Action: ["cloudwatch:PutMetricData"], Resource: ["*"], Condition: { StringEquals: { "cloudwatch:namespace": alarm.namespace } } },
    ]);
    expect(filesOf(userData(json)).get("/opt/gpu-workloads/health.sh")).toContain(
      `--namespace '${alarm.namespace}' --metric-name 'ServerHealthy' --dimensions 'Workload=${alarm.dimensions.Workload}'`,
    );
  });
});

test("a throughput target sizes vLLM's --max-num-seqs; weights from S3 and a gated model's token are fetched, never written", () => {
  const json = synthStack(
    (s) =>
      new RealtimeInference(s, "chat", {
        network: NETWORK,
        model: "llama-3.1-8b",
        throughput: { outputTokensPerSecond: 2000 },
        serve: Serving.vllm({
          model: "llama-3.1-8b-instruct",
          image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/vllm:v0.32.0",
          apiKey: API_KEY,
          tls: "none",
          weights: { s3Uri: "s3://my-models/llama-3.1-8b/", huggingFaceTokenSecretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-AbCdEf" },
        }),
      }),
  );
  const { args } = containerCommand(userData(json));
  expect(args.slice(0, 3)).toEqual(["/model", "--served-model-name", "llama-3.1-8b-instruct"]);
  expect(args[args.indexOf("--max-num-seqs") + 1]).not.toBe("256");
  const prepare = filesOf(userData(json)).get("/opt/gpu-workloads/prepare.sh")!;
  expect(prepare).toContain("retry 5 aws s3 sync --only-show-errors --region 'us-east-1' 's3://my-models/llama-3.1-8b/' /opt/gpu-workloads/model");
  expect(prepare).toContain("secret_env HF_TOKEN 'us-east-1' 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-AbCdEf'");
  expect(prepare).toContain("retry 5 ecr_login 'us-east-1' '123456789012.dkr.ecr.us-east-1.amazonaws.com'");
  // Weights from S3: nothing to download from the Hugging Face Hub.
  expect(prepare).not.toContain("snapshot_download");
  const names = resourcesOf(json, "aws_iam_role_policy")
    .map((p) => p.name.replace(/-[0-9a-f]{10}$/, "-#"))
    .sort();
  expect(names).toEqual(["admit-to-group", "pull-ecr-#", "read-s3-#", "read-secret-#", "read-secret-#", "session-manager", "write-logs"]);
});

test("vLLM runs a model whose attention heads the GPUs do not divide as several tensor-parallel copies (qwen2.5-7b: 28 heads, 8 GPUs)", () => {
  let w: RealtimeInference;
  const json = synthStack(
    (s) =>
      (w = new RealtimeInference(s, "chat", {
        network: NETWORK,
        model: "qwen2.5-7b",
        instanceType: "g6e.48xlarge",
        serve: Serving.vllm({ model: "Qwen/Qwen2.5-7B-Instruct", apiKey: "none" }),
      })),
  );
  const { args } = containerCommand(userData(json));
  expect(args.slice(args.indexOf("--tensor-parallel-size"), args.indexOf("--tensor-parallel-size") + 4)).toEqual([
    "--tensor-parallel-size",
    "4",
    "--data-parallel-size",
    "2",
  ]);
  expect(w!.decision.memoryEstimate!.gpuCount).toBe(4);
  expect(w!.decision.reason).toContain("2 copies per instance: vLLM's tensor-parallel size must divide qwen2.5-7b's 28 attention heads");
  expect(w!.decision.throughput!.copiesPerReplica).toBe(2);
});

test("a usage's layout and fp8 KV cache reach vLLM's flags: 8 copies of an 8B model on p5.48xlarge, --kv-cache-dtype fp8", () => {
  let w: RealtimeInference;
  const json = synthStack(
    (s) =>
      (w = new RealtimeInference(s, "chat", {
        network: NETWORK,
        model: "llama-3.1-8b",
        instanceType: "p5.48xlarge",
        usage: { tensorParallelSize: 1, kvCachePrecision: "fp8" },
        serve: Serving.vllm({ model: "meta-llama/Llama-3.1-8B-Instruct", apiKey: "none" }),
      })),
  );
  const { args } = containerCommand(userData(json));
  expect(args.slice(args.indexOf("--tensor-parallel-size"), args.indexOf("--tensor-parallel-size") + 4)).toEqual([
    "--tensor-parallel-size",
    "1",
    "--data-parallel-size",
    "8",
  ]);
  expect(args.slice(args.indexOf("--kv-cache-dtype"), args.indexOf("--kv-cache-dtype") + 2)).toEqual(["--kv-cache-dtype", "fp8"]);
  expect(w!.decision.throughput!.copiesPerReplica).toBe(8);
  expect(() =>
    synthStack(
      (s) => new RealtimeInference(s, "chat", { network: NETWORK, model: "llama-3.1-8b", instanceType: "g5.xlarge", usage: { tensorParallelSize: 2 } }),
    ),
  ).toThrow(/tensorParallelSize/);
});

test("every flag the vLLM preset passes is one the pinned vLLM defines (test/fixtures/vllm-flags.json, from vLLM's argument definitions)", () => {
  const pinned = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "vllm-flags.json"), "utf8"));
  const apps = [
    vllmChat({ usage: { maxNumBatchedTokens: 4096, kvCachePrecision: "fp8" }, throughput: { outputTokensPerSecond: 2000 } }),
    { ...vllmChat(), serve: Serving.vllm({ model: "m", weights: { s3Uri: "s3://models/m/" }, apiKey: API_KEY }) },
    { network: NETWORK, model: "qwen2.5-7b", instanceType: "g6e.48xlarge", serve: Serving.vllm({ model: "Qwen/Qwen2.5-7B-Instruct", apiKey: "none" }) },
  ];
  const used = new Set<string>();
  for (const props of apps) {
    const { image, args } = containerCommand(userData(synthStack((s) => new RealtimeInference(s, "chat", props))));
    expect(image).toBe(pinned.image);
    // The model first, positionally; then flags, each with its value.
    expect(args[0].startsWith("-")).toBe(false);
    for (let i = 1; i < args.length; i += 2) {
      used.add(args[i]);
      expect({ flag: args[i], defined: args[i] in pinned.flags }).toEqual({ flag: args[i], defined: true });
    }
  }
  expect(used.size).toBeGreaterThanOrEqual(9);
});

test("ImageGeneration serves any pinned image; arguments, variables and secrets (a JSON key too) are quoted", () => {
  const json = synthStack(
    (s) =>
      new ImageGeneration(s, "media", {
        network: NETWORK,
        serve: {
          image: "ghcr.io/acme/sdxl-server:1.2.3",
          port: 7860,
          healthCheckPath: "/ready",
          command: ["--prompt-guard", "it's on"],
          env: { MODEL: "sdxl" },
          secretEnv: { API_KEY: { secretArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf", jsonKey: "key" } },
        },
      }),
  );
  const { image, args, dockerOptions } = containerCommand(userData(json));
  expect({ image, args }).toEqual({ image: "ghcr.io/acme/sdxl-server:1.2.3", args: ["--prompt-guard", "it's on"] });
  expect(dockerOptions).toEqual(expect.arrayContaining(["-p", "7860:7860"]));
  const prepare = filesOf(userData(json)).get("/opt/gpu-workloads/prepare.sh")!;
  expect(prepare).toContain("  printf '%s\\n' 'MODEL=sdxl'");
  // Read in the secret's own region, one key of it.
  expect(prepare).toContain("  secret_env API_KEY 'eu-west-1' 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf' 'key'");
  expect(policy(json, "read-secret-").Statement[0].Resource).toEqual(["arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf"]);
});

test.each([
  [
    { serve: { image: "vllm/vllm-openai:latest", port: 8000, healthCheckPath: "/health" } },
    /serve.image is "vllm\/vllm-openai:latest"; pin the image by tag or digest/,
  ],
  [{ serve: { image: "vllm/vllm-openai", port: 8000, healthCheckPath: "/health" } }, /serve.image is "vllm\/vllm-openai"; pin the image/],
  [{ serve: { image: "a:1", port: 70000, healthCheckPath: "/health" } }, /serve.port is 70000; give a whole number from 1 to 65535 \(a TCP or UDP port\)/],
  [{ serve: { image: "a:1", port: 80, healthCheckPath: "health" } }, /serve.healthCheckPath is "health"; give an HTTP path/],
  [{ serve: { image: "a:1", port: 80, healthCheckPath: "/h", env: { "BAD-NAME": "x" } } }, /serve.env is "BAD-NAME"/],
  [{ serve: { image: "a:1", port: 80, healthCheckPath: "/h", command: ["a\nb"] } }, /serve.command\[0\] is "a\\nb"; give a non-empty string on one line/],
  [
    {
      serve: {
        image: "a:1",
        port: 80,
        healthCheckPath: "/h",
        secretEnv: { K: { secretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:k-AbCdEf", jsonKey: "" } },
      },
    },
    /serve.secretEnv.K.jsonKey is ""; give a non-empty string on one line/,
  ],
  [{ serve: { image: "a:1", port: 80, healthCheckPath: "/h", imageSizeGiB: -1 } }, /serve.imageSizeGiB is -1/],
  [
    { serve: Serving.vllm({ model: "m", apiKey: "none" }) },
    /serve is "Serving.vllm"; it derives its flags from the memory estimate: give the workload a model/,
  ],
  [
    { model: "llama-3.1-8b", serve: Serving.vllm({ model: "m", apiKey: "none", logRetentionDays: 10 }) },
    /serve.logRetentionDays is 10; use a period CloudWatch Logs accepts/,
  ],
  [
    { model: "llama-3.1-8b", serve: Serving.vllm({ model: "m", apiKey: "none", extraArgs: ["--x\n"] }) },
    /serve.extraArgs\[0\] is "--x\\n"; give a non-empty string on one line/,
  ],
  [
    { serve: { image: "a:1", port: 80, healthCheckPath: "/h" }, nodes: 2, gpus: ["H100"] },
    /serve is "a server"; it runs on an instance or a fleet, not on a 2-node cluster/,
  ],
])("refused: %j", (props, message) => {
  expect(() => synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, ...(props as object) }))).toThrow(message);
});

test("Training takes a job, not a server: a compile error in TypeScript, this error in JavaScript", () => {
  // @ts-expect-error Training's props have no serve.
  expect(() => synthStack((s) => new Training(s, "t", { network: NETWORK, serve: { image: "a:1", port: 80, healthCheckPath: "/h" } }))).toThrow(
    /serve is "a server"; it is for RealtimeInference and ImageGeneration; a Training runs a job/,
  );
});

describe("the model endpoint is not open", () => {
  test("a serving fleet's listener terminates TLS with its certificate and a TLS 1.2+ policy, forwarding to the TCP target group", () => {
    const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
    const json = synthStack(
      (s) => new RealtimeInference(s, "chat", vllmChat({ replicas: 2, serve: Serving.vllm({ model: "m", apiKey: API_KEY, tls: { certificateArn } }) })),
    );
    expect(only(json, "aws_lb_listener")).toMatchObject({
      protocol: "TLS",
      certificate_arn: certificateArn,
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      port: 8000,
    });
    expect(only(json, "aws_lb_target_group")).toMatchObject({ protocol: "TCP", health_check: { protocol: "HTTP", path: "/health" } });
  });

  test('plain TCP is a choice a fleet makes ("none"), never a default', () => {
    const plain = synthStack((s) => new RealtimeInference(s, "chat", vllmChat({ replicas: 2 })));
    expect(only(plain, "aws_lb_listener")).toMatchObject({ protocol: "TCP" });
    expect(only(plain, "aws_lb_listener").certificate_arn).toBeUndefined();
    expect(() => synthStack((s) => new RealtimeInference(s, "chat", vllmChat({ replicas: 2, serve: Serving.vllm({ model: "m", apiKey: API_KEY }) })))).toThrow(
      /^serve\.tls is undefined; a serving fleet's load balancer needs a choice: \{ certificateArn \} .* or "none" \(plain TCP/,
    );
    expect(() =>
      synthStack((s) => new ImageGeneration(s, "gen", { network: NETWORK, replicas: 2, serve: { image: "acme/sdxl:1", port: 80, healthCheckPath: "/h" } })),
    ).toThrow(/^serve\.tls is undefined/);
  });

  test.each([
    [
      { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc" },
      /serve\.tls\.certificateArn is .*; the load balancer is in us-east-1 and takes a certificate from ACM in that region/,
    ],
    [{ certificateArn: "my-cert" }, /serve\.tls\.certificateArn is "my-cert"; give an ACM certificate ARN/],
    [
      { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", sslPolicy: "ELBSecurityPolicy-2016-08" },
      /serve\.tls\.sslPolicy is "ELBSecurityPolicy-2016-08"; give a policy that allows TLS 1.2 and later only/,
    ],
    [
      { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" },
      /serve\.tls\.sslPolicy is "ELBSecurityPolicy-TLS-1-1-2017-01"/,
    ],
    ["tls", /serve\.tls is "tls"; give \{ certificateArn \}/],
  ])("a listener choice that would not hold is refused: %j", (tls, message) => {
    expect(() =>
      synthStack((s) => new RealtimeInference(s, "chat", vllmChat({ replicas: 2, serve: Serving.vllm({ model: "m", apiKey: API_KEY, tls: tls as never }) }))),
    ).toThrow(message);
  });

  test("a single server has no load balancer: a certificate there is refused", () => {
    expect(() =>
      synthStack(
        (s) =>
          new RealtimeInference(
            s,
            "chat",
            vllmChat({ serve: Serving.vllm({ model: "m", apiKey: API_KEY, tls: { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" } }) }),
          ),
      ),
    ).toThrow(/serve\.tls is "a certificate"; a single server has no load balancer to terminate TLS/);
  });

  test("vLLM gets its key from Secrets Manager as VLLM_API_KEY, never on its command line or in user data; read access is granted", () => {
    const json = synthStack((s) => new RealtimeInference(s, "chat", vllmChat()));
    const text = userData(json);
    expect(filesOf(text).get("/opt/gpu-workloads/prepare.sh")).toContain(`  secret_env VLLM_API_KEY 'us-east-1' '${API_KEY}'`);
    expect(containerCommand(text).args).not.toContain("--api-key");
    expect(policy(json, "read-secret-").Statement[0].Resource).toEqual([API_KEY]);
  });

  test('vLLM without a key is refused unless apiKey is "none"', () => {
    expect(() => synthStack((s) => new RealtimeInference(s, "chat", vllmChat({ serve: Serving.vllm({ model: "m" } as never) })))).toThrow(
      /^serve\.apiKey is undefined; give the Secrets Manager secret that holds the key clients must send .*or apiKey: "none" to serve without one/,
    );
    const open = synthStack((s) => new RealtimeInference(s, "chat", vllmChat({ serve: Serving.vllm({ model: "m", apiKey: "none" }) })));
    expect(userData(open)).not.toContain("VLLM_API_KEY");
  });

  test.each(["--api-key", "--api-key=sk-123", "--hf-token"])("a key on vLLM's command line (%s) is refused", (flag) => {
    expect(() =>
      synthStack((s) => new RealtimeInference(s, "chat", vllmChat({ serve: Serving.vllm({ model: "m", apiKey: "none", extraArgs: [flag, "x"] }) }))),
    ).toThrow(/serve\.extraArgs\[0\] is .*; a key on the command line is in user data and the process list: give apiKey/);
  });

  test.each(["HF_TOKEN", "OPENAI_API_KEY", "API_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "DB_PASSWORD", "CLIENT_SECRET_ID", "hf_token"])(
    "a secret-shaped name in plain env (%s) is refused, pointing to secretEnv; its value is never printed",
    (name) => {
      let message = "";
      try {
        synthStack(
          (s) =>
            new ImageGeneration(s, "gen", {
              network: NETWORK,
              serve: { image: "acme/sdxl:1", port: 80, healthCheckPath: "/h", env: { [name]: "hunter2-value" } },
            }),
        );
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(new RegExp(`^serve\\.env\\.${name} is .*; its name says it is a secret.*give it in secretEnv`));
      expect(message).not.toContain("hunter2-value");
    },
  );

  test("ordinary names pass: MAX_TOKENS, HF_HOME, TOKENIZERS_PARALLELISM", () => {
    const json = synthStack(
      (s) =>
        new ImageGeneration(s, "gen", {
          network: NETWORK,
          serve: { image: "acme/sdxl:1", port: 80, healthCheckPath: "/h", env: { MAX_TOKENS: "1", HF_HOME: "/cache", TOKENIZERS_PARALLELISM: "false" } },
        }),
    );
    expect(filesOf(userData(json)).get("/opt/gpu-workloads/prepare.sh")).toContain("'TOKENIZERS_PARALLELISM=false'");
  });
});

describe("the default vLLM image", () => {
  const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "vllm-advisories.json"), "utf8"));
  /** PEP 440 release numbers as the advisories use them: 0.10.1.1, 0.5.0.post1. */
  const parse = (v: string) =>
    v
      .split(/\.post/)[0]
      .split(".")
      .map(Number)
      .concat(v.includes(".post") ? [0.5] : []);
  const compare = (a: string, b: string) => {
    const [x, y] = [parse(a), parse(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  };
  type Event = { introduced?: string; fixed?: string; last_affected?: string };
  const affects = (ranges: Event[][], version: string) =>
    ranges.some((events) => {
      const introduced = events.find((e) => e.introduced)?.introduced ?? "0";
      const fixed = events.find((e) => e.fixed)?.fixed;
      const last = events.find((e) => e.last_affected)?.last_affected;
      return compare(version, introduced) >= 0 && (fixed ? compare(version, fixed) < 0 : last ? compare(version, last) <= 0 : true);
    });
  const advisoriesOf = (version: string) =>
    fixture.advisories.filter((a: { ranges: Event[][] }) => affects(a.ranges, version)).map((a: { id: string }) => a.id);

  test("is off every recorded advisory's range", () => {
    const version = /:v(\d+(?:\.\d+)+)(@sha256:[a-f0-9]{64})?$/.exec(DEFAULT_VLLM_IMAGE)![1];
    expect(advisoriesOf(version)).toEqual([]);
  });

  test("the comparison can fail: the old defaults are on the list", () => {
    expect(fixture.advisories.length).toBeGreaterThan(80);
    expect(advisoriesOf("0.11.0")).toContain("PYSEC-2026-250");
    expect(advisoriesOf("0.13.0").length).toBe(45);
    // The release before the default: two chat-template denials of service, fixed in 0.32.0.
    expect(advisoriesOf("0.31.0")).toEqual(["PYSEC-2026-4344", "PYSEC-2026-4349"]);
    expect(advisoriesOf("0.5.0.post1")).toContain("PYSEC-2026-2025");
  });

  test("is the image the vLLM preset runs and the image its flags were checked against", () => {
    const pinned = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "vllm-flags.json"), "utf8"));
    expect(pinned.image).toBe(DEFAULT_VLLM_IMAGE);
    expect(containerCommand(userData(synthStack((s) => new RealtimeInference(s, "chat", vllmChat())))).image).toBe(DEFAULT_VLLM_IMAGE);
  });
});
