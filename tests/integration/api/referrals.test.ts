import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as referralsGet, POST as referralsPost } from "@/app/api/v1/referrals/route";
import { inviteFriendResponseSchema, referralListSchema } from "@/lib/api/operations/referrals";
import { addDays, freezeClock, resetClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  discountCodes,
  emailLog,
  referralPrograms,
  referralRewards,
  referrals,
} from "@/lib/db/schema";
import { REFERRAL_INVITATIONS_PER_HOUR } from "@/lib/referrals/invite-friend";
import { getReferralLink } from "@/lib/referrals/referral-link";
import { createUser } from "@/lib/users/create-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { openTestDatabase } from "../../support/test-database";
import { insertProgram, seedReferralCatalog, uniqueEmail } from "../referrals/referral-kit";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

/*
 * POST /api/v1/referrals (invite a friend by email: the referral, then the invitation email) and GET /api/v1/referrals
 * (the user's referrals and rewards). Every refusal has its code and changes nothing, including under a race.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = (): Db => database.db;
const T0 = new Date("2026-07-01T12:00:00.000Z");

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(T0);
  tokens = await createTokens(database.db, null);
  await seedReferralCatalog(database.db);
  await insertProgram(database.db, {
    name: "Bring a friend",
    triggers: [{ type: "first_payment", options: {} }],
    constraints: [{ type: "timeout_days", options: { days: 60 } }],
    friend_reward: { type: "discount", options: { kind: "percent", percent_off: 20 } },
  });
});
afterAll(async () => {
  resetClock();
  await database.close();
});
beforeEach(() => freezeClock(T0));

const invite = (token: string | undefined, body: unknown) =>
  call(referralsPost, "POST", "/referrals", { token, body });
const list = (token: string | undefined) => call(referralsGet, "GET", "/referrals", { token });

/** A customer of their own with a user token (each test its own, so rate limits and lists do not mix). */
async function customer(name = "Jane Referrer") {
  const user = await createUser(db(), {
    email: uniqueEmail("referrer"),
    password: "secret-password",
    name,
  });
  const { token } = await issueUserToken(db(), { userId: user.id });
  return { user, token };
}

describe("POST /api/v1/referrals", () => {
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: referralsPost,
    method: "POST",
    path: "/referrals",
    auth: "user",
    validBody: () => ({ email: uniqueEmail("friend") }),
    invalidBodies: [
      { name: "a body without an email", body: () => ({ name: "Pal" }), error: "validation_error" },
      {
        name: "an address that is not one",
        body: () => ({ email: "not-an-email" }),
        error: "validation_error",
      },
      {
        name: "a name that is not a string",
        body: () => ({ email: uniqueEmail("friend"), name: 7 }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({ email: uniqueEmail("friend"), referrer_user_id: 1 }),
        error: "validation_error",
      },
    ],
  });

  it("creates the referral in the default program, emails the friend the link and answers 201 with its shape", async () => {
    const { user, token } = await customer();
    const email = uniqueEmail("Friend");

    const result = await invite(token, { email: `  ${email.toUpperCase()} `, name: "Pal" });

    expect(result.status, JSON.stringify(result.json)).toBe(201);
    const [stored] = await db()
      .select()
      .from(referrals)
      .where(eq(referrals.referrerUserId, user.id));
    expect(result.json).toEqual({
      referral: {
        id: stored!.id,
        email: email.toLowerCase(),
        name: "Pal",
        status: "pending",
        source: "invitation",
        under_review: false,
        reward_capped: false,
        created_at: T0.toISOString(),
        completed_at: null,
        expires_at: addDays(T0, 60).toISOString(),
      },
      invitation_sent: true,
    });
    expect(inviteFriendResponseSchema.parse(result.json)).toEqual(result.json);
    const { path } = await getReferralLink(db(), user.id);
    const [mail] = await db()
      .select()
      .from(emailLog)
      .where(eq(emailLog.idempotencyKey, `referral-invitation:${stored!.id}`));
    expect(mail).toMatchObject({
      status: "sent",
      templateCode: "referral_invitation",
      toAddress: email.toLowerCase(),
      userId: null,
    });
    expect(mail?.subject).toBe("Jane Referrer invites you to Subflow");
    expect(mail?.bodyText).toContain(`http://localhost:3000${path}`);
    expect(mail?.bodyText).toContain("you get 20% off a payment");
  });

  it("refuses the user's own address (400 referral_self), in any case", async () => {
    const { user, token } = await customer();
    await expectRefusedWithoutChange(
      db(),
      () => invite(token, { email: user.email.toUpperCase() }),
      { status: 400, error: "referral_self" },
    );
  });

  it("refuses an address that has an account (409 referral_user_exists)", async () => {
    const { token } = await customer();
    const other = await customer("Someone");
    await expectRefusedWithoutChange(db(), () => invite(token, { email: other.user.email }), {
      status: 409,
      error: "referral_user_exists",
    });
  });

  it("refuses an address anyone referred before (409 referral_already_referred)", async () => {
    const first = await customer();
    const second = await customer();
    const email = uniqueEmail("friend");
    expect((await invite(first.token, { email })).status).toBe(201);
    await expectRefusedWithoutChange(db(), () => invite(first.token, { email }), {
      status: 409,
      error: "referral_already_referred",
    });
    await expectRefusedWithoutChange(
      db(),
      () => invite(second.token, { email: email.toUpperCase() }),
      {
        status: 409,
        error: "referral_already_referred",
      },
    );
  });

  it("gives one 201 and one 409 to two concurrent invitations of one address, and sends one email", async () => {
    const first = await customer();
    const second = await customer();
    const email = uniqueEmail("raced");

    const results = await Promise.all([
      invite(first.token, { email }),
      invite(second.token, { email }),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect(results.find((result) => result.status === 409)?.json).toMatchObject({
      error: "referral_already_referred",
    });
    expect(
      await db().select().from(referrals).where(eq(referrals.referredEmail, email)),
    ).toHaveLength(1);
    expect(await db().select().from(emailLog).where(eq(emailLog.toAddress, email))).toHaveLength(1);
  });

  it(`refuses invitation ${REFERRAL_INVITATIONS_PER_HOUR + 1} within an hour (429 referral_rate_limited)`, async () => {
    const { token } = await customer();
    for (let i = 0; i < REFERRAL_INVITATIONS_PER_HOUR; i++)
      expect((await invite(token, { email: uniqueEmail("many") })).status).toBe(201);
    await expectRefusedWithoutChange(db(), () => invite(token, { email: uniqueEmail("many") }), {
      status: 429,
      error: "referral_rate_limited",
    });
  });

  it("refuses while no active default program exists (409 referral_program_missing)", async () => {
    const { token } = await customer();
    const [program] = await db()
      .select()
      .from(referralPrograms)
      .where(eq(referralPrograms.isDefault, true));
    await db()
      .update(referralPrograms)
      .set({ isDefault: false })
      .where(eq(referralPrograms.id, program!.id));
    try {
      await expectRefusedWithoutChange(
        db(),
        () => invite(token, { email: uniqueEmail("friend") }),
        {
          status: 409,
          error: "referral_program_missing",
        },
      );
    } finally {
      await db()
        .update(referralPrograms)
        .set({ isDefault: true })
        .where(eq(referralPrograms.id, program!.id));
    }
  });
});

describe("GET /api/v1/referrals", () => {
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: referralsGet,
    method: "GET",
    path: "/referrals",
    auth: "user",
  });

  it("lists the user's referrals and rewards, newest first, with a discount reward's code, and nobody else's", async () => {
    const { user, token } = await customer();
    const stranger = await customer();
    const older = uniqueEmail("older");
    expect((await invite(token, { email: older })).status).toBe(201);
    freezeClock(addDays(T0, 1));
    const newer = uniqueEmail("newer");
    expect((await invite(token, { email: newer, name: "Newer" })).status).toBe(201);
    expect((await invite(stranger.token, { email: uniqueEmail("theirs") })).status).toBe(201);

    // A completed referral with a discount reward, as the completion function records it.
    const [completed] = await db()
      .update(referrals)
      .set({ status: "complete", completedAt: addDays(T0, 2), review: null })
      .where(and(eq(referrals.referrerUserId, user.id), eq(referrals.referredEmail, older)))
      .returning();
    const [code] = await db()
      .insert(discountCodes)
      .values({
        userId: user.id,
        code: "REF-API-TEST",
        kind: "fixed",
        amountOffCents: 500,
        expiresAt: addDays(T0, 30),
      })
      .returning();
    const [reward] = await db()
      .insert(referralRewards)
      .values({
        referralId: completed!.id,
        userId: user.id,
        role: "referrer",
        rewardType: "discount",
        description: "€5.00 off a payment",
        discountCodeId: code!.id,
        createdAt: addDays(T0, 2),
      })
      .returning();

    const result = await list(token);

    expect(result.status).toBe(200);
    expect(referralListSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.referrals.map((row: { email: string }) => row.email)).toEqual([
      newer,
      older,
    ]);
    expect(result.json.referrals[1]).toMatchObject({
      status: "complete",
      completed_at: addDays(T0, 2).toISOString(),
    });
    expect(result.json.rewards).toEqual([
      {
        id: reward!.id,
        referral_id: completed!.id,
        role: "referrer",
        type: "discount",
        description: "€5.00 off a payment",
        created_at: addDays(T0, 2).toISOString(),
        discount_code: {
          code: "REF-API-TEST",
          kind: "fixed",
          percent_off: null,
          amount_off_cents: 500,
          expires_at: addDays(T0, 30).toISOString(),
          used_at: null,
        },
      },
    ]);
    const theirs = await list(stranger.token);
    expect(theirs.json.referrals).toHaveLength(1);
    expect(theirs.json.rewards).toEqual([]);
  });

  it("masks the address of a friend who came through the link", async () => {
    const { user, token } = await customer();
    const program = (
      await db().select().from(referralPrograms).where(eq(referralPrograms.isDefault, true))
    )[0]!;
    await db().insert(referrals).values({
      referrerUserId: user.id,
      referredEmail: "linked.friend@example.com",
      programId: program.id,
      source: "link",
    });
    const result = await list(token);
    expect(result.json.referrals[0]).toMatchObject({ email: "l•••d@example.com", source: "link" });
  });
});
