import { Testing } from "cdktf";
import { buildExampleApp } from "../../examples/app";
import { BASELINE_RULES, StackJson, USER_CHOICE_RULES } from "./baseline-rules";
import { WIDE_APP_CASES, buildWideApp } from "../terraform/wide-app";

function exampleStacks(): [string, StackJson][] {
  const app = buildExampleApp(Testing.app());
  return app.node.children
    .filter((c) => (c as { toTerraform?: unknown }).toTerraform !== undefined)
    .map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack as Parameters<typeof Testing.synth>[0]))]);
}

const stacks = exampleStacks();

test("the example app has the four team stacks", () => {
  expect(stacks.map(([id]) => id).sort()).toEqual(["analytics", "chat", "media", "research"]);
});

describe.each(stacks)("example stack %s meets the baseline", (_id, json) => {
  test.each(BASELINE_RULES.map((rule) => [rule.id, rule]))("%s", (_ruleId, rule) => {
    expect(rule.check(json)).toEqual([]);
  });
});

describe("the rules can fail", () => {
  // A minimal stack that breaks every rule, so no rule passes vacuously.
  const insecure: StackJson = {
    resource: {
      aws_launch_template: {
        bad: {
          metadata_options: { http_tokens: "optional" },
          block_device_mappings: [{ ebs: { encrypted: "false" } }],
          monitoring: { enabled: false },
          ebs_optimized: "false",
          network_interfaces: [{ device_index: 0, associate_public_ip_address: "true" }],
          image_id: "${data.aws_ami.latest.id}",
          user_data: Buffer.from("export AWS_SECRET_ACCESS_KEY=x; password = hunter2").toString("base64"),
        },
      },
      aws_vpc_security_group_ingress_rule: { bad: { cidr_ipv4: "0.0.0.0/0" } },
      aws_vpc_security_group_egress_rule: { bad: { ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0" } },
      aws_security_group: { bad: {} },
      aws_iam_role: {
        bad: {
          assume_role_policy: JSON.stringify({
            Statement: [
              { Principal: { AWS: "*" }, Action: "sts:AssumeRole" },
              { Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" },
            ],
          }),
        },
      },
      aws_iam_role_policy_attachment: { bad: { policy_arn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" } },
      aws_instance: { bad: { metadata_options: { http_tokens: "required", http_put_response_hop_limit: 2 } } },
      aws_autoscaling_group: { bad: { tag: [{ key: "a", value: "b", propagate_at_launch: false }] } },
      aws_batch_job_definition: { bad: { container_properties: JSON.stringify({ privileged: true }) } },
      aws_cloudwatch_log_group: { bad: { retention_in_days: 1 } },
      aws_lb_listener: { bad: { protocol: "TLS", ssl_policy: "ELBSecurityPolicy-2016-08" }, plain: { protocol: "TCP" } },
    },
    data: { aws_ami: { latest: { most_recent: true } } },
  };

  test.each([...BASELINE_RULES, ...USER_CHOICE_RULES].map((rule) => [rule.id, rule]))("%s flags an insecure stack", (_id, rule) => {
    expect(rule.check(insecure).length).toBeGreaterThan(0);
  });

  test("PutMetricData on any resource passes only when its condition keeps it to the library's namespace", () => {
    const iam = BASELINE_RULES.find((r) => r.id.startsWith("CKV_AWS_60"))!;
    const statement = (condition?: object) => ({
      resource: {
        aws_iam_role_policy: {
          p: { policy: JSON.stringify({ Statement: [{ Action: ["cloudwatch:PutMetricData"], Resource: ["*"], ...(condition && { Condition: condition }) }] }) },
        },
      },
    });
    expect(iam.check(statement({ StringEquals: { "cloudwatch:namespace": "cdktf-gpu-workloads/chat-4f2a9c1d" } }))).toEqual([]);
    expect(iam.check(statement())).toEqual(["p"]);
    expect(iam.check(statement({ StringEquals: { "cloudwatch:namespace": "CWAgent" } }))).toEqual(["p"]);
    // One namespace for every workload would let one fleet write another's scaling metric.
    expect(iam.check(statement({ StringEquals: { "cloudwatch:namespace": "cdktf-gpu-workloads" } }))).toEqual(["p"]);
    expect(iam.check(statement({ StringLike: { "cloudwatch:namespace": "cdktf-gpu-workloads/*" } }))).toEqual(["p"]);
  });
});

describe("the wide app (every capacity kind, grants and rules added after construction) meets the baseline", () => {
  const { app } = buildWideApp(Testing.app());
  const wide = app.node.children
    .filter((c) => (c as { toTerraform?: unknown }).toTerraform !== undefined)
    .map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack as Parameters<typeof Testing.synth>[0]))] as [string, StackJson]);
  /** The wide app's workloads whose props make a choice, by the prop. */
  const choosing = (prop: string) =>
    WIDE_APP_CASES.filter((c) => (c.props as Record<string, unknown>)[prop] !== undefined && (c.props as Record<string, unknown>)[prop] !== false).map(
      (c) => c.id,
    );
  const ownedBy = (ids: string[], name: string) => ids.some((id) => name.startsWith(`${id}_`));
  // A workload that gives its containers the instance role has hop limit 2 by its own choice (documented).
  const allowed: Record<string, string[]> = { CKV_AWS_341: choosing("containersUseInstanceRole") };

  test.each(BASELINE_RULES.map((rule) => [rule.id, rule]))("%s", (_ruleId, rule) => {
    const violations = wide.flatMap(([id, json]) =>
      rule
        .check(json)
        .filter((name) => !ownedBy(allowed[rule.id] ?? [], name))
        .map((name) => `${id}: ${name}`),
    );
    // Karpenter never launches from its workload's template (it carries the plan-time drift guard only): its nodes are
    // what the EC2NodeClass says (IMDSv2, the role, the alias), which test/constructs/karpenter.test.ts checks.
    const karpenter = WIDE_APP_CASES.filter((c) => (c.props.capacity as { kind?: string } | undefined)?.kind === "karpenter").map(
      (c) => `${c.id}_launch-template_`,
    );
    expect(violations.filter((v) => !karpenter.some((prefix) => v.split(": ")[1].startsWith(prefix)))).toEqual([]);
  });

  test("hop limit 2 is where a workload chose it, and only there", () => {
    const rule = BASELINE_RULES.find((r) => r.id === "CKV_AWS_341")!;
    const flagged = wide.flatMap(([, json]) => rule.check(json));
    expect(allowed.CKV_AWS_341.length).toBeGreaterThan(0);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.filter((name) => !ownedBy(allowed.CKV_AWS_341, name))).toEqual([]);
  });

  test.each(USER_CHOICE_RULES.map((rule) => [rule.id, rule]))("%s is met exactly where the user chose it", (_ruleId, rule) => {
    const chosen = WIDE_APP_CASES.filter((c) => rule.chosenBy(c.props)).map((c) => c.id);
    const flagged = wide.flatMap(([, json]) => rule.check(json));
    const passing = wide.flatMap(([, json]) => Object.keys(json.resource?.[rule.resourceType] ?? {})).filter((name) => !flagged.includes(name));
    expect(chosen.length).toBeGreaterThan(0);
    expect(flagged.length).toBeGreaterThan(0);
    expect(passing.length).toBeGreaterThan(0);
    expect(passing.every((name) => ownedBy(chosen, name))).toBe(true);
    expect(flagged.some((name) => ownedBy(chosen, name))).toBe(false);
  });
});
