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
export const KARPENTER_VPC_LIMITS: Source = {
  title: "Karpenter generated VPC limits per instance type: network cards and interfaces (generated 2026-08-06)",
  url: "https://github.com/aws/karpenter-provider-aws/blob/main/pkg/providers/instancetype/zz_generated.vpclimits.go",
  asOf: "2026-08-06",
};
export const KARPENTER_INSTANCE_TYPES: Source = {
  title: "Karpenter instance-type reference: EC2 DescribeInstanceTypes per type (vCPU, memory, GPU name/count/MiB, EFA, NVMe), v1.14, 2026-07-11",
  url: "https://github.com/aws/karpenter-provider-aws/blob/main/website/content/en/preview/reference/instance-types.md",
  asOf: "2026-11-29",
};
export const SKYPILOT_CATALOG_PRICES: Source = {
  title: "SkyPilot catalog v8 at commit 00148f2a: on-demand price and spot price per region and zone",
  url: "https://github.com/skypilot-org/skypilot-catalog/blob/00148f2af3672e2229b4f7bf8157d5a3f36e3c35/catalogs/v8/aws/vms.csv",
  asOf: "2026-11-29",
};
