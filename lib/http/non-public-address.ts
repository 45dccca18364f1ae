import { isIPv4, isIPv6 } from "node:net";

/** Why an address is not a public internet host: outgoing requests refuse these (lib/http/outbound-fetch.ts). */
export type NonPublicKind =
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "shared"
  | "multicast"
  | "reserved"
  | "invalid";

/** Host names that reach a cloud's instance metadata service whatever they resolve to. */
const METADATA_HOST_NAMES = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
]);

/** A host name (lower-cased, no trailing dot) that names a metadata service. */
export function isMetadataHostName(hostname: string): boolean {
  return METADATA_HOST_NAMES.has(hostname.toLowerCase().replace(/\.$/, ""));
}

/** IPv4 ranges as [first octets as a 32-bit number, prefix length, kind]; the first match decides. */
const IPV4_RANGES: readonly [string, number, NonPublicKind][] = [
  ["0.0.0.0", 8, "unspecified"], // "this network", 0.0.0.0 included
  ["127.0.0.0", 8, "loopback"],
  ["10.0.0.0", 8, "private"],
  ["172.16.0.0", 12, "private"],
  ["192.168.0.0", 16, "private"],
  ["169.254.0.0", 16, "link-local"], // 169.254.169.254 is the metadata service of AWS, GCP and Azure
  ["100.64.0.0", 10, "shared"], // carrier-grade NAT
  ["192.0.0.0", 24, "reserved"], // IETF protocol assignments
  ["198.18.0.0", 15, "reserved"], // benchmarking
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"], // 255.255.255.255 broadcast included
];

function ipv4Number(address: string): number {
  return address.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
}

const ipv4Ranges = IPV4_RANGES.map(([base, prefix, kind]) => ({
  base: ipv4Number(base),
  size: 2 ** (32 - prefix),
  kind,
}));

function ipv4Kind(value: number): NonPublicKind | null {
  for (const range of ipv4Ranges) {
    if (value - (value % range.size) === range.base) return range.kind;
  }
  return null;
}

/** The eight 16-bit groups of a valid IPv6 address (zone id dropped, an IPv4 tail turned into two groups). */
function ipv6Groups(address: string): number[] {
  let text = address.replace(/%.*$/, "");
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = ipv4Number(tail[1]!);
    text = `${text.slice(0, -tail[1]!.length)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const first = parse(head);
  if (rest === undefined) return first;
  const last = parse(rest);
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}

const v4Of = (high: number, low: number) => high * 65536 + low;

function ipv6Kind(groups: number[]): NonPublicKind | null {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zeroTo = (end: number) => groups.slice(0, end).every((g) => g === 0);
  if (zeroTo(8)) return "unspecified";
  if (zeroTo(7) && g7 === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms reach
  // the IPv4 address inside them.
  if (zeroTo(5) && g5 === 0xffff) return ipv4Kind(v4Of(g6, g7));
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return ipv4Kind(v4Of(g6, g7));
  if (zeroTo(6)) return ipv4Kind(v4Of(g6, g7));
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they carry.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return ipv4Kind(v4Of(g6, g7));
  if (g0 === 0x2002) return ipv4Kind(v4Of(g1, g2));
  if ((g0 & 0xfe00) === 0xfc00) return "private"; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return "link-local"; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return "private"; // site-local fec0::/10, deprecated
  if ((g0 & 0xff00) === 0xff00) return "multicast"; // ff00::/8
  return null;
}

/**
 * What keeps an IP address (as dns.lookup returns it, or a URL's bracket-less literal) from being a public internet
 * host, or null when it is one. Anything that is not an IP address is `invalid`.
 */
export function nonPublicKind(address: string): NonPublicKind | null {
  if (isIPv4(address)) return ipv4Kind(ipv4Number(address));
  if (isIPv6(address)) return ipv6Kind(ipv6Groups(address));
  return "invalid";
}
