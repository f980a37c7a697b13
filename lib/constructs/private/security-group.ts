import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { AllowFrom, AllowTo } from "../workload-props";
import { InvalidRequirementError } from "../../validation/errors";
import { contentId, movedFrom } from "./content-id";
import { OWN_GROUP, SecurityGroupRuleSpec, literalEc2Description, workloadRules } from "../../specs/security-group";

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

/** The workload's security group and its rules (workloadRules: no inbound unless asked, HTTPS out). */
export function createSecurityGroup(scope: Construct, props: WorkloadSecurityGroupProps): SecurityGroup {
  const group = new SecurityGroup(scope, "security-group", {
    namePrefix: props.namePrefix,
    description: literalEc2Description(props.description),
    vpcId: props.vpcId,
    tags: props.tags,
  });
  // Read once: each read of a resource attribute is a new token, and cdktf records a stack trace for each.
  addRules(scope, group.id, workloadRules({ ...props, workload: scope.node.id }), props.tags);
  return group;
}

/** Renders rule specs on the group `groupId`, each with its id and moved block; the same rule twice is refused. */
export function addRules(scope: Construct, groupId: string, rules: readonly SecurityGroupRuleSpec[], tags: Record<string, string>): void {
  const ids = rules.map((rule) => ruleId(scope, rule));
  ids.forEach((id, i) => {
    const first = ids.indexOf(id);
    const given = rules[i].given;
    // EC2 would refuse the duplicate permission at apply: say so at construction.
    if (first < i && given) {
      throw new InvalidRequirementError(
        `${given.property}[${given.index}]`,
        "the same rule",
        `it repeats ${given.property}[${rules[first].given?.index}] (the same port, protocol and source); give each once`,
      );
    }
  });
  rules.forEach((rule, i) => addRule(scope, ids[i], groupId, rule, tags));
}

/** A rule's construct id: its fixed one, or one made from what it opens. */
export function ruleId(scope: Construct, rule: SecurityGroupRuleSpec): string {
  return typeof rule.id === "string" ? rule.id : contentId(scope, rule.id.prefix, rule.id.content);
}

/** One rule spec as a VPC security group rule resource on `groupId` (moved from its former id, if it had one). */
export function addRule(
  scope: Construct,
  id: string,
  groupId: string,
  rule: SecurityGroupRuleSpec & { readonly direction: "ingress" },
  tags: Record<string, string>,
): VpcSecurityGroupIngressRule;
export function addRule(
  scope: Construct,
  id: string,
  groupId: string,
  rule: SecurityGroupRuleSpec,
  tags: Record<string, string>,
): VpcSecurityGroupIngressRule | VpcSecurityGroupEgressRule;
export function addRule(
  scope: Construct,
  id: string,
  groupId: string,
  rule: SecurityGroupRuleSpec,
  tags: Record<string, string>,
): VpcSecurityGroupIngressRule | VpcSecurityGroupEgressRule {
  const config = {
    securityGroupId: groupId,
    description: rule.description,
    ipProtocol: rule.ipProtocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    cidrIpv4: rule.cidrIpv4,
    cidrIpv6: rule.cidrIpv6,
    referencedSecurityGroupId: rule.referencedSecurityGroupId === OWN_GROUP ? groupId : rule.referencedSecurityGroupId,
    tags,
    lifecycle: rule.precondition ? { precondition: [rule.precondition] } : undefined,
  };
  const made = rule.direction === "ingress" ? new VpcSecurityGroupIngressRule(scope, id, config) : new VpcSecurityGroupEgressRule(scope, id, config);
  if (rule.formerId) movedFrom(made, rule.formerId);
  return made;
}
