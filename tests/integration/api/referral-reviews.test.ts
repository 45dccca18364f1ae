import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/referral-programs/[id]/referrals/route";
import { referralAdminListSchema } from "@/lib/api/operations/referral-programs";
import { POST as retryRoute } from "@/app/api/v1/referrals/[id]/retry/route";
import { POST as reviewRoute } from "@/app/api/v1/referrals/[id]/review/route";
import { referralAdminResponseSchema } from "@/lib/api/operations/referrals";
import { referralRewards, referrals, type ReferralProgram } from "@/lib/db/schema";
import { evaluateReferralTrigger } from "@/lib/referrals/complete-referral";
import { inviteFriend } from "@/lib/referrals/invite-friend";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import {
  insertProgram,
  makeUser,
  seedReferralCatalog,
  uniqueEmail,
} from "../referrals/referral-kit";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  withParams,
  type Tokens,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let program: ReferralProgram;
let types: Awaited<ReturnType<typeof seedReferralCatalog>>;
const db = () => database.db;
/** A referral the guard tests address; never changed by them. */
let guardedId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "referrals");
  types = await seedReferralCatalog(db());
  // free_days without a type: a referrer with nothing running fails, which is what retry needs.
  program = await insertProgram(db(), { reward: { type: "free_days", options: { days: 10 } } });
  const referrer = await makeUser(db());
  guardedId = (
    await inviteFriend(db(), { referrerUserId: referrer.id, email: uniqueEmail("guarded") })
  ).id;
});
afterAll(() => database.close());

/** An alias invitation: flagged by the fraud guard. */
async function flaggedReferral() {
  const referrer = await makeUser(db(), uniqueEmail("alias"));
  const [local, domain] = referrer.email.split("@");
  return inviteFriend(db(), { referrerUserId: referrer.id, email: `${local}+x@${domain}` });
}

/** A sign_up referral whose reward failed (the referrer has no subscription). */
async function failedReferral() {
  const referrer = await makeUser(db());
  const email = uniqueEmail("failed");
  const invitation = await inviteFriend(db(), { referrerUserId: referrer.id, email });
  const friend = await createUser(db(), { email });
  expect(
    await evaluateReferralTrigger(db(), { userId: friend.id, trigger: "sign_up" }),
  ).toMatchObject({ outcome: "error" });
  return { referrer, invitation };
}

const review = (id: number | string, decision: unknown) =>
  call(withParams(reviewRoute, { id }), "POST", `/referrals/${id}/review`, {
    token: tokens.api,
    body: { decision },
  });
const retry = (id: number | string) =>
  call(withParams(retryRoute, { id }), "POST", `/referrals/${id}/retry`, { token: tokens.api });

describe("GET /api/v1/referral-programs/{id}/referrals", () => {
  it("lists a program's referrals with filters and paging", async () => {
    const flagged = await flaggedReferral();
    const all = await call(
      withParams(listRoute, { id: program.id }),
      "GET",
      `/referral-programs/${program.id}/referrals`,
      { token: tokens.api },
    );
    expect(all.status).toBe(200);
    expect(referralAdminListSchema.parse(all.json)).toEqual(all.json);
    expect(all.json.total).toBeGreaterThanOrEqual(2);
    const onlyFlagged = await call(withParams(listRoute, { id: program.id }), "GET", "/x", {
      token: tokens.api,
      query: { flagged: "true" },
    });
    expect(onlyFlagged.json.referrals.map((r: { id: number }) => r.id)).toEqual([flagged.id]);
    expect(onlyFlagged.json.referrals[0]).toMatchObject({
      flags: ["email_alias"],
      review: "flagged",
      status: "pending",
      program: { id: program.id },
    });
    const paged = await call(withParams(listRoute, { id: program.id }), "GET", "/x", {
      token: tokens.api,
      query: { limit: "1", offset: "1" },
    });
    expect(paged.json.referrals).toHaveLength(1);
    expect(paged.json.referrals[0].id).toBe(all.json.referrals[1].id);
  });

  it("404 for an unknown or malformed program; 400 for a bad filter", async () => {
    for (const id of ["999999", "abc"]) {
      const result = await call(withParams(listRoute, { id }), "GET", "/x", { token: tokens.api });
      expect(result.status).toBe(404);
      expect(result.json.error).toBe("referral_program_not_found");
    }
    const bad = await call(withParams(listRoute, { id: program.id }), "GET", "/x", {
      token: tokens.api,
      query: { status: "lost" },
    });
    expect(bad.status).toBe(400);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(listRoute, () => ({ id: program.id })),
    method: "GET",
    path: "/referral-programs/1/referrals",
    auth: "api",
  });
});

describe("POST /api/v1/referrals/{id}/review", () => {
  it("approves a flagged referral (it waits for its trigger) and rejects another", async () => {
    const held = await flaggedReferral();
    const approved = await review(held.id, "approve");
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    expect(referralAdminResponseSchema.parse(approved.json)).toEqual(approved.json);
    expect(approved.json.referral).toMatchObject({
      id: held.id,
      review: "approved",
      status: "pending",
    });

    const other = await flaggedReferral();
    const rejected = await review(other.id, "reject");
    expect(rejected.json.referral).toMatchObject({ review: "rejected", status: "rejected" });
    await expectRefusedWithoutChange(db(), () => review(other.id, "approve"), {
      status: 409,
      error: "referral_not_flagged",
    });
  });

  it("refuses an unknown referral (404) and a decision that is not one (400), changing nothing", async () => {
    await expectRefusedWithoutChange(db(), () => review(999_999, "approve"), {
      status: 404,
      error: "referral_not_found",
    });
    await expectRefusedWithoutChange(db(), () => review("x", "approve"), {
      status: 404,
      error: "referral_not_found",
    });
    const held = await flaggedReferral();
    await expectRefusedWithoutChange(db(), () => review(held.id, "maybe"), {
      status: 400,
      error: "validation_error",
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(reviewRoute, () => ({ id: guardedId })),
    method: "POST",
    path: "/referrals/1/review",
    auth: "api",
    validBody: () => ({ decision: "approve" }),
    invalidBodies: [
      {
        name: "an unknown decision",
        body: () => ({ decision: "later" }),
        error: "validation_error",
      },
    ],
  });
});

describe("POST /api/v1/referrals/{id}/retry", () => {
  it("a failed referral fails again with the reason, then completes once the referrer has a subscription", async () => {
    const { referrer, invitation } = await failedReferral();
    const again = await retry(invitation.id);
    expect(again.status).toBe(200);
    expect(again.json.referral).toMatchObject({
      status: "error",
      error_reason: expect.stringMatching(/no running subscription/),
    });
    await createSubscription(db(), {
      userId: referrer.id,
      subscriptionTypeId: types.web_monthly,
      isPaid: true,
    });
    const done = await retry(invitation.id);
    expect(done.json.referral).toMatchObject({ status: "complete", error_reason: null });
    expect(
      await db()
        .select()
        .from(referralRewards)
        .where(eq(referralRewards.referralId, invitation.id)),
    ).toHaveLength(1);
    await expectRefusedWithoutChange(db(), () => retry(invitation.id), {
      status: 409,
      error: "referral_not_failed",
    });
    expect(
      (await db().select().from(referrals).where(eq(referrals.id, invitation.id)))[0]?.status,
    ).toBe("complete");
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(retryRoute, () => ({ id: guardedId })),
    method: "POST",
    path: "/referrals/1/retry",
    auth: "api",
  });
});
