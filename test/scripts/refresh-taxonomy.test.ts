import { DescribeInstanceTypeOfferingsCommand, DescribeInstanceTypesCommand, DescribeSpotPriceHistoryCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";
import { mockClient } from "aws-sdk-client-mock";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import * as vm from "vm";
import { REGIONAL_OFFERS, REGIONAL_PRICES_SOURCES } from "../../lib/taxonomy/data/regional-prices";
import { INSTANCE_OFFERINGS, INSTANCE_OFFERINGS_SOURCES } from "../../lib/taxonomy/data/instance-offerings";
import { DEFAULT_TAXONOMY } from "../../lib/taxonomy/taxonomy";
import { AwsClients, collectAwsFacts } from "../../scripts/refresh/aws-facts";
import { awsPriceSources, renderRegionalPrices } from "../../scripts/refresh/render-prices";
import { parseRefreshArgs, refreshTaxonomy } from "../../scripts/refresh-taxonomy";

/** AWS answers in the SDK's shapes (see the fixture's "about" for where each figure comes from). */
const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "aws-api-responses.json"), "utf8"));
const NOW = new Date("2026-11-29T12:00:00Z");
const REGIONS = ["us-east-1", "us-west-2", "me-central-1"];

const ec2 = mockClient(EC2Client);
const pricing = mockClient(PricingClient);
const clients: AwsClients = {
  ec2: (region) => new EC2Client({ region, credentials: { accessKeyId: "x", secretAccessKey: "x" } }),
  pricing: new PricingClient({ region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } }),
};

/** A written prices file, compiled and run: what lib/taxonomy would import from it. */
function loadPricesFile(text: string): Record<string, any> {
  const compiled = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS }, reportDiagnostics: true });
  expect(compiled.diagnostics).toEqual([]);
  const module = { exports: {} as any };
  vm.runInNewContext(compiled.outputText, { module, exports: module.exports });
  return module.exports;
}

/** Answers as the region the client was made for would, paging where the recording pages. */
function inRegion(answer: (region: string, input: any) => any) {
  return async (input: any, getClient: () => EC2Client) => {
    const region = await getClient().config.region();
    const failure = recorded.regionErrors[region];
    if (failure) throw Object.assign(new Error(failure.message), { name: failure.name });
    return answer(region, input);
  };
}

beforeEach(() => {
  ec2.reset();
  pricing.reset();
  ec2.on(DescribeInstanceTypesCommand).callsFake(
    inRegion((region, input) => {
      const pages = recorded.describeInstanceTypes[region] ?? [{ InstanceTypes: [] }];
      return pages[input.NextToken === "page-2" ? 1 : 0];
    }),
  );
  ec2.on(DescribeInstanceTypeOfferingsCommand).callsFake(
    inRegion((region, input) => ({
      InstanceTypeOfferings: (recorded.describeInstanceTypeOfferings[region] ?? [])
        .filter((t: string) => input.Filters[0].Values.includes(t))
        .map((InstanceType: string) => ({ InstanceType, LocationType: "region", Location: region })),
    })),
  );
  ec2.on(DescribeSpotPriceHistoryCommand).callsFake(
    inRegion((region, input) => ({
      SpotPriceHistory: (recorded.describeSpotPriceHistory[region] ?? []).filter((p: any) => input.InstanceTypes.includes(p.InstanceType)),
    })),
  );
  pricing.on(GetProductsCommand).callsFake((input) => {
    const type = input.Filters.find((f: any) => f.Field === "instanceType").Value;
    const pages = recorded.getProducts[type] ?? [{ PriceList: [] }];
    return pages[input.NextToken === "more" ? 1 : 0];
  });
});

describe("collecting AWS's answers", () => {
  test("GPU types with their quirks as EC2 reports them; types without GpuInfo kept for the table's families; other types left out", async () => {
    const facts = await collectAwsFacts(clients, REGIONS, ["g7"], NOW);
    expect(Object.keys(facts.types).sort()).toEqual([
      "g4ad.xlarge",
      "g5.xlarge",
      "g6f.large",
      "g7.2xlarge",
      "p5.4xlarge",
      "p6-b300.48xlarge",
      "p6e-gb200.36xlarge",
    ]);
    expect(facts.types["g6f.large"].gpu).toEqual({ name: "L4", manufacturer: "NVIDIA", count: 0, logicalCount: 1, partitionSize: 0.125, memoryMiB: 2861 });
    expect(facts.types["g7.2xlarge"].gpu).toBeUndefined();
    expect(facts.types["p6-b300.48xlarge"]).toMatchObject({ efaInterfaces: 16, networkCards: 17, vcpus: 192, memoryGiB: 4096 });
    expect(facts.types["g5.xlarge"]).toMatchObject({ efaInterfaces: 0, networkCards: 1, localNvmeGB: 250, cpuArchitecture: "x86_64" });
    expect(facts.types["p6e-gb200.36xlarge"].cpuArchitecture).toBe("arm64");
  });

  test("on-demand prices per AWS Region only (no Local Zone, no Capacity Block market), spot as the median of each zone's price now", async () => {
    const facts = await collectAwsFacts(clients, REGIONS, [], NOW);
    // Zones a (newest 0.43; the older 0.50 ignored), b 0.44, c 0.45.
    expect(facts.prices["g5.xlarge"]).toEqual({ "us-east-1": [1.006, 0.44], "us-west-2": [1.006, 0.4857] });
    expect(facts.prices["g6f.large"]).toEqual({ "us-east-1": [0.19, 0.065] });
    expect(facts.prices["p5.4xlarge"]).toEqual({ "us-east-1": [6.88, null] });
    expect(facts.offerings["g7.2xlarge"]).toBeUndefined();
  });

  test("a region that refuses (not enabled in the account) is named with AWS's message, and the others are still read", async () => {
    const facts = await collectAwsFacts(clients, REGIONS, [], NOW);
    expect(facts.regionsRead).toEqual(["us-east-1", "us-west-2"]);
    expect(facts.regionsFailed).toEqual({ "me-central-1": expect.stringContaining("not subscribed") });
    expect(facts.prices["g5.xlarge"]["me-central-1"]).toBeUndefined();
  });

  test("the spot request asks for the price in effect now, Linux only, for the types found", async () => {
    await collectAwsFacts(clients, ["us-west-2"], [], NOW);
    const [call] = ec2.commandCalls(DescribeSpotPriceHistoryCommand);
    expect(call.args[0].input).toMatchObject({
      StartTime: NOW,
      EndTime: NOW,
      ProductDescriptions: ["Linux/UNIX"],
      InstanceTypes: ["g5.xlarge", "p6-b300.48xlarge"],
    });
  });
});

describe("npm run refresh-taxonomy", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "refresh-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the diff names new families, other vendors, missing GpuInfo, the Count-0 answer and moved prices, and leaves truthful quirks alone", async () => {
    const { diff, report } = await refreshTaxonomy({ regions: REGIONS, families: [], now: NOW }, clients);
    expect(diff.added.map((a) => a.instanceType)).toEqual(["p6e-gb200.36xlarge"]);
    expect(diff.otherVendors).toEqual(["g4ad.xlarge"]);
    const specs = diff.specs.map((s) => `${s.instanceType} ${s.field}: ${JSON.stringify(s.table)} -> ${JSON.stringify(s.aws)}`);
    expect(specs).toContain('g7.2xlarge gpuInfo: "present" -> "missing (EC2 returned no GpuInfo)"');
    expect(specs).toContain("p5.4xlarge gpuCount: 1 -> 0");
    expect(specs).toContain("g6f.large usdPerInstanceHour: 0.202 -> 0.19");
    // g6f.large's Count 0 with LogicalGpuCount 1 and its 1/8 share are what the row says: no entry.
    expect(specs.filter((s) => s.startsWith("g6f.large") && !s.includes("usdPerInstanceHour") && !s.includes("regions"))).toEqual([]);
    expect(specs.filter((s) => s.startsWith("p6-b300.48xlarge") && !s.includes("regions"))).toEqual([]);
    expect(diff.prices).toContainEqual({ instanceType: "g6f.large", region: "us-east-1", table: 0.202, aws: 0.19 });
    expect(diff.prices.find((p) => p.instanceType === "g5.xlarge")).toBeUndefined();
    // The table lists g4dn in both regions read; AWS answered no g4dn at all here.
    expect(diff.removed).toContain("g4dn.xlarge");
    expect(report).toMatch(/^regions read \(2\): us-east-1 us-west-2\n {2}! me-central-1 not read \(its table prices are kept\): You are not subscribed/);
    expect(report).toContain(
      "  + p6e-gb200.36xlarge: 4x B200 189471 MiB each, 144 vCPU, 960 GiB, arm64, EFA 16/17 cards, offered in 1 regions read, us-east-1 no price",
    );
    expect(report).toContain("  $ g6f.large us-east-1: 0.202 -> 0.19");
    expect(report).toMatch(/dry run: nothing written$/);
  });

  test("writes a prices file that compiles, carries its as-of date, holds AWS's answers, and keeps the entries of regions not read", async () => {
    const out = path.join(dir, "regional-prices.ts");
    const { report } = await refreshTaxonomy({ regions: REGIONS, families: [], now: NOW, out }, clients);
    expect(report).toContain(`wrote ${out}`);
    const text = fs.readFileSync(out, "utf8");
    const written = loadPricesFile(text);
    expect(written.REGIONAL_PRICES_AS_OF).toBe("2026-11-29");
    // us-east-1 and us-west-2 as AWS answered; every other region (me-central-1 refused, the rest not asked for) as it was.
    expect(written.REGIONAL_OFFERS["g5.xlarge"]).toEqual({ ...REGIONAL_OFFERS["g5.xlarge"], "us-east-1": [1.006, 0.44], "us-west-2": [1.006, 0.4857] });
    const notRead = (table: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(
        Object.entries(table).map(([type, offers]) => [
          type,
          Object.fromEntries(Object.entries(offers).filter(([r]) => r !== "us-east-1" && r !== "us-west-2")),
        ]),
      );
    expect(notRead(written.REGIONAL_OFFERS)).toEqual(notRead(REGIONAL_OFFERS));
    expect(written.REGIONAL_OFFERS["p6-b300.48xlarge"]).toEqual({ "us-west-2": [142.416, 33.4308] });
    // Only rows of the table: a new family waits for its hand-written row.
    expect(written.REGIONAL_OFFERS["p6e-gb200.36xlarge"]).toBeUndefined();
    // It cites what it read, dated, and (entries kept) the previous file's sources.
    expect(written.REGIONAL_PRICES_SOURCES).toEqual([
      ...REGIONAL_PRICES_SOURCES,
      expect.objectContaining({ url: "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html", asOf: "2026-11-29" }),
      expect.objectContaining({ url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSpotPriceHistory.html", asOf: "2026-11-29" }),
    ]);
    expect(text).toContain("Regions read: us-east-1, us-west-2.");
    expect(text).toMatch(/Not read, entries kept from the previous file \(as of 2026-11-29\): af-south-1, .*\bme-central-1, .*us-west-1\./);
  });

  test("writes the offerings beside the prices: the regions read as EC2 answered (a region that stopped offering a type drops it), the others kept", async () => {
    const out = path.join(dir, "regional-prices.ts");
    const { report } = await refreshTaxonomy({ regions: REGIONS, families: [], now: NOW, out }, clients);
    const file = path.join(dir, "instance-offerings.ts");
    expect(report).toContain(`wrote ${out} and ${file}`);
    const written = loadPricesFile(fs.readFileSync(file, "utf8"));
    const answered = (region: string) => recorded.describeInstanceTypeOfferings[region] as string[];
    for (const [type, regions] of Object.entries<string[]>(written.INSTANCE_OFFERINGS)) {
      const kept = (INSTANCE_OFFERINGS[type] ?? []).filter((r) => r !== "us-east-1" && r !== "us-west-2");
      const read = ["us-east-1", "us-west-2"].filter((r) => answered(r).includes(type));
      expect({ type, regions }).toEqual({ type, regions: [...new Set([...read, ...kept])].sort() });
    }
    // g4dn.xlarge: the table offers it in us-east-1, and the recorded us-east-1 answer does not list it: gone from there.
    expect(INSTANCE_OFFERINGS["g4dn.xlarge"]).toContain("us-east-1");
    expect(written.INSTANCE_OFFERINGS["g4dn.xlarge"]).not.toContain("us-east-1");
    expect(written.INSTANCE_OFFERINGS_SOURCES).toEqual([
      ...INSTANCE_OFFERINGS_SOURCES,
      expect.objectContaining({ url: expect.stringContaining("API_DescribeInstanceTypeOfferings"), asOf: "2026-11-29" }),
    ]);
  });

  test("a refresh of some regions (--regions us-east-1) keeps every other region's prices, and does not re-date them", async () => {
    const later = new Date("2026-12-15T12:00:00Z");
    const written = loadPricesFile((await refreshTaxonomy({ regions: ["us-east-1"], families: [], now: later }, clients)).fileText);
    expect(written.REGIONAL_OFFERS["g5.xlarge"]).toEqual({ ...REGIONAL_OFFERS["g5.xlarge"], "us-east-1": [1.006, 0.44] });
    expect(written.REGIONAL_OFFERS["p6-b300.48xlarge"]).toEqual(REGIONAL_OFFERS["p6-b300.48xlarge"]);
    // The oldest figure in the file is still the previous file's: its day stands, and its sources stay cited beside today's.
    expect(written.REGIONAL_PRICES_AS_OF).toBe("2026-11-29");
    expect(written.REGIONAL_PRICES_SOURCES).toEqual([...REGIONAL_PRICES_SOURCES, ...awsPriceSources("2026-12-15")]);
  });

  test("when every region of the previous file is read, the file carries today's date and only today's sources", async () => {
    const later = new Date("2026-12-15T12:00:00Z");
    const facts = await collectAwsFacts(clients, ["us-east-1", "us-west-2"], [], later);
    const previous = {
      offers: { "g5.xlarge": { "us-west-2": [9, 9] as const } },
      asOf: "2026-11-01",
      sources: [{ title: "old", url: "https://example.com/old", asOf: "2026-11-01" }],
    };
    const written = loadPricesFile(renderRegionalPrices(DEFAULT_TAXONOMY, facts, previous, "2026-12-15"));
    expect(written.REGIONAL_OFFERS["g5.xlarge"]).toEqual({ "us-east-1": [1.006, 0.44], "us-west-2": [1.006, 0.4857] });
    expect(written.REGIONAL_PRICES_AS_OF).toBe("2026-12-15");
    expect(written.REGIONAL_PRICES_SOURCES).toEqual(awsPriceSources("2026-12-15"));
  });

  test("the same answers write the same bytes", async () => {
    const a = (await refreshTaxonomy({ regions: REGIONS, families: [], now: NOW }, clients)).fileText;
    const b = (await refreshTaxonomy({ regions: REGIONS, families: [], now: NOW }, clients)).fileText;
    expect(a).toBe(b);
  });

  test("when no region answers, it fails naming each region's reason and writes nothing", async () => {
    const out = path.join(dir, "regional-prices.ts");
    await expect(refreshTaxonomy({ regions: ["me-central-1"], families: [], now: NOW, out }, clients)).rejects.toThrow(
      /no region answered; nothing written\.\n {2}me-central-1: You are not subscribed/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test("arguments are read strictly", () => {
    expect(parseRefreshArgs(["--regions", "us-east-1,us-west-2", "--families", "p6e-gb200", "--dry-run"], NOW)).toEqual({
      regions: ["us-east-1", "us-west-2"],
      families: ["p6e-gb200"],
      out: undefined,
      now: NOW,
    });
    expect(parseRefreshArgs([], NOW).out).toBe(path.join("lib", "taxonomy", "data", "regional-prices.ts"));
    expect(() => parseRefreshArgs(["--regions", "us-gov-west-1"], NOW)).toThrow(/--regions has us-gov-west-1, not a commercial AWS region; known: us-east-1/);
    expect(() => parseRefreshArgs(["--out"], NOW)).toThrow(/--out needs a value/);
    expect(() => parseRefreshArgs(["--region", "us-east-1"], NOW)).toThrow(/unknown argument "--region"\. usage: refresh-taxonomy/);
    expect(() => parseRefreshArgs(["--families", "G7;rm"], NOW)).toThrow(/--families has "G7;rm"; a family is written like "g7e"/);
  });
});

test("the embedded prices file is what the refresh writes: it round-trips through the renderer unchanged in form", async () => {
  // Every entry of the committed file has the renderer's shape, so a refresh's diff of the file shows only AWS's changes.
  const text = fs.readFileSync(path.join(__dirname, "..", "..", "lib", "taxonomy", "data", "regional-prices.ts"), "utf8");
  const entries = text.split("\n").filter((line) => line.startsWith('  "'));
  expect(entries.length).toBe(Object.keys(REGIONAL_OFFERS).length);
  for (const line of entries) expect(line).toMatch(/^ {2}"[a-z0-9.-]+": \{ ("[a-z0-9-]+": \[(null|[0-9.]+), (null|[0-9.]+)\](, )?)+ \},$/);
});
