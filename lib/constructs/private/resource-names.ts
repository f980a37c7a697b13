import { AWS_NAME_RULES, awsName } from "../../validation/aws-names";

/** The AWS names of one workload's resources, each within its resource's length and character rules. */
export interface ResourceNames {
  readonly launchTemplatePrefix: string;
  readonly rolePrefix: string;
  readonly instanceProfilePrefix: string;
  readonly securityGroupPrefix: string;
  readonly loadBalancerSecurityGroupPrefix: string;
  /** The construct id with 8 characters of its address: unique in the app, for fixed names and dimensions. */
  readonly unique: string;
  /** CloudWatch Logs group of the workload's container. */
  readonly logGroup: string;
  /** Where the workload's SSM parameters live (facts Terraform learns after launch, read by the instances). */
  readonly parameterPath: string;
  /** A single server's health alarm. */
  readonly healthAlarm: string;
  /**
   * The CloudWatch namespace the workload's instances publish to (GPU utilization, a single server's health) and may
   * publish to alone: one workload cannot write another's metrics, and so cannot scale or alarm it.
   */
  readonly metricNamespace: string;
  readonly autoScalingGroupPrefix: string;
  readonly scalingPolicy: string;
  /** Compute environment, job queue and job definition: fixed names, unique by the construct's address. */
  readonly batch: string;
  readonly placementGroup: string;
  readonly nodeGroupPrefix: string;
  /** A Karpenter node role: a fixed name, which its EC2NodeClass names at synth. */
  readonly nodeRoleName: string;
  /** A Karpenter NodePool and EC2NodeClass: a Kubernetes name (lowercase letters, digits and "-"). */
  readonly kubernetesName: string;
}

/**
 * Names from the construct id (what a person recognizes in the console). Prefixes end in "-" and get
 * Terraform's unique suffix; fixed names end in 8 characters of the construct's address, unique in the app.
 */
export function resourceNames(id: string, address: string): ResourceNames {
  const suffix = `-${address.slice(0, 8)}`;
  const unique = awsName(id, AWS_NAME_RULES.batchName, suffix);
  return {
    unique,
    launchTemplatePrefix: awsName(id, AWS_NAME_RULES.launchTemplatePrefix, "-"),
    rolePrefix: awsName(id, AWS_NAME_RULES.iamRolePrefix, "-"),
    instanceProfilePrefix: awsName(id, AWS_NAME_RULES.instanceProfilePrefix, "-"),
    securityGroupPrefix: awsName(id, AWS_NAME_RULES.securityGroupPrefix, "-"),
    loadBalancerSecurityGroupPrefix: awsName(id, AWS_NAME_RULES.securityGroupPrefix, "-lb-"),
    logGroup: `/cdktf-gpu-workloads/${unique}`,
    parameterPath: `/cdktf-gpu-workloads/${unique}`,
    healthAlarm: `${unique}-server-health`,
    metricNamespace: `cdktf-gpu-workloads/${unique}`,
    autoScalingGroupPrefix: awsName(id, AWS_NAME_RULES.autoScalingGroupPrefix, "-"),
    scalingPolicy: awsName(id, AWS_NAME_RULES.autoScalingPolicyName, `${suffix}-target-tracking`),
    batch: unique,
    placementGroup: awsName(id, AWS_NAME_RULES.placementGroupName, suffix),
    nodeGroupPrefix: awsName(id, AWS_NAME_RULES.eksNodeGroupPrefix, "-"),
    nodeRoleName: awsName(id, AWS_NAME_RULES.iamRoleName, `${suffix}-nodes`),
    kubernetesName:
      unique
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 63) || `gpu-workload${suffix}`,
  };
}
