/**
 * Refreshes the table's regional prices from the AWS APIs and prints what changed, for a maintainer to review:
 *
 *   npm run refresh-taxonomy -- [--regions us-east-1,us-west-2] [--families g7,p6e-gb200] [--out FILE] [--dry-run]
 *
 * Runs with the caller's ordinary AWS credentials (ec2:DescribeInstanceTypes, ec2:DescribeInstanceTypeOfferings,
 * ec2:DescribeSpotPriceHistory, pricing:GetProducts). It rewrites lib/taxonomy/data/regional-prices.ts (or --out)
 * with the prices of the regions read, and instance-offerings.ts beside it with the regions offering each type; regions
 * not read keep their entries and their date. Rows stay hand-written,
 * since every figure in them carries its source: the diff names the types to add, the types gone, and each row
 * field AWS now reports otherwise. Never needed at synth time: the
 * SDK packages are dev dependencies and nothing under lib/ imports them.
 */
import { EC2Client } from "@aws-sdk/client-ec2";
import { PricingClient } from "@aws-sdk/client-pricing";
import * as fs from "fs";
import * as path from "path";
import { REGIONAL_OFFERS, REGIONAL_PRICES_AS_OF, REGIONAL_PRICES_SOURCES } from "../lib/taxonomy/data/regional-prices";
import { KNOWN_REGIONS } from "../lib/taxonomy/regions";
import { DEFAULT_TAXONOMY } from "../lib/taxonomy/taxonomy";
import { AwsClients, collectAwsFacts } from "./refresh/aws-facts";
import { renderRegionalPrices } from "./refresh/render-prices";
import { renderInstanceOfferings } from "./refresh/render-offerings";
import { INSTANCE_OFFERINGS, INSTANCE_OFFERINGS_AS_OF, INSTANCE_OFFERINGS_SOURCES } from "../lib/taxonomy/data/instance-offerings";
import { TaxonomyDiff, diffTaxonomy, formatDiff } from "./refresh/taxonomy-diff";

export const DEFAULT_OUT = path.join("lib", "taxonomy", "data", "regional-prices.ts");
/** The offerings file, written beside the prices file. */
const OFFERINGS_FILE = "instance-offerings.ts";

export interface RefreshOptions {
  readonly regions: readonly string[];
  /** Families read even where EC2 returns no GpuInfo for them. The table's families are always read. */
  readonly families: readonly string[];
  /** Where the prices file is written; undefined for a dry run. */
  readonly out?: string;
  readonly now: Date;
}

export interface RefreshResult {
  readonly diff: TaxonomyDiff;
  readonly report: string;
  readonly fileText: string;
  /** The offerings file's text (instance-offerings.ts, written beside the prices file). */
  readonly offeringsText: string;
}

export async function refreshTaxonomy(options: RefreshOptions, clients: AwsClients): Promise<RefreshResult> {
  const families = [...new Set([...DEFAULT_TAXONOMY.instanceTypes.map((t) => t.family), ...options.families])];
  const facts = await collectAwsFacts(clients, options.regions, families, options.now);
  if (facts.regionsRead.length === 0) {
    throw new Error(
      `refresh-taxonomy: no region answered; nothing written.\n${Object.entries(facts.regionsFailed)
        .map(([r, why]) => `  ${r}: ${why}`)
        .join("\n")}`,
    );
  }
  const diff = diffTaxonomy(DEFAULT_TAXONOMY, facts);
  const previous = { offers: REGIONAL_OFFERS, asOf: REGIONAL_PRICES_AS_OF, sources: REGIONAL_PRICES_SOURCES };
  const today = options.now.toISOString().slice(0, 10);
  const fileText = renderRegionalPrices(DEFAULT_TAXONOMY, facts, previous, today);
  const offeringsText = renderInstanceOfferings(
    DEFAULT_TAXONOMY,
    facts,
    { offerings: INSTANCE_OFFERINGS, asOf: INSTANCE_OFFERINGS_AS_OF, sources: INSTANCE_OFFERINGS_SOURCES },
    today,
  );
  const files = options.out
    ? [
        [options.out, fileText],
        [path.join(path.dirname(options.out), OFFERINGS_FILE), offeringsText],
      ]
    : [];
  for (const [file, text] of files) {
    // Written whole or not at all: a failed write never leaves half a data file.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  }
  const written = files.length ? `wrote ${files.map(([file]) => file).join(" and ")}` : "dry run: nothing written";
  return { diff, report: `${formatDiff(diff, facts)}\n${written}`, fileText, offeringsText };
}

const USAGE = "usage: refresh-taxonomy [--regions r1,r2] [--families f1,f2] [--out FILE] [--dry-run]";

/** The command line, read strictly: an unknown flag or a region outside the commercial partition is an error. */
export function parseRefreshArgs(argv: readonly string[], now: Date): RefreshOptions {
  let regions: readonly string[] = KNOWN_REGIONS;
  let families: readonly string[] = [];
  let out: string | undefined = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`refresh-taxonomy: ${flag} needs a value. ${USAGE}`);
      return v;
    };
    if (flag === "--regions") regions = value().split(",");
    else if (flag === "--families") families = value().split(",");
    else if (flag === "--out") out = value();
    else if (flag === "--dry-run") out = undefined;
    else throw new Error(`refresh-taxonomy: unknown argument "${flag}". ${USAGE}`);
  }
  const unknown = regions.filter((r) => !KNOWN_REGIONS.includes(r));
  if (unknown.length) throw new Error(`refresh-taxonomy: --regions has ${unknown.join(", ")}, not a commercial AWS region; known: ${KNOWN_REGIONS.join(", ")}`);
  const badFamily = families.find((f) => !/^[a-z][a-z0-9-]*$/.test(f));
  if (badFamily !== undefined) throw new Error(`refresh-taxonomy: --families has "${badFamily}"; a family is written like "g7e" or "p6e-gb200"`);
  return { regions, families, out, now };
}

if (require.main === module) {
  const clients: AwsClients = { ec2: (region) => new EC2Client({ region }), pricing: new PricingClient({ region: "us-east-1" }) };
  Promise.resolve()
    .then(() => refreshTaxonomy(parseRefreshArgs(process.argv.slice(2), new Date()), clients))
    .then((result) => console.log(result.report))
    .catch((error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    });
}
