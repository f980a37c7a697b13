import { TerraformResource } from "cdktf";
import { HOURS_PER_MONTH, round2 } from "../../plan/money";
import { instancePrice } from "../../taxonomy/pricing";
import { InstanceTypeSpec } from "../../taxonomy/instance-type";
import { Taxonomy } from "../../taxonomy/taxonomy";
import { PurchaseOption } from "../../taxonomy/workload-profile";
import type { GpuWorkload } from "../gpu-workload";
import { isToken } from "./tokens";
import { engineOfKind } from "./capacity/engines";

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
export type Config = Record<string, any>;

/**
 * Reads a workload's final resources back and keeps what they may launch: each capacity kind's engine reads its own
 * resources (CapacityEngine.readDeployed) through it, and says what it launches and buys.
 */
export class DeployedReader {
  private readonly unknowable: string[] = [];
  private readonly groups: { type: string; count: number }[] = [];
  private readonly purchases: { option: PurchaseOption; by: string }[] = [];
  private readonly specs: Map<string, InstanceTypeSpec>;
  private worst: { instances: number; type: string; usdPerHour: number };
  /** The launch template's instance type, where literal. */
  readonly templateType: string | undefined;
  /** The launch template's market (spot, capacity-block), if any. */
  readonly templateMarket: string | undefined;

  constructor(
    private readonly w: GpuWorkload,
    taxonomy: Taxonomy,
  ) {
    this.specs = new Map(taxonomy.instanceTypes.map((t) => [t.instanceType, t]));
    this.worst = { instances: 0, type: w.decision.instanceType, usdPerHour: 0 };
    const template = this.configOf(w.launchTemplate);
    this.templateType = this.literal<string>(template.instance_type, "the launch template's instance_type");
    this.templateMarket = template.instance_market_options?.market_type;
  }

  /** A resource's attributes as Terraform will read them (snake_case, overrides merged). */
  configOf(resource: TerraformResource): Config {
    const byType = resource.toTerraform().resource as Record<string, Record<string, Config>>;
    return Object.values(Object.values(byType)[0])[0];
  }

  /** `value`, or undefined (and why, among what cannot be judged) when it is a Terraform reference. */
  literal<T>(value: T, what: string): T | undefined {
    if (isToken(value)) {
      this.unknowable.push(`${what} is a Terraform reference, which synth cannot judge`);
      return undefined;
    }
    return value;
  }

  /** Something synth cannot judge, in words. */
  cannotJudge(why: string): void {
    this.unknowable.push(why);
  }

  /** The taxonomy's row of a type, if it has one. */
  spec(type: string): InstanceTypeSpec | undefined {
    return this.specs.get(type);
  }

  /** Up to `count` instances of `type` at once: the dearest such set is the worst case. */
  launches(type: string, count: number): void {
    this.groups.push({ type, count });
    const usdPerHour = count * this.price(type);
    if (usdPerHour > this.worst.usdPerHour || this.worst.instances === 0) this.worst = { instances: count, type, usdPerHour };
  }

  /** Fixed instances, all running at once (a single instance, a cluster's nodes): together they are the worst case. */
  runs(instances: readonly { readonly type: string; readonly count: number }[]): void {
    this.groups.push(...instances);
    const dearest = instances.reduce(
      (a, b) => (this.price(b.type) > this.price(a.type) ? b : a),
      instances[0] ?? { type: this.w.decision.instanceType, count: 0 },
    );
    this.worst = {
      instances: instances.reduce((sum, i) => sum + i.count, 0),
      type: dearest.type,
      usdPerHour: instances.reduce((sum, i) => sum + i.count * this.price(i.type), 0),
    };
  }

  /** What is bought, with the setting that buys it. */
  bought(option: PurchaseOption, by: string): void {
    this.purchases.push({ option, by });
  }

  /** A launch template's or an instance's market type, as what it buys. */
  boughtOnMarket(market: string | undefined, by: string): void {
    this.bought(market === "spot" ? "spot" : market === "capacity-block" ? "capacity-block" : "on-demand", by);
  }

  /** What was read. */
  result(): DeployedCapacity {
    return {
      instanceTypes: [...new Set(this.groups.map((g) => g.type))],
      maxInstances: this.worst.instances,
      maxInstanceType: this.worst.type,
      maxUsdPerHour: this.worst.usdPerHour,
      maxUsdPerMonth: round2(this.worst.usdPerHour * HOURS_PER_MONTH),
      purchases: this.purchases.filter((p, i) => this.purchases.findIndex((q) => q.option === p.option) === i),
      unknowable: [...new Set(this.unknowable)],
    };
  }

  private price(type: string): number {
    const spec = this.specs.get(type);
    const usd = spec && instancePrice(spec, this.w.decision.region).usdPerInstanceHour;
    if (!spec || usd === null || usd === undefined)
      this.unknowable.push(`${type} is not in the taxonomy (or has no price), so its GPU and cost cannot be judged`);
    return usd ?? 0;
  }
}

/** The final resources of `w`, priced with `taxonomy` in the workload's region: read by its capacity kind's engine. */
export function deployedCapacity(w: GpuWorkload, taxonomy: Taxonomy): DeployedCapacity {
  const reader = new DeployedReader(w, taxonomy);
  engineOfKind(w.capacity.kind).readDeployed(w, reader, w.capacityHandles);
  return reader.result();
}
