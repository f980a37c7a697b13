import { TerraformResource } from "cdktf";
import { HOURS_PER_MONTH, round2 } from "../../plan/money";
import { instancePrice } from "../../taxonomy/pricing";
import { InstanceTypeSpec } from "../../taxonomy/instance-type";
import { Taxonomy } from "../../taxonomy/taxonomy";
import { PurchaseOption } from "../../taxonomy/workload-profile";
import type { GpuWorkload } from "../gpu-workload";
import { isToken } from "./tokens";

/**
 * What a workload's resources will launch, read from their final Terraform configuration: after every property set
 * and every addOverride since construction. Policy and BudgetGuard judge this, not what the constructor chose.
 */
export interface DeployedCapacity {
  /** Every type the resources may launch. */
  readonly instanceTypes: readonly string[];
  /** The worst case: most instances at once, of the dearest type they may launch, on-demand. */
  readonly maxInstances: number;
  readonly maxInstanceType: string;
  readonly maxUsdPerHour: number;
  readonly maxUsdPerMonth: number;
  /** What is bought, each with the setting that buys it. */
  readonly purchases: readonly { readonly option: PurchaseOption; readonly by: string }[];
  /** What synth cannot judge (a Terraform reference where a literal must be, a type the taxonomy does not know). */
  readonly unknowable: readonly string[];
}

// Terraform's JSON after the user's overrides, of any shape: each value read is checked (literal, typeof) before use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Config = Record<string, any>;

/** A resource's attributes as Terraform will read them (snake_case, overrides merged). */
function configOf(resource: TerraformResource): Config {
  const byType = resource.toTerraform().resource as Record<string, Record<string, Config>>;
  return Object.values(Object.values(byType)[0])[0];
}

/** The final resources of `w`, priced with `taxonomy` in the workload's region. */
export function deployedCapacity(w: GpuWorkload, taxonomy: Taxonomy): DeployedCapacity {
  const unknowable: string[] = [];
  const literal = <T>(value: T, what: string): T | undefined => {
    if (isToken(value)) {
      unknowable.push(`${what} is a Terraform reference, which synth cannot judge`);
      return undefined;
    }
    return value;
  };
  const template = configOf(w.launchTemplate);
  const templateType = literal<string>(template.instance_type, "the launch template's instance_type");
  const market = template.instance_market_options?.market_type as string | undefined;
  const specs = new Map<string, InstanceTypeSpec>(taxonomy.instanceTypes.map((t) => [t.instanceType, t]));
  const price = (type: string) => {
    const spec = specs.get(type);
    const usd = spec && instancePrice(spec, w.decision.region).usdPerInstanceHour;
    if (!spec || usd === null || usd === undefined) unknowable.push(`${type} is not in the taxonomy (or has no price), so its GPU and cost cannot be judged`);
    return usd ?? 0;
  };
  const groups: { type: string; count: number }[] = [];
  const purchases: { option: PurchaseOption; by: string }[] = [];
  const bought = (option: PurchaseOption, by: string) => purchases.push({ option, by });
  let worst: { instances: number; type: string; usdPerHour: number } = { instances: 0, type: w.decision.instanceType, usdPerHour: 0 };
  /** Up to `count` instances of `type` at once: the dearest such set is the worst case. */
  const launches = (type: string, count: number) => {
    groups.push({ type, count });
    const usdPerHour = count * price(type);
    if (usdPerHour > worst.usdPerHour || worst.instances === 0) worst = { instances: count, type, usdPerHour };
  };
  const marketPurchase = (m: string | undefined, by: string) => bought(m === "spot" ? "spot" : m === "capacity-block" ? "capacity-block" : "on-demand", by);

  if (w.autoScalingGroup) {
    const group = configOf(w.autoScalingGroup);
    const mixed = group.mixed_instances_policy;
    const overrides: Config[] = mixed?.launch_template?.override ?? [];
    if (overrides.some((o) => o.launch_template_specification)) unknowable.push("an override launches from another launch template");
    const types = overrides.length ? overrides.map((o) => literal<string>(o.instance_type, "an override's instance_type") ?? templateType) : [templateType];
    const max = literal<number>(group.max_size, "the Auto Scaling group's max_size") ?? 0;
    for (const type of types.filter((t): t is string => t !== undefined)) launches(type, max);
    const distribution = mixed?.instances_distribution ?? {};
    const base = literal<number>(distribution.on_demand_base_capacity ?? 0, "on_demand_base_capacity") ?? 0;
    const onDemandShare = literal<number>(distribution.on_demand_percentage_above_base_capacity ?? 100, "on_demand_percentage_above_base_capacity") ?? 100;
    if (market === "capacity-block") bought("capacity-block", "the launch template's Capacity Block market");
    else {
      if (base > 0) bought("on-demand", `fleet.onDemandBaseCapacity ${base}`);
      if (onDemandShare > 0 && max > base) bought("on-demand", `fleet.spotPercentage ${100 - onDemandShare} (${onDemandShare}% on-demand above the base)`);
      if (onDemandShare < 100 && max > base) bought("spot", `fleet.spotPercentage ${100 - onDemandShare}`);
    }
  } else if (w.computeEnvironment) {
    const resources = configOf(w.computeEnvironment).compute_resources ?? {};
    const maxVcpus = literal<number>(resources.max_vcpus, "the compute environment's max_vcpus") ?? 0;
    const types = (literal<string[]>(resources.instance_type, "the compute environment's instance types") ?? []).filter((t) => !isToken(t));
    for (const type of types) {
      const vcpus = specs.get(type)?.vcpus;
      launches(type, vcpus ? Math.ceil(maxVcpus / vcpus) : 0);
    }
    bought(/SPOT/.test(String(resources.type)) ? "spot" : "on-demand", `the compute environment's type ${resources.type}`);
  } else if (w.karpenterManifests) {
    // Karpenter launches what its NodePool allows: its instance types, up to its GPU limit, of its capacity types. Applied
    // by Terraform, the NodePool is its kubernetes_manifest's, after any override.
    const nodePool: Config = w.karpenterResources ? configOf(w.karpenterResources.nodePool).manifest : w.karpenterManifests.nodePool;
    const requirements: Config[] = literal(nodePool?.spec?.template?.spec?.requirements, "the NodePool's requirements") ?? [];
    const values = (key: string): string[] =>
      (literal<string[]>(requirements.find((r) => r?.key === key)?.values, `the NodePool's ${key} values`) ?? []).filter((v) => !isToken(v));
    const rawLimit = nodePool?.spec?.limits?.["nvidia.com/gpu"];
    const gpuLimit = Number(literal(rawLimit, "the NodePool's nvidia.com/gpu limit") ?? NaN);
    // Without a limit Karpenter may launch without end: nothing bounds the worst case.
    if (!isToken(rawLimit) && !Number.isFinite(gpuLimit)) unknowable.push("the NodePool has no nvidia.com/gpu limit, so its most nodes cannot be judged");
    const max = Number.isFinite(gpuLimit) ? Math.floor(gpuLimit / Math.max(w.decision.gpuCount, 1)) : 0;
    for (const type of values("node.kubernetes.io/instance-type")) launches(type, max);
    for (const capacityType of values("karpenter.sh/capacity-type"))
      bought(capacityType === "spot" ? "spot" : "on-demand", `the NodePool's karpenter.sh/capacity-type ${capacityType}`);
  } else if (w.nodeGroup) {
    const group = configOf(w.nodeGroup);
    const scaling = (Array.isArray(group.scaling_config) ? group.scaling_config[0] : group.scaling_config) ?? {};
    const max = literal<number>(scaling.max_size, "the node group's max_size") ?? 0;
    // Without instance_types the group launches the template's type (a Capacity Block's).
    const listed = group.instance_types === undefined ? [templateType] : (literal<string[]>(group.instance_types, "the node group's instance_types") ?? []);
    for (const type of listed.filter((t): t is string => t !== undefined && !isToken(t))) launches(type, max);
    const capacityType = String(group.capacity_type ?? "ON_DEMAND");
    bought(
      capacityType === "SPOT" ? "spot" : capacityType === "CAPACITY_BLOCK" ? "capacity-block" : "on-demand",
      `the node group's capacity_type ${capacityType}`,
    );
  } else {
    let instances = 0;
    let usdPerHour = 0;
    for (const instance of w.instances ?? []) {
      const c = configOf(instance);
      const type = c.instance_type === undefined ? templateType : literal<string>(c.instance_type, "an instance's instance_type");
      const count = literal<number>(c.count ?? 1, "an instance's count") ?? 1;
      if (type === undefined) continue;
      groups.push({ type, count });
      instances += count;
      usdPerHour += count * price(type);
      marketPurchase(c.instance_market_options?.market_type ?? market, "the instances' market");
    }
    const dearest = groups.reduce((a, b) => (price(b.type) > price(a.type) ? b : a), groups[0] ?? { type: w.decision.instanceType, count: 0 });
    worst = { instances, type: dearest.type, usdPerHour };
  }
  return {
    instanceTypes: [...new Set(groups.map((g) => g.type))],
    maxInstances: worst.instances,
    maxInstanceType: worst.type,
    maxUsdPerHour: worst.usdPerHour,
    maxUsdPerMonth: round2(worst.usdPerHour * HOURS_PER_MONTH),
    purchases: purchases.filter((p, i) => purchases.findIndex((q) => q.option === p.option) === i),
    unknowable: [...new Set(unknowable)],
  };
}
