import { cidrContains, isPrivateCidr, parseCidr, PRIVATE_RANGES, shortRanges } from "../../lib/validation/cidr";

describe("parseCidr: what AWS and Terraform accept, nothing else", () => {
  test.each([
    ["10.0.0.0/16", 4, 16, "10.0.0.0/16"],
    ["0.0.0.0/0", 4, 0, "0.0.0.0/0"],
    ["10.0.0.1/16", 4, 16, "10.0.0.0/16"],
    ["255.255.255.255/32", 4, 32, "255.255.255.255/32"],
    ["fd00::/8", 6, 8, "fd00::/8"],
    ["2001:DB8:0:0:0:0:0:0/32", 6, 32, "2001:db8::/32"],
    ["::/0", 6, 0, "::/0"],
    ["::ffff:10.0.0.0/104", 6, 104, "::ffff:a00:0/104"],
    ["fe80::1:0:0:1/64", 6, 64, "fe80::/64"],
  ])("%s parses", (text, version, prefix, network) => {
    expect(parseCidr(text)).toMatchObject({ version, prefix, network });
  });

  test.each([
    "0.0.0.0/00",
    "10.0.0.0/99",
    "10.0.0.0/33",
    "999.1.1.1/16",
    "256.0.0.0/8",
    "010.0.0.0/8",
    "10.0.0/8",
    "10.0.0.0.0/8",
    "10.0.0.0",
    "10.0.0.0/",
    "10.0.0.0/8/8",
    " 10.0.0.0/8",
    "10.0.0.0/+8",
    "10.0.0.0/-1",
    "10.0.0.0/0x8",
    "fd00::/129",
    "fd00:::/8",
    "fd00::1::/8",
    "1:2:3:4:5:6:7:8:9/64",
    "12345::/16",
    "fd00::g/64",
    "1.2.3.4::/64",
    "",
    "${var.cidr}",
  ])("%j is refused", (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe("private address space", () => {
  test.each([
    ["10.0.0.0/8", true],
    ["10.20.0.0/16", true],
    ["172.16.0.0/12", true],
    ["172.31.255.0/24", true],
    ["172.32.0.0/16", false],
    ["192.168.1.0/24", true],
    ["100.64.0.0/10", true],
    ["198.19.0.0/16", true],
    ["0.0.0.0/1", false],
    ["128.0.0.0/1", false],
    ["8.8.8.0/24", false],
    ["10.0.0.0/7", false],
    ["fd12:3456::/48", true],
    ["2001:db8::/32", false],
    ["::/0", false],
  ])("%s private: %s", (text, expected) => {
    expect(isPrivateCidr(parseCidr(text)!)).toBe(expected);
  });

  test("messages write the ranges short: trailing zero octets dropped, IPv6 as parsed", () => {
    expect(shortRanges(PRIVATE_RANGES)).toBe("10/8, 172.16/12, 192.168/16, 100.64/10, 198.19/16, fc00::/7");
    expect(shortRanges(["10.200.0.0/16", "1.2.3.0/24"].map((c) => parseCidr(c)!))).toBe("10.200/16, 1.2.3/24");
  });

  test("containment needs the same family and a longer prefix", () => {
    expect(cidrContains(parseCidr("10.0.0.0/8")!, parseCidr("10.1.0.0/16")!)).toBe(true);
    expect(cidrContains(parseCidr("10.1.0.0/16")!, parseCidr("10.0.0.0/8")!)).toBe(false);
    expect(cidrContains(parseCidr("::/0")!, parseCidr("10.0.0.0/8")!)).toBe(false);
  });
});
