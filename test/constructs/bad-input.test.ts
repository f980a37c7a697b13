import { App, TerraformVariable, Token } from "cdktf";
import {
  BatchProcessing,
  GpuWorkload,
  GpuWorkloadsError,
  InvalidRequirementError,
  RealtimeInference,
  Training,
  UnknownModelError,
  WorkloadProps,
} from "../../lib";
import { OWN_TAG_KEYS } from "../../lib/constructs/private/tags";
import { NETWORK, only, resourcesOf, synthStack } from "./synth";

/** Builds a RealtimeInference (or the given class) with `props`; returns the error it throws. */
function errorOf(props: object, Workload: typeof RealtimeInference = RealtimeInference): GpuWorkloadsError {
  let thrown: unknown;
  try {
    synthStack((s) => new Workload(s, "w", { network: NETWORK, ...(props as WorkloadProps) }));
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(GpuWorkloadsError);
  return thrown as GpuWorkloadsError;
}

describe("CIDRs are parsed, not compared as strings", () => {
  test.each([
    ["0.0.0.0/00", /allowFrom\[0\].cidr is "0.0.0.0\/00"; give an IPv4 or IPv6 CIDR/],
    ["10.0.0.0/99", /give an IPv4 or IPv6 CIDR/],
    ["999.1.1.1/16", /give an IPv4 or IPv6 CIDR/],
    ["010.0.0.0/8", /give an IPv4 or IPv6 CIDR/],
    ["10.0.0.1/16", /did you mean "10.0.0.0\/16"\?/],
    ["0.0.0.0/0", /open ingress is refused/],
    ["::/0", /open ingress is refused/],
    ["0.0.0.0/1", /public address space/],
    ["128.0.0.0/1", /public address space/],
    ["8.8.8.0/24", /public address space/],
    ["2001:db8::/32", /public address space/],
    ["172.32.0.0/16", /public address space/],
  ])("allowFrom %s", (cidr, message) => {
    const error = errorOf({ allowFrom: [{ cidr, port: 8000 }] });
    expect(error).toBeInstanceOf(InvalidRequirementError);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^allowFrom\[0\]\.cidr/);
    expect(error.constructPath).toBe("test/w");
  });

  test("public space needs an explicit opt-in, and /0 is refused even then", () => {
    const json = synthStack(
      (s) => new RealtimeInference(s, "w", { network: NETWORK, allowFrom: [{ cidr: "203.0.113.0/24", port: 8000, allowPublicAddresses: true }] }),
    );
    expect(only(json, "aws_vpc_security_group_ingress_rule").cidr_ipv4).toBe("203.0.113.0/24");
    expect(errorOf({ allowFrom: [{ cidr: "0.0.0.0/0", port: 8000, allowPublicAddresses: true }] }).message).toMatch(/open ingress is refused/);
    expect(errorOf({ allowFrom: [{ cidr: "10.0.0.0/8", port: 8000, allowPublicAddresses: "yes" }] }).message).toMatch(
      /allowPublicAddresses is "yes"; give true or false/,
    );
  });

  test("the refusal of public space lists every private range the check accepts, 198.19/16 included", () => {
    expect(errorOf({ allowFrom: [{ cidr: "8.8.8.0/24", port: 8000 }] }).message).toContain(
      "allow private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, 198.19/16, fc00::/7) or a security group",
    );
  });

  test("IPv6 blocks go to cidr_ipv6", () => {
    const json = synthStack(
      (s) =>
        new RealtimeInference(s, "w", { network: NETWORK, allowFrom: [{ cidr: "fd00:1::/64", port: 8000 }], allowTo: [{ cidr: "fd00:2::/64", port: 5432 }] }),
    );
    expect(only(json, "aws_vpc_security_group_ingress_rule")).toMatchObject({ cidr_ipv6: "fd00:1::/64" });
    expect(resourcesOf(json, "aws_vpc_security_group_egress_rule")).toContainEqual(expect.objectContaining({ cidr_ipv6: "fd00:2::/64" }));
  });

  test.each([
    [{ cidr: "10.0.0.0/8", port: 53, protocol: "-1" }, /allowTo\[0\].protocol is "-1"; all protocols is never opened/],
    [{ cidr: "0.0.0.0/0", port: 1, protocol: "all" }, /all protocols is never opened/],
    [{ cidr: "10.0.0.0/8", port: 53, protocol: "icmp" }, /allowTo\[0\].protocol is "icmp"; use one of tcp, udp/],
    [{ cidr: "300.0.0.0/8", port: 53 }, /allowTo\[0\].cidr is "300.0.0.0\/8"/],
    [{ port: 53 }, /allowTo\[0\].cidr is undefined/],
    [{ cidr: "10.0.0.0/8", port: 0 }, /allowTo\[0\].port is 0/],
  ])("allowTo %j (JavaScript callers)", (rule, message) => {
    expect(errorOf({ allowTo: [rule] }).message).toMatch(message);
  });

  test("a CIDR from Terraform is checked at plan time by a precondition", () => {
    const json = synthStack((s) => {
      const cidr = new TerraformVariable(s, "clients", { type: "string" });
      new RealtimeInference(s, "w", { network: NETWORK, allowFrom: [{ cidr: cidr.stringValue, port: 8000 }] });
    });
    const rule = only(json, "aws_vpc_security_group_ingress_rule");
    expect(rule.cidr_ipv4).toBe("${var.clients}");
    expect(rule.lifecycle.precondition[0].condition).toMatch(
      /^\$\{try\(cidrhost\(var.clients, 0\) != "" && tonumber\(split\("\/", var.clients\)\[1\]\) > 0 && \(/,
    );
  });
});

describe("own-property lookups: Object.prototype's names are not values", () => {
  test.each([
    [{ usage: { precision: "constructor" } }, /usage.precision is "constructor"; use one of fp32, bf16/],
    [{ usage: { precision: "__proto__" } }, /usage.precision is "__proto__"/],
    [{ usage: { precision: "toString" } }, /usage.precision is "toString"/],
    [{ usage: { mode: "hasOwnProperty" } }, /usage.mode is "hasOwnProperty"/],
    [{ purchase: "constructor" }, /purchase is "constructor"/],
    [{ objective: "valueOf" }, /objective is "valueOf"/],
    [{ operatingSystem: "constructor" }, /operatingSystem is "constructor"/],
    [{ cpuArchitecture: "__proto__" }, /cpuArchitecture is "__proto__"/],
    [{ region: "constructor" }, /region is "constructor"/],
  ])("%j", (props, message) => {
    expect(errorOf({ model: "llama-3.1-405b", ...props }).message).toMatch(message);
  });

  test("the 405B model with precision 'constructor' no longer lands on g5.xlarge", () => {
    expect(errorOf({ model: "llama-3.1-405b", usage: { precision: "constructor" } })).toBeInstanceOf(InvalidRequirementError);
  });

  test("model 'constructor' is an unknown model; workload 'constructor' an unknown class", () => {
    expect(errorOf({ model: "constructor" })).toBeInstanceOf(UnknownModelError);
    expect(() => synthStack((s) => new GpuWorkload(s, "w", { workload: "constructor" as never, network: NETWORK }))).toThrow(
      /workload is "constructor"; use one of realtime-inference/,
    );
  });

  test.each([
    [{ paramsBillion: NaN }, /model.paramsBillion is NaN/],
    [{ layers: undefined }, /model.layers is undefined/],
    [{ kvHeads: 0 }, /model.kvHeads is 0/],
    [{ kvHeads: 64 }, /model.kvHeads is 64; give a whole number from 1 to 32/],
    [{ headDim: Infinity }, /model.headDim is Infinity/],
    [{ name: '${file("x")}' }, /model.name is/],
    [{ kind: "cnn" }, /model.kind is "cnn"/],
  ])("custom model %j is refused", (change, message) => {
    const model = {
      kind: "llm",
      name: "mine",
      aliases: [],
      paramsBillion: 8,
      layers: 32,
      hiddenSize: 4096,
      attentionHeads: 32,
      kvHeads: 8,
      headDim: 128,
      contextLengthTokens: 8192,
      sources: [],
      ...change,
    };
    expect(errorOf({ model }).message).toMatch(message);
  });
});

describe("numbers: finite, whole where counts are meant, within what AWS allows", () => {
  test.each([
    [{ nodes: NaN }, Training, /nodes is NaN/],
    [{ nodes: Infinity }, Training, /nodes is Infinity/],
    [{ nodes: -1 }, Training, /nodes is -1/],
    [{ nodes: 1.5 }, Training, /nodes is 1.5/],
    [{ nodes: 200000 }, Training, /nodes is 200000; give a whole number from 1 to 512/],
    [{ replicas: NaN }, RealtimeInference, /replicas is NaN/],
    [{ replicas: 1e9 }, RealtimeInference, /replicas is 1000000000; give a whole number from 1 to 1000/],
    [{ replicas: { min: 1, max: Infinity } }, RealtimeInference, /replicas.max is Infinity/],
    [{ replicas: { min: -1, max: 2 } }, RealtimeInference, /replicas.min is -1/],
    [{ rootVolumeSizeGiB: 1e9 }, RealtimeInference, /rootVolumeSizeGiB is 1000000000; give a whole number from 75 to 16384 GiB/],
    [{ minGpuMemoryGB: Infinity }, RealtimeInference, /minGpuMemoryGB is Infinity/],
    [{ maxUsdPerHour: NaN }, RealtimeInference, /maxUsdPerHour is NaN/],
    [{ gpuCount: { min: NaN } }, RealtimeInference, /gpuCount.min is NaN/],
    [{ model: "llama-3.1-8b", usage: { contextTokens: 1e12 } }, RealtimeInference, /usage.contextTokens is 1000000000000/],
    [{ model: "llama-3.1-8b", usage: { concurrency: 0 } }, RealtimeInference, /usage.concurrency is 0/],
    [{ model: "llama-3.1-8b", usage: { loraRank: 2.5 } }, RealtimeInference, /usage.loraRank is 2.5/],
    [
      { replicas: 2, fleet: { scalingTarget: 150 } },
      RealtimeInference,
      /fleet.scalingTarget is 150; give a number above 0 and at most 100 percent GPU utilization/,
    ],
    [{ replicas: 2, fleet: { scalingTarget: NaN } }, RealtimeInference, /fleet.scalingTarget is NaN/],
    [{ replicas: 2, fleet: { healthCheckGracePeriodSeconds: -1 } }, RealtimeInference, /fleet.healthCheckGracePeriodSeconds is -1/],
    [{ replicas: 2, fleet: { maxFallbacks: 40 } }, RealtimeInference, /fleet.maxFallbacks is 40; .*at most 40 instance types/],
    [{ replicas: 2, fleet: { spotPercentage: 50.5 } }, RealtimeInference, /fleet.spotPercentage is 50.5/],
    [{ replicas: 2, fleet: { onDemandBaseCapacity: 3 } }, RealtimeInference, /fleet.onDemandBaseCapacity is 3; .*at most the fleet's maximum size/],
    [{ replicas: 2, fleet: { fallback: "no" } }, RealtimeInference, /fleet.fallback is "no"; give true or false/],
    [{ replicas: 2, fleet: { scalingMetric: { namespace: "", metricName: "m" } } }, RealtimeInference, /fleet.scalingMetric.namespace is ""/],
    [
      { replicas: 2, fleet: { scalingMetric: { namespace: "n", metricName: "m", statistic: "p99" } } },
      RealtimeInference,
      /fleet.scalingMetric.statistic is "p99"/,
    ],
  ])("%j", (props, Workload, message) => {
    const error = errorOf(props, Workload);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/ is null;/);
  });

  test.each([
    [{ replicas: 2, fleet: 5 }, /fleet is 5; give an object of fleet options/],
    [{ allowFrom: { cidr: "10.0.0.0/8", port: 80 } }, /allowFrom is \{"cidr":"10.0.0.0\/8","port":80\}; give a list of rules/],
    [{ allowTo: "10.0.0.0/8" }, /allowTo is "10.0.0.0\/8"; give a list of rules/],
    [{ allowFrom: [null] }, /allowFrom\[0\] is null/],
    [{ tags: ["Team"] }, /tags is \["Team"\]; give an object of tag keys/],
  ])("shapes JavaScript callers can get wrong: %j", (props, message) => {
    expect(errorOf(props).message).toMatch(message);
  });

  const batch = (job: object, extra: object = {}) => ({ batch: { maxVcpus: 64, job: { image: "busybox:1.36", ...job }, ...extra } });
  test.each([
    [batch({ attempts: 0 }), /batch.job.attempts is 0; give a whole number from 1 to 10 \(AWS Batch allows 1 to 10 attempts\)/],
    [batch({ attempts: 11 }), /batch.job.attempts is 11/],
    [batch({ timeoutSeconds: 59 }), /batch.job.timeoutSeconds is 59; give a whole number from 60/],
    [batch({ gpus: 2 }), /batch.job.gpus is 2; g4dn.xlarge has 1 GPU/],
    [batch({ vcpus: 64 }), /batch.job.vcpus is 64; g4dn.xlarge has 4 vCPUs/],
    [batch({ memoryMiB: 1_000_000 }), /batch.job.memoryMiB is 1000000; g4dn.xlarge has 16384 MiB/],
    [batch({ memoryMiB: 2 }), /batch.job.memoryMiB is 2; .*at least 4 MiB/],
    [batch({ user: "root; rm -rf /" }), /batch.job.user is/],
    [batch({ image: "" }), /batch.job.image is ""/],
    [batch({ image: "has space" }), /batch.job.image is "has space"/],
    [batch({ command: "python embed.py" }), /batch.job.command is "python embed.py"; give a list of strings/],
    [batch({ readonlyRootFilesystem: "true" }), /batch.job.readonlyRootFilesystem is "true"/],
    [batch({}, { maxVcpus: NaN }), /batch.maxVcpus is NaN/],
    [batch({}, { maxVcpus: 2 }), /batch.maxVcpus is 2; g4dn.xlarge has 4 vCPUs/],
    [batch({}, { minVcpus: 100 }), /batch.minVcpus is 100; give a whole number from 0 to 64/],
    [batch({}, { maxInstanceTypes: 0 }), /batch.maxInstanceTypes is 0/],
  ])("batch %j", (props, message) => {
    expect(errorOf(props, BatchProcessing).message).toMatch(message);
  });
});

describe("strings from users never reach Terraform as templates", () => {
  const id = '${file("/etc/passwd")} %{ if true }';
  const json = synthStack(
    (s) =>
      new BatchProcessing(s, id, {
        network: NETWORK,
        allowFrom: [{ cidr: "10.0.0.0/8", port: 8000, description: "${path.module} clients" }],
        batch: { maxVcpus: 8, job: { image: "busybox:1.36", command: ["sh", "-c", "echo ${HOME} %{x}"] } },
      }),
  );
  const text = JSON.stringify(json.resource) + JSON.stringify(json.output);

  test("every ${ and %{ from the user is escaped", () => {
    // Terraform reads "$${" and "%%{" as the literal text; a bare "${file" or "%{ if" would be evaluated.
    expect(text).not.toMatch(/(^|[^$])\$\{(file|path|HOME)/);
    expect(text).not.toMatch(/(^|[^%])%\{ ?(if|x)/);
    expect(text).toContain("$${HOME}");
    expect(text).toContain("%%{x}");
    expect(only(json, "aws_vpc_security_group_ingress_rule").description).toBe("$${path.module} clients");
  });

  test("names drop the template characters", () => {
    for (const type of ["aws_launch_template", "aws_security_group"]) expect(only(json, type).name_prefix).toMatch(/^[A-Za-z0-9._()/-]+$/);
    expect(only(json, "aws_batch_job_queue").name).toMatch(/^file-etc-passwd-if-true-[0-9a-f]{8}$/);
  });

  test("a tag value that is a template is refused, not escaped: tags keep to AWS's characters", () => {
    expect(errorOf({ tags: { Team: "${var.team}" } }).message).toMatch(/tags\["Team"\] is "\$\{var.team\}"/);
  });

  test("the library's own tags count towards AWS's 50: 45 more fit, 46 are refused", () => {
    const json = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK }));
    expect(Object.keys(only(json, "aws_instance").tags).sort()).toEqual([...OWN_TAG_KEYS].sort());
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    expect(() => synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, tags: tags(45) }))).not.toThrow();
    expect(errorOf({ tags: tags(46) }).message).toMatch(/^tags is "51 tags with the platform's and the library's 5"; keep to 50/);
  });

  test("a workload outside any stack is a typed error", () => {
    expect(() => new RealtimeInference(new App(), "w", { network: NETWORK })).toThrow(/scope is "w"; create the workload inside a TerraformStack/);
  });

  test("an id Terraform cannot name blocks after is refused", () => {
    expect(() => synthStack((s) => new RealtimeInference(s, "2024-chat", { network: NETWORK }))).toThrow(/id is "2024-chat"; start it with a letter/);
    expect(() => synthStack((s) => new RealtimeInference(s, "-chat", { network: NETWORK }))).toThrow(/start it with a letter/);
  });
});

describe("tokens: taken where Terraform can resolve them, refused with a reason where synth needs the value", () => {
  test.each([
    [
      "replicas",
      (v: TerraformVariable) => ({ replicas: Token.asNumber(v.value) }),
      /replicas is a Terraform token; give a literal value: it sets the capacity and its worst-case cost/,
    ],
    ["region", (v: TerraformVariable) => ({ region: v.stringValue }), /region is a Terraform token; give a literal value: it chooses the instance type/],
    [
      "instanceType",
      (v: TerraformVariable) => ({ instanceType: v.stringValue }),
      /instanceType is a Terraform token; give a literal value: it chooses the instance type/,
    ],
    ["nodes", (v: TerraformVariable) => ({ nodes: Token.asNumber(v.value) }), /nodes is a Terraform token/],
    [
      "usage",
      (v: TerraformVariable) => ({ model: "llama-3.1-8b", usage: { contextTokens: Token.asNumber(v.value) } }),
      /usage.contextTokens is a Terraform token/,
    ],
    ["fleet", (v: TerraformVariable) => ({ replicas: 2, fleet: { spotPercentage: Token.asNumber(v.value) } }), /fleet.spotPercentage is a Terraform token/],
    ["batch", (v: TerraformVariable) => ({ batch: { maxVcpus: Token.asNumber(v.value), job: { image: "x:1" } } }), /batch.maxVcpus is a Terraform token/],
    ["tag key", (v: TerraformVariable) => ({ tags: { [v.stringValue]: "x" } }), /tags key is a Terraform token/],
  ])("%s", (_name, props, message) => {
    let thrown: unknown;
    try {
      synthStack((s) => {
        const v = new TerraformVariable(s, "v", {});
        const p = props(v) as WorkloadProps;
        const Workload = "nodes" in p ? Training : "batch" in p ? BatchProcessing : RealtimeInference;
        new Workload(s, "w", { network: NETWORK, ...p });
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: "ValueMustBeKnownAtSynth" });
    expect((thrown as Error).message).toMatch(message);
  });

  test("ids, ports, AMIs, images, descriptions and tag values may be references", () => {
    const json = synthStack((s) => {
      const v = (name: string) => new TerraformVariable(s, name, {});
      new RealtimeInference(s, "w", {
        network: { vpcId: v("vpc").stringValue, subnetIds: v("subnets").listValue },
        ami: v("ami").stringValue,
        tags: { Team: v("team").stringValue },
        allowFrom: [{ securityGroupId: v("lb").stringValue, port: Token.asNumber(v("port").value), description: v("why").stringValue }],
      });
    });
    // An AMI id or an SSM parameter name: Terraform tells which at plan.
    expect(only(json, "aws_launch_template").image_id).toBe('${startswith(var.ami, "ami-") ? var.ami : format("resolve:ssm:%s", var.ami)}');
    expect(only(json, "aws_vpc_security_group_ingress_rule")).toMatchObject({ from_port: "${var.port}", description: "${var.why}" });
    expect(only(json, "aws_instance").tags.Team).toBe("${var.team}");
  });

  test("a tag value around a reference is escaped exactly once, on every tagged resource of every capacity kind", () => {
    const json = synthStack((s) => {
      const team = new TerraformVariable(s, "team", { type: "string" });
      const tags = { Team: `\${x} %{y} ${team.stringValue}` };
      const clients = [{ cidr: "10.0.0.0/16", port: 8000 }];
      const w = new RealtimeInference(s, "single", { network: NETWORK, tags, allowFrom: clients });
      w.allowFrom({ cidr: "10.9.0.0/16", port: 8001 });
      new RealtimeInference(s, "fleet", { network: NETWORK, tags, replicas: { min: 1, max: 3 } });
      new RealtimeInference(s, "served", {
        network: NETWORK,
        tags,
        model: "llama-3.1-8b",
        replicas: { min: 1, max: 2 },
        serve: { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/server:1", port: 8000, healthCheckPath: "/health", tls: "none" },
        allowFrom: clients,
      });
      new Training(s, "cluster", { network: NETWORK, tags, nodes: 2 });
      new BatchProcessing(s, "batch", { network: NETWORK, tags, batch: { maxVcpus: 16, job: { image: "busybox:1.36" } } });
    });
    const values: { type: string; value: unknown }[] = [];
    const collect = (type: string, node: unknown): void => {
      if (Array.isArray(node)) node.forEach((item) => collect(type, item));
      else if (node !== null && typeof node === "object") {
        const record = node as Record<string, unknown>;
        if ("Team" in record) values.push({ type, value: record.Team });
        if (record.key === "Team") values.push({ type, value: record.value });
        Object.values(record).forEach((child) => collect(type, child));
      }
    };
    for (const [type, resources] of Object.entries(json.resource)) collect(type, resources);
    const tagged = new Set(values.map((v) => v.type));
    for (const type of [
      "aws_instance",
      "aws_autoscaling_group",
      "aws_launch_template",
      "aws_security_group",
      "aws_vpc_security_group_ingress_rule",
      "aws_lb",
      "aws_placement_group",
      "aws_batch_compute_environment",
      "aws_iam_role",
      "aws_cloudwatch_log_group",
    ]) {
      expect(tagged).toContain(type);
    }
    expect(values.filter((v) => v.value !== "$${x} %%{y} ${var.team}")).toEqual([]);
  });
});

describe("the security props are typed", () => {
  test.each([
    [{ containersUseInstanceRole: "yes" }, RealtimeInference, /^containersUseInstanceRole is "yes"; give true or false/],
    [{ logKmsKeyArn: "alias/logs" }, RealtimeInference, /^logKmsKeyArn is "alias\/logs"; give a KMS key ARN such as "arn:aws:kms:/],
    [{ logKmsKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab" }, RealtimeInference, /CloudWatch Logs takes no key id or alias/],
    [
      { batch: { maxVcpus: 8, job: { image: "x:1", logRetentionDays: 2 } } },
      BatchProcessing,
      /^batch\.job\.logRetentionDays is 2; use a period CloudWatch Logs accepts: 1, 3, 5/,
    ],
  ] as const)("%j", (props, Workload, message) => {
    expect(errorOf(props, Workload as typeof RealtimeInference).message).toMatch(message);
  });

  test("a key given as a Terraform reference is passed to the log group as is", () => {
    const json = synthStack((s) => {
      const key = new TerraformVariable(s, "log_key", { type: "string" });
      new RealtimeInference(s, "w", { network: NETWORK, logKmsKeyArn: key.stringValue, serve: { image: "x:1", port: 80, healthCheckPath: "/" } });
    });
    expect(only(json, "aws_cloudwatch_log_group").kms_key_id).toBe("${var.log_key}");
  });
});
