import { describe, expect, it } from "vitest";
import { expressionHolds } from "@/inngest/local/expressions";
import { latestTickBetween, parseCron } from "@/inngest/local/fire-due-crons";
import { parseDuration, sleepTarget } from "@/inngest/local/protocol";

describe("durations and sleeps as the SDK writes them", () => {
  it.each([
    ["1s", 1000],
    ["3d", 3 * 86_400_000],
    ["2h30m10s", 2 * 3_600_000 + 30 * 60_000 + 10_000],
    ["1w", 604_800_000],
  ])("%s", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it("refuses what is not a duration", () => {
    expect(parseDuration("soon")).toBeNull();
    expect(parseDuration("")).toBeNull();
  });

  it("reads sleepUntil ISO times", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(sleepTarget("1d", now).toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(sleepTarget("2026-03-01T10:00:00.000Z", now).toISOString()).toBe(
      "2026-03-01T10:00:00.000Z",
    );
  });
});

describe("CEL expressions", () => {
  it("compare the waiting run's event with the incoming one", () => {
    const context = {
      event: { data: { user_id: 7 } },
      async: { data: { user_id: 7, amount: 12.5 } },
    };
    expect(expressionHolds("event.data.user_id == async.data.user_id", context)).toBe(true);
    expect(expressionHolds("async.data.amount > 10", context)).toBe(true);
    expect(expressionHolds("async.data.amount > 20", context)).toBe(false);
  });

  it("treat a missing field or a broken expression as no match", () => {
    expect(expressionHolds("event.data.missing == 1", { event: { data: {} } })).toBe(false);
    expect(expressionHolds("event.data. ==", { event: { data: {} } })).toBe(false);
    expect(expressionHolds(undefined, {})).toBe(true);
  });
});

describe("cron", () => {
  it("understands TZ= prefixes", () => {
    expect(parseCron("TZ=Europe/Prague 0 9 * * *")).toEqual({
      pattern: "0 9 * * *",
      timezone: "Europe/Prague",
    });
    expect(parseCron("*/5 * * * *")).toEqual({ pattern: "*/5 * * * *" });
  });

  it("finds the latest tick in a window, in the trigger's time zone", () => {
    const after = new Date("2026-01-01T00:00:00Z");
    expect(
      latestTickBetween(
        "TZ=Europe/Prague 0 9 * * *",
        after,
        new Date("2026-01-03T12:00:00Z"),
      )?.toISOString(),
    ).toBe("2026-01-03T08:00:00.000Z");
    expect(latestTickBetween("0 9 * * *", after, new Date("2026-01-01T08:59:00Z"))).toBeNull();
  });
});
