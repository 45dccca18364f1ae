import { describe, expect, it } from "vitest";
import { isAllowedHost, outboundAllowedHostsSchema } from "@/lib/http/outbound-allowed-hosts";

describe("outboundAllowedHostsSchema", () => {
  it("lower-cases entries and spells hosts as a URL does", () => {
    expect(
      outboundAllowedHostsSchema.parse([
        " CRM.Internal ",
        "crm.internal.",
        "10.0.0.5:8080",
        "[FD00::0001]",
        "[fd00::1]:8443",
        "hooks_1.corp:443",
      ]),
    ).toEqual([
      "crm.internal",
      "crm.internal",
      "10.0.0.5:8080",
      "[fd00::1]",
      "[fd00::1]:8443",
      "hooks_1.corp:443",
    ]);
  });

  it.each([
    "http://crm.internal",
    "crm.internal/path",
    "user@crm.internal",
    "crm.internal:0",
    "crm.internal:70000",
    "crm.internal:",
    "fd00::1",
    "[not-v6]",
    "*.internal",
    "",
  ])("refuses %j, naming it", (entry) => {
    const result = outboundAllowedHostsSchema.safeParse([entry]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("is not a host name");
  });

  it("takes at most 100 hosts", () => {
    const hosts = Array.from({ length: 101 }, (_, i) => `host${i}.internal`);
    expect(outboundAllowedHostsSchema.safeParse(hosts).success).toBe(false);
    expect(outboundAllowedHostsSchema.safeParse(hosts.slice(0, 100)).success).toBe(true);
  });
});

describe("isAllowedHost", () => {
  const allowed = ["crm.internal", "10.0.0.5:8080", "[fd00::1]", "hooks.corp:443"];

  it.each([
    "http://crm.internal/hook",
    "https://CRM.internal:9999/hook",
    "http://crm.internal./hook",
    "http://10.0.0.5:8080/",
    "http://[fd00::1]:81/",
    "https://hooks.corp/",
    "https://hooks.corp:443/",
  ])("lets %s through", (url) => {
    expect(isAllowedHost(new URL(url), allowed)).toBe(true);
  });

  it.each([
    "http://api.crm.internal/",
    "http://crm.internal.evil.test/",
    "http://10.0.0.5/",
    "http://10.0.0.5:8081/",
    "http://[fd00::2]/",
    "http://hooks.corp/",
    "https://hooks.corp:8443/",
  ])("does not let %s through: exact matches only", (url) => {
    expect(isAllowedHost(new URL(url), allowed)).toBe(false);
  });
});
