/** The VPC a workload runs in. Users bring their own; ids may be Terraform variables or references. */
export interface NetworkProps {
  /** The VPC's id, e.g. "vpc-0abc1234"; the security groups are created in it. */
  readonly vpcId: string;
  /** Private subnets to launch into. A single instance or a training cluster uses the first one. */
  readonly subnetIds: string[];
}
