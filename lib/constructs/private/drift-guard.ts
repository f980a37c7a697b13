import { DataAwsEc2InstanceType } from "@cdktf/provider-aws/lib/data-aws-ec2-instance-type";
import { DataAwsEc2InstanceTypeOfferings } from "@cdktf/provider-aws/lib/data-aws-ec2-instance-type-offerings";
import { Construct } from "constructs";
import { Precondition } from "cdktf/lib/terraform-conditions";
import { Decision } from "../../selection/decision";
import { comparableGpuName } from "../../taxonomy/comparable-gpu-name";
import { GpuModel } from "../../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../../taxonomy/instance-type";

/**
 * Share of the table's usable memory per GPU EC2 must report. EC2 reports the marketed or the usable size (A10G
 * 22,888 MiB, H100 81,920 MiB, a g6f's share 2,861 MiB), and for a while reported a multi-GPU g6/g6e's total as
 * each GPU's: all at or above. "Much less" (a smaller GPU, a smaller share) falls below.
 */
const MEMORY_REPORTED_FLOOR = 0.9;

/**
 * The condition that EC2's description of the type (`aws_ec2_instance_type.gpus`: name, manufacturer, count,
 * memory_size per GPU) still matches the table, as EC2 truthfully reports it:
 * - the name compared without case, spaces or dashes ("RTX PRO Server 6000" = "rtx-pro-server-6000"); a bare
 *   "NVIDIA" is accepted, as EC2 reported for p5en and p6-b200 for months in 2025 (count and memory still decide);
 * - the count exact, or 0 for a fractional or single-GPU type: EC2 reports Count 0 for g6f/gr6f (its partitions have
 *   LogicalGpuCount 1, which Terraform does not expose) and did at times for p5.4xlarge;
 * - memory per GPU (per share) at least 90% of the table's usable figure.
 * `gpus` is the data source's attribute reference, e.g. data.aws_ec2_instance_type.check.gpus.
 */
export function gpuMatchCondition(spec: InstanceTypeSpec, gpu: GpuModel, gpus: string): string {
  const name = comparableGpuName(gpu.ec2Name ?? gpu.name);
  const fraction = spec.gpuFraction ?? 1;
  const zeroAccepted = fraction < 1 || spec.gpuCount === 1;
  const count = zeroAccepted ? `(g.count == ${spec.gpuCount} || g.count == 0)` : `g.count == ${spec.gpuCount}`;
  const minMiB = Math.floor(gpu.usableMemoryMiB * fraction * MEMORY_REPORTED_FLOOR);
  return `anytrue([for g in ${gpus} : contains(["${name}", "nvidia"], replace(lower(g.name), "/[^a-z0-9]/", "")) && ${count} && g.memory_size >= ${minMiB}])`;
}

/**
 * Plan-time checks that the embedded table still matches AWS: the chosen type has the GPU model,
 * count and memory we think it has, and the region offers it. A stale table fails `terraform plan`
 * with a message that says so, instead of launching something else.
 */
export function driftGuardPreconditions(scope: Construct, decision: Decision): Precondition[] {
  const type = new DataAwsEc2InstanceType(scope, "instance-type-check", { instanceType: decision.instanceType });
  const offerings = new DataAwsEc2InstanceTypeOfferings(scope, "offering-check", {
    locationType: "region",
    filter: [{ name: "instance-type", values: [decision.instanceType] }],
  });
  return [
    {
      condition: `\${${gpuMatchCondition(decision.spec, decision.gpu, `${type.fqn}.gpus`)}}`,
      // No dates or prices: the message is part of the launch template's configuration, which must not change with a price table.
      errorMessage:
        `cdktf-gpu-workloads: the taxonomy says ${decision.instanceType} has ${decision.gpuCount}× ${decision.gpu.name}, ` +
        "but EC2 reports otherwise. The embedded table is stale: update cdktf-gpu-workloads or pin the instance with a custom taxonomy.",
    },
    {
      condition: `\${contains(${offerings.fqn}.instance_types, "${decision.instanceType}")}`,
      errorMessage:
        `cdktf-gpu-workloads: ${decision.instanceType} is not offered in this provider's region. ` +
        "Set the workload's or platform's region so selection can choose a type that is, or choose another region.",
    },
  ];
}
