import { Source } from "../../lib/taxonomy/source";
import { Taxonomy } from "../../lib/taxonomy/taxonomy";
import { AwsFacts } from "./aws-facts";

/** What lib/taxonomy/data/instance-offerings.ts holds: the regions offering each type, their day and their sources. */
export interface OfferingsFile {
  readonly offerings: Readonly<Record<string, readonly string[]>>;
  readonly asOf: string;
  readonly sources: readonly Source[];
}

/** The AWS API a refresh reads the offerings from, read on `asOf`. */
export function awsOfferingSources(asOf: string): Source[] {
  return [
    {
      title: "Amazon EC2 DescribeInstanceTypeOfferings (LocationType region), read by npm run refresh-taxonomy: the regions offering each type",
      url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceTypeOfferings.html",
      asOf,
    },
  ];
}

/**
 * The text of lib/taxonomy/data/instance-offerings.ts from what EC2 reported: each table type's regions among those
 * read, and, for every region not read, what the previous file said. A region read that no longer offers a type loses
 * it: a type is never chosen where EC2 would refuse it.
 */
export function renderInstanceOfferings(taxonomy: Taxonomy, facts: AwsFacts, previous: OfferingsFile, today: string): string {
  const read = new Set(facts.regionsRead);
  let kept = false;
  const entries = taxonomy.instanceTypes.map(({ instanceType }) => {
    const old = (previous.offerings[instanceType] ?? []).filter((r) => !read.has(r));
    kept ||= old.length > 0;
    const regions = [...new Set([...(facts.offerings[instanceType] ?? []), ...old])].sort();
    return regions.length ? `  ${JSON.stringify(instanceType)}: [${regions.map((r) => JSON.stringify(r)).join(", ")}],` : undefined;
  });
  const asOf = kept && previous.asOf < today ? previous.asOf : today;
  const sources = [...(kept ? previous.sources : []), ...awsOfferingSources(today)];
  return [
    'import type { Source } from "../source";',
    "",
    "/**",
    ' * The regions that offer each instance type of the table: EC2 DescribeInstanceTypeOfferings (LocationType "region"),',
    ` * written by \`npm run refresh-taxonomy\` on ${today}. A type is chosen only in a region listed here, and \`terraform plan\``,
    " * checks the region again against EC2's own answer.",
    ` * Regions read: ${facts.regionsRead.join(", ") || "none"}.${kept ? ` Regions not read keep the previous file's entries (as of ${previous.asOf}).` : ""}`,
    " */",
    `export const INSTANCE_OFFERINGS_AS_OF = ${JSON.stringify(asOf)};`,
    "",
    "/** Where the offerings below were read: every row cites these. */",
    "export const INSTANCE_OFFERINGS_SOURCES: readonly Source[] = [",
    ...sources.map((s) => `  { title: ${JSON.stringify(s.title)}, url: ${JSON.stringify(s.url)}, asOf: ${JSON.stringify(s.asOf)} },`),
    "];",
    "",
    "/** Regions offering each instance type, sorted. */",
    "export const INSTANCE_OFFERINGS: Readonly<Record<string, readonly string[]>> = {",
    ...entries.filter((line): line is string => line !== undefined),
    "};",
    "",
  ].join("\n");
}
