import { describe, expect, it } from "vitest";
import {
  decideDelivery,
  type DeliveryFacts,
  quietHoursEnd,
} from "@/lib/email/consent/decide-delivery";
import {
  DEFAULT_EMAIL_DELIVERY_SETTINGS,
  type EmailDeliverySettings,
  emailDeliverySettingsSchema,
} from "@/lib/email/consent/delivery-settings";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function facts(overrides: Partial<DeliveryFacts> = {}): DeliveryFacts {
  return {
    transactional: false,
    subscribed: true,
    suppressed: false,
    recentSends: [],
    timeZone: "UTC",
    settings: DEFAULT_EMAIL_DELIVERY_SETTINGS,
    ...overrides,
  };
}

function settings(
  cap: Partial<EmailDeliverySettings["frequency_cap"]>,
  quiet: EmailDeliverySettings["quiet_hours"] = null,
): EmailDeliverySettings {
  return { frequency_cap: { per_day: null, per_week: null, ...cap }, quiet_hours: quiet };
}

const ago = (at: Date, ms: number) => new Date(at.getTime() - ms);
const iso = (value: Date | null) => value?.toISOString() ?? null;

describe("decideDelivery: consent", () => {
  const at = new Date("2026-03-10T12:00:00Z");

  it("sends transactional mail whatever the user chose, the address or the limits", () => {
    const limited = settings({ per_day: 1 }, { start: "00:00", end: "23:59" });
    const decision = decideDelivery(
      facts({
        transactional: true,
        subscribed: false,
        suppressed: true,
        recentSends: [ago(at, HOUR)],
        settings: limited,
      }),
      at,
    );
    expect(decision).toEqual({ send: true });
  });

  it("skips mail to a suppressed address for good, before anything else", () => {
    expect(decideDelivery(facts({ suppressed: true, subscribed: false }), at)).toEqual({
      send: false,
      reason: "suppressed",
      allowedAt: null,
    });
  });

  it("skips mail of a topic the user left for good", () => {
    expect(decideDelivery(facts({ subscribed: false }), at)).toEqual({
      send: false,
      reason: "unsubscribed",
      allowedAt: null,
    });
  });

  it("sends marketing mail with no limits set", () => {
    expect(decideDelivery(facts({ recentSends: [ago(at, HOUR), ago(at, 2 * HOUR)] }), at)).toEqual({
      send: true,
    });
  });
});

describe("decideDelivery: frequency cap", () => {
  const at = new Date("2026-03-10T12:00:00Z");

  it("holds the email past the cap per day until the oldest counted send leaves the 24 hours", () => {
    const decision = decideDelivery(
      facts({
        settings: settings({ per_day: 2 }),
        recentSends: [ago(at, HOUR), ago(at, 5 * HOUR)],
      }),
      at,
    );
    expect(decision.send).toBe(false);
    if (decision.send) return;
    expect(decision.reason).toBe("frequency_cap");
    expect(iso(decision.allowedAt)).toBe("2026-03-11T07:00:00.000Z");
  });

  it("counts only the last 24 hours: a send exactly a day ago no longer counts", () => {
    const decision = decideDelivery(
      facts({ settings: settings({ per_day: 2 }), recentSends: [ago(at, HOUR), ago(at, DAY)] }),
      at,
    );
    expect(decision).toEqual({ send: true });
  });

  it("sends under the cap", () => {
    expect(
      decideDelivery(
        facts({ settings: settings({ per_day: 2 }), recentSends: [ago(at, HOUR)] }),
        at,
      ),
    ).toEqual({ send: true });
  });

  it("holds the email past the cap per week until the oldest counted send leaves the 7 days", () => {
    const decision = decideDelivery(
      facts({
        settings: settings({ per_week: 3 }),
        recentSends: [ago(at, DAY), ago(at, 2 * DAY), ago(at, 6 * DAY)],
      }),
      at,
    );
    expect(decision).toEqual({
      send: false,
      reason: "frequency_cap",
      allowedAt: new Date("2026-03-11T12:00:00Z"),
    });
  });

  it("waits for both windows: the later of the day's and the week's room", () => {
    const decision = decideDelivery(
      facts({
        settings: settings({ per_day: 1, per_week: 2 }),
        recentSends: [ago(at, 2 * HOUR), ago(at, 3 * DAY)],
      }),
      at,
    );
    // The day frees at +22 h, the week only when the send of 3 days ago leaves it, at +4 days.
    expect(decision).toEqual({
      send: false,
      reason: "frequency_cap",
      allowedAt: new Date("2026-03-14T12:00:00Z"),
    });
  });

  it("is allowed exactly when it said it would be", () => {
    const sends = [ago(at, HOUR), ago(at, 5 * HOUR)];
    const held = decideDelivery(
      facts({ settings: settings({ per_day: 2 }), recentSends: sends }),
      at,
    );
    if (held.send || !held.allowedAt) throw new Error("expected a hold");
    const justBefore = new Date(held.allowedAt.getTime() - 1);
    expect(
      decideDelivery(facts({ settings: settings({ per_day: 2 }), recentSends: sends }), justBefore)
        .send,
    ).toBe(false);
    expect(
      decideDelivery(
        facts({ settings: settings({ per_day: 2 }), recentSends: sends }),
        held.allowedAt,
      ),
    ).toEqual({ send: true });
  });
});

describe("decideDelivery: quiet hours", () => {
  const night = settings({}, { start: "21:00", end: "08:00" });
  const tokyo = (overrides: Partial<DeliveryFacts> = {}) =>
    facts({ timeZone: "Asia/Tokyo", settings: night, ...overrides });

  it("holds an email at 22:00 in Tokyo until 08:00 there the next morning", () => {
    // 13:00 UTC is 22:00 in Tokyo (UTC+9); 08:00 there is 23:00 UTC the same day.
    expect(decideDelivery(tokyo(), new Date("2026-03-10T13:00:00Z"))).toEqual({
      send: false,
      reason: "quiet_hours",
      allowedAt: new Date("2026-03-10T23:00:00Z"),
    });
  });

  it("holds an email after midnight until 08:00 the same morning", () => {
    expect(decideDelivery(tokyo(), new Date("2026-03-10T18:30:00Z"))).toEqual({
      send: false,
      reason: "quiet_hours",
      allowedAt: new Date("2026-03-10T23:00:00Z"),
    });
  });

  it("sends at the end of the quiet hours and just before they start", () => {
    expect(decideDelivery(tokyo(), new Date("2026-03-10T23:00:00Z"))).toEqual({ send: true });
    expect(decideDelivery(tokyo(), new Date("2026-03-10T11:59:00Z"))).toEqual({ send: true });
    expect(decideDelivery(tokyo(), new Date("2026-03-10T12:00:00Z")).send).toBe(false);
  });

  it("reads the clock in the user's zone, not the server's", () => {
    // 22:00 in Tokyo is 13:00 in UTC: quiet for the Tokyo user only.
    const at = new Date("2026-03-10T13:00:00Z");
    expect(decideDelivery(facts({ timeZone: "UTC", settings: night }), at)).toEqual({ send: true });
  });

  it("handles quiet hours within one day", () => {
    const noon = settings({}, { start: "12:00", end: "14:00" });
    expect(decideDelivery(tokyo({ settings: noon }), new Date("2026-03-10T04:30:00Z"))).toEqual({
      send: false,
      reason: "quiet_hours",
      allowedAt: new Date("2026-03-10T05:00:00Z"),
    });
    expect(decideDelivery(tokyo({ settings: noon }), new Date("2026-03-10T05:00:00Z"))).toEqual({
      send: true,
    });
    expect(decideDelivery(tokyo({ settings: noon }), new Date("2026-03-10T13:00:00Z"))).toEqual({
      send: true,
    });
  });

  describe("across a daylight saving change (Europe/Bratislava)", () => {
    const bratislava = {
      timeZone: "Europe/Bratislava",
      settings: settings({}, { start: "22:00", end: "07:00" }),
    };

    it("ends at 07:00 summer time on the night the clocks go forward", () => {
      // 28 March 2026 23:00 CET (UTC+1); on the 29th at 02:00 the clocks jump to 03:00 CEST (UTC+2).
      expect(decideDelivery(facts(bratislava), new Date("2026-03-28T22:00:00Z"))).toEqual({
        send: false,
        reason: "quiet_hours",
        allowedAt: new Date("2026-03-29T05:00:00Z"),
      });
    });

    it("ends at 07:00 winter time on the night the clocks go back", () => {
      // 24 October 2026 23:00 CEST (UTC+2); on the 25th at 03:00 the clocks go back to 02:00 CET (UTC+1).
      expect(decideDelivery(facts(bratislava), new Date("2026-10-24T21:00:00Z"))).toEqual({
        send: false,
        reason: "quiet_hours",
        allowedAt: new Date("2026-10-25T06:00:00Z"),
      });
    });

    it("ends at the first moment after the quiet hours when their end falls in the skipped hour", () => {
      // 02:30 does not exist on 29 March: the clock goes from 01:59 CET to 03:00 CEST (01:00 UTC), no longer quiet.
      const quiet = { start: "22:00", end: "02:30" };
      const end = quietHoursEnd(quiet, "Europe/Bratislava", new Date("2026-03-28T22:00:00Z"));
      expect(iso(end)).toBe("2026-03-29T01:00:00.000Z");
      expect(quietHoursEnd(quiet, "Europe/Bratislava", end!)).toBeNull();
    });
  });
});

describe("decideDelivery: cap and quiet hours together", () => {
  const tokyo = (cap: Partial<EmailDeliverySettings["frequency_cap"]>, sends: Date[]) =>
    facts({
      timeZone: "Asia/Tokyo",
      settings: settings(cap, { start: "20:00", end: "08:00" }),
      recentSends: sends,
    });

  it("holds a capped email past the quiet hours the cap would free it in", () => {
    // 14:00 Tokyo; the one allowed email of the day went at 20:30 Tokyo yesterday, so the cap frees at 20:30 Tokyo
    // today — inside the quiet hours, which end at 08:00 Tokyo tomorrow (23:00 UTC today).
    const decision = decideDelivery(
      tokyo({ per_day: 1 }, [new Date("2026-03-09T11:30:00Z")]),
      new Date("2026-03-10T05:00:00Z"),
    );
    expect(decision).toEqual({
      send: false,
      reason: "frequency_cap",
      allowedAt: new Date("2026-03-10T23:00:00Z"),
    });
  });

  it("names the quiet hours when the cap has room", () => {
    const decision = decideDelivery(
      tokyo({ per_day: 2 }, [new Date("2026-03-10T09:00:00Z")]),
      new Date("2026-03-10T13:00:00Z"),
    );
    expect(decision).toEqual({
      send: false,
      reason: "quiet_hours",
      allowedAt: new Date("2026-03-10T23:00:00Z"),
    });
  });

  it("takes the cap's time when it frees after the quiet hours", () => {
    // 22:00 Tokyo, quiet until 08:00 Tokyo (23:00 UTC); the day's email went at 10:00 Tokyo, so the cap frees at 10:00
    // Tokyo tomorrow (01:00 UTC).
    const decision = decideDelivery(
      tokyo({ per_day: 1 }, [new Date("2026-03-10T01:00:00Z")]),
      new Date("2026-03-10T13:00:00Z"),
    );
    expect(decision).toEqual({
      send: false,
      reason: "frequency_cap",
      allowedAt: new Date("2026-03-11T01:00:00Z"),
    });
  });
});

describe("emailDeliverySettingsSchema", () => {
  it("accepts no limits, and caps with quiet hours", () => {
    expect(emailDeliverySettingsSchema.safeParse(DEFAULT_EMAIL_DELIVERY_SETTINGS).success).toBe(
      true,
    );
    expect(
      emailDeliverySettingsSchema.safeParse(
        settings({ per_day: 2, per_week: 5 }, { start: "21:00", end: "08:00" }),
      ).success,
    ).toBe(true);
  });

  it.each([
    ["a cap of 0", settings({ per_day: 0 })],
    ["a fractional cap", settings({ per_week: 1.5 })],
    ["a daily cap above the weekly one", settings({ per_day: 5, per_week: 3 })],
    ["a time that is no clock time", settings({}, { start: "24:00", end: "08:00" })],
    ["quiet hours that start when they end", settings({}, { start: "08:00", end: "08:00" })],
  ])("refuses %s", (_name, value) => {
    expect(emailDeliverySettingsSchema.safeParse(value).success).toBe(false);
  });
});
