import { Construct, IConstruct } from "constructs";
import { resolveGpuName } from "../selection/resolve-names";
import { REGION_CODE } from "../taxonomy/schema";
import { rowPriceRegion } from "../taxonomy/pricing";
import { PURCHASE_OPTIONS, PurchaseOption } from "../taxonomy/workload-profile";
import { DEFAULT_TAXONOMY, Taxonomy, TaxonomyExtension, extendTaxonomy } from "../taxonomy/taxonomy";
import { checkOneOf, isDenseList } from "../validation/allowed-values";
import { checkTags } from "../validation/aws-tags";
import { InvalidRequirementError, UnresolvedValueError, inConstruct } from "../validation/errors";
import { checkNumber } from "../validation/numbers";
import { NetworkProps } from "./network";
import { registerPlanFile } from "./private/plan-file";
import { isToken } from "./private/tokens";

/** What an organization allows every workload under a platform. */
export interface GpuPolicy {
  /** GPUs workloads may run on (a filter, not a preference). @default - every GPU */
  readonly allowedGpus?: readonly string[];
  /** Ceiling on any one workload's on-demand USD/hour (all nodes). @default - no ceiling */
  readonly maxUsdPerHourPerWorkload?: number;
  /** Purchase options workloads may use. @default - all of on-demand, spot, capacity-block */
  readonly allowedPurchaseOptions?: readonly PurchaseOption[];
}

/** Settings a GpuPlatform gives every workload below its scope; each is optional. */
export interface GpuPlatformProps {
  /** Region selection checks offerings in. @default - the outer platform's, else the stack's AWS provider region when it is a literal */
  readonly region?: string;
  /** VPC and subnets for workloads that give none. @default - the outer platform's; else every workload must give `network` */
  readonly network?: NetworkProps;
  /** Tags on every resource of every workload, after the outer platform's. @default - none beyond the library's own */
  readonly tags?: Readonly<Record<string, string>>;
  /** What workloads may choose; a nested platform may only tighten its outer platform's. @default - no restriction */
  readonly policy?: GpuPolicy;
  /**
   * Extra instance types, negotiated prices or models. A nested platform may add rows and raise prices,
   * but not lower a price or replace a row of its outer platform (that would loosen the outer policy's ceiling).
   * @default - the outer platform's taxonomy, else the embedded one
   */
  readonly taxonomy?: TaxonomyExtension;
}

/**
 * Settings shared by many workloads and stacks: set once, inherited by every workload below the
 * platform's scope (an App-level platform reaches every stack). A platform nested below another
 * narrows it: tags merge, its policy can only tighten the outer one. A workload is bound by the policy
 * of every platform above it, whichever was created first.
 */
export class GpuPlatform extends Construct {
  /** Platforms by the scope they were added to: lookups walk up the tree, never across siblings. */
  private static readonly byScope = new WeakMap<IConstruct, GpuPlatform>();

  /** The nearest platform above `scope` (a sibling of the scope or of any of its ancestors). */
  static of(scope: IConstruct): GpuPlatform | undefined {
    return GpuPlatform.above(scope).at(-1);
  }

  /** Every platform above `scope`, outermost first. */
  static above(scope: IConstruct): GpuPlatform[] {
    const found: GpuPlatform[] = [];
    for (let current: IConstruct | undefined = scope; current; current = current.node.scope) {
      const platform = GpuPlatform.byScope.get(current);
      if (platform && platform !== scope) found.unshift(platform);
    }
    return found;
  }

  private readonly own: GpuPlatformProps;
  private merged?: { readonly chain: readonly GpuPlatform[]; readonly settings: PlatformSettings };

  /**
   * Adds the platform to `scope`: it applies to every workload under `scope`. Throws when `scope` already has a
   * platform, or when the props are invalid or would widen an outer platform's policy.
   */
  constructor(scope: Construct, id: string, props: GpuPlatformProps = {}) {
    super(scope, id);
    if (GpuPlatform.byScope.has(scope)) {
      throw inConstruct(
        new InvalidRequirementError("scope", scope.node.path, "give each scope at most one GpuPlatform; nest a narrower one deeper"),
        this.node.path,
      );
    }
    try {
      validatePlatformProps(props);
      // GPU names in their canonical spelling, so policies compare by name ("a10g" is "A10G").
      const allowedGpus = props.policy?.allowedGpus?.map((g) => resolveGpuName(DEFAULT_TAXONOMY, g, "policy.allowedGpus"));
      this.own = allowedGpus ? { ...props, policy: { ...props.policy, allowedGpus } } : props;
      // Resolve once now: a platform that widens the one above it fails here, where it is written.
      GpuPlatform.byScope.set(scope, this);
      this.settings();
    } catch (error) {
      GpuPlatform.byScope.delete(scope);
      throw inConstruct(error, this.node.path);
    }
    registerPlanFile(this);
  }

  /** Region workloads below choose for, the nearest platform's that sets one. */
  get region(): string | undefined {
    return this.settings().region;
  }
  /** VPC and subnets for workloads that give none, the nearest platform's that sets one. */
  get network(): NetworkProps | undefined {
    return this.settings().network;
  }
  /** Tags of every platform from the outermost in. */
  get tags(): Readonly<Record<string, string>> {
    return this.settings().tags;
  }
  /** The policy of every platform above and including this one: the tightest of them. */
  get policy(): GpuPolicy {
    return this.settings().policy;
  }
  /** What workloads below choose from: the embedded taxonomy with every platform's extension, outermost first. */
  get taxonomy(): Taxonomy {
    return this.settings().taxonomy;
  }

  /** This platform's settings merged with every platform above it, as the tree stands now. */
  settings(): PlatformSettings {
    const chain = [...GpuPlatform.above(this), this];
    if (!this.merged || this.merged.chain.length !== chain.length || this.merged.chain.some((p, i) => p !== chain[i])) {
      this.merged = { chain, settings: mergeChain(chain) };
    }
    return this.merged.settings;
  }

  /** @internal */
  get ownProps(): GpuPlatformProps {
    return this.own;
  }

  /**
   * What a workload at `scope` is bound by: the settings of the given platform (else the nearest above),
   * under the policy of every platform above the workload as well. A platform of another App is refused.
   */
  static settingsFor(scope: IConstruct, given?: GpuPlatform): PlatformSettings {
    if (given !== undefined && (!(given instanceof GpuPlatform) || given.node.root !== scope.node.root)) {
      throw new InvalidRequirementError(
        "platform",
        given instanceof GpuPlatform ? given.node.path : given,
        "give a GpuPlatform of the same App as the workload",
      );
    }
    const nearest = GpuPlatform.of(scope);
    const settings = (given ?? nearest)?.settings() ?? EMPTY;
    if (!given || !nearest || given === nearest) return settings;
    const policy = intersectPolicies(settings.policy, nearest.settings().policy);
    for (const key of ["allowedGpus", "allowedPurchaseOptions"] as const) {
      if (policy[key]?.length === 0) {
        throw new InvalidRequirementError(
          "platform",
          given.node.path,
          `its policy and that of ${nearest.node.path} above the workload have no ${key} in common`,
        );
      }
    }
    return { ...settings, policy };
  }
}

/** What a chain of platforms amounts to. */
export interface PlatformSettings {
  /** The nearest platform's region, if any sets one. */
  readonly region?: string;
  /** The nearest platform's network, if any sets one. */
  readonly network?: NetworkProps;
  /** Tags of every platform, the nearest winning on a shared key. */
  readonly tags: Readonly<Record<string, string>>;
  /** The tightest of every platform's policy. */
  readonly policy: GpuPolicy;
  /** The embedded taxonomy with every platform's extension applied, outermost first. */
  readonly taxonomy: Taxonomy;
}

const EMPTY: PlatformSettings = { tags: {}, policy: {}, taxonomy: DEFAULT_TAXONOMY };

/** Merges platforms outermost first: nearest region and network win, tags merge, policies tighten, taxonomies extend. */
function mergeChain(chain: readonly GpuPlatform[]): PlatformSettings {
  return chain.reduce<PlatformSettings>((outer, platform, depth) => {
    const own = platform.ownProps;
    if (depth > 0 && own.taxonomy) checkNestedTaxonomy(own.taxonomy, outer.taxonomy, platform.node.path);
    return {
      region: own.region ?? outer.region,
      network: own.network ?? outer.network,
      tags: { ...outer.tags, ...own.tags },
      policy: narrowPolicy(outer.policy, own.policy ?? {}, platform.node.path),
      taxonomy: own.taxonomy ? extendTaxonomy(own.taxonomy, outer.taxonomy) : outer.taxonomy,
    };
  }, EMPTY);
}

/** The policy both allow: allowed sets intersect, the lower ceiling wins. */
function intersectPolicies(a: GpuPolicy, b: GpuPolicy): GpuPolicy {
  const both = <T>(x?: readonly T[], y?: readonly T[]) => (x && y ? x.filter((v) => y.includes(v)) : (x ?? y));
  const maxes = [a.maxUsdPerHourPerWorkload, b.maxUsdPerHourPerWorkload].filter((m): m is number => m !== undefined);
  return {
    allowedGpus: both(a.allowedGpus, b.allowedGpus),
    allowedPurchaseOptions: both(a.allowedPurchaseOptions, b.allowedPurchaseOptions),
    maxUsdPerHourPerWorkload: maxes.length ? Math.min(...maxes) : undefined,
  };
}

/** The inner policy may only tighten the outer one. */
function narrowPolicy(outer: GpuPolicy, inner: GpuPolicy, path: string): GpuPolicy {
  const widens = (property: string, value: unknown) =>
    new InvalidRequirementError(`${path}: policy.${property}`, value, "a nested platform may only narrow its outer platform's policy");
  if (outer.allowedGpus && inner.allowedGpus?.some((g) => !outer.allowedGpus!.includes(g))) throw widens("allowedGpus", inner.allowedGpus);
  if (outer.allowedPurchaseOptions && inner.allowedPurchaseOptions?.some((p) => !outer.allowedPurchaseOptions!.includes(p))) {
    throw widens("allowedPurchaseOptions", inner.allowedPurchaseOptions);
  }
  const outerMax = outer.maxUsdPerHourPerWorkload;
  const innerMax = inner.maxUsdPerHourPerWorkload;
  if (outerMax !== undefined && innerMax !== undefined && innerMax > outerMax) throw widens("maxUsdPerHourPerWorkload", innerMax);
  return intersectPolicies(outer, inner);
}

/** A nested platform's taxonomy may add rows and raise prices; lowering a price or replacing a row would loosen the outer policy. */
function checkNestedTaxonomy(extension: TaxonomyExtension, outer: Taxonomy, path: string): void {
  const outerRows = new Map(outer.instanceTypes.map((t) => [t.instanceType, t]));
  extension.instanceTypes?.forEach((row, i) => {
    if (outerRows.has(row.instanceType)) {
      throw new InvalidRequirementError(
        `${path}: taxonomy.instanceTypes[${i}]`,
        row.instanceType,
        "a nested platform may add instance types but not replace its outer platform's",
      );
    }
  });
  for (const [name, price] of Object.entries(extension.usdPerInstanceHour ?? {})) {
    // An override is the price in every region: it may lower none of the outer platform's regional prices.
    const row = outerRows.get(name);
    const outerPrices: [string, number | undefined][] = row
      ? [
          [rowPriceRegion(row), row.usdPerInstanceHour],
          ...Object.entries(row.regionalPrices ?? {}).map(([region, p]) => [region, p.usdPerInstanceHour] as [string, number | undefined]),
        ]
      : [];
    const undercut = outerPrices
      .filter((entry): entry is [string, number] => entry[1] !== undefined && price < entry[1])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (undercut) {
      throw new InvalidRequirementError(
        `${path}: taxonomy.usdPerInstanceHour[${JSON.stringify(name)}]`,
        price,
        `a nested platform may not lower a price its outer platform's policy is measured with ($${undercut[1]}/h in ${undercut[0]}, the price that applies there); set negotiated prices on the outermost platform`,
      );
    }
  }
}

function validatePlatformProps(props: GpuPlatformProps): void {
  if (props === null || typeof props !== "object") throw new InvalidRequirementError("props", props, "give an object");
  if (isToken(props.region)) throw new UnresolvedValueError("region", "it decides which instance types are offered, at synth");
  if (props.region !== undefined && (typeof props.region !== "string" || !REGION_CODE.test(props.region))) {
    throw new InvalidRequirementError("region", props.region, "use an AWS region code such as us-east-1");
  }
  checkTags("tags", props.tags, isToken);
  const policy = props.policy ?? {};
  if (isToken(policy.maxUsdPerHourPerWorkload))
    throw new UnresolvedValueError("policy.maxUsdPerHourPerWorkload", "every workload's choice is checked against it at synth");
  checkNumber("policy.maxUsdPerHourPerWorkload", policy.maxUsdPerHourPerWorkload, { above: 0, max: 1_000_000, unit: "USD per hour" });
  if (policy.allowedGpus !== undefined) {
    if (!isDenseList(policy.allowedGpus) || policy.allowedGpus.length === 0)
      throw new InvalidRequirementError("policy.allowedGpus", policy.allowedGpus, "allow at least one GPU");
  }
  if (policy.allowedPurchaseOptions !== undefined) {
    if (!isDenseList(policy.allowedPurchaseOptions) || policy.allowedPurchaseOptions.length === 0) {
      throw new InvalidRequirementError("policy.allowedPurchaseOptions", policy.allowedPurchaseOptions, `allow at least one of ${PURCHASE_OPTIONS.join(", ")}`);
    }
    policy.allowedPurchaseOptions.forEach((p, i) => checkOneOf(`policy.allowedPurchaseOptions[${i}]`, p, PURCHASE_OPTIONS));
  }
}
