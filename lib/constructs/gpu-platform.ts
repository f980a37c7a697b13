import { Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { InvalidRequirementError } from "../selection/errors";
import { PurchaseOption } from "../taxonomy/workload-profile";
import { DEFAULT_TAXONOMY, Taxonomy, TaxonomyExtension, extendTaxonomy } from "../taxonomy/taxonomy";
import { NetworkProps } from "./network";

/** What an organization allows every workload under a platform. */
export interface GpuPolicy {
  /** GPUs workloads may run on (a filter, not a preference). @default - every GPU */
  readonly allowedGpus?: readonly string[];
  /** Ceiling on any one workload's on-demand USD/hour (all nodes). @default - no ceiling */
  readonly maxUsdPerHourPerWorkload?: number;
  /** Purchase options workloads may use. @default - all of on-demand, spot, capacity-block */
  readonly allowedPurchaseOptions?: readonly PurchaseOption[];
}

export interface GpuPlatformProps {
  /** Region selection checks offerings in. @default - the stack's AWS provider region, when it is a literal */
  readonly region?: string;
  /** VPC and subnets for workloads that give none. @default - every workload must give `network` */
  readonly network?: NetworkProps;
  /** Tags on every resource of every workload. @default - none beyond the library's own */
  readonly tags?: Readonly<Record<string, string>>;
  /** What workloads may choose. @default - no restriction */
  readonly policy?: GpuPolicy;
  /** Extra instance types, negotiated prices or models. @default - the embedded taxonomy */
  readonly taxonomy?: TaxonomyExtension;
}

/**
 * Settings shared by many workloads and stacks: set once, inherited by every workload below the
 * platform's scope (an App-level platform reaches every stack). A platform nested below another
 * narrows it: tags merge, its policy can only tighten the outer one.
 */
export class GpuPlatform extends Construct {
  /** Platforms by the scope they were added to: lookups walk up the tree, never across siblings. */
  private static readonly byScope = new WeakMap<IConstruct, GpuPlatform>();

  /** The nearest platform above `scope` (a sibling of the scope or of any of its ancestors). */
  static of(scope: IConstruct): GpuPlatform | undefined {
    for (let current: IConstruct | undefined = scope; current; current = current.node.scope) {
      const found = GpuPlatform.byScope.get(current);
      if (found && found !== scope) return found;
    }
    return undefined;
  }

  readonly region?: string;
  readonly network?: NetworkProps;
  readonly tags: Readonly<Record<string, string>>;
  readonly policy: GpuPolicy;
  readonly taxonomy: Taxonomy;

  constructor(scope: Construct, id: string, props: GpuPlatformProps = {}) {
    const outer = GpuPlatform.of(scope); // before super(): afterwards this platform would find itself
    super(scope, id);
    if (GpuPlatform.byScope.has(scope)) {
      throw new InvalidRequirementError("scope", scope.node.path, "give each scope at most one GpuPlatform; nest a narrower one deeper");
    }
    validatePolicy(props.policy ?? {});
    this.region = props.region ?? outer?.region;
    this.network = props.network ?? outer?.network;
    this.tags = { ...outer?.tags, ...props.tags };
    this.policy = narrowPolicy(outer?.policy ?? {}, props.policy ?? {});
    this.taxonomy = props.taxonomy ? extendTaxonomy(props.taxonomy, outer?.taxonomy ?? DEFAULT_TAXONOMY) : (outer?.taxonomy ?? DEFAULT_TAXONOMY);
    GpuPlatform.byScope.set(scope, this);
  }
}

function validatePolicy(policy: GpuPolicy): void {
  const max = policy.maxUsdPerHourPerWorkload;
  if (max !== undefined && !Token.isUnresolved(max) && !(max > 0)) {
    throw new InvalidRequirementError("policy.maxUsdPerHourPerWorkload", max, "give a positive number of USD per hour");
  }
  if (policy.allowedGpus?.length === 0) throw new InvalidRequirementError("policy.allowedGpus", [], "allow at least one GPU");
  if (policy.allowedPurchaseOptions?.length === 0) {
    throw new InvalidRequirementError("policy.allowedPurchaseOptions", [], "allow at least one of on-demand, spot, capacity-block");
  }
}

/** The inner policy may only tighten the outer one. */
function narrowPolicy(outer: GpuPolicy, inner: GpuPolicy): GpuPolicy {
  const widens = (property: string, value: unknown) =>
    new InvalidRequirementError(`policy.${property}`, value, "a nested platform may only narrow its outer platform's policy");
  if (outer.allowedGpus && inner.allowedGpus?.some((g) => !outer.allowedGpus!.includes(g))) throw widens("allowedGpus", inner.allowedGpus);
  if (outer.allowedPurchaseOptions && inner.allowedPurchaseOptions?.some((p) => !outer.allowedPurchaseOptions!.includes(p))) {
    throw widens("allowedPurchaseOptions", inner.allowedPurchaseOptions);
  }
  const outerMax = outer.maxUsdPerHourPerWorkload;
  const innerMax = inner.maxUsdPerHourPerWorkload;
  if (outerMax !== undefined && innerMax !== undefined && innerMax > outerMax) throw widens("maxUsdPerHourPerWorkload", innerMax);
  return {
    allowedGpus: inner.allowedGpus ?? outer.allowedGpus,
    allowedPurchaseOptions: inner.allowedPurchaseOptions ?? outer.allowedPurchaseOptions,
    maxUsdPerHourPerWorkload: innerMax ?? outerMax,
  };
}
