import { describe, expect, it } from "vitest";
import { isMetadataHostName, nonPublicKind } from "@/lib/http/non-public-address";

/** [address, kind] for every range outgoing requests refuse, at its edges, in IPv4 and IPv6 spellings. */
const REFUSED: [string, string][] = [
  // unspecified / "this network"
  ["0.0.0.0", "unspecified"],
  ["0.255.255.255", "unspecified"],
  ["::", "unspecified"],
  ["0:0:0:0:0:0:0:0", "unspecified"],
  // loopback
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  // private
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.0.1", "private"],
  ["192.168.255.255", "private"],
  ["fc00::1", "private"],
  ["fd12:3456:789a::1", "private"],
  ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "private"],
  ["fec0::1", "private"],
  // link-local, cloud metadata included
  ["169.254.0.1", "link-local"],
  ["169.254.169.254", "link-local"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["febf:ffff::1", "link-local"],
  // carrier-grade NAT
  ["100.64.0.1", "shared"],
  ["100.127.255.255", "shared"],
  // multicast
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["ff02::1", "multicast"],
  ["ff05::1:3", "multicast"],
  // reserved and broadcast
  ["240.0.0.1", "reserved"],
  ["255.255.255.255", "reserved"],
  ["192.0.0.8", "reserved"],
  ["198.18.0.1", "reserved"],
  // IPv4-mapped IPv6, dotted and hex
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["0:0:0:0:0:ffff:7f00:1", "loopback"],
  ["::ffff:10.0.0.1", "private"],
  ["::ffff:a00:1", "private"],
  ["::ffff:169.254.169.254", "link-local"],
  ["::ffff:a9fe:a9fe", "link-local"],
  ["::ffff:192.168.1.1", "private"],
  ["::ffff:172.16.0.1", "private"],
  ["::ffff:100.64.0.1", "shared"],
  ["::ffff:0.0.0.0", "unspecified"],
  ["::ffff:224.0.0.1", "multicast"],
  // IPv4-translated, IPv4-compatible, NAT64 and 6to4 forms
  ["::ffff:0:127.0.0.1", "loopback"],
  ["::127.0.0.1", "loopback"],
  ["::10.0.0.1", "private"],
  ["64:ff9b::127.0.0.1", "loopback"],
  ["64:ff9b::a9fe:a9fe", "link-local"],
  ["2002:7f00:1::", "loopback"],
  ["2002:c0a8:101::1", "private"],
];

const PUBLIC = [
  "1.1.1.1",
  "8.8.8.8",
  "93.184.215.14",
  "9.255.255.255",
  "11.0.0.1",
  "172.15.255.255",
  "172.32.0.1",
  "192.167.255.255",
  "192.169.0.1",
  "169.253.255.255",
  "169.255.0.1",
  "100.63.255.255",
  "100.128.0.1",
  "126.255.255.255",
  "128.0.0.1",
  "223.255.255.255",
  "2606:4700:4700::1111",
  "2001:4860:4860::8888",
  "::ffff:8.8.8.8",
  "::ffff:808:808",
  "64:ff9b::8.8.8.8",
  "2002:808:808::1",
  "fbff::1",
  "fe00::1",
];

describe("nonPublicKind", () => {
  it.each(REFUSED)("refuses %s (%s)", (address, kind) => {
    expect(nonPublicKind(address)).toBe(kind);
  });

  it.each(PUBLIC)("lets %s through", (address) => {
    expect(nonPublicKind(address)).toBeNull();
  });

  it.each(["", "localhost", "example.com", "256.0.0.1", "1.2.3", "[::1]", "::ffff:999.0.0.1"])(
    "calls %j invalid: not an IP address",
    (text) => {
      expect(nonPublicKind(text)).toBe("invalid");
    },
  );
});

describe("isMetadataHostName", () => {
  it.each([
    "metadata.google.internal",
    "METADATA.Google.Internal",
    "metadata.google.internal.",
    "metadata",
  ])("names a metadata service: %s", (host) => {
    expect(isMetadataHostName(host)).toBe(true);
  });

  it.each(["metadata.example.com", "google.internal", "example.com"])(
    "does not name one: %s",
    (host) => {
      expect(isMetadataHostName(host)).toBe(false);
    },
  );
});
