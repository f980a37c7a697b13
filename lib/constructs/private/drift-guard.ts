import { DataAwsEc2InstanceType } from "@cdktf/provider-aws/lib/data-aws-ec2-instance-type";
import { DataAwsEc2InstanceTypeOfferings } from "@cdktf/provider-aws/lib/data-aws-ec2-instance-type-offerings";
import { Construct } from "constructs";
import { Precondition } from "cdktf/lib/terraform-conditions";
import { Decision } from "../../selection/decision";

/** Share of the marketed memory EC2 must report: GDDR parts report ~93% (A10G 22,888 of 24,576 MiB). */
const MEMORY_REPORTED_FLOOR = 0.9;

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
  const ec2Name = (decision.gpu.ec2Name ?? decision.gpu.name).toLowerCase();
  const minTotalMiB = Math.floor(decision.gpu.memoryGB * 1024 * decision.gpuCount * MEMORY_REPORTED_FLOOR);
  return [
    {
      condition: `\${anytrue([for g in ${type.fqn}.gpus : lower(g.name) == "${ec2Name}" && g.count == ${decision.gpuCount}]) && ${type.fqn}.total_gpu_memory >= ${minTotalMiB}}`,
      errorMessage:
        // No dates or prices: the message is part of the launch template's configuration, which must not change with a price table.
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
