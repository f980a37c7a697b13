import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { selectInstance } from "../../lib/selection/select-instance";
import { decisionOutputs, handleOutputs } from "../../lib/specs/outputs";
import { OWN_GROUP, ingressRule, workloadRules } from "../../lib/specs/security-group";

describe("the security group's rules as a framework-free spec", () => {
  test("HTTPS out, the allowTo and allowFrom rules with the content their ids are made of, a cluster's rules within the group", () => {
    const rules = workloadRules({
      allowFrom: [{ port: 8000, cidr: "10.0.0.0/16", description: "app subnets" }],
      allowTo: [{ port: 5432, cidr: "10.1.0.0/24" }],
      allowWithinGroup: true,
      workload: "chat",
    });
    expect(JSON.parse(JSON.stringify(rules))).toEqual(rules);
    expect(rules.map((r) => [r.direction, typeof r.id === "string" ? r.id : r.id.prefix])).toEqual([
      ["egress", "egress-https"],
      ["egress", "egress"],
      ["ingress", "ingress"],
      ["ingress", "ingress-cluster"],
      ["egress", "egress-cluster"],
    ]);
    // What a rule opens names it; its description does not (EC2 updates a description in place).
    expect(rules[2]).toMatchObject({ id: { content: { port: 8000, cidr: "10.0.0.0/16" } }, description: "app subnets", formerId: "ingress-0" });
    expect(rules.filter((r) => r.referencedSecurityGroupId === OWN_GROUP)).toHaveLength(2);
  });

  test("a CIDR given as a reference is checked at plan; an IPv6 block goes to cidr_ipv6", () => {
    const cidr = new TerraformVariable(new TerraformStack(Testing.app(), "s"), "cidr", {}).stringValue;
    expect(ingressRule("ingress", { port: 8000, cidr }, "chat").precondition?.errorMessage).toMatch(
      /must be an IPv4 block other than 0.0.0.0\/0 in private address space/,
    );
    expect(ingressRule("ingress", { port: 8000, cidr: "10.0.0.0/16" }, "chat").precondition).toBeUndefined();
    expect(ingressRule("ingress", { port: 8000, cidr: "fd00::/8" }, "chat")).toMatchObject({ cidrIpv6: "fd00::/8" });
  });
});

describe("the outputs as a framework-free spec", () => {
  test("the decision's outputs are named in the cost vocabulary and carry no Terraform reference; absent handles are left out", () => {
    const decision = selectInstance({ workload: "realtime-inference" });
    const outputs = decisionOutputs("app/chat", decision, { usdPerHour: 1, usdPerMonth: 730, maxUsdPerMonth: 730, instances: { desired: 1 } });
    expect(outputs.map((o) => o.name)).toEqual([
      "instance-type",
      "gpu",
      "region",
      "gpu-count",
      "usd-per-instance-hour",
      "usd-per-hour",
      "usd-per-month",
      "max-usd-per-month",
      "instances",
      "reason",
    ]);
    expect(outputs[0]).toEqual({ name: "instance-type", value: decision.instanceType, description: "app/chat: instance type chosen by cdktf-gpu-workloads" });
    expect(handleOutputs("app/chat", { "role-arn": "arn:aws:iam::123456789012:role/x", "job-queue-arn": undefined }).map((o) => o.name)).toEqual(["role-arn"]);
  });
});
