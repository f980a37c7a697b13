import { Source } from "../source";

/** Sources both instance tables read: the EC2 API and AWS Pricing API as published by SkyPilot and Karpenter. */
const READ = "2026-11-27";

export const SKYPILOT_AWS_CATALOG: Source = {
  title: "SkyPilot AWS catalog v8 (EC2 DescribeInstanceTypes/Offerings and Pricing API dump): vCPU, memory, GPUs, price, regions",
  url: "https://github.com/skypilot-org/skypilot-catalog/blob/master/catalogs/v8/aws/vms.csv",
  asOf: READ,
};
export const KARPENTER_PRICING: Source = {
  title: "Karpenter generated on-demand prices for us-east-1 (AWS Pricing API, generated 2026-01-19)",
  url: "https://github.com/aws/karpenter-provider-aws/blob/main/pkg/providers/pricing/zz_generated.pricing_aws.go",
  asOf: "2026-01-19",
};
export const KARPENTER_BANDWIDTH: Source = {
  title: "Karpenter generated network bandwidth per instance type, from the EC2 instance-type docs (zz_generated.bandwidth.go)",
  url: "https://github.com/aws/karpenter-provider-aws/blob/main/pkg/providers/instancetype/zz_generated.bandwidth.go",
  asOf: READ,
};
export const KARPENTER_EFA: Source = {
  title: "Karpenter generated EFA device metadata per instance type (zz_generated_efa_metadata.go)",
  url: "https://github.com/aws/karpenter-provider-aws/blob/main/pkg/providers/drametadata/zz_generated_efa_metadata.go",
  asOf: READ,
};
