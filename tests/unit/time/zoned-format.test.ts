import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatUtcDateTime,
  formatZonedDate,
  formatZonedDateTime,
  toDate,
  wallClock,
} from "@/components/ui/format";

/* Issue 21: times in the admin read in the viewer's zone, in one 24-hour format ("6 Dec 2026, 22:54"), UTC on hover. */

const at = new Date("2026-12-06T21:54:00Z");

describe("formatZonedDateTime", () => {
  it("reads the wall clock of the zone, 24-hour, day month year", () => {
    expect(formatZonedDateTime(at, "UTC")).toBe("6 Dec 2026, 21:54");
    expect(formatZonedDateTime(at, "Europe/Bratislava")).toBe("6 Dec 2026, 22:54");
    expect(formatZonedDateTime(at, "America/New_York")).toBe("6 Dec 2026, 16:54");
  });

  it("changes the day (and year) when the zone is past midnight", () => {
    expect(formatZonedDateTime(new Date("2026-12-31T23:30:00Z"), "Asia/Tokyo")).toBe(
      "1 Jan 2027, 08:30",
    );
    expect(formatZonedDateTime(new Date("2027-01-01T02:00:00Z"), "America/Los_Angeles")).toBe(
      "31 Dec 2026, 18:00",
    );
  });

  it("writes midnight as 00, never 24", () => {
    expect(formatZonedDateTime(new Date("2026-03-01T23:00:00Z"), "Europe/Bratislava")).toBe(
      "2 Mar 2026, 00:00",
    );
  });

  it("follows summer time and half-hour zones", () => {
    expect(formatZonedDateTime(new Date("2026-07-01T12:00:00Z"), "Europe/Bratislava")).toBe(
      "1 Jul 2026, 14:00",
    );
    expect(formatZonedDateTime(new Date("2026-07-01T12:00:00Z"), "Asia/Kolkata")).toBe(
      "1 Jul 2026, 17:30",
    );
  });

  it("takes ISO strings and epoch milliseconds; nothing or an invalid value is a dash", () => {
    expect(formatZonedDateTime("2026-12-06T21:54:00.000Z", "UTC")).toBe("6 Dec 2026, 21:54");
    expect(formatZonedDateTime(at.getTime(), "UTC")).toBe("6 Dec 2026, 21:54");
    expect(formatZonedDateTime(null, "UTC")).toBe("—");
    expect(formatZonedDateTime(undefined, "UTC")).toBe("—");
    expect(formatZonedDateTime("not a date", "UTC")).toBe("—");
  });

  it("reads an unknown zone as UTC rather than failing the page", () => {
    expect(formatZonedDateTime(at, "Mars/Olympus_Mons")).toBe("6 Dec 2026, 21:54");
  });
});

describe("formatZonedDate and formatUtcDateTime", () => {
  it("gives the zone's calendar day", () => {
    expect(formatZonedDate(new Date("2026-12-06T23:30:00Z"), "UTC")).toBe("6 Dec 2026");
    expect(formatZonedDate(new Date("2026-12-06T23:30:00Z"), "Europe/Bratislava")).toBe(
      "7 Dec 2026",
    );
  });

  it("labels the hover text UTC", () => {
    expect(formatUtcDateTime(at)).toBe("6 Dec 2026, 21:54 UTC");
    expect(formatUtcDateTime(null)).toBe("—");
  });
});

describe("wallClock and toDate", () => {
  it("splits a moment into the zone's numbers", () => {
    expect(wallClock(at, "Europe/Bratislava")).toEqual({
      year: 2026,
      month: 12,
      day: 6,
      hour: 22,
      minute: 54,
    });
  });

  it("keeps Dates, parses strings and numbers, and refuses what is not a moment", () => {
    expect(toDate(at)).toBe(at);
    expect(toDate("2026-12-06T21:54:00Z")?.getTime()).toBe(at.getTime());
    expect(toDate("")).toBeNull();
    expect(toDate(new Date(Number.NaN))).toBeNull();
  });
});

describe("formatDate and formatDateTime (the customer zone's dates)", () => {
  const lateEvening = new Date("2026-12-06T23:30:00Z");

  it("reads the day on the reader's clock, in their language", () => {
    expect(formatDate(lateEvening, "sk", "Europe/Bratislava")).toBe("7. 12. 2026");
    expect(formatDate(lateEvening, "en", "Europe/Bratislava")).toBe("7 Dec 2026");
    expect(formatDate(lateEvening, "en", "America/New_York")).toBe("6 Dec 2026");
    expect(formatDateTime(lateEvening, "sk", "Europe/Bratislava")).toBe("7. 12. 2026 00:30");
    expect(formatDateTime(lateEvening, "en", "Asia/Tokyo")).toBe("7 Dec 2026, 08:30");
  });

  it("names UTC, the zone of a reader who chose none (and the admin's default)", () => {
    expect(formatDate(lateEvening, "sk")).toBe("6. 12. 2026");
    expect(formatDate(lateEvening)).toBe("6 Dec 2026");
    expect(formatDateTime(lateEvening, "sk", "UTC")).toBe("6. 12. 2026 23:30 UTC");
    expect(formatDateTime(lateEvening)).toBe("6 Dec 2026, 23:30 UTC");
  });

  it("writes a dash for no date", () => {
    expect(formatDate(null, "sk", "Europe/Bratislava")).toBe("—");
    expect(formatDateTime(undefined, "en", "Europe/Bratislava")).toBe("—");
  });
});
