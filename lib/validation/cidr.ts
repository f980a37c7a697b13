/** An IPv4 or IPv6 CIDR block, parsed. */
export interface Cidr {
  readonly version: 4 | 6;
  /** The address as a number of 32 or 128 bits. */
  readonly address: bigint;
  readonly prefix: number;
  /** The canonical text: the network address (host bits cleared) and the prefix. */
  readonly network: string;
}

const IPV4_OCTET = /^(0|[1-9]\d{0,2})$/;
const PREFIX = /^(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Parses "10.0.0.0/16" or "fd00::/8"; undefined for anything else ("10.0.0.0/99", "0.0.0.0/00", "999.1.1.1/16"). */
export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== "string") return undefined;
  const slash = text.indexOf("/");
  if (slash < 0 || text.indexOf("/", slash + 1) >= 0) return undefined;
  const [ip, prefixText] = [text.slice(0, slash), text.slice(slash + 1)];
  if (!PREFIX.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const v4 = parseIpv4(ip);
  if (v4 !== undefined) return prefix <= 32 ? withNetwork(4, v4, prefix) : undefined;
  const v6 = parseIpv6(ip);
  return v6 !== undefined && prefix <= 128 ? withNetwork(6, v6, prefix) : undefined;
}

/** True when every address of `inner` lies in `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.version !== inner.version || inner.prefix < outer.prefix) return false;
  const bits = BigInt(outer.version === 4 ? 32 : 128);
  const shift = bits - BigInt(outer.prefix);
  return outer.address >> shift === inner.address >> shift;
}

/**
 * Address space a VPC's own clients use: RFC 1918, the RFC 6598 shared space (100.64.0.0/10) and
 * 198.19.0.0/16, which the VPC guide lists as VPC ranges; IPv6 unique local addresses (RFC 4193).
 * Everything else is public: reachable from, or assigned on, the internet (VPC IPv6 blocks are public too).
 * Source: Amazon VPC User Guide, "VPC CIDR blocks" (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html), as of 2026-11-29.
 */
export const PRIVATE_RANGES: readonly Cidr[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "198.19.0.0/16", "fc00::/7"].map((c) =>
  parseCidr(c)!,
);

export function isPrivateCidr(cidr: Cidr): boolean {
  return PRIVATE_RANGES.some((range) => cidrContains(range, cidr));
}

/** Ranges as messages write them, trailing zero octets dropped: "10/8, 172.16/12, fc00::/7". */
export function shortRanges(ranges: readonly Cidr[]): string {
  return ranges.map((r) => (r.version === 4 ? r.network.replace(/(\.0)+\//, "/") : r.network)).join(", ");
}

function withNetwork(version: 4 | 6, address: bigint, prefix: number): Cidr {
  const bits = version === 4 ? 32n : 128n;
  const hostBits = bits - BigInt(prefix);
  const network = (address >> hostBits) << hostBits;
  return { version, address, prefix, network: `${version === 4 ? formatIpv4(network) : formatIpv6(network)}/${prefix}` };
}

function parseIpv4(ip: string): bigint | undefined {
  const octets = ip.split(".");
  if (octets.length !== 4 || !octets.every((o) => IPV4_OCTET.test(o) && Number(o) <= 255)) return undefined;
  return octets.reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
}

function parseIpv6(ip: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(ip)) return undefined;
  const halves = ip.split("::");
  if (halves.length > 2) return undefined;
  const groups = (part: string): string[] | undefined => {
    if (part === "") return [];
    const list = part.split(":");
    const last = list[list.length - 1];
    if (last.includes(".")) {
      const v4 = parseIpv4(last);
      if (v4 === undefined) return undefined;
      list.splice(list.length - 1, 1, ((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16));
    }
    return list.every((g) => HEX_GROUP.test(g)) ? list : undefined;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  // An embedded IPv4 address may only end the address.
  if (halves.length === 2 && halves[0].includes(".")) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function formatIpv4(address: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 0xffn)).join(".");
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups as "::". */
function formatIpv6(address: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((address >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}
