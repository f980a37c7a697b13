import { ownValue } from "../validation/allowed-values";

/**
 * Every commercial AWS region (partition "aws"): its code and the approximate latitude and longitude of its
 * metro, so an error can list other regions nearest first.
 * Sources: botocore's endpoints.json (boto/botocore, botocore/data/endpoints.json, tag 1.43.67, commit
 * 0e6e2404, 2026-08-07) for the 34 codes; the coordinates are those of each region's metro (approximate),
 * as of 2026-11-29.
 */
interface AwsRegion {
  readonly latitude: number;
  readonly longitude: number;
}

const AWS_REGIONS: Readonly<Record<string, AwsRegion>> = {
  "us-east-1": { latitude: 39.0, longitude: -77.5 },
  "us-east-2": { latitude: 40.0, longitude: -83.0 },
  "us-west-1": { latitude: 37.4, longitude: -122.0 },
  "us-west-2": { latitude: 45.8, longitude: -119.7 },
  "ca-central-1": { latitude: 45.5, longitude: -73.6 },
  "ca-west-1": { latitude: 51.0, longitude: -114.1 },
  "mx-central-1": { latitude: 20.6, longitude: -100.4 },
  "sa-east-1": { latitude: -23.5, longitude: -46.6 },
  "eu-west-1": { latitude: 53.3, longitude: -6.3 },
  "eu-west-2": { latitude: 51.5, longitude: -0.1 },
  "eu-west-3": { latitude: 48.9, longitude: 2.4 },
  "eu-central-1": { latitude: 50.1, longitude: 8.7 },
  "eu-central-2": { latitude: 47.4, longitude: 8.5 },
  "eu-north-1": { latitude: 59.3, longitude: 18.1 },
  "eu-south-1": { latitude: 45.5, longitude: 9.2 },
  "eu-south-2": { latitude: 41.6, longitude: -0.9 },
  "il-central-1": { latitude: 32.1, longitude: 34.8 },
  "me-south-1": { latitude: 26.2, longitude: 50.6 },
  "me-central-1": { latitude: 25.2, longitude: 55.3 },
  "af-south-1": { latitude: -33.9, longitude: 18.4 },
  "ap-south-1": { latitude: 19.1, longitude: 72.9 },
  "ap-south-2": { latitude: 17.4, longitude: 78.5 },
  "ap-southeast-1": { latitude: 1.3, longitude: 103.8 },
  "ap-southeast-2": { latitude: -33.9, longitude: 151.2 },
  "ap-southeast-3": { latitude: -6.2, longitude: 106.8 },
  "ap-southeast-4": { latitude: -37.8, longitude: 145.0 },
  "ap-southeast-5": { latitude: 3.1, longitude: 101.7 },
  "ap-southeast-6": { latitude: -36.8, longitude: 174.8 },
  "ap-southeast-7": { latitude: 13.8, longitude: 100.5 },
  "ap-east-1": { latitude: 22.3, longitude: 114.2 },
  "ap-east-2": { latitude: 25.0, longitude: 121.6 },
  "ap-northeast-1": { latitude: 35.7, longitude: 139.7 },
  "ap-northeast-2": { latitude: 37.6, longitude: 127.0 },
  "ap-northeast-3": { latitude: 34.7, longitude: 135.5 },
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
