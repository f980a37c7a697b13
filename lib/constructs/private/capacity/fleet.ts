import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { AutoscalingPolicy } from "@cdktf/provider-aws/lib/autoscaling-policy";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import { Decision } from "../../../selection/decision";
import { DEFAULT_MAX_FALLBACK_PRICE_RATIO, launchableTypes } from "../../../selection/fallbacks";
import { expectedUsdPerInstanceHour } from "../../../selection/select-instance";
import { FleetOptions, ReplicaBounds } from "../../workload-props";
import { GPU_UTILIZATION_METRIC_NAME } from "../../../boot/metrics-agent";
import { literalText } from "../../../specs/terraform-text";
import { createServingLoadBalancer } from "../serving/load-balancer";
import { typeGuard } from "../drift-guard";
import { Precondition } from "cdktf/lib/terraform-conditions";
import { ADMITTED_GRACE_SECONDS, createAdmission, fleetAdmission, initialAdmissionHook } from "./fleet-admission";
import { CapacityEngine, WorkloadContext } from "./capacity-engine";
import { capacityCost, typeNames } from "./workload-capacity";
import { Config } from "../deployed-capacity";
import type { FleetCapacity, FleetHandles } from "../../capacity";

export const DEFAULT_MAX_FALLBACKS = 9;
export const DEFAULT_SCALING_TARGET = 70;
/** Boot, driver init and container start before a model server can load weights. */
const BASE_GRACE_SECONDS = 300;
/** Download and load time per GiB of weights (≈ 100 MiB/s from S3 or a model hub, a conservative rate). */
const GRACE_SECONDS_PER_WEIGHT_GIB = 10;

export interface FleetProps {
  /** The chosen type first, then the fallbacks in preference order. */
  readonly instanceTypes: readonly string[];
  readonly namePrefix: string;
  readonly policyName: string;
  /** The workload's own CloudWatch namespace, where its instances report GPU utilization. */
  readonly metricNamespace: string;
  readonly subnetIds: string[];
  readonly bounds: Required<ReplicaBounds>;
  readonly launchTemplate: LaunchTemplate;
  readonly options: FleetOptions;
  /** Percent of the capacity above the on-demand base bought as spot (fleetSpotPercentage). */
  readonly spotPercentage: number;
  readonly weightsGiB: number;
  /** Propagated to every instance. */
  readonly stableTags: Record<string, string>;
  /** On the group only: a fallback instance is another type at another price. */
  readonly decisionTags: Record<string, string>;
  /** A serving fleet's target group: the group registers its instances and replaces those the server's health check fails. */
  readonly targetGroupArn?: string;
  /** A serving fleet holds each new instance at its launch lifecycle hook for up to this long, until its server is healthy. */
  readonly admissionHeartbeatSeconds?: number;
  /** Plan-time checks of the fallback types (the launch template checks the chosen one). */
  readonly preconditions: Precondition[];
}

/** Share of the capacity above the on-demand base bought as spot. */
export function fleetSpotPercentage(decision: Decision, options: FleetOptions): number {
  return options.spotPercentage ?? (decision.purchase === "spot" ? 100 : 0);
}

export function healthCheckGraceSeconds(weightsGiB: number): number {
  return BASE_GRACE_SECONDS + Math.ceil(weightsGiB) * GRACE_SECONDS_PER_WEIGHT_GIB;
}

/** An Auto Scaling group with a mixed-instances policy over the fallbacks, and target tracking when it can scale. */
export function createFleet(scope: Construct, props: FleetProps): AutoscalingGroup {
  const { options, bounds, spotPercentage } = props;
  const anySpot = spotPercentage > 0;
  const admitted = props.admissionHeartbeatSeconds !== undefined;
  const grace = options.healthCheckGracePeriodSeconds ?? (admitted ? ADMITTED_GRACE_SECONDS : healthCheckGraceSeconds(props.weightsGiB));
  const group = new AutoscalingGroup(scope, "auto-scaling-group", {
    namePrefix: props.namePrefix,
    minSize: bounds.min,
    maxSize: bounds.max,
    desiredCapacity: bounds.desired,
    vpcZoneIdentifier: props.subnetIds,
    healthCheckType: props.targetGroupArn ? "ELB" : "EC2",
    healthCheckGracePeriod: grace,
    ...(admitted && {
      initialLifecycleHook: [initialAdmissionHook(props.admissionHeartbeatSeconds!)],
      // Instances wait at the hook for minutes: the apply does not (it would time out, and the admission permission is
      // granted on the group once it exists). Watch them join in the target group's health.
      waitForCapacityTimeout: "0",
    }),
    targetGroupArns: props.targetGroupArn ? [props.targetGroupArn] : undefined,
    // A serving fleet rolls a new template version out: one instance at a time stays out of service, each new one warmed up.
    instanceRefresh: props.targetGroupArn
      ? { strategy: "Rolling", preferences: { minHealthyPercentage: bounds.desired > 1 ? 50 : 0, instanceWarmup: String(grace) } }
      : undefined,
    capacityRebalance: options.capacityRebalance ?? anySpot,
    mixedInstancesPolicy: {
      launchTemplate: {
        // A serving fleet names the version, so a new one changes the group and starts the instance refresh.
        launchTemplateSpecification: {
          launchTemplateId: props.launchTemplate.id,
          version: props.targetGroupArn ? props.launchTemplate.latestVersion.toString() : "$Latest",
        },
        override: props.instanceTypes.map((instanceType) => ({ instanceType })),
      },
      instancesDistribution: {
        // "prioritized": the override order is the decision order, so the chosen type is tried first.
        onDemandAllocationStrategy: "prioritized",
        onDemandBaseCapacity: options.onDemandBaseCapacity ?? 0,
        onDemandPercentageAboveBaseCapacity: 100 - spotPercentage,
        spotAllocationStrategy: anySpot ? "price-capacity-optimized" : undefined,
      },
    },
    tag: [
      ...Object.entries(props.stableTags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
      ...Object.entries(props.decisionTags).map(([key, value]) => ({ key, value, propagateAtLaunch: false })),
    ],
    lifecycle: props.preconditions.length ? { precondition: props.preconditions } : undefined,
  });
  if (bounds.max > bounds.min) {
    new AutoscalingPolicy(scope, "scaling-policy", {
      name: props.policyName,
      autoscalingGroupName: group.name,
      policyType: "TargetTrackingScaling",
      estimatedInstanceWarmup: grace,
      targetTrackingConfiguration: {
        targetValue: options.scalingTarget ?? DEFAULT_SCALING_TARGET,
        customizedMetricSpecification: scalingMetric(options.scalingMetric, props.metricNamespace, group.name),
      },
    });
  }
  return group;
}

/**
 * What target tracking reads: GPU utilization as the instances' agent reports it, all instances together in the
 * workload's own namespace (nothing else may write there), or the user's metric for this group.
 */
function scalingMetric(metric: FleetOptions["scalingMetric"], namespace: string, groupName: string) {
  if (metric === undefined || metric === "gpu-utilization") return { namespace, metricName: GPU_UTILIZATION_METRIC_NAME, statistic: "Average" };
  return {
    namespace: literalText(metric.namespace),
    metricName: literalText(metric.metricName),
    statistic: metric.statistic ?? "Average",
    metricDimension: [
      { name: "AutoScalingGroupName", value: groupName },
      ...Object.entries(metric.dimensions ?? {}).map(([name, value]) => ({ name: literalText(name), value: literalText(value) })),
    ],
  };
}

/** A fleet that can grow scales on GPU utilization unless told otherwise: its user data then runs the metrics agent. */
function scalesOnGpu(ctx: WorkloadContext<FleetCapacity>): boolean {
  const replicas = ctx.replicas!;
  return replicas.max > replicas.min && (ctx.strategy.fleet?.scalingMetric ?? "gpu-utilization") === "gpu-utilization";
}

/** An Auto Scaling group over the chosen type and its same-shape fallbacks: replaces what fails or is reclaimed. */
export const FLEET: CapacityEngine<FleetCapacity, FleetHandles> = {
  kind: "auto-scaling-group",
  factory: "Capacity.fleet({...})",
  // A serving fleet's endpoint: its internal load balancer's DNS name.
  outputs: (h) => ({ "auto-scaling-group-name": h.autoScalingGroup.name, endpoint: h.loadBalancer?.dnsName }),
  withStrategy: (props, { replicas, fleet }) => ({ ...props, replicas, fleet }),
  fromShorthands: (props) => ({ kind: "fleet", replicas: props.replicas, fleet: props.fleet }),
  // A fleet has bounds even for one instance.
  strategyReplicas: ({ replicas }) => replicas,
  serviceLaunchesInstances: false,
  settings: (ctx) => ({
    efa: ctx.efa,
    scalesOnGpu: scalesOnGpu(ctx),
    clientsThroughLoadBalancer: ctx.service !== undefined,
    admitsWhenHealthy: ctx.service !== undefined,
  }),
  create(scope, ctx, shared) {
    const { decision } = ctx;
    const bounds = ctx.replicas!;
    const options = ctx.strategy.fleet ?? {};
    const types = launchableTypes(decision, {
      fallback: options.fallback,
      maxFallbacks: options.maxFallbacks ?? DEFAULT_MAX_FALLBACKS,
      maxPriceRatio: options.maxFallbackPriceRatio ?? DEFAULT_MAX_FALLBACK_PRICE_RATIO,
    });
    const lb = ctx.service
      ? createServingLoadBalancer(scope, {
          vpcId: ctx.network.vpcId,
          subnetIds: ctx.network.subnetIds,
          port: ctx.service.port!,
          healthCheckPath: ctx.service.healthCheckPath!,
          tls: ctx.service.tls!,
          allowFrom: ctx.allowFrom,
          instanceSecurityGroup: shared.securityGroup,
          securityGroupNamePrefix: ctx.names.loadBalancerSecurityGroupPrefix,
          tags: ctx.stableTags,
        })
      : undefined;
    const spotPercentage = fleetSpotPercentage(decision, options);
    const heartbeat = ctx.service ? ctx.serverReadySeconds : undefined;
    const group = createFleet(scope, {
      targetGroupArn: lb?.targetGroup.arn,
      admissionHeartbeatSeconds: heartbeat,
      preconditions: types.launchable.slice(1).flatMap((t) => typeGuard(scope, t)),
      spotPercentage,
      launchTemplate: shared.launchTemplate,
      subnetIds: ctx.network.subnetIds,
      weightsGiB: ctx.weightsGiB,
      stableTags: ctx.stableTags,
      decisionTags: ctx.decisionTags,
      instanceTypes: typeNames(types.launchable),
      namePrefix: ctx.names.autoScalingGroupPrefix,
      policyName: ctx.names.scalingPolicy,
      metricNamespace: ctx.names.metricNamespace,
      bounds,
      options,
    });
    if (heartbeat !== undefined) createAdmission(scope, group, shared.role, fleetAdmission(ctx.names.parameterPath, heartbeat), heartbeat, ctx.stableTags);
    const desired = bounds.desired;
    const onDemand = Math.min(options.onDemandBaseCapacity ?? 0, desired);
    const spotShare = spotPercentage / 100;
    const expected =
      onDemand * decision.usdPerInstanceHour +
      (desired - onDemand) * ((1 - spotShare) * decision.usdPerInstanceHour + spotShare * expectedUsdPerInstanceHour(decision, "spot"));
    return {
      capacity: capacityCost("auto-scaling-group", types, { min: bounds.min, desired }, () => bounds.max, expected),
      handles: {
        autoScalingGroup: group,
        ...(lb && { loadBalancer: lb.loadBalancer, targetGroup: lb.targetGroup, listener: lb.listener, loadBalancerSecurityGroup: lb.securityGroup }),
      },
    };
  },
  readDeployed(_w, read, handles) {
    const group = read.configOf(handles.autoScalingGroup);
    const mixed = group.mixed_instances_policy;
    const overrides: Config[] = mixed?.launch_template?.override ?? [];
    if (overrides.some((o) => o.launch_template_specification)) read.cannotJudge("an override launches from another launch template");
    const types = overrides.length
      ? overrides.map((o) => read.literal<string>(o.instance_type, "an override's instance_type") ?? read.templateType)
      : [read.templateType];
    const max = read.literal<number>(group.max_size, "the Auto Scaling group's max_size") ?? 0;
    for (const type of types.filter((t): t is string => t !== undefined)) read.launches(type, max);
    const distribution = mixed?.instances_distribution ?? {};
    const base = read.literal<number>(distribution.on_demand_base_capacity ?? 0, "on_demand_base_capacity") ?? 0;
    const onDemandShare = read.literal<number>(distribution.on_demand_percentage_above_base_capacity ?? 100, "on_demand_percentage_above_base_capacity") ?? 100;
    if (read.templateMarket === "capacity-block") read.bought("capacity-block", "the launch template's Capacity Block market");
    else {
      if (base > 0) read.bought("on-demand", `fleet.onDemandBaseCapacity ${base}`);
      if (onDemandShare > 0 && max > base) read.bought("on-demand", `fleet.spotPercentage ${100 - onDemandShare} (${onDemandShare}% on-demand above the base)`);
      if (onDemandShare < 100 && max > base) read.bought("spot", `fleet.spotPercentage ${100 - onDemandShare}`);
    }
  },
};
