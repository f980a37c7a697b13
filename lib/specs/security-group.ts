import { ec2Description } from "../validation/aws-text";
import { PRIVATE_RANGES, parseCidr, shortRanges } from "../validation/cidr";
import { Precondition } from "./launch-template";
import { containsToken, literalText } from "./terraform-text";

/** An inbound rule as the props give it (allowFrom): a TCP port from a CIDR or a security group. */
export interface InboundRule {
  readonly port: number;
  readonly cidr?: string;
  readonly securityGroupId?: string;
  readonly description?: string;
  readonly allowPublicAddresses?: boolean;
}

/** An outbound rule as the props give it (allowTo): a port and protocol to a CIDR. */
export interface OutboundRule {
  readonly port: number;
  readonly cidr: string;
  readonly protocol?: string;
  readonly description?: string;
}

/** Where a rule refers to the group it is on (traffic between its members). */
export const OWN_GROUP = "own-group";

/** One rule of a security group, as plain data; the renderer makes it a VPC security group rule resource. */
export interface SecurityGroupRuleSpec {
  readonly direction: "ingress" | "egress";
  /** Its construct id: fixed, or made from what it opens (so reordering the rules renames none). */
  readonly id: string | { readonly prefix: string; readonly content: object };
  /** The id a release before content ids gave it (a counter's), for its moved block. */
  readonly formerId?: string;
  /** The prop entry it came from, to name a repeat: e.g. `allowFrom[2]`. */
  readonly given?: { readonly property: string; readonly index: number };
  readonly description: string;
  readonly ipProtocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrIpv4?: string;
  readonly cidrIpv6?: string;
  /** Another security group, or OWN_GROUP. */
  readonly referencedSecurityGroupId?: string;
  /** Checked at plan: a CIDR given as a reference. */
  readonly precondition?: Precondition;
}

/**
 * No ingress unless asked; egress HTTPS only (Session Manager, package and model downloads, ECR), the allowTo rules, and
 * for a cluster all traffic within the group. Rules are separate resources so each carries its own description.
 * Descriptions keep to EC2's character set and length; a CIDR given as a Terraform reference is checked at plan instead.
 */
export function workloadRules(props: {
  readonly allowFrom: readonly InboundRule[];
  readonly allowTo: readonly OutboundRule[];
  readonly allowWithinGroup?: boolean;
  /** The workload's construct id, for the rules' descriptions. */
  readonly workload: string;
}): SecurityGroupRuleSpec[] {
  return [
    {
      direction: "egress",
      id: "egress-https",
      description: "HTTPS to AWS APIs (Session Manager, ECR, S3) and model registries",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: "0.0.0.0/0",
    },
    ...props.allowTo.map((rule, i): SecurityGroupRuleSpec => ({
      direction: "egress",
      id: { prefix: "egress", content: { protocol: rule.protocol ?? "tcp", port: rule.port, cidr: rule.cidr } },
      formerId: `egress-${i}`,
      given: { property: "allowTo", index: i },
      description: ruleDescription(
        rule.description,
        `${rule.protocol ?? "tcp"} ${rule.port} to ${containsToken(rule.cidr) ? "a referenced network" : rule.cidr}`,
      ),
      ipProtocol: rule.protocol ?? "tcp",
      fromPort: rule.port,
      toPort: rule.port,
      ...cidrAttribute(rule.cidr),
    })),
    ...ingressRules("ingress", props.allowFrom, props.workload),
    ...(props.allowWithinGroup
      ? [
          {
            direction: "ingress" as const,
            id: "ingress-cluster",
            description: "all traffic between cluster nodes (NCCL over EFA needs every port)",
            ipProtocol: "-1",
            referencedSecurityGroupId: OWN_GROUP,
          },
          {
            direction: "egress" as const,
            id: "egress-cluster",
            description: "all traffic between cluster nodes (EFA requires matching egress to the group)",
            ipProtocol: "-1",
            referencedSecurityGroupId: OWN_GROUP,
          },
        ]
      : []),
  ];
}

/**
 * The allowFrom rules, each named by what it opens (port and source), so reordering them renames none; `prefix` keeps a
 * load balancer's apart from the instances'. Each moves from the counter's id of earlier releases.
 */
export function ingressRules(prefix: string, rules: readonly InboundRule[], workload: string): SecurityGroupRuleSpec[] {
  return rules.map((rule, i) => ({ ...ingressRule(prefix, rule, workload), formerId: `${prefix}-${i}`, given: { property: "allowFrom", index: i } }));
}

/** One inbound TCP rule on a port, from a CIDR (checked at plan when it is a reference) or a security group. */
export function ingressRule(prefix: string, rule: InboundRule, workload: string): SecurityGroupRuleSpec & { readonly direction: "ingress" } {
  return {
    direction: "ingress",
    // Its description is not part of its id: EC2 updates it in place.
    id: { prefix, content: { port: rule.port, cidr: rule.cidr, securityGroupId: rule.securityGroupId } },
    description: ruleDescription(rule.description, `clients of ${workload} on port ${rule.port}`),
    ipProtocol: "tcp",
    fromPort: rule.port,
    toPort: rule.port,
    ...(rule.cidr === undefined ? {} : cidrAttribute(rule.cidr)),
    referencedSecurityGroupId: rule.securityGroupId,
    precondition: rule.cidr !== undefined && containsToken(rule.cidr) ? ingressCidrCheck(rule.cidr, rule.allowPublicAddresses === true) : undefined,
  };
}

/** A security group or rule description: EC2's characters and length, as literal Terraform text. */
export function literalEc2Description(text: string): string {
  return literalText(ec2Description(text));
}

/** A rule's description: a reference is kept for Terraform to resolve; text (`fallback` when none is given) is made EC2's. */
function ruleDescription(given: string | undefined, fallback: string): string {
  return containsToken(given) ? given! : literalEc2Description(given ?? fallback);
}

/** IPv6 blocks go to cidr_ipv6; IPv4 blocks and Terraform references to cidr_ipv4. */
function cidrAttribute(cidr: string): { cidrIpv4: string } | { cidrIpv6: string } {
  return !containsToken(cidr) && parseCidr(cidr)?.version === 6 ? { cidrIpv6: cidr } : { cidrIpv4: cidr };
}

/**
 * The synth-time ingress rules, evaluated by Terraform for a CIDR known only at plan: a valid IPv4 block,
 * never /0, and private address space unless the rule opts in to public addresses.
 */
function ingressCidrCheck(cidr: string, allowPublic: boolean): Precondition {
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
