import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerAction } from "@/app/(auth)/register/actions";
import { advanceClock, freezeClock } from "@/lib/clock";
import { users } from "@/lib/db/schema";
import { THROTTLE_POLICIES } from "@/lib/throttle/throttle-policies";
import { openTestDatabase } from "../../support/test-database";
import { uniqueEmail } from "../users/account-kit";
import { freshAddress } from "./throttle-kit";

/*
 * Public sign-up is throttled per client address, every attempt counting (made or refused): after the free ones each
 * waits 30 s, 1 min, 2 min … and the form says so (too_many_attempts with the wait).
 */

// The action reads the request's headers and cookies; outside a request they are set here.
const request = vi.hoisted(() => ({ address: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.address ? { "x-forwarded-for": request.address } : {}),
  cookies: async () => ({ get: () => undefined, delete: () => undefined }),
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const RULE = THROTTLE_POLICIES.registration.address;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-04-02T09:00:00.000Z"));
});
afterAll(() => database.close());

function register(email: string, address: string) {
  request.address = address;
  const form = new FormData();
  form.set("name", "New Reader");
  form.set("email", email);
  form.set("password", "new-reader-password");
  return registerAction(null, form);
}

const userCount = async () => (await db().select({ n: count() }).from(users))[0]!.n;

describe("registerAction, throttled", () => {
  it(`makes ${RULE.freeAttempts} accounts from one address, then refuses with the wait until it is over`, async () => {
    const address = freshAddress();
    for (let i = 0; i < RULE.freeAttempts; i++)
      expect(await register(uniqueEmail("signup"), address)).toEqual({ ok: true });
    const before = await userCount();

    expect(await register(uniqueEmail("signup"), address)).toEqual({
      ok: false,
      error: "too_many_attempts",
      message: "Too many sign-up attempts. Try again in 30 seconds.",
    });
    expect(await userCount()).toBe(before);
    // Another address is not held up.
    expect(await register(uniqueEmail("signup"), freshAddress())).toEqual({ ok: true });

    advanceClock(RULE.firstDelayMs);
    expect(await register(uniqueEmail("signup"), address)).toEqual({ ok: true });
    expect(await register(uniqueEmail("signup"), address)).toMatchObject({
      error: "too_many_attempts",
      message: "Too many sign-up attempts. Try again in 1 minute.",
    });
  });

  it("counts refused sign-ups too (an email that has an account), which would tell who has one", async () => {
    const address = freshAddress();
    const taken = uniqueEmail("taken");
    expect(await register(taken, address)).toEqual({ ok: true });
    for (let i = 1; i < RULE.freeAttempts; i++)
      expect(await register(taken, address)).toMatchObject({ ok: false, error: "user_exists" });
    expect(await register(taken, address)).toMatchObject({ error: "too_many_attempts" });
  });

  it("does not count a form refused for its fields", async () => {
    const address = freshAddress();
    for (let i = 0; i < RULE.freeAttempts + 3; i++)
      expect(await register("not-an-email", address)).toMatchObject({ error: "validation_error" });
    expect(await register(uniqueEmail("signup"), address)).toEqual({ ok: true });
  });
});
