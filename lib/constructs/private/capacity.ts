import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import { CapacityKind } from "../../plan/gpu-plan";
import { HOURS_PER_MONTH, round2, round4 } from "../../plan/money";
import { Candidate, Decision } from "../../selection/decision";
import { DEFAULT_MAX_FALLBACK_PRICE_RATIO, LaunchableTypes, launchableTypes } from "../../selection/fallbacks";
import { expectedUsdPerInstanceHour } from "../../selection/select-instance";
import { BatchOptions, FleetOptions, ReplicaBounds } from "../workload-props";
import { DEFAULT_BATCH_INSTANCE_TYPES, createBatchEnvironment } from "./batch-environment";
import { DEFAULT_MAX_FALLBACKS, createFleet, fleetSpotPercentage } from "./fleet";
import { metadataOptions } from "./launch-template";
import { ResourceNames } from "./resource-names";
import { literalTags } from "./terraform-text";

export interface CapacityProps {
  readonly decision: Decision;
  readonly launchTemplate: LaunchTemplate;
  readonly names: ResourceNames;
  readonly subnetIds: string[];
  readonly securityGroupId: string;
  readonly instanceProfileArn: string;
  readonly replicas?: ReplicaBounds;
  readonly fleet: FleetOptions;
  readonly batch?: BatchOptions;
  readonly weightsGiB: number;
  /** On every resource and every instance. */
  readonly stableTags: Record<string, string>;
  /** The decision (type, GPU, price): on what Terraform updates in place and what runs exactly the chosen type. */
  readonly decisionTags: Record<string, string>;
}

/** Instances a workload runs, and what they cost, in the words of COST_VOCABULARY. */
export interface WorkloadCapacity {
  readonly kind: CapacityKind;
  /** Every type the capacity may launch, the chosen one first. */
  readonly instanceTypes: readonly string[];
  /** Same-shape fallbacks left out because they cost more than the price bound allows. */
  readonly droppedInstanceTypes: readonly string[];
  readonly instances: { readonly min: number; readonly desired: number; readonly max: number };
  /** All instances at the desired size, at the expected price (spot estimates for the spot share). */
  readonly usdPerHour: number;
  readonly usdPerMonth: number;
  /** The worst case: the maximum instances, all of the most expensive type the capacity may launch, on-demand, × 730. */
  readonly maxUsdPerMonth: number;
  /** The type that sets maxUsdPerMonth. */
  readonly maxInstanceType: string;
}

/** The AWS engine for the workload's scale (instances, an Auto Scaling fleet, or AWS Batch) and its cost. */
export function createCapacity(scope: Construct, kind: CapacityKind, props: CapacityProps): WorkloadCapacity {
  const { decision } = props;
  if (kind === "aws-batch") {
    const batch = props.batch!;
    const types = launchableTypes(decision, {
      maxFallbacks: (batch.maxInstanceTypes ?? DEFAULT_BATCH_INSTANCE_TYPES) - 1,
      maxPriceRatio: batch.maxFallbackPriceRatio ?? DEFAULT_MAX_FALLBACK_PRICE_RATIO,
    });
    createBatchEnvironment(scope, { ...props, name: props.names.batch, rolePrefix: props.names.rolePrefix, options: batch, instanceTypes: names(types.launchable) });
    // Batch keeps at least minVcpus running and grows to maxVcpus in whole instances of any of its types.
    const atLeast = Math.ceil((batch.minVcpus ?? 0) / decision.spec.vcpus);
    const expected = expectedUsdPerInstanceHour(decision, decision.purchase) * atLeast;
    return cost(kind, types, { min: atLeast, desired: atLeast }, (c) => Math.ceil(batch.maxVcpus / c.spec.vcpus), expected);
  }
  if (kind === "auto-scaling-group") {
    const bounds = props.replicas!;
    const options = props.fleet;
    const types = launchableTypes(decision, {
      fallback: options.fallback,
      maxFallbacks: options.maxFallbacks ?? DEFAULT_MAX_FALLBACKS,
      maxPriceRatio: options.maxFallbackPriceRatio ?? DEFAULT_MAX_FALLBACK_PRICE_RATIO,
    });
    createFleet(scope, { ...props, instanceTypes: names(types.launchable), namePrefix: props.names.autoScalingGroupPrefix, policyName: props.names.scalingPolicy, bounds, options });
    const desired = bounds.desired ?? bounds.min;
    const onDemand = Math.min(options.onDemandBaseCapacity ?? 0, desired);
    const spotShare = fleetSpotPercentage(decision, options) / 100;
    const expected =
      onDemand * decision.usdPerInstanceHour +
      (desired - onDemand) * ((1 - spotShare) * decision.usdPerInstanceHour + spotShare * expectedUsdPerInstanceHour(decision, "spot"));
    return cost(kind, types, { min: bounds.min, desired }, () => bounds.max, expected);
  }
  const tags = literalTags({ ...props.stableTags, ...props.decisionTags });
  for (let node = 0; node < decision.nodeCount; node++) {
    createInstance(scope, kind === "cluster" ? `node-${node}` : "instance", props.launchTemplate, tags);
  }
  const n = decision.nodeCount;
  return cost(kind, { launchable: [decision], droppedByPrice: [] }, { min: n, desired: n }, () => n, decision.usdPerHour);
}

/**
 * Expected cost at the desired size, and the worst case: for every type the capacity may launch, the most
 * instances of it the capacity can hold (a fleet's maximum; for Batch, maxVcpus in that type's vCPUs) at its
 * on-demand price (spot is bounded by on-demand); the dearest of those sets the bound.
 */
function cost(
  kind: CapacityKind,
  types: LaunchableTypes,
  size: { readonly min: number; readonly desired: number },
  mostInstancesOf: (type: Candidate) => number,
  usdPerHour: number,
): WorkloadCapacity {
  const worst = types.launchable
    .map((type) => ({ type, instances: mostInstancesOf(type), usdPerHour: mostInstancesOf(type) * type.usdPerInstanceHour }))
    .reduce((a, b) => (b.usdPerHour > a.usdPerHour ? b : a));
  return {
    kind,
    instanceTypes: names(types.launchable),
    droppedInstanceTypes: names(types.droppedByPrice),
    instances: { ...size, max: worst.instances },
    usdPerHour: round4(usdPerHour),
    usdPerMonth: round2(usdPerHour * HOURS_PER_MONTH),
    maxUsdPerMonth: round2(worst.usdPerHour * HOURS_PER_MONTH),
    maxInstanceType: worst.type.instanceType,
  };
}

function names(candidates: readonly Candidate[]): string[] {
  return candidates.map((c) => c.instanceType);
}

/**
 * One instance from the launch template; everything else (IMDSv2, volumes, network) comes from the template.
 * Its tags (the decision's price among them) update in place; the template's content does not depend on them.
 */
function createInstance(scope: Construct, id: string, launchTemplate: LaunchTemplate, tags: Record<string, string>): Instance {
  return new Instance(scope, id, {
    launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
    // Repeated from the template for scanners that read aws_instance alone (CKV_AWS_79, CKV_AWS_126, CKV_AWS_135).
    metadataOptions: metadataOptions(true),
    monitoring: true,
    ebsOptimized: true,
    tags,
  });
}
