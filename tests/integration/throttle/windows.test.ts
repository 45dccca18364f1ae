import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import { throttleAttempts } from "@/lib/db/schema";
import { reserveAttempt } from "@/lib/throttle/reserve-attempt";
import { LONGEST_THROTTLE_WINDOW_MS, THROTTLE_POLICIES } from "@/lib/throttle/throttle-policies";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { uniqueEmail } from "../users/account-kit";
import { apiLogin, freshAddress } from "./throttle-kit";

/*
 * The windows slide: each attempt stops counting its own window after it was made (not at a fixed boundary), and
 * rows no window needs any more are deleted as new attempts come in.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const RULE = THROTTLE_POLICIES["sign-in"].account;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-04-05T09:00:00.000Z"));
});
afterAll(() => database.close());

describe("sliding windows", () => {
  it("lets an attempt through again as the oldest failures leave the window, one by one", async () => {
    const { email } = await createUser(db(), {
      email: uniqueEmail("slider"),
      password: "right-password",
    });
    const address = freshAddress();
    const fail = () => apiLogin(email, "wrong-password", address);
    // Three failures now and two ten minutes later reach the limit.
    for (let i = 0; i < 3; i++) expect((await fail()).status).toBe(401);
    advanceClock(10 * MINUTE_MS);
    for (let i = 0; i < RULE.freeAttempts - 3; i++) expect((await fail()).status).toBe(401);
    expect((await fail()).status).toBe(429);

    // Just before the first three are a window old, they still count: one more after its wait, then a wait again.
    advanceClock(RULE.windowMs - 10 * MINUTE_MS - 1);
    expect((await fail()).status).toBe(401);
    expect((await fail()).status).toBe(429);
    // Then they leave the window, and only they: three of the five free attempts are back, not all of them.
    advanceClock(1);
    for (let i = 0; i < 2; i++) expect((await fail()).status).toBe(401);
    expect((await fail()).status).toBe(429);
  });

  it("deletes rows older than the longest window when new attempts come in", async () => {
    await db().delete(throttleAttempts);
    for (let i = 0; i < 3; i++)
      await reserveAttempt(db(), "registration", { address: freshAddress() });
    const old = await db().select().from(throttleAttempts);
    expect(old.length).toBeGreaterThanOrEqual(3);

    advanceClock(LONGEST_THROTTLE_WINDOW_MS - 1);
    await reserveAttempt(db(), "registration", { address: freshAddress() });
    expect(await db().select().from(throttleAttempts)).toHaveLength(old.length + 1);

    advanceClock(1);
    const { rowIds } = await reserveAttempt(db(), "registration", { address: freshAddress() });
    const left = await db().select().from(throttleAttempts);
    expect(left.map((row) => row.id)).not.toContain(old[0]!.id);
    expect(
      left.every((row) => row.attemptedAt > new Date(now().getTime() - LONGEST_THROTTLE_WINDOW_MS)),
    ).toBe(true);
    expect(left.map((row) => row.id)).toEqual(expect.arrayContaining(rowIds));
  });
});
