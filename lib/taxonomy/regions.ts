import { ownValue } from "../validation/allowed-values";

/**
 * Every commercial AWS region (partition "aws"): its code, the name AWS gives it, and the approximate
 * latitude and longitude of its metro, so an error can list other regions nearest first.
 * Sources: botocore's endpoints.json (boto/botocore, botocore/data/endpoints.json, tag 1.43.67, commit
 * 0e6e2404, 2026-08-07) for the 34 codes and names; AWS Account Management, "Enable or disable Regions"
 * for opt-in (regions launched after 2019-03-20 must be enabled per account; Osaka is not opt-in); the
 * coordinates are those of each region's metro (approximate), as of 2026-11-29.
 */
export interface AwsRegion {
  /** As AWS writes it, e.g. "Middle East (UAE)". */
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Must be enabled in an account before use. */
  readonly optIn: boolean;
}

export const AWS_REGIONS: Readonly<Record<string, AwsRegion>> = {
  "us-east-1": { name: "US East (N. Virginia)", latitude: 39.0, longitude: -77.5, optIn: false },
  "us-east-2": { name: "US East (Ohio)", latitude: 40.0, longitude: -83.0, optIn: false },
  "us-west-1": { name: "US West (N. California)", latitude: 37.4, longitude: -122.0, optIn: false },
  "us-west-2": { name: "US West (Oregon)", latitude: 45.8, longitude: -119.7, optIn: false },
  "ca-central-1": { name: "Canada (Central)", latitude: 45.5, longitude: -73.6, optIn: false },
  "ca-west-1": { name: "Canada West (Calgary)", latitude: 51.0, longitude: -114.1, optIn: true },
  "mx-central-1": { name: "Mexico (Central)", latitude: 20.6, longitude: -100.4, optIn: true },
  "sa-east-1": { name: "South America (Sao Paulo)", latitude: -23.5, longitude: -46.6, optIn: false },
  "eu-west-1": { name: "Europe (Ireland)", latitude: 53.3, longitude: -6.3, optIn: false },
  "eu-west-2": { name: "Europe (London)", latitude: 51.5, longitude: -0.1, optIn: false },
  "eu-west-3": { name: "Europe (Paris)", latitude: 48.9, longitude: 2.4, optIn: false },
  "eu-central-1": { name: "Europe (Frankfurt)", latitude: 50.1, longitude: 8.7, optIn: false },
  "eu-central-2": { name: "Europe (Zurich)", latitude: 47.4, longitude: 8.5, optIn: true },
  "eu-north-1": { name: "Europe (Stockholm)", latitude: 59.3, longitude: 18.1, optIn: false },
  "eu-south-1": { name: "Europe (Milan)", latitude: 45.5, longitude: 9.2, optIn: true },
  "eu-south-2": { name: "Europe (Spain)", latitude: 41.6, longitude: -0.9, optIn: true },
  "il-central-1": { name: "Israel (Tel Aviv)", latitude: 32.1, longitude: 34.8, optIn: true },
  "me-south-1": { name: "Middle East (Bahrain)", latitude: 26.2, longitude: 50.6, optIn: true },
  "me-central-1": { name: "Middle East (UAE)", latitude: 25.2, longitude: 55.3, optIn: true },
  "af-south-1": { name: "Africa (Cape Town)", latitude: -33.9, longitude: 18.4, optIn: true },
  "ap-south-1": { name: "Asia Pacific (Mumbai)", latitude: 19.1, longitude: 72.9, optIn: false },
  "ap-south-2": { name: "Asia Pacific (Hyderabad)", latitude: 17.4, longitude: 78.5, optIn: true },
  "ap-southeast-1": { name: "Asia Pacific (Singapore)", latitude: 1.3, longitude: 103.8, optIn: false },
  "ap-southeast-2": { name: "Asia Pacific (Sydney)", latitude: -33.9, longitude: 151.2, optIn: false },
  "ap-southeast-3": { name: "Asia Pacific (Jakarta)", latitude: -6.2, longitude: 106.8, optIn: true },
  "ap-southeast-4": { name: "Asia Pacific (Melbourne)", latitude: -37.8, longitude: 145.0, optIn: true },
  "ap-southeast-5": { name: "Asia Pacific (Malaysia)", latitude: 3.1, longitude: 101.7, optIn: true },
  "ap-southeast-6": { name: "Asia Pacific (New Zealand)", latitude: -36.8, longitude: 174.8, optIn: true },
  "ap-southeast-7": { name: "Asia Pacific (Thailand)", latitude: 13.8, longitude: 100.5, optIn: true },
  "ap-east-1": { name: "Asia Pacific (Hong Kong)", latitude: 22.3, longitude: 114.2, optIn: true },
  "ap-east-2": { name: "Asia Pacific (Taipei)", latitude: 25.0, longitude: 121.6, optIn: true },
  "ap-northeast-1": { name: "Asia Pacific (Tokyo)", latitude: 35.7, longitude: 139.7, optIn: false },
  "ap-northeast-2": { name: "Asia Pacific (Seoul)", latitude: 37.6, longitude: 127.0, optIn: false },
  "ap-northeast-3": { name: "Asia Pacific (Osaka)", latitude: 34.7, longitude: 135.5, optIn: false },
};

export const KNOWN_REGIONS: readonly string[] = Object.keys(AWS_REGIONS);

/**
 * Regions of the other partitions (GovCloud, China, and the isolated ones). The library synthesizes ARNs of
 * the "aws" partition and has no prices for these, so they are refused with a message that says so.
 * Source: the same endpoints.json.
 */
export const OTHER_PARTITION_REGION = /^(us-gov-|cn-|us-iso|eu-iso|eusc-)/;

/** Regions ordered by great-circle distance from `from` (unknown regions keep table order). */
export function regionsNearestFirst(from: string, regions: readonly string[]): string[] {
  const origin = ownValue(AWS_REGIONS, from);
  if (!origin) return [...regions];
  const distance = (r: string) => {
    const to = ownValue(AWS_REGIONS, r);
    return to ? haversineKm(origin, to) : Number.MAX_VALUE;
  };
  return [...regions].sort((a, b) => distance(a) - distance(b) || (a < b ? -1 : 1));
}

function haversineKm(a: AwsRegion, b: AwsRegion): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
