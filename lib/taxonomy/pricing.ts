import { InstanceTypeSpec } from "./instance-type";
import { ownValue } from "../validation/allowed-values";

/** Where prices are quoted when a workload's region is not known: AWS's reference region. */
export const REFERENCE_REGION = "us-east-1";

/** The region whose prices the row's own fields are: its priceRegion, else the reference region. */
export function rowPriceRegion(spec: InstanceTypeSpec): string {
  return spec.priceRegion ?? REFERENCE_REGION;
}

/** What one instance of a type costs in a region, and where that figure comes from. */
export interface InstancePrice {
  /** The region the prices are for. */
  readonly region: string;
  /** On-demand Linux USD per instance-hour; null where no public price is known. */
  readonly usdPerInstanceHour: number | null;
  /** Spot estimate, USD per instance-hour, or null where none is known. */
  readonly spotUsdPerInstanceHour: number | null;
  /**
   * True when the table has no price for `region` and the row's own price is quoted instead: the reference region's,
   * or for a type not sold there, its price region's ({@link rowPriceRegion}).
   */
  readonly fromReferenceRegion: boolean;
}

/**
 * The price of one instance of `spec` in `region` (the reference region when none is given). The row's own price
 * is `region`'s only where `region` is the row's price region: a type not sold in us-east-1 has no us-east-1 price.
 */
export function instancePrice(spec: InstanceTypeSpec, region: string = REFERENCE_REGION): InstancePrice {
  const regional = spec.regionalPrices ? ownValue(spec.regionalPrices, region) : undefined;
  const rowPricedHere = region === rowPriceRegion(spec);
  const onDemand = regional?.usdPerInstanceHour ?? (rowPricedHere ? spec.usdPerInstanceHour : undefined);
  const spot = regional ? regional.spotUsdPerInstanceHour : rowPricedHere ? (spec.spotUsdPerInstanceHour ?? null) : null;
  return {
    region,
    usdPerInstanceHour: onDemand ?? spec.usdPerInstanceHour ?? null,
    spotUsdPerInstanceHour: spot,
    fromReferenceRegion: onDemand === undefined,
  };
}
