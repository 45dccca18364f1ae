import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inviteFriendAction } from "@/app/(customer)/account/referrals/actions";
import { POST as referralsPost } from "@/app/api/v1/referrals/route";
import { advanceClock, freezeClock } from "@/lib/clock";
import type { User } from "@/lib/db/schema";
import { THROTTLE_POLICIES } from "@/lib/throttle/throttle-policies";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { call } from "../../support/call-route";
import { openTestDatabase } from "../../support/test-database";
import {
  insertProgram,
  makeUser,
  seedReferralCatalog,
  uniqueEmail,
} from "../referrals/referral-kit";
import { freshAddress } from "./throttle-kit";

/*
 * Referral invitations are throttled per referrer and per client address, refused ones counting too (each tells
 * whether an address has an account): 429 too_many_attempts with Retry-After on the API, the wait on the page's form.
 */

const request = vi.hoisted(() => ({ address: "", user: null as User | null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.address }),
}));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => request.user,
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const POLICY = THROTTLE_POLICIES["referral-invitation"];

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-04-04T09:00:00.000Z"));
  await seedReferralCatalog(db());
  await insertProgram(db());
});
afterAll(() => database.close());

async function referrer() {
  const user = await makeUser(db());
  const { token } = await issueUserToken(db(), { userId: user.id });
  return { user, token };
}

const invite = (token: string, email: string, address: string) =>
  call(referralsPost, "POST", "/referrals", {
    token,
    body: { email },
    headers: { "x-forwarded-for": address },
  });

/** An address that already has an account: inviting it is refused (409 referral_user_exists), and counted. */
const registered = async () => (await makeUser(db())).email;

describe("POST /api/v1/referrals, throttled", () => {
  it(`refuses a referrer's attempt ${POLICY.account.freeAttempts + 1} within the hour, refused ones counted, from any address`, async () => {
    const { token } = await referrer();
    for (let i = 0; i < POLICY.account.freeAttempts; i++) {
      const result = await invite(token, await registered(), freshAddress());
      expect(result.json.error).toBe("referral_user_exists");
    }
    const refused = await invite(token, uniqueEmail("friend"), freshAddress());
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(refused.json).toEqual({
      error: "too_many_attempts",
      message: "Too many invitations. Try again in 10 seconds.",
    });
    advanceClock(POLICY.account.firstDelayMs);
    expect((await invite(token, uniqueEmail("friend"), freshAddress())).status).toBe(201);
  });

  it(`refuses attempt ${POLICY.address.freeAttempts + 1} from one address, whichever referrers make them`, async () => {
    const address = freshAddress();
    const perReferrer = POLICY.account.freeAttempts;
    for (let made = 0; made < POLICY.address.freeAttempts; made += perReferrer) {
      const { token } = await referrer();
      for (let i = 0; i < Math.min(perReferrer, POLICY.address.freeAttempts - made); i++)
        expect((await invite(token, await registered(), address)).status).toBe(409);
    }
    const { token } = await referrer();
    expect((await invite(token, uniqueEmail("friend"), address)).status).toBe(429);
    expect((await invite(token, uniqueEmail("friend"), freshAddress())).status).toBe(201);
  });
});

describe("inviteFriendAction, throttled", () => {
  it("tells the form how long to wait", async () => {
    request.user = (await referrer()).user;
    request.address = freshAddress();
    const form = (email: string) => {
      const data = new FormData();
      data.set("email", email);
      return data;
    };
    for (let i = 0; i < POLICY.account.freeAttempts; i++)
      expect(await inviteFriendAction(null, form(await registered()))).toMatchObject({
        error: "referral_user_exists",
      });
    expect(await inviteFriendAction(null, form(uniqueEmail("friend")))).toEqual({
      ok: false,
      error: "too_many_attempts",
      message: "Too many invitations. Try again in 10 seconds.",
    });
  });
});
