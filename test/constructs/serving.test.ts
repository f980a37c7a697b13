import { ImageGeneration, RealtimeInference, Serving, Training } from "../../lib";
import { NETWORK, only, outputValue, resourcesOf, synthStack } from "./synth";

const userData = (json: ReturnType<typeof synthStack>) => Buffer.from(only(json, "aws_launch_template").user_data, "base64").toString();
const vllmChat = (extra: object = {}) => ({ network: NETWORK, model: "llama-3.1-8b", serve: Serving.vllm({ model: "meta-llama/Llama-3.1-8B-Instruct" }), ...extra });

describe("a serving fleet: vLLM behind an internal load balancer", () => {
  const json = synthStack((s) => new RealtimeInference(s, "chat", vllmChat({ replicas: { min: 2, max: 4 }, allowFrom: [{ cidr: "10.0.0.0/16", port: 8000 }] })));

  test("vLLM's flags come from the decision: tensor parallel = GPUs, context, sequences, memory share", () => {
    expect(userData(json)).toContain(
      "'vllm/vllm-openai:v0.11.0' '--model' 'meta-llama/Llama-3.1-8B-Instruct' '--host' '0.0.0.0' '--port' '8000' '--tensor-parallel-size' '1' '--max-model-len' '4096' '--max-num-seqs' '256' '--gpu-memory-utilization' '0.9'",
    );
  });

  test("the container runs under systemd with the NVIDIA runtime, restarts on failure, logs to CloudWatch Logs", () => {
    const script = userData(json);
    expect(script).toMatch(/Restart=always\nRestartSec=10/);
    expect(script).toMatch(/docker run --rm --name gpu-workload --gpus all --ipc=host/);
    expect(script).toMatch(/--log-driver awslogs --log-opt awslogs-region='us-east-1' --log-opt awslogs-group='\/cdktf-gpu-workloads\/chat-[0-9a-f]{8}'/);
    expect(script).toMatch(/systemctl enable --now --no-block gpu-workload.service/);
    const logGroup = only(json, "aws_cloudwatch_log_group");
    expect(logGroup).toMatchObject({ retention_in_days: 365 });
    const policy = JSON.parse(resourcesOf(json, "aws_iam_role_policy").find((p) => p.name === "write-logs")!.policy);
    expect(policy.Statement).toEqual([{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.chat_log-group_[0-9A-F]{8}\.arn\}:\*$/)] }]);
  });

  test("an internal NLB, a target group health-checking /health, ELB health on the group, an instance refresh", () => {
    expect(only(json, "aws_lb")).toMatchObject({ load_balancer_type: "network", internal: true, subnets: NETWORK.subnetIds });
    expect(only(json, "aws_lb_target_group")).toMatchObject({
      port: 8000,
      protocol: "TCP",
      preserve_client_ip: "false",
      health_check: { protocol: "HTTP", path: "/health", port: "traffic-port", matcher: "200-399" },
    });
    expect(only(json, "aws_lb_listener")).toMatchObject({ port: 8000, protocol: "TCP" });
    const group = only(json, "aws_autoscaling_group");
    expect(group).toMatchObject({ health_check_type: "ELB", health_check_grace_period: 300 + 15 * 10, instance_refresh: { strategy: "Rolling", preferences: { min_healthy_percentage: 50 } } });
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
    expect(ingress.filter((r) => r.security_group_id.includes(`${lbGroup}.`))).toEqual([expect.objectContaining({ cidr_ipv4: "10.0.0.0/16", from_port: 8000 })]);
    expect(outputValue(json, "endpoint")).toMatch(/^\$\{aws_lb\..*\.dns_name\}$/);
  });
});

test("a single serving instance: the same service, and a health probe that restarts it, without a load balancer", () => {
  let chat: RealtimeInference;
  const json = synthStack((s) => (chat = new RealtimeInference(s, "chat", vllmChat())));
  expect(resourcesOf(json, "aws_lb")).toHaveLength(0);
  expect(chat!.endpoint).toBeUndefined();
  const script = userData(json);
  expect(script).toMatch(/curl -fsS -m 5 -o \/dev\/null http:\/\/127.0.0.1:8000\/health/);
  expect(script).toMatch(/ge 450 \]/); // the probe waits for the model's load time
  expect(script).toMatch(/systemctl enable --now --no-block gpu-workload.service gpu-workload-health.timer/);
});

test("a throughput target sizes vLLM's --max-num-seqs; weights from S3 and a gated model's token are fetched, never written", () => {
  const json = synthStack((s) =>
    new RealtimeInference(s, "chat", {
      network: NETWORK,
      model: "llama-3.1-8b",
      throughput: { outputTokensPerSecond: 2000 },
      serve: Serving.vllm({
        model: "llama-3.1-8b-instruct",
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/vllm:v0.11.0",
        weights: { s3Uri: "s3://my-models/llama-3.1-8b/", huggingFaceTokenSecretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-AbCdEf" },
      }),
    }),
  );
  const script = userData(json);
  expect(script).toMatch(/'--model' '\/model' '--served-model-name' 'llama-3.1-8b-instruct'/);
  expect(script).toMatch(/'--max-num-seqs' '\d+'/);
  expect(script).not.toMatch(/'--max-num-seqs' '256'/);
  expect(script).toMatch(/aws s3 sync --only-show-errors 's3:\/\/my-models\/llama-3.1-8b\/' \/opt\/gpu-workloads\/model/);
  expect(script).toMatch(/printf '%s=%s\\n' 'HF_TOKEN' "\$\(aws secretsmanager get-secret-value --region 'us-east-1' --secret-id 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-AbCdEf'/);
  expect(script).toMatch(/docker login --username AWS --password-stdin '123456789012.dkr.ecr.us-east-1.amazonaws.com'/);
  const names = resourcesOf(json, "aws_iam_role_policy").map((p) => p.name).sort();
  expect(names).toEqual(["pull-ecr-0", "read-s3-2", "read-secret-1", "write-logs"]);
});

test("a concurrency above vLLM's default max_num_seqs on a small GPU launches the server for it", () => {
  const json = synthStack((s) => new RealtimeInference(s, "chat", vllmChat({ model: "llama-3.2-1b", usage: { concurrency: 300, contextTokens: 512 } })));
  expect(only(json, "aws_launch_template").instance_type).toBe("g5.xlarge");
  expect(userData(json)).toMatch(/'--max-model-len' '512' '--max-num-seqs' '300' '--gpu-memory-utilization' '0.9'/);
});

test("ImageGeneration serves any pinned image; arguments and variables are quoted", () => {
  const json = synthStack((s) =>
    new ImageGeneration(s, "media", {
      network: NETWORK,
      serve: { image: "ghcr.io/acme/sdxl-server:1.2.3", port: 7860, healthCheckPath: "/ready", command: ["--prompt-guard", "it's on"], env: { MODEL: "sdxl" } },
    }),
  );
  const script = userData(json);
  expect(script).toContain("'ghcr.io/acme/sdxl-server:1.2.3' '--prompt-guard' 'it'\\''s on'");
  expect(script).toContain("printf '%s\\n' 'MODEL=sdxl' >> /run/gpu-workloads/env");
  expect(script).toMatch(/-p 7860:7860/);
});

test.each([
  [{ serve: { image: "vllm/vllm-openai:latest", port: 8000, healthCheckPath: "/health" } }, /serve.image is "vllm\/vllm-openai:latest"; pin the image by tag or digest/],
  [{ serve: { image: "vllm/vllm-openai", port: 8000, healthCheckPath: "/health" } }, /serve.image is "vllm\/vllm-openai"; pin the image/],
  [{ serve: { image: "a:1", port: 70000, healthCheckPath: "/health" } }, /serve.port is 70000; give a whole number from 1 to 65535 \(a TCP or UDP port\)/],
  [{ serve: { image: "a:1", port: 80, healthCheckPath: "health" } }, /serve.healthCheckPath is "health"; give an HTTP path/],
  [{ serve: { image: "a:1", port: 80, healthCheckPath: "/h", env: { "BAD-NAME": "x" } } }, /serve.env is "BAD-NAME"/],
  [{ serve: { image: "a:1", port: 80, healthCheckPath: "/h", command: ["a\nb"] } }, /serve.command\[0\] is "a\\nb"; give a non-empty string on one line/],
  [{ serve: Serving.vllm({ model: "m" }) }, /serve is "Serving.vllm"; it derives its flags from the memory estimate: give the workload a model/],
  [{ model: "llama-3.1-8b", serve: Serving.vllm({ model: "m", logRetentionDays: 10 }) }, /serve.logRetentionDays is 10; use a period CloudWatch Logs accepts/],
  [{ serve: { image: "a:1", port: 80, healthCheckPath: "/h" }, nodes: 2, gpus: ["H100"] }, /serve is "a server"; it runs on an instance or a fleet, not on a 2-node cluster/],
])("refused: %j", (props, message) => {
  expect(() => synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, ...(props as object) }))).toThrow(message);
});

test("Training takes a job, not a server", () => {
  expect(() => synthStack((s) => new Training(s, "t", { network: NETWORK, serve: { image: "a:1", port: 80, healthCheckPath: "/h" } }))).toThrow(
    /serve is "a server"; it is for RealtimeInference and ImageGeneration; a Training runs a job/,
  );
});
