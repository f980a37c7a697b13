import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { ec2Description } from "../../validation/aws-text";
import { PRIVATE_RANGES, parseCidr, shortRanges } from "../../validation/cidr";
import { AllowFrom, AllowTo } from "../workload-props";
import { InvalidRequirementError } from "../../validation/errors";
import { contentId, movedFrom } from "./content-id";
import { literalText } from "../../specs/terraform-text";
import { isToken } from "./tokens";

export interface WorkloadSecurityGroupProps {
  readonly vpcId: string;
  readonly namePrefix: string;
  readonly description: string;
  readonly allowFrom: readonly AllowFrom[];
  readonly allowTo: readonly AllowTo[];
  /** Allow all traffic between members (NCCL/EFA between training nodes). */
  readonly allowWithinGroup?: boolean;
  /** Literal Terraform text (see stableTags). */
  readonly tags: Record<string, string>;
}

/**
 * No ingress unless asked; egress HTTPS only (Session Manager, package and model downloads, ECR).
 * Rules are separate resources so each carries its own description. Descriptions keep to EC2's
 * character set and length; a CIDR given as a Terraform reference is checked at plan time instead.
 */
export function createSecurityGroup(scope: Construct, props: WorkloadSecurityGroupProps): SecurityGroup {
  const { tags } = props;
  const group = new SecurityGroup(scope, "security-group", {
    namePrefix: props.namePrefix,
    description: literalEc2Description(props.description),
    vpcId: props.vpcId,
    tags,
  });
  // Read once: each read of a resource attribute is a new token, and cdktf records a stack trace for each.
  const groupId = group.id;
  new VpcSecurityGroupEgressRule(scope, "egress-https", {
    securityGroupId: groupId,
    description: "HTTPS to AWS APIs (Session Manager, ECR, S3) and model registries",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: "0.0.0.0/0",
    tags,
  });
  const egressIds = props.allowTo.map((rule) => contentId(scope, "egress", { protocol: rule.protocol ?? "tcp", port: rule.port, cidr: rule.cidr }));
  refuseRepeats("allowTo", egressIds);
  props.allowTo.forEach((rule, i) => {
    const egress = new VpcSecurityGroupEgressRule(scope, egressIds[i], {
      securityGroupId: groupId,
      description: ruleDescription(rule.description, `${rule.protocol ?? "tcp"} ${rule.port} to ${isToken(rule.cidr) ? "a referenced network" : rule.cidr}`),
      ipProtocol: rule.protocol ?? "tcp",
      fromPort: rule.port,
      toPort: rule.port,
      ...cidrAttribute(rule.cidr),
      tags,
    });
    movedFrom(egress, `egress-${i}`);
  });
  addIngressRules(scope, "ingress", groupId, props.allowFrom, tags);
  if (props.allowWithinGroup) {
    new VpcSecurityGroupIngressRule(scope, "ingress-cluster", {
      securityGroupId: groupId,
      description: "all traffic between cluster nodes (NCCL over EFA needs every port)",
      ipProtocol: "-1",
      referencedSecurityGroupId: groupId,
      tags,
    });
    new VpcSecurityGroupEgressRule(scope, "egress-cluster", {
      securityGroupId: groupId,
      description: "all traffic between cluster nodes (EFA requires matching egress to the group)",
      ipProtocol: "-1",
      referencedSecurityGroupId: groupId,
      tags,
    });
  }
  return group;
}

/**
 * The allowFrom rules, each named by what it opens (port and source), so reordering them renames none; `prefix` keeps a
 * load balancer's apart from the instances'. Each moves from the counter's id of earlier releases.
 */
export function addIngressRules(scope: Construct, prefix: string, groupId: string, rules: readonly AllowFrom[], tags: Record<string, string>): void {
  const ids = rules.map((rule) => ingressRuleId(scope, prefix, rule));
  refuseRepeats("allowFrom", ids);
  rules.forEach((rule, i) => movedFrom(addIngressRule(scope, ids[i], groupId, rule, tags), `${prefix}-${i}`));
}

/** The id of the rule that opens `rule.port` to its source; its description is not part of it (EC2 updates it in place). */
export function ingressRuleId(scope: Construct, prefix: string, rule: AllowFrom): string {
  return contentId(scope, prefix, { port: rule.port, cidr: rule.cidr, securityGroupId: rule.securityGroupId });
}

/** The same rule twice would be refused by EC2 at apply (a duplicate permission): say so at construction. */
function refuseRepeats(property: string, ids: readonly string[]): void {
  ids.forEach((id, i) => {
    const first = ids.indexOf(id);
    if (first < i)
      throw new InvalidRequirementError(
        `${property}[${i}]`,
        "the same rule",
        `it repeats ${property}[${first}] (the same port, protocol and source); give each once`,
      );
  });
}

/** One inbound TCP rule on a port, from a CIDR (checked at plan when it is a reference) or a security group. */
export function addIngressRule(scope: Construct, id: string, groupId: string, rule: AllowFrom, tags: Record<string, string>): VpcSecurityGroupIngressRule {
  return new VpcSecurityGroupIngressRule(scope, id, {
    securityGroupId: groupId,
    description: ruleDescription(rule.description, `clients of ${scope.node.id} on port ${rule.port}`),
    ipProtocol: "tcp",
    fromPort: rule.port,
    toPort: rule.port,
    ...(rule.cidr === undefined ? {} : cidrAttribute(rule.cidr)),
    referencedSecurityGroupId: rule.securityGroupId,
    tags,
    lifecycle: rule.cidr !== undefined && isToken(rule.cidr) ? { precondition: [ingressCidrCheck(rule.cidr, rule.allowPublicAddresses === true)] } : undefined,
  });
}

/** A security group or rule description: EC2's characters and length, as literal Terraform text. */
export function literalEc2Description(text: string): string {
  return literalText(ec2Description(text));
}

/** A rule's description: a reference is kept for Terraform to resolve; text (`fallback` when none is given) is made EC2's. */
function ruleDescription(given: string | undefined, fallback: string): string {
  return isToken(given) ? given! : literalEc2Description(given ?? fallback);
}

/** IPv6 blocks go to cidr_ipv6; IPv4 blocks and Terraform references to cidr_ipv4. */
function cidrAttribute(cidr: string): { cidrIpv4: string } | { cidrIpv6: string } {
  return !isToken(cidr) && parseCidr(cidr)?.version === 6 ? { cidrIpv6: cidr } : { cidrIpv4: cidr };
}

/**
 * The synth-time ingress rules, evaluated by Terraform for a CIDR known only at plan: a valid IPv4 block,
 * never /0, and private address space unless the rule opts in to public addresses.
 */
function ingressCidrCheck(cidr: string, allowPublic: boolean): { condition: string; errorMessage: string } {
  const address = `split("/", ${cidr})[0]`;
  const prefix = `tonumber(split("/", ${cidr})[1])`;
  const octet = (i: number) => `tonumber(split(".", ${address})[${i}])`;
  const asNumber = `(${octet(0)} * 16777216 + ${octet(1)} * 65536 + ${octet(2)} * 256 + ${octet(3)})`;
  const ipv4Ranges = PRIVATE_RANGES.filter((r) => r.version === 4);
  const inRange = ipv4Ranges.map((r) => {
    const block = 2 ** (32 - r.prefix);
    return `(${prefix} >= ${r.prefix} && floor(${asNumber} / ${block}) == ${Number(r.address) / block})`;
  });
  const privateSpace = allowPublic ? "true" : `(${inRange.join(" || ")})`;
  return {
    // try(): Terraform's && evaluates both sides, so a malformed CIDR would fail with Terraform's message instead of ours.
    condition: `\${try(cidrhost(${cidr}, 0) != "" && ${prefix} > 0 && ${privateSpace}, false)}`,
    errorMessage:
      "cdktf-gpu-workloads: an allowFrom CIDR must be an IPv4 block other than 0.0.0.0/0" +
      (allowPublic ? "." : ` in private address space (${shortRanges(ipv4Ranges)}), or the rule must set allowPublicAddresses.`),
  };
}
