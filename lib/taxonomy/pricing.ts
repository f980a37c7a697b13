import { InstanceTypeSpec } from "./instance-type";
import { ownValue } from "../validation/allowed-values";

/** Where prices are quoted when a workload's region is not known: AWS's reference region. */
export const REFERENCE_REGION = "us-east-1";

/** What one instance of a type costs in a region, and where that figure comes from. */
export interface InstancePrice {
  /** The region the prices are for. */
  readonly region: string;
  /** On-demand Linux USD per instance-hour; null where no public price is known. */
  readonly usdPerInstanceHour: number | null;
  /** Spot estimate, USD per instance-hour, or null where none is known. */
  readonly spotUsdPerInstanceHour: number | null;
  /** True when the table has no price for `region` and the reference region's is quoted instead. */
  readonly fromReferenceRegion: boolean;
}

/** The price of one instance of `spec` in `region` (the reference region when none is given). */
export function instancePrice(spec: InstanceTypeSpec, region: string = REFERENCE_REGION): InstancePrice {
  const regional = spec.regionalPrices ? ownValue(spec.regionalPrices, region) : undefined;
  const onDemand = regional?.usdPerInstanceHour ?? (region === REFERENCE_REGION ? spec.usdPerInstanceHour : undefined);
  const spot = regional ? regional.spotUsdPerInstanceHour : region === REFERENCE_REGION ? (spec.spotUsdPerInstanceHour ?? null) : null;
  return {
    region,
    usdPerInstanceHour: onDemand ?? spec.usdPerInstanceHour ?? null,
    spotUsdPerInstanceHour: spot,
    fromReferenceRegion: onDemand === undefined,
  };
}
