import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { AllowFrom } from "../../workload-props";
import { addRules } from "../security-group";
import { ingressRules, literalEc2Description } from "../../../specs/security-group";
import { ServeTls } from "../../serving";
import { DEFAULT_SSL_POLICY } from "./container-service";

export interface ServingLoadBalancerProps {
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly port: number;
  readonly healthCheckPath: string;
  /** TLS on the listener (the instances behind it are reached over TCP); "none": plain TCP. */
  readonly tls: ServeTls;
  /** Who may call the server: rules on the load balancer's security group. */
  readonly allowFrom: readonly AllowFrom[];
  /** The instances' security group: opened to the load balancer only. */
  readonly instanceSecurityGroup: SecurityGroup;
  readonly securityGroupNamePrefix: string;
  /** Literal Terraform text (see stableTags). */
  readonly tags: Record<string, string>;
}

export interface ServingLoadBalancer {
  readonly loadBalancer: Lb;
  readonly targetGroup: LbTargetGroup;
  readonly listener: LbListener;
  readonly securityGroup: SecurityGroup;
}

/**
 * An internal Network Load Balancer in front of a serving fleet. NLB rather than ALB: LLM responses stream for
 * minutes, and an NLB forwards the connection without an HTTP proxy's idle timeout (ALB's is 60 s by default) or
 * buffering; its target group still health-checks the server's HTTP readiness path. Client IPs are not preserved, so
 * the instances can accept the load balancer's security group alone.
 */
export function createServingLoadBalancer(scope: Construct, props: ServingLoadBalancerProps): ServingLoadBalancer {
  const { tags } = props;
  const securityGroup = new SecurityGroup(scope, "load-balancer-security-group", {
    namePrefix: props.securityGroupNamePrefix,
    description: literalEc2Description(`load balancer of ${scope.node.path}: listed clients only, to the instances`),
    vpcId: props.vpcId,
    tags,
  });
  addRules(scope, securityGroup.id, ingressRules("load-balancer-ingress", props.allowFrom, scope.node.id), tags);
  new VpcSecurityGroupEgressRule(scope, "load-balancer-egress", {
    securityGroupId: securityGroup.id,
    description: literalEc2Description(`requests and health checks to the servers on port ${props.port}`),
    ipProtocol: "tcp",
    fromPort: props.port,
    toPort: props.port,
    referencedSecurityGroupId: props.instanceSecurityGroup.id,
    tags,
  });
  new VpcSecurityGroupIngressRule(scope, "ingress-load-balancer", {
    securityGroupId: props.instanceSecurityGroup.id,
    description: literalEc2Description(`requests and health checks from the load balancer on port ${props.port}`),
    ipProtocol: "tcp",
    fromPort: props.port,
    toPort: props.port,
    referencedSecurityGroupId: securityGroup.id,
    tags,
  });
  const loadBalancer = new Lb(scope, "load-balancer", {
    loadBalancerType: "network",
    internal: true,
    subnets: props.subnetIds,
    securityGroups: [securityGroup.id],
    enableCrossZoneLoadBalancing: true,
    tags,
  });
  const targetGroup = new LbTargetGroup(scope, "target-group", {
    port: props.port,
    protocol: "TCP",
    vpcId: props.vpcId,
    targetType: "instance",
    preserveClientIp: "false",
    // Requests in flight (a long generation) get two minutes to finish when an instance leaves.
    deregistrationDelay: "120",
    healthCheck: {
      enabled: true,
      protocol: "HTTP",
      path: props.healthCheckPath,
      port: "traffic-port",
      matcher: "200-399",
      interval: 10,
      healthyThreshold: 2,
      unhealthyThreshold: 3,
    },
    tags,
  });
  const tls = props.tls === "none" ? undefined : props.tls;
  // A TLS listener forwards to the TCP target group: TLS ends at the load balancer, inside the VPC.
  const listener = new LbListener(scope, "listener", {
    loadBalancerArn: loadBalancer.arn,
    port: props.port,
    protocol: tls ? "TLS" : "TCP",
    ...(tls && { certificateArn: tls.certificateArn, sslPolicy: tls.sslPolicy ?? DEFAULT_SSL_POLICY }),
    defaultAction: [{ type: "forward", targetGroupArn: targetGroup.arn }],
    tags,
  });
  return { loadBalancer, targetGroup, listener, securityGroup };
}
