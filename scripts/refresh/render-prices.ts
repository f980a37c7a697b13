import { RegionalOffer } from "../../lib/taxonomy/data/regional-prices";
import { Source } from "../../lib/taxonomy/source";
import { Taxonomy } from "../../lib/taxonomy/taxonomy";
import { AwsFacts } from "./aws-facts";

/** What lib/taxonomy/data/regional-prices.ts holds: the prices, their day and their sources. */
export interface PricesFile {
  readonly offers: Readonly<Record<string, Readonly<Record<string, RegionalOffer>>>>;
  readonly asOf: string;
  readonly sources: readonly Source[];
}

/** The AWS APIs a refresh reads the prices from, read on `asOf`. */
export function awsPriceSources(asOf: string): Source[] {
  return [
    {
      title: "AWS Price List API GetProducts, read by npm run refresh-taxonomy: on-demand Linux price per instance type and region",
      url: "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html",
      asOf,
    },
    {
      title:
        "Amazon EC2 DescribeInstanceTypeOfferings and DescribeSpotPriceHistory, read by npm run refresh-taxonomy: regions offering each type, spot price per zone",
      url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSpotPriceHistory.html",
      asOf,
    },
  ];
}

/**
 * The text of lib/taxonomy/data/regional-prices.ts from what AWS reported: every table type's on-demand price and
 * spot estimate in each region read that offers it. Entries of every region not read (not asked for, or not
 * answering) are kept as they were, so a refresh of some regions never drops the others' prices. Kept figures are
 * not re-dated: the file's as-of is then the older of the previous file's and today, and it cites the previous
 * file's sources beside AWS's.
 */
export function renderRegionalPrices(taxonomy: Taxonomy, facts: AwsFacts, previous: PricesFile, today: string): string {
  const read = new Set(facts.regionsRead);
  const kept = new Set<string>();
  const entries = taxonomy.instanceTypes.map(({ instanceType }) => {
    const offers: Record<string, RegionalOffer> = { ...(facts.prices[instanceType] ?? {}) };
    for (const [region, old] of Object.entries(previous.offers[instanceType] ?? {})) {
      if (read.has(region)) continue;
      offers[region] = old;
      kept.add(region);
    }
    const regions = Object.keys(offers).sort();
    if (regions.length === 0) return undefined;
    return `  ${JSON.stringify(instanceType)}: { ${regions.map((r) => `${JSON.stringify(r)}: [${offers[r].map(String).join(", ")}]`).join(", ")} },`;
  });
  const asOf = kept.size && previous.asOf < today ? previous.asOf : today;
  const sources = distinctSources([...(kept.size ? previous.sources : []), ...awsPriceSources(today)]);
  return [
    'import type { Source } from "../source";',
    "",
    "/**",
    " * On-demand Linux prices and spot estimates per region, for every instance type of the table, written by",
    ` * \`npm run refresh-taxonomy\` on ${today} from the AWS APIs: the Price List API (GetProducts: Linux, shared tenancy,`,
    ' * no pre-installed software, capacity "Used", on-demand market, AWS Regions), DescribeInstanceTypeOfferings and',
    " * DescribeSpotPriceHistory (the price in effect per Availability Zone; the spot estimate is their median).",
    " * Each entry is [on-demand USD per instance-hour, spot estimate]; null where AWS has none.",
    ` * Regions read: ${facts.regionsRead.join(", ") || "none"}.`,
    ...(kept.size ? [` * Not read, entries kept from the previous file (as of ${previous.asOf}): ${[...kept].sort().join(", ")}.`] : []),
    " * REGIONAL_PRICES_AS_OF is the day the oldest figure below was read.",
    " */",
    `export const REGIONAL_PRICES_AS_OF = ${JSON.stringify(asOf)};`,
    "",
    "/** Where the prices below were read, each with its day: every row that carries them cites these. */",
    "export const REGIONAL_PRICES_SOURCES: readonly Source[] = [",
    ...sources.map((s) => `  { title: ${JSON.stringify(s.title)}, url: ${JSON.stringify(s.url)}, asOf: ${JSON.stringify(s.asOf)} },`),
    "];",
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

/** Each source once: the same page read on the same day is one citation. */
function distinctSources(sources: readonly Source[]): Source[] {
  return sources.filter((s, i) => sources.findIndex((t) => t.url === s.url && t.asOf === s.asOf) === i);
}
