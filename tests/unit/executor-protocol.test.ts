import { describe, expect, it } from "vitest";
import { expressionHolds } from "@/inngest/local/expressions";
import { latestTickBetween, parseCron } from "@/inngest/local/fire-due-crons";
import { parseDuration, sleepTarget } from "@/inngest/local/protocol";
import {
  bearerMatches,
  canonicalJson,
  checkSignature,
  hashedSigningKey,
  signatureFor,
} from "@/inngest/local/request-signature";

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

describe("request signatures as the SDK makes and checks them", () => {
  const key = `signkey-test-${"ab12".repeat(16)}`;
  const at = 1_700_000_000_000;

  it("sign the canonical JSON the SDK re-serializes: sorted keys, no whitespace, undefined dropped", () => {
    const body = canonicalJson({ b: [2, { d: "x", c: null, gone: undefined }], a: 1 });
    expect(body).toBe('{"a":1,"b":[2,{"c":null,"d":"x"}]}');
    // HMAC-SHA256 of body + unix seconds, keyed with the key minus its signkey-<env>- prefix (computed apart).
    expect(signatureFor(body, key, at)).toBe(
      "t=1700000000&s=395394e7996d5e24ec1ee67939eb812014c7d4e4683a8b5ec37e6959abbd1e6f",
    );
  });

  it("accept their own signature within five minutes, and refuse a wrong, stale or missing one", () => {
    const header = signatureFor("body", key, at);
    expect(checkSignature(header, "body", key, at + 4 * 60_000)).toEqual({ ok: true });
    expect(checkSignature(header, "body", key, at + 6 * 60_000)).toMatchObject({ ok: false });
    expect(checkSignature(header, "other body", key, at)).toMatchObject({ ok: false });
    expect(checkSignature(header, "body", `signkey-test-${"cd34".repeat(16)}`, at)).toMatchObject({
      ok: false,
    });
    expect(checkSignature("t=1700000000", "body", key, at)).toMatchObject({ ok: false });
    expect(checkSignature(null, "body", key, at)).toMatchObject({ ok: false });
  });

  it("hash the key for the SDK's bearer token: prefix kept, SHA-256 of the key's hex bytes", () => {
    const hashed = "signkey-test-e13afe31f1a441bea7a7c3d67cb29ccc78fda4f7a4e10fd55a6817c48f88819e";
    expect(hashedSigningKey(key)).toBe(hashed);
    expect(bearerMatches(`Bearer ${hashed}`, key)).toBe(true);
    expect(bearerMatches("Bearer ", key)).toBe(false);
    expect(bearerMatches(undefined, key)).toBe(false);
  });
});
