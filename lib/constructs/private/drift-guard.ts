import { DataAwsEc2InstanceType } from "@cdktf/provider-aws/lib/data-aws-ec2-instance-type";
import { DataAwsEc2InstanceTypeOfferings } from "@cdktf/provider-aws/lib/data-aws-ec2-instance-type-offerings";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { Fn, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { Precondition } from "cdktf/lib/terraform-conditions";
import { comparableGpuName } from "../../taxonomy/comparable-gpu-name";
import { GpuModel } from "../../taxonomy/gpu-model";
import { InstanceTypeSpec } from "../../taxonomy/instance-type";
import { sharedInStack, stackOf } from "./framework";

/**
 * Share of the table's usable memory per GPU EC2 must report. EC2 reports the marketed or the usable size (A10G
 * 22,888 MiB, H100 81,920 MiB, a g6f's share 2,861 MiB), and for a while reported a multi-GPU g6/g6e's total as
 * each GPU's: all at or above. "Much less" (a smaller GPU, a smaller share) falls below.
 */
const MEMORY_REPORTED_FLOOR = 0.9;

/** An instance type the workload may launch, as the table describes it. */
export interface GuardedType {
  readonly instanceType: string;
  readonly spec: InstanceTypeSpec;
  readonly gpu: GpuModel;
}

/**
 * The condition that EC2's description of the type (`aws_ec2_instance_type.gpus`: name, manufacturer, count,
 * memory_size per GPU) still matches the table, as EC2 truthfully reports it:
 * - the name compared without case, spaces or dashes ("RTX PRO Server 6000" = "rtx-pro-server-6000"); a bare
 *   "NVIDIA" is accepted, as EC2 reported for p5en and p6-b200 for months in 2025 (count and memory still decide);
 * - the count exact, or 0 for a fractional or single-GPU type: EC2 reports Count 0 for g6f/gr6f (its partitions have
 *   LogicalGpuCount 1, which Terraform does not expose) and did at times for p5.4xlarge;
 * - memory per GPU (per share) at least 90% of the table's usable figure.
 * `gpus` is an expression for the list of GPUs EC2 reports, e.g. flatten(data.aws_ec2_instance_type.g5_xlarge[*].gpus).
 */
export function gpuMatchCondition(spec: InstanceTypeSpec, gpu: GpuModel, gpus: string): string {
  const name = comparableGpuName(gpu.ec2Name ?? gpu.name);
  const zeroAccepted = (spec.gpuFraction ?? 1) < 1 || spec.gpuCount === 1;
  const count = zeroAccepted ? `(g.count == ${spec.gpuCount} || g.count == 0)` : `g.count == ${spec.gpuCount}`;
  return `anytrue([for g in ${gpus} : contains(["${name}", "nvidia"], replace(lower(g.name), "/[^a-z0-9]/", "")) && ${count} && g.memory_size >= ${minimumMiB(spec, gpu)}])`;
}

function minimumMiB(spec: InstanceTypeSpec, gpu: GpuModel): number {
  return Math.floor(gpu.usableMemoryMiB * (spec.gpuFraction ?? 1) * MEMORY_REPORTED_FLOOR);
}

/**
 * What EC2 says about one instance type, read once per stack and shared by every workload that may launch it: whether
 * the provider's region offers it, and, only where it does, its description (EC2 answers InvalidInstanceType for a type
 * its region does not offer, which would stop the plan with the provider's message instead of ours).
 */
function ec2Answers(stack: TerraformStack, instanceType: string): { readonly offerings: DataAwsEc2InstanceTypeOfferings; readonly gpus: string } {
  const id = `gpu-workloads-ec2-${instanceType}`;
  const offerings = sharedInStack(
    stack,
    `${id}-offering`,
    (s, i) => new DataAwsEc2InstanceTypeOfferings(s, i, { locationType: "region", filter: [{ name: "instance-type", values: [instanceType] }] }),
  );
  const described = sharedInStack(
    stack,
    id,
    (s, i) => new DataAwsEc2InstanceType(s, i, { instanceType, count: Token.asNumber(Fn.lengthOf(offerings.instanceTypes)) }),
  );
  return { offerings, gpus: `flatten(${described.fqn}[*].gpus)` };
}

/** The provider's region as Terraform knows it at plan: one read per stack. */
function providerRegion(stack: TerraformStack): DataAwsRegion {
  return sharedInStack(stack, "gpu-workloads-region", (s, i) => new DataAwsRegion(s, i, {}));
}

/**
 * Plan-time checks that the embedded table still matches EC2 for a type the workload may launch: the provider's region
 * offers it, and EC2 reports the GPU model, count and memory the table says. A stale table or a wrong region fails
 * `terraform plan` with a message that says which, and what EC2 reported, instead of launching something else.
 * No dates or prices: the messages sit in resource configuration that must not change with a price table.
 */
export function typeGuard(scope: IConstruct, t: GuardedType): Precondition[] {
  const stack = stackOf(scope);
  const { offerings, gpus } = ec2Answers(stack, t.instanceType);
  const region = `\${${providerRegion(stack).fqn}.name}`;
  const reported = `\${length(${gpus}) == 0 ? "no GPU" : join(", ", [for g in ${gpus} : "\${g.count} × \${g.name} of \${g.memory_size} MiB"])}`;
  return [
    {
      condition: `\${length(${offerings.fqn}.instance_types) > 0}`,
      errorMessage:
        `cdktf-gpu-workloads: ${t.instanceType} is not offered in ${region}. ` +
        "Set the workload's or platform's region to this provider's region, so selection chooses a type offered there, or deploy to a region that offers it.",
    },
    {
      // Not offered: the check above says so, and there is no description to compare.
      condition: `\${length(${offerings.fqn}.instance_types) == 0 || ${gpuMatchCondition(t.spec, t.gpu, gpus)}}`,
      errorMessage:
        `cdktf-gpu-workloads: the taxonomy says ${t.instanceType} has ${t.spec.gpuCount}× ${t.gpu.name} of at least ${minimumMiB(t.spec, t.gpu)} MiB each, ` +
        `but EC2 reports ${reported}. The embedded table is stale: update cdktf-gpu-workloads or pin the instance with a custom taxonomy.`,
    },
  ];
}

/**
 * The region the workload was chosen and priced for must be the provider's. Checked at synth when the provider's region
 * is literal (see validateRegion); this is the plan-time check for a provider whose region is a Terraform reference.
 */
export function regionGuard(scope: IConstruct, region: string): Precondition {
  const actual = `${providerRegion(stackOf(scope)).fqn}.name`;
  return {
    condition: `\${${actual} == "${region}"}`,
    errorMessage: `cdktf-gpu-workloads: the workload was chosen and priced for ${region}, but this stack's AWS provider deploys to \${${actual}}. Give the workload or platform the provider's region.`,
  };
}
