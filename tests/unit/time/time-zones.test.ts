import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  isTimeZone,
  timeZoneOptions,
  timeZoneSchema,
  utcOffsetLabel,
} from "@/lib/time/time-zones";
import { sidebarCookie, sidebarStateOf } from "@/components/admin/sidebar-preference";

describe("time zones", () => {
  it("accepts the zones Intl knows and UTC; refuses anything else", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Bratislava")).toBe(true);
    expect(isTimeZone("Europe/Nowhere")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(null)).toBe(false);
    expect(timeZoneSchema.safeParse(" Europe/Bratislava ").data).toBe("Europe/Bratislava");
    const refused = timeZoneSchema.safeParse("GMT+2");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/time zone/);
  });

  it("takes an alias as the listed zone it names", () => {
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    const kolkata = canonicalTimeZone("Asia/Kolkata");
    expect(kolkata === "Asia/Kolkata" || kolkata === "Asia/Calcutta").toBe(true);
    expect(isTimeZone(kolkata)).toBe(true);
    expect(timeZoneSchema.parse("Asia/Kolkata")).toBe(kolkata);
    expect(canonicalTimeZone("+02:00")).toBeNull();
    expect(canonicalTimeZone("Europe/Nowhere")).toBeNull();
  });

  it("lists UTC first, then every known zone by name, with its offset", () => {
    const options = timeZoneOptions(new Date("2026-01-15T12:00:00Z"));
    expect(options[0]).toEqual({ value: "UTC", label: "UTC" });
    const values = options.map((option) => option.value);
    expect(values.slice(1)).toEqual([...values.slice(1)].sort());
    expect(new Set(values).size).toBe(values.length);
    expect(values.every(isTimeZone)).toBe(true);
    expect(options.find((option) => option.value === "America/New_York")?.label).toBe(
      "America/New York (GMT-5)",
    );
  });

  it("names offsets as of a moment (summer time included)", () => {
    expect(utcOffsetLabel("Europe/Bratislava", new Date("2026-01-15T12:00:00Z"))).toBe("GMT+1");
    expect(utcOffsetLabel("Europe/Bratislava", new Date("2026-07-15T12:00:00Z"))).toBe("GMT+2");
    expect(utcOffsetLabel("UTC", new Date())).toBe("GMT");
  });
});

describe("the admin sidebar's cookie", () => {
  it("remembers collapsed; anything else (or nothing) is expanded", () => {
    expect(sidebarStateOf("collapsed")).toBe("collapsed");
    expect(sidebarStateOf("expanded")).toBe("expanded");
    expect(sidebarStateOf(undefined)).toBe("expanded");
    expect(sidebarStateOf("1")).toBe("expanded");
    expect(sidebarCookie("collapsed")).toBe(
      "admin_sidebar=collapsed; Path=/admin; Max-Age=31536000; SameSite=Lax",
    );
  });
});
