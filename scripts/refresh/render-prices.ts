import { RegionalOffer } from "../../lib/taxonomy/data/regional-prices";
import { Taxonomy } from "../../lib/taxonomy/taxonomy";
import { AwsFacts } from "./aws-facts";

/**
 * The text of lib/taxonomy/data/regional-prices.ts from what AWS reported: every table type's on-demand price and
 * spot estimate in each region read that offers it. Regions that could not be read keep the previous file's
 * entries, so a refresh from an account without an opt-in region never drops that region's prices.
 */
export function renderRegionalPrices(
  taxonomy: Taxonomy,
  facts: AwsFacts,
  previous: Readonly<Record<string, Readonly<Record<string, RegionalOffer>>>>,
  asOf: string,
): string {
  const kept = Object.keys(facts.regionsFailed);
  const entries = taxonomy.instanceTypes.map(({ instanceType }) => {
    const offers: Record<string, RegionalOffer> = { ...(facts.prices[instanceType] ?? {}) };
    for (const region of kept) {
      const old = previous[instanceType]?.[region];
      if (old) offers[region] = old;
    }
    const regions = Object.keys(offers).sort();
    if (regions.length === 0) return undefined;
    return `  ${JSON.stringify(instanceType)}: { ${regions.map((r) => `${JSON.stringify(r)}: [${offers[r].map(String).join(", ")}]`).join(", ")} },`;
  });
  return [
    "/**",
    " * On-demand Linux prices and spot estimates per region, for every instance type of the table, written by",
    ` * \`npm run refresh-taxonomy\` on ${asOf} from the AWS APIs: the Price List API (GetProducts: Linux, shared tenancy,`,
    " * no pre-installed software, capacity \"Used\", on-demand market, AWS Regions), DescribeInstanceTypeOfferings and",
    " * DescribeSpotPriceHistory (the price in effect per Availability Zone; the spot estimate is their median).",
    " * Each entry is [on-demand USD per instance-hour, spot estimate]; null where AWS has none.",
    ` * Regions read: ${facts.regionsRead.join(", ") || "none"}.`,
    ...(kept.length ? [` * Not read, entries kept from the previous file: ${kept.join(", ")}.`] : []),
    " */",
    `export const REGIONAL_PRICES_AS_OF = ${JSON.stringify(asOf)};`,
    "",
    "/** [on-demand USD per instance-hour, spot estimate USD per instance-hour], null where unknown. */",
    "export type RegionalOffer = readonly [number | null, number | null];",
    "",
    "export const REGIONAL_OFFERS: Readonly<Record<string, Readonly<Record<string, RegionalOffer>>>> = {",
    ...entries.filter((line): line is string => line !== undefined),
    "};",
    "",
  ].join("\n");
}
