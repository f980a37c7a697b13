/**
 * The commercial regions the taxonomy records offerings for, with the approximate latitude and
 * longitude of each region's metro, so an error can list other regions nearest first.
 * Source: AWS Regions and Availability Zones (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html), as of 2026-11-27.
 */
export const REGION_LOCATIONS: Readonly<Record<string, readonly [number, number]>> = {
  "us-east-1": [38.9, -77.4], // N. Virginia
  "us-east-2": [40.0, -83.0], // Ohio
  "us-west-1": [37.4, -122.0], // N. California
  "us-west-2": [45.6, -121.2], // Oregon
  "ca-central-1": [45.5, -73.6], // Montreal
  "sa-east-1": [-23.5, -46.6], // São Paulo
  "eu-central-1": [50.1, 8.7], // Frankfurt
  "eu-west-1": [53.3, -6.3], // Ireland
  "eu-west-2": [51.5, -0.1], // London
  "eu-west-3": [48.9, 2.4], // Paris
  "eu-north-1": [59.3, 18.1], // Stockholm
  "ap-northeast-1": [35.7, 139.7], // Tokyo
  "ap-northeast-2": [37.6, 127.0], // Seoul
  "ap-south-1": [19.1, 72.9], // Mumbai
  "ap-southeast-1": [1.3, 103.8], // Singapore
  "ap-southeast-2": [-33.9, 151.2], // Sydney
};

export const KNOWN_REGIONS: readonly string[] = Object.keys(REGION_LOCATIONS);

/** Regions ordered by great-circle distance from `from` (unknown regions keep table order). */
export function regionsNearestFirst(from: string, regions: readonly string[]): string[] {
  const origin = REGION_LOCATIONS[from];
  if (!origin) return [...regions];
  const distance = (r: string) => {
    const to = REGION_LOCATIONS[r];
    return to ? haversineKm(origin, to) : Number.MAX_VALUE;
  };
  return [...regions].sort((a, b) => distance(a) - distance(b) || (a < b ? -1 : 1));
}

function haversineKm([lat1, lon1]: readonly [number, number], [lat2, lon2]: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
