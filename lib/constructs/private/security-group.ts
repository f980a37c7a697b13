import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { AllowFrom, AllowTo } from "../workload-props";

export interface WorkloadSecurityGroupProps {
  readonly vpcId: string;
  readonly namePrefix: string;
  readonly description: string;
  readonly allowFrom: readonly AllowFrom[];
  readonly allowTo: readonly AllowTo[];
  /** Allow all traffic between members (NCCL/EFA between training nodes). */
  readonly allowWithinGroup?: boolean;
  readonly tags: Record<string, string>;
}

/**
 * No ingress unless asked; egress HTTPS only (Session Manager, package and model downloads, ECR).
 * Rules are separate resources so each carries its own description.
 */
export function createSecurityGroup(scope: Construct, props: WorkloadSecurityGroupProps): SecurityGroup {
  const group = new SecurityGroup(scope, "security-group", {
    namePrefix: props.namePrefix,
    description: props.description,
    vpcId: props.vpcId,
    tags: props.tags,
  });
  new VpcSecurityGroupEgressRule(scope, "egress-https", {
    securityGroupId: group.id,
    description: "HTTPS to AWS APIs (Session Manager, ECR, S3) and model registries",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: "0.0.0.0/0",
    tags: props.tags,
  });
  props.allowTo.forEach((rule, i) =>
    new VpcSecurityGroupEgressRule(scope, `egress-${i}`, {
      securityGroupId: group.id,
      description: rule.description ?? `${rule.protocol ?? "tcp"} ${rule.port} to ${rule.cidr}`,
      ipProtocol: rule.protocol ?? "tcp",
      fromPort: rule.port,
      toPort: rule.port,
      cidrIpv4: rule.cidr,
      tags: props.tags,
    }),
  );
  props.allowFrom.forEach((rule, i) =>
    new VpcSecurityGroupIngressRule(scope, `ingress-${i}`, {
      securityGroupId: group.id,
      description: rule.description ?? `clients of ${scope.node.id} on port ${rule.port}`,
      ipProtocol: "tcp",
      fromPort: rule.port,
      toPort: rule.port,
      cidrIpv4: rule.cidr,
      referencedSecurityGroupId: rule.securityGroupId,
      tags: props.tags,
    }),
  );
  if (props.allowWithinGroup) {
    new VpcSecurityGroupIngressRule(scope, "ingress-cluster", {
      securityGroupId: group.id,
      description: "all traffic between cluster nodes (NCCL over EFA needs every port)",
      ipProtocol: "-1",
      referencedSecurityGroupId: group.id,
      tags: props.tags,
    });
    new VpcSecurityGroupEgressRule(scope, "egress-cluster", {
      securityGroupId: group.id,
      description: "all traffic between cluster nodes (EFA requires matching egress to the group)",
      ipProtocol: "-1",
      referencedSecurityGroupId: group.id,
      tags: props.tags,
    });
  }
  return group;
}
