import {
  EC2Client,
  InstanceTypeInfo,
  paginateDescribeInstanceTypeOfferings,
  paginateDescribeInstanceTypes,
  paginateDescribeSpotPriceHistory,
} from "@aws-sdk/client-ec2";
import { GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";

/** What EC2 reports of one GPU instance type (DescribeInstanceTypes), in the units of the taxonomy. */
export interface Ec2TypeFacts {
  readonly vcpus: number;
  readonly memoryGiB: number;
  readonly cpuArchitecture: string;
  /** Absent when EC2 returns no GpuInfo (it has, for new types, for a while). */
  readonly gpu?: {
    readonly name: string;
    readonly manufacturer: string;
    /** As EC2 reports it: 0 for GPU partitions (g6f). */
    readonly count: number;
    /** Devices of a partitioned GPU (LogicalGpuCount), where EC2 reports it. */
    readonly logicalCount?: number;
    /** Share of one GPU (GpuPartitionSize, 0-1], where EC2 reports it. */
    readonly partitionSize?: number;
    /** Per GPU, as EC2 reports it. */
    readonly memoryMiB: number;
  };
  readonly efaInterfaces: number;
  readonly networkCards: number;
  readonly localNvmeGB: number;
}

/** Everything the refresh read from AWS. */
export interface AwsFacts {
  readonly types: Readonly<Record<string, Ec2TypeFacts>>;
  /** Regions offering each type, among the regions read. */
  readonly offerings: Readonly<Record<string, readonly string[]>>;
  /** [on-demand Linux USD per instance-hour, spot median] per type and offering region; null where none. */
  readonly prices: Readonly<Record<string, Readonly<Record<string, readonly [number | null, number | null]>>>>;
  /** Regions that answered. */
  readonly regionsRead: readonly string[];
  /** Regions that did not (not enabled in the account, no permission), with AWS's message: nothing is known of them. */
  readonly regionsFailed: Readonly<Record<string, string>>;
}

export interface AwsClients {
  readonly ec2: (region: string) => EC2Client;
  /** The Pricing API answers from us-east-1 for every region. */
  readonly pricing: PricingClient;
}

/** EC2 filters take a bounded number of values; the type list is sent in slices of this size. */
const FILTER_SLICE = 100;

/**
 * Reads from the AWS APIs, with the caller's ordinary credentials: DescribeInstanceTypes in every region (types
 * with GpuInfo, plus every type of `families` even without it), DescribeInstanceTypeOfferings and
 * DescribeSpotPriceHistory per region (the price in effect now, per Availability Zone; the estimate is their
 * median), and the Pricing API's GetProducts per type (Linux, shared tenancy, no pre-installed software, capacity
 * "Used", on-demand market, AWS Regions only).
 */
export async function collectAwsFacts(clients: AwsClients, regions: readonly string[], families: readonly string[], now: Date): Promise<AwsFacts> {
  const types: Record<string, Ec2TypeFacts> = {};
  const offerings: Record<string, string[]> = {};
  const spot: Record<string, Record<string, number[]>> = {};
  const regionsRead: string[] = [];
  const regionsFailed: Record<string, string> = {};
  for (const region of regions) {
    try {
      const found = await readRegion(clients.ec2(region), families, now);
      for (const [name, facts] of Object.entries(found.types)) types[name] ??= facts;
      for (const name of found.offered) (offerings[name] ??= []).push(region);
      for (const [name, zonePrices] of Object.entries(found.spot)) (spot[name] ??= {})[region] = zonePrices;
      regionsRead.push(region);
    } catch (error) {
      regionsFailed[region] = error instanceof Error ? error.message : String(error);
    }
  }
  const prices: Record<string, Record<string, [number | null, number | null]>> = {};
  for (const name of Object.keys(types).sort()) {
    const onDemand = await onDemandPrices(clients.pricing, name);
    for (const region of offerings[name] ?? []) {
      const zonePrices = spot[name]?.[region];
      (prices[name] ??= {})[region] = [onDemand[region] ?? null, zonePrices?.length ? median(zonePrices) : null];
    }
  }
  for (const list of Object.values(offerings)) list.sort();
  return { types, offerings, prices, regionsRead, regionsFailed };
}

async function readRegion(ec2: EC2Client, families: readonly string[], now: Date) {
  const types: Record<string, Ec2TypeFacts> = {};
  for await (const page of paginateDescribeInstanceTypes({ client: ec2 }, {})) {
    for (const info of page.InstanceTypes ?? []) {
      const name = info.InstanceType;
      if (name && (info.GpuInfo || families.includes(name.split(".")[0]))) types[name] = toFacts(info);
    }
  }
  const names = Object.keys(types).sort();
  const offered: string[] = [];
  const spot: Record<string, number[]> = {};
  for (let i = 0; i < names.length; i += FILTER_SLICE) {
    const slice = names.slice(i, i + FILTER_SLICE);
    const filter = { LocationType: "region" as const, Filters: [{ Name: "instance-type", Values: slice }] };
    for await (const page of paginateDescribeInstanceTypeOfferings({ client: ec2 }, filter)) {
      for (const o of page.InstanceTypeOfferings ?? []) if (o.InstanceType) offered.push(o.InstanceType);
    }
    // With StartTime = now, EC2 answers the price in effect now, one per zone (newest first).
    const seen = new Set<string>();
    const history = { InstanceTypes: slice as never[], ProductDescriptions: ["Linux/UNIX"], StartTime: now, EndTime: now };
    for await (const page of paginateDescribeSpotPriceHistory({ client: ec2 }, history)) {
      for (const p of page.SpotPriceHistory ?? []) {
        const key = `${p.InstanceType}/${p.AvailabilityZone}`;
        if (!p.InstanceType || !p.SpotPrice || seen.has(key)) continue;
        seen.add(key);
        (spot[p.InstanceType] ??= []).push(Number(p.SpotPrice));
      }
    }
  }
  return { types, offered, spot };
}

function toFacts(info: InstanceTypeInfo): Ec2TypeFacts {
  const gpu = info.GpuInfo?.Gpus?.[0];
  return {
    vcpus: info.VCpuInfo?.DefaultVCpus ?? 0,
    memoryGiB: (info.MemoryInfo?.SizeInMiB ?? 0) / 1024,
    cpuArchitecture: info.ProcessorInfo?.SupportedArchitectures?.includes("arm64") ? "arm64" : "x86_64",
    gpu: gpu && {
      name: gpu.Name ?? "",
      manufacturer: gpu.Manufacturer ?? "",
      count: gpu.Count ?? 0,
      ...(gpu.LogicalGpuCount !== undefined ? { logicalCount: gpu.LogicalGpuCount } : {}),
      ...(gpu.GpuPartitionSize !== undefined ? { partitionSize: gpu.GpuPartitionSize } : {}),
      memoryMiB: gpu.MemoryInfo?.SizeInMiB ?? 0,
    },
    efaInterfaces: info.NetworkInfo?.EfaSupported ? (info.NetworkInfo.EfaInfo?.MaximumEfaInterfaces ?? 0) : 0,
    networkCards: info.NetworkInfo?.MaximumNetworkCards ?? 1,
    localNvmeGB: info.InstanceStorageInfo?.TotalSizeInGB ?? 0,
  };
}

const PRICE_FILTERS = { operatingSystem: "Linux", tenancy: "Shared", preInstalledSw: "NA", capacitystatus: "Used" };

/** On-demand Linux prices of one type in every AWS Region, from the Pricing API's price list documents. */
async function onDemandPrices(pricing: PricingClient, instanceType: string): Promise<Record<string, number>> {
  const prices: Record<string, number> = {};
  let nextToken: string | undefined;
  do {
    const page = await pricing.send(
      new GetProductsCommand({
        ServiceCode: "AmazonEC2",
        Filters: Object.entries({ instanceType, ...PRICE_FILTERS }).map(([Field, Value]) => ({ Type: "TERM_MATCH", Field, Value })),
        NextToken: nextToken,
      }),
    );
    for (const document of (page.PriceList ?? []) as unknown[]) {
      const { attributes = {}, usd } = readProduct(document);
      // Local Zones, Wavelength and Outposts are priced under their own codes; Capacity Block and other markets apart.
      if (attributes.locationType !== "AWS Region" || (attributes.marketoption ?? "OnDemand") !== "OnDemand") continue;
      if (attributes.regionCode && usd > 0) prices[attributes.regionCode] = usd;
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return prices;
}

/** What a price-list document's on-demand term holds, as far as the hourly price goes. */
interface OnDemandTerm {
  readonly priceDimensions?: Record<string, { readonly unit?: string; readonly pricePerUnit?: { readonly USD?: string } } | undefined>;
}

/** A GetProducts price-list document: the product's attributes and its hourly on-demand USD price. */
function readProduct(document: unknown): { attributes?: Record<string, string>; usd: number } {
  // The SDK hands each document over as a JSON string (or a String object wrapping one).
  const product = typeof document === "string" || document instanceof String ? JSON.parse(String(document)) : document;
  const terms: OnDemandTerm[] = Object.values(product?.terms?.OnDemand ?? {});
  const dimensions = terms.flatMap((term) => Object.values(term?.priceDimensions ?? {}));
  return { attributes: product?.product?.attributes, usd: Number(dimensions.find((d) => d?.unit === "Hrs")?.pricePerUnit?.USD) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 1e6) / 1e6;
}
