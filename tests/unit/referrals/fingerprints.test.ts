import { describe, expect, it } from "vitest";
import { emailAliasKey } from "@/lib/referrals/referral-rules";
import { clientIp, cookieValue, hashFingerprint } from "@/lib/referrals/sightings";

describe("emailAliasKey", () => {
  it("drops the +tag and dots of the local part, lowercases, keeps the domain", () => {
    expect(emailAliasKey("Jane.Doe+promo@Example.com")).toBe("janedoe@example.com");
    expect(emailAliasKey("janedoe@example.com")).toBe("janedoe@example.com");
    expect(emailAliasKey("jane@example.com")).not.toBe(emailAliasKey("jane@example.org"));
    expect(emailAliasKey("j+a+b@x.io")).toBe("j@x.io");
  });
});

describe("request fingerprints", () => {
  it("takes the first X-Forwarded-For address, else X-Real-IP", () => {
    expect(clientIp("203.0.113.7, 10.0.0.1", "10.0.0.2")).toBe("203.0.113.7");
    expect(clientIp(null, " 198.51.100.1 ")).toBe("198.51.100.1");
    expect(clientIp("", null)).toBeNull();
  });

  it("behind n proxies of ours that append, takes the n-th entry from the end (a client cannot put itself first)", () => {
    expect(clientIp("1.2.3.4, 203.0.113.7, 198.51.100.2", null, 2)).toBe("203.0.113.7");
    expect(clientIp("203.0.113.7", null, 1)).toBe("203.0.113.7");
    expect(clientIp("203.0.113.7", null, 3)).toBe("203.0.113.7");
  });

  it("ignores loopback, private and link-local addresses (a local server or load balancer gives them to everyone)", () => {
    for (const ip of [
      "127.0.0.1",
      "::1",
      "::ffff:127.0.0.1",
      "10.1.2.3",
      "172.20.0.5",
      "192.168.1.10",
      "169.254.0.1",
      "fd12:3456::1",
      "fe80::1",
    ]) {
      expect(clientIp(ip, null), ip).toBeNull();
    }
    expect(clientIp("::ffff:203.0.113.9", null)).toBe("203.0.113.9");
    expect(clientIp("172.32.0.1", null)).toBe("172.32.0.1");
    expect(clientIp("2001:db8::1", null)).toBe("2001:db8::1");
  });

  it("reads one cookie from a Cookie header, tolerating bad escapes", () => {
    expect(cookieValue("a=1; subflow_bid=abc; b=2", "subflow_bid")).toBe("abc");
    expect(cookieValue("subflow_bid=%E0%A4%A", "subflow_bid")).toBeNull();
    expect(cookieValue(null, "subflow_bid")).toBeNull();
  });

  it("hashes browser ids and IPs (never the raw value); a malformed browser id is ignored", () => {
    const id = "0b8f3c1e-5d2a-4c6b-9e7f-1a2b3c4d5e6f";
    const hashed = hashFingerprint({ browserId: id, ip: "203.0.113.7" });
    expect(hashed.browserHash).toMatch(/^[\w-]{43}$/);
    expect(hashed.browserHash).not.toContain(id);
    expect(hashed).toEqual(hashFingerprint({ browserId: id, ip: " 203.0.113.7 " }));
    expect(hashed.browserHash).not.toBe(hashFingerprint({ browserId: null, ip: id }).ipHash);
    expect(hashFingerprint({ browserId: "<script>", ip: null })).toEqual({
      browserHash: null,
      ipHash: null,
    });
  });
});
