import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { POST as requestRoute } from "@/app/api/v1/users/password-reset/route";
import { advanceClock, freezeClock } from "@/lib/clock";
import { THROTTLE_POLICIES } from "@/lib/throttle/throttle-policies";
import { PASSWORD_RESET_TEMPLATE_CODE } from "@/lib/users/password-reset-template";
import { PASSWORD_RESETS_PER_HOUR } from "@/lib/users/request-password-reset";
import { call } from "../../support/call-route";
import { openTestDatabase } from "../../support/test-database";
import { makeUser, sentTo, uniqueEmail } from "../users/account-kit";
import { freshAddress } from "./throttle-kit";

/*
 * Password reset requests are throttled per email (with or without an account: a refusal tells nothing) and per client
 * address, every request counting: 429 too_many_attempts with Retry-After on the API, the wait on the form. The
 * mailbox's own limit (5 links an hour, answered like a sent link) stays below it.
 */

const request = vi.hoisted(() => ({ address: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.address ? { "x-forwarded-for": request.address } : {}),
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const POLICY = THROTTLE_POLICIES["password-reset"];

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-04-03T09:00:00.000Z"));
});
afterAll(() => database.close());

const requestReset = (email: string, address: string) =>
  call(requestRoute, "POST", "/users/password-reset", {
    body: { email },
    headers: { "x-forwarded-for": address },
  });

describe("POST /api/v1/users/password-reset, throttled", () => {
  it(`answers ${POLICY.account.freeAttempts} requests for one email, from any address, then 429 with Retry-After`, async () => {
    const user = await makeUser(db());
    for (let i = 0; i < POLICY.account.freeAttempts; i++)
      expect((await requestReset(user.email, freshAddress())).status).toBe(202);
    // The mailbox got its five links; the requests after them were answered alike and sent nothing.
    expect(await sentTo(db(), user.email, PASSWORD_RESET_TEMPLATE_CODE)).toHaveLength(
      PASSWORD_RESETS_PER_HOUR,
    );

    const refused = await requestReset(user.email.toUpperCase(), freshAddress());
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(refused.json).toEqual({
      error: "too_many_attempts",
      message: "Too many password reset requests. Try again in 1 minute.",
    });
    advanceClock(POLICY.account.firstDelayMs);
    expect((await requestReset(user.email, freshAddress())).status).toBe(202);
    expect((await requestReset(user.email, freshAddress())).headers.get("retry-after")).toBe("120");
  });

  it("refuses alike for an email without an account, so the refusal tells nothing", async () => {
    const ghost = uniqueEmail("ghost");
    for (let i = 0; i < POLICY.account.freeAttempts; i++)
      expect((await requestReset(ghost, freshAddress())).status).toBe(202);
    const refused = await requestReset(ghost, freshAddress());
    expect([refused.status, refused.headers.get("retry-after")]).toEqual([429, "60"]);
  });

  it(`answers ${POLICY.address.freeAttempts} requests from one address, for any emails, then 429`, async () => {
    const address = freshAddress();
    for (let i = 0; i < POLICY.address.freeAttempts; i++)
      expect((await requestReset(uniqueEmail("asked"), address)).status).toBe(202);
    expect((await requestReset(uniqueEmail("asked"), address)).status).toBe(429);
    expect((await requestReset(uniqueEmail("asked"), freshAddress())).status).toBe(202);
  });
});

describe("requestPasswordResetAction, throttled", () => {
  it("tells the form how long to wait", async () => {
    request.address = freshAddress();
    const email = uniqueEmail("forgetful");
    const form = new FormData();
    form.set("email", email);
    for (let i = 0; i < POLICY.account.freeAttempts; i++)
      expect(await requestPasswordResetAction(null, form)).toMatchObject({ ok: true });
    expect(await requestPasswordResetAction(null, form)).toEqual({
      ok: false,
      error: "too_many_attempts",
      message: "Too many password reset requests. Try again in 1 minute.",
    });
  });
});
