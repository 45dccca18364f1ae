import { describe, expect, it } from "vitest";
import { throttledSignInError, throttledSignInMessage } from "@/lib/auth/sign-in-refusal";
import { THROTTLE_POLICIES } from "@/lib/throttle/throttle-policies";
import { retryAfterSeconds, throttleWaitMs } from "@/lib/throttle/throttle-wait";
import { describeWait } from "@/lib/throttle/too-many-attempts-error";

const rule = { windowMs: 15 * 60_000, freeAttempts: 5, firstDelayMs: 1000, maxDelayMs: 60_000 };
const at = new Date("2026-05-01T10:00:00.000Z");
const ago = (ms: number) => new Date(at.getTime() - ms);

// The growing delays: free attempts first, then 1 s, 2 s, 4 s … from the latest attempt, capped.
describe("throttleWaitMs", () => {
  it("lets the free attempts through without a wait, however recent", () => {
    expect(throttleWaitMs(rule, { count: 0, latest: null }, at)).toBe(0);
    expect(throttleWaitMs(rule, { count: 4, latest: at }, at)).toBe(0);
  });

  it("doubles the wait with each attempt beyond the allowance, counted from the latest one", () => {
    expect(throttleWaitMs(rule, { count: 5, latest: at }, at)).toBe(1000);
    expect(throttleWaitMs(rule, { count: 6, latest: at }, at)).toBe(2000);
    expect(throttleWaitMs(rule, { count: 7, latest: at }, at)).toBe(4000);
    expect(throttleWaitMs(rule, { count: 8, latest: ago(3000) }, at)).toBe(5000);
  });

  it("is over once the delay has passed since the latest attempt", () => {
    expect(throttleWaitMs(rule, { count: 6, latest: ago(2000) }, at)).toBe(0);
    expect(throttleWaitMs(rule, { count: 6, latest: ago(1999) }, at)).toBe(1);
  });

  it("never waits longer than the cap, even for a count far beyond the allowance", () => {
    expect(throttleWaitMs(rule, { count: 12, latest: at }, at)).toBe(60_000);
    expect(throttleWaitMs(rule, { count: 5000, latest: at }, at)).toBe(60_000);
  });
});

describe("retryAfterSeconds", () => {
  it("rounds up to whole seconds and never says 0", () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });
});

describe("describeWait", () => {
  it("says seconds, then minutes and hours, rounded up", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(59)).toBe("59 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(3600)).toBe("1 hour");
  });
});

describe("the login form's throttled sign-in error", () => {
  it("round-trips the wait through next-auth's error string", () => {
    expect(throttledSignInMessage(throttledSignInError(8))).toBe(
      "Too many sign-in attempts. Wait 8 seconds and try again.",
    );
  });
  it("is null for any other error", () => {
    expect(throttledSignInMessage("CredentialsSignin")).toBeNull();
    expect(throttledSignInMessage("too_many_attempts:soon")).toBeNull();
    expect(throttledSignInMessage(undefined)).toBeNull();
  });
});

describe("THROTTLE_POLICIES", () => {
  it("gives every address a larger allowance than one account, and caps every delay within its window", () => {
    for (const policy of Object.values(THROTTLE_POLICIES)) {
      const rules = "account" in policy ? [policy.account, policy.address] : [policy.address];
      for (const each of rules) {
        expect(each.firstDelayMs).toBeLessThanOrEqual(each.maxDelayMs);
        expect(each.maxDelayMs).toBeLessThanOrEqual(each.windowMs);
      }
      if ("account" in policy)
        expect(policy.address.freeAttempts).toBeGreaterThan(policy.account.freeAttempts);
    }
  });
});
