import { and, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adminActor } from "@/lib/auth/actor";
import { DAY_MS, advanceClock, freezeClock, resetClock } from "@/lib/clock";
import {
  discountCodes,
  events,
  referralPrograms,
  referralRewards,
  referrals,
  subscriptions,
  type Referral,
} from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { evaluateReferralTrigger } from "@/lib/referrals/complete-referral";
import { expireReferrals } from "@/lib/referrals/expire-referrals";
import { inviteFriend, REFERRAL_INVITATIONS_PER_HOUR } from "@/lib/referrals/invite-friend";
import {
  getReferralLink,
  findReferrerByCode,
  REFERRAL_CODE_PATTERN,
} from "@/lib/referrals/referral-link";
import { emailAliasKey } from "@/lib/referrals/referral-rules";
import { approveReferral, rejectReferral, retryReferral } from "@/lib/referrals/review-referral";
import { recordSighting } from "@/lib/referrals/sightings";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { insertProgram, makeUser, payFor, seedReferralCatalog, uniqueEmail } from "./referral-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let types: Awaited<ReturnType<typeof seedReferralCatalog>>;
const T0 = new Date("2026-06-01T10:00:00Z");
const BROWSER = "0b8f3c1e-5d2a-4c6b-9e7f-1a2b3c4d5e6f";

beforeAll(async () => {
  database = await openTestDatabase();
  types = await seedReferralCatalog(db());
});
afterEach(async () => {
  resetClock();
  await db().delete(referrals);
  await db().delete(referralPrograms);
});
afterAll(() => database.close());

async function codeOf(error: Promise<unknown>): Promise<string> {
  try {
    await error;
  } catch (caught) {
    if (isAppError(caught)) return caught.code;
    throw caught;
  }
  return "no error";
}

/** The referrer with a running web_yearly subscription (started now). */
async function referrerWithSubscription(email = uniqueEmail("referrer")) {
  const referrer = await makeUser(db(), email);
  const subscription = await createSubscription(db(), {
    userId: referrer.id,
    subscriptionTypeId: types.web_yearly,
    isPaid: true,
  });
  return { referrer, subscription };
}

/** A friend who registers through the referrer's link (optionally from a browser). */
async function friendThroughLink(
  referrerId: number,
  browserId: string | null = null,
  email = uniqueEmail("friend"),
) {
  const { code } = await getReferralLink(db(), referrerId);
  const friend = await createUser(db(), {
    email,
    password: "secret1234",
    name: "Friend",
    source: "register",
    referral: { code, fingerprint: { browserId, ip: null } },
  });
  const [referral] = await db()
    .select()
    .from(referrals)
    .where(eq(referrals.referredUserId, friend.id));
  return { friend, referral: referral as Referral };
}

const reload = async (id: number) =>
  (await db().select().from(referrals).where(eq(referrals.id, id)))[0];
const rewardsOf = (referralId: number) =>
  db().select().from(referralRewards).where(eq(referralRewards.referralId, referralId));

describe("referral links", () => {
  it("gives every user one code, the same on every call and under concurrent first calls", async () => {
    const user = await makeUser(db());
    const links = await Promise.all([
      getReferralLink(db(), user.id),
      getReferralLink(db(), user.id),
      getReferralLink(db(), user.id),
    ]);
    expect(new Set(links.map((link) => link.code)).size).toBe(1);
    expect(links[0]?.code).toMatch(REFERRAL_CODE_PATTERN);
    expect(links[0]?.path).toBe(`/r/${links[0]?.code}`);
    expect(await findReferrerByCode(db(), links[0]?.code.toUpperCase() ?? "")).toEqual({
      userId: user.id,
    });
    expect(await findReferrerByCode(db(), "nope")).toBeNull();
  });

  it("makes a link referral at registration, ignores an unknown code, and an invitation wins over a cookie", async () => {
    await insertProgram(db());
    const { referrer } = await referrerWithSubscription();
    const { referral } = await friendThroughLink(referrer.id);
    expect(referral).toMatchObject({
      referrerUserId: referrer.id,
      source: "link",
      status: "pending",
      flags: [],
      review: null,
    });

    const stranger = await createUser(db(), {
      email: uniqueEmail(),
      referral: { code: "zzzzzzzzzz" },
    });
    expect(
      await db().select().from(referrals).where(eq(referrals.referredUserId, stranger.id)),
    ).toEqual([]);

    const inviter = await makeUser(db());
    const email = uniqueEmail("invited");
    const invitation = await inviteFriend(db(), { referrerUserId: inviter.id, email, name: "Ann" });
    const { code } = await getReferralLink(db(), referrer.id);
    const invited = await createUser(db(), { email: email.toUpperCase(), referral: { code } });
    expect(await reload(invitation.id)).toMatchObject({
      referredUserId: invited.id,
      referrerUserId: inviter.id,
      source: "invitation",
    });
    expect(
      await db().select().from(referrals).where(eq(referrals.referrerUserId, referrer.id)),
    ).toHaveLength(1);
  });
});

describe("invitations", () => {
  it("refuses yourself, an existing account, an address referred by anyone, and a bad address", async () => {
    await insertProgram(db());
    const referrer = await makeUser(db());
    const other = await makeUser(db());
    expect(
      await codeOf(
        inviteFriend(db(), { referrerUserId: referrer.id, email: referrer.email.toUpperCase() }),
      ),
    ).toBe("referral_self");
    expect(
      await codeOf(inviteFriend(db(), { referrerUserId: referrer.id, email: other.email })),
    ).toBe("referral_user_exists");
    const email = uniqueEmail("twice");
    await inviteFriend(db(), { referrerUserId: other.id, email });
    expect(
      await codeOf(
        inviteFriend(db(), { referrerUserId: referrer.id, email: ` ${email.toUpperCase()} ` }),
      ),
    ).toBe("referral_already_referred");
    expect(
      await codeOf(inviteFriend(db(), { referrerUserId: referrer.id, email: "not-an-email" })),
    ).toBe("validation_error");
    // The name goes into an email we send: it may not carry a web address.
    for (const name of ["Win at https://evil.example", "see www.evil.example", "cheap-pills.com"]) {
      expect(
        await codeOf(
          inviteFriend(db(), { referrerUserId: referrer.id, email: uniqueEmail(), name }),
        ),
      ).toBe("validation_error");
    }
    await inviteFriend(db(), {
      referrerUserId: referrer.id,
      email: uniqueEmail(),
      name: "Dr. J. R. Smith Jr.",
    });
    expect(
      await db().select().from(referrals).where(eq(referrals.referrerUserId, referrer.id)),
    ).toHaveLength(1);
  });

  it("two concurrent invitations of one address (by two referrers) make one referral", async () => {
    await insertProgram(db());
    const [a, b] = [await makeUser(db()), await makeUser(db())];
    const email = uniqueEmail("race");
    const results = await Promise.allSettled([
      inviteFriend(db(), { referrerUserId: a.id, email }),
      inviteFriend(db(), { referrerUserId: b.id, email: email.toUpperCase() }),
      inviteFriend(db(), { referrerUserId: a.id, email }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected")
        expect(isAppError(result.reason) && result.reason.code).toBe("referral_already_referred");
    }
  });

  it("an invitation and the invited person's registration through the same link at once: one referral", async () => {
    await insertProgram(db());
    const referrer = await makeUser(db());
    const { code } = await getReferralLink(db(), referrer.id);
    const email = uniqueEmail("both");
    const [invited, registered] = await Promise.allSettled([
      inviteFriend(db(), { referrerUserId: referrer.id, email }),
      createUser(db(), { email, referral: { code } }),
    ]);
    expect(registered.status).toBe("fulfilled");
    const rows = await db()
      .select()
      .from(referrals)
      .where(eq(referrals.referrerUserId, referrer.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.referredUserId).toBe(
      registered.status === "fulfilled" ? registered.value.id : -1,
    );
    if (invited.status === "fulfilled") expect(rows[0]?.source).toBe("invitation");
    // The invitation lost the race: either it saw the referral the registration made, or (registration committed
    // first) it saw that the address already belongs to a user.
    else
      expect(["referral_already_referred", "referral_user_exists"]).toContain(
        isAppError(invited.reason) && invited.reason.code,
      );
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "lock order: a registration and an invitation queued behind the same address lock do not deadlock",
    async () => {
      // Both wait for the address lock held by a third connection; released, the registration inserts a referral whose
      // foreign key needs the referrer's row while the invitation holds its own lock on that row.
      await insertProgram(db());
      const referrer = await makeUser(db());
      const { code } = await getReferralLink(db(), referrer.id);
      const email = uniqueEmail("queued");
      const holder = new pg.Client({ connectionString: database.url! });
      await holder.connect();
      await holder.query("begin");
      await holder.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [
        `referral-email:${email}`,
      ]);
      // Settled at once: the invitation is refused while this test still awaits the third connection.
      const registration = Promise.allSettled([createUser(db(), { email, referral: { code } })]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const invitation = Promise.allSettled([
        inviteFriend(db(), { referrerUserId: referrer.id, email }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await holder.query("commit");
      await holder.end();
      const [[registered], [invited]] = await Promise.all([registration, invitation]);
      expect(registered?.status).toBe("fulfilled");
      expect(
        invited?.status === "rejected" && isAppError(invited.reason) && invited.reason.code,
      ).toBe("referral_user_exists");
    },
  );

  it("needs an active default program, and limits invitations per hour", async () => {
    const referrer = await makeUser(db());
    expect(
      await codeOf(inviteFriend(db(), { referrerUserId: referrer.id, email: uniqueEmail() })),
    ).toBe("referral_program_missing");
    await insertProgram(db());
    freezeClock(T0);
    for (let i = 0; i < REFERRAL_INVITATIONS_PER_HOUR; i++)
      await inviteFriend(db(), { referrerUserId: referrer.id, email: uniqueEmail() });
    expect(
      await codeOf(inviteFriend(db(), { referrerUserId: referrer.id, email: uniqueEmail() })),
    ).toBe("referral_rate_limited");
    advanceClock(3_600_001);
    await inviteFriend(db(), { referrerUserId: referrer.id, email: uniqueEmail() });
  });
});

describe("completion", () => {
  it("sign_up extends the referrer's running subscription, records the reward and referral.completed, once", async () => {
    await insertProgram(db());
    const { referrer, subscription } = await referrerWithSubscription();
    const { friend, referral } = await friendThroughLink(referrer.id);
    const results = await Promise.all([
      evaluateReferralTrigger(db(), { userId: friend.id, trigger: "sign_up" }),
      evaluateReferralTrigger(db(), { userId: friend.id, trigger: "sign_up" }),
    ]);
    expect(results.filter((result) => result?.outcome === "complete")).toHaveLength(1);
    expect(await reload(referral.id)).toMatchObject({
      status: "complete",
      trigger: "sign_up",
      rewardCapped: false,
    });
    const [extended] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, subscription.id));
    expect(extended!.endAt.getTime() - subscription.endAt.getTime()).toBe(30 * DAY_MS);
    const rewards = await rewardsOf(referral.id);
    expect(rewards).toHaveLength(1);
    expect(rewards[0]).toMatchObject({
      userId: referrer.id,
      role: "referrer",
      rewardType: "free_days",
      description: "30 free days",
      subscriptionId: subscription.id,
    });
    const completed = await db()
      .select()
      .from(events)
      .where(and(eq(events.name, "referral.completed"), eq(events.userId, referrer.id)));
    expect(completed).toHaveLength(1);
    expect(completed[0]?.payload).toMatchObject({
      referral_id: referral.id,
      referred_user_id: friend.id,
      reward_capped: false,
    });
  });

  it("free_days grants the configured type when nothing runs", async () => {
    await insertProgram(db());
    const referrer = await makeUser(db());
    const { friend, referral } = await friendThroughLink(referrer.id);
    freezeClock(T0);
    expect(
      await evaluateReferralTrigger(db(), { userId: friend.id, trigger: "sign_up" }),
    ).toMatchObject({ outcome: "complete" });
    const granted = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.userId, referrer.id));
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({
      subscriptionTypeId: types.web_monthly,
      kind: "referral_reward",
      isPaid: false,
      startAt: T0,
    });
    expect(granted[0]!.endAt.getTime() - T0.getTime()).toBe(30 * DAY_MS);
    expect((await rewardsOf(referral.id))[0]?.detail).toMatchObject({ mode: "granted", days: 30 });
  });

  it("a reward that cannot be granted leaves the referral error with the reason; an admin retry completes it", async () => {
    await insertProgram(db(), {
      reward: { type: "free_days", options: { days: 10 } },
      friend_reward: { type: "discount", options: { kind: "percent", percent_off: 20 } },
    });
    const referrer = await makeUser(db());
    const { friend, referral } = await friendThroughLink(referrer.id);
    expect(
      await evaluateReferralTrigger(db(), { userId: friend.id, trigger: "sign_up" }),
    ).toMatchObject({ outcome: "error" });
    const failed = await reload(referral.id);
    expect(failed).toMatchObject({ status: "error", trigger: "sign_up" });
    expect(failed?.errorReason).toMatch(/no running subscription/);
    // All or nothing: the friend's discount was rolled back with the failed grant.
    expect(await rewardsOf(referral.id)).toEqual([]);
    expect(
      await db().select().from(discountCodes).where(eq(discountCodes.userId, friend.id)),
    ).toEqual([]);
    expect(
      await codeOf(
        approveReferral(db(), { referralId: referral.id, actor: adminActor(referrer.id) }),
      ),
    ).toBe("referral_not_flagged");

    const subscription = await createSubscription(db(), {
      userId: referrer.id,
      subscriptionTypeId: types.web_monthly,
      isPaid: true,
    });
    const retried = await retryReferral(db(), { referralId: referral.id });
    expect(retried).toMatchObject({ status: "complete", errorReason: null });
    const rewards = await rewardsOf(referral.id);
    expect(rewards.map((reward) => reward.role).sort()).toEqual(["friend", "referrer"]);
    expect(rewards.find((reward) => reward.role === "referrer")?.subscriptionId).toBe(
      subscription.id,
    );
    const [code] = await db()
      .select()
      .from(discountCodes)
      .where(eq(discountCodes.userId, friend.id));
    expect(code).toMatchObject({ kind: "percent", percentOff: 20, paymentId: null, usedAt: null });
    expect(await codeOf(retryReferral(db(), { referralId: referral.id }))).toBe(
      "referral_not_failed",
    );
  });

  it("first_payment waits for a payment reaching the minimum; sign_up does not fire it", async () => {
    await insertProgram(db(), {
      triggers: [{ type: "first_payment", options: {} }],
      constraints: [{ type: "minimum_payment_cents", options: { amount_cents: 1000 } }],
    });
    const { referrer } = await referrerWithSubscription();
    const { friend, referral } = await friendThroughLink(referrer.id);
    expect(
      await evaluateReferralTrigger(db(), { userId: friend.id, trigger: "sign_up" }),
    ).toMatchObject({ outcome: "not_triggered" });
    const small = await payFor(db(), friend.id, "web_monthly", 990);
    expect(
      await evaluateReferralTrigger(db(), {
        userId: friend.id,
        trigger: "first_payment",
        paymentId: small.payment.id,
      }),
    ).toMatchObject({ outcome: "constraint_failed" });
    expect((await reload(referral.id))?.status).toBe("pending");
    const big = await payFor(db(), friend.id, "web_yearly");
    expect(
      await evaluateReferralTrigger(db(), {
        userId: friend.id,
        trigger: "first_payment",
        paymentId: big.payment.id,
      }),
    ).toMatchObject({ outcome: "complete" });
    expect(await reload(referral.id)).toMatchObject({
      status: "complete",
      triggerPaymentId: big.payment.id,
    });
  });

  it("a referral past its timeout expires: on its trigger, and by the daily sweep", async () => {
    await insertProgram(db(), { constraints: [{ type: "timeout_days", options: { days: 7 } }] });
    freezeClock(T0);
    const referrer = await makeUser(db());
    const late = await friendThroughLink(referrer.id);
    const swept = await friendThroughLink(referrer.id);
    expect(late.referral.expiresAt?.getTime()).toBe(T0.getTime() + 7 * DAY_MS);
    advanceClock(7 * DAY_MS - 1);
    expect(await expireReferrals(db())).toBe(0);
    advanceClock(1);
    expect(
      await evaluateReferralTrigger(db(), { userId: late.friend.id, trigger: "sign_up" }),
    ).toMatchObject({ outcome: "expired" });
    expect(await expireReferrals(db())).toBe(1);
    expect((await reload(swept.referral.id))?.status).toBe("expired");
    expect(
      await evaluateReferralTrigger(db(), { userId: swept.friend.id, trigger: "sign_up" }),
    ).toBeNull();
    expect(await rewardsOf(late.referral.id)).toEqual([]);
  });

  it("past the cap the referral completes, marked capped, without the referrer's reward (the friend's still comes)", async () => {
    await insertProgram(db(), {
      max_rewards_per_referrer: 1,
      friend_reward: {
        type: "discount",
        options: { kind: "fixed", amount_off_cents: 500, valid_days: 30 },
      },
    });
    const { referrer } = await referrerWithSubscription();
    const first = await friendThroughLink(referrer.id);
    const second = await friendThroughLink(referrer.id);
    await Promise.all([
      evaluateReferralTrigger(db(), { userId: first.friend.id, trigger: "sign_up" }),
      evaluateReferralTrigger(db(), { userId: second.friend.id, trigger: "sign_up" }),
    ]);
    const rows = await Promise.all([reload(first.referral.id), reload(second.referral.id)]);
    expect(rows.map((row) => row?.status)).toEqual(["complete", "complete"]);
    expect(rows.filter((row) => row?.rewardCapped)).toHaveLength(1);
    const referrerRewards = await db()
      .select()
      .from(referralRewards)
      .where(eq(referralRewards.userId, referrer.id));
    expect(referrerRewards).toHaveLength(1);
    const friendRewards = await db()
      .select()
      .from(referralRewards)
      .where(eq(referralRewards.role, "friend"));
    expect(
      friendRewards.filter((reward) => [first.friend.id, second.friend.id].includes(reward.userId)),
    ).toHaveLength(2);
    expect(friendRewards[0]?.description).toBe("€5.00 off a payment");
  });
});

describe("fraud guard", () => {
  it("a friend registering from the referrer's browser is held; approval completes it as of the trigger", async () => {
    await insertProgram(db());
    const { referrer, subscription } = await referrerWithSubscription();
    await recordSighting(db(), { userId: referrer.id, browserId: BROWSER, ip: "203.0.113.7" });
    const { friend, referral } = await friendThroughLink(referrer.id, BROWSER);
    expect(referral).toMatchObject({
      flags: ["same_browser"],
      review: "flagged",
      status: "pending",
    });
    expect(
      await evaluateReferralTrigger(db(), { userId: friend.id, trigger: "sign_up" }),
    ).toMatchObject({ outcome: "held" });
    expect(await reload(referral.id)).toMatchObject({ status: "pending", trigger: "sign_up" });
    expect(await rewardsOf(referral.id)).toEqual([]);
    const approved = await approveReferral(db(), {
      referralId: referral.id,
      actor: adminActor(referrer.id),
    });
    expect(approved).toMatchObject({
      status: "complete",
      review: "approved",
      reviewedByUserId: referrer.id,
    });
    const [extended] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, subscription.id));
    expect(extended!.endAt.getTime() - subscription.endAt.getTime()).toBe(30 * DAY_MS);
    expect(
      await codeOf(
        approveReferral(db(), { referralId: referral.id, actor: adminActor(referrer.id) }),
      ),
    ).toBe("referral_not_flagged");
  });

  it("a held referral stays held through later firings past its timeout, and the sweep leaves it to the reviewer", async () => {
    await insertProgram(db(), {
      triggers: [{ type: "first_payment", options: {} }],
      constraints: [{ type: "timeout_days", options: { days: 7 } }],
    });
    freezeClock(T0);
    const { referrer } = await referrerWithSubscription();
    await recordSighting(db(), { userId: referrer.id, browserId: BROWSER, ip: null });
    const { friend, referral } = await friendThroughLink(referrer.id, BROWSER);
    const first = await payFor(db(), friend.id, "web_monthly");
    expect(
      await evaluateReferralTrigger(db(), {
        userId: friend.id,
        trigger: "first_payment",
        paymentId: first.payment.id,
      }),
    ).toMatchObject({ outcome: "held" });
    advanceClock(31 * DAY_MS);
    const renewal = await payFor(db(), friend.id, "web_monthly");
    expect(
      await evaluateReferralTrigger(db(), {
        userId: friend.id,
        trigger: "first_payment",
        paymentId: renewal.payment.id,
      }),
    ).toMatchObject({ outcome: "held" });
    expect(await expireReferrals(db())).toBe(0);
    expect(await reload(referral.id)).toMatchObject({
      status: "pending",
      review: "flagged",
      triggerPaymentId: first.payment.id,
      triggeredAt: T0,
    });
    expect(
      await approveReferral(db(), { referralId: referral.id, actor: adminActor(referrer.id) }),
    ).toMatchObject({ status: "complete" });
  });

  it("judges the timeout by when the friend acted, not when the event was processed", async () => {
    await insertProgram(db(), { constraints: [{ type: "timeout_days", options: { days: 7 } }] });
    freezeClock(T0);
    const referrer = await makeUser(db());
    const { friend, referral } = await friendThroughLink(referrer.id);
    const signedInAt = new Date(T0.getTime() + 7 * DAY_MS - 1000);
    advanceClock(7 * DAY_MS + 60_000);
    expect(
      await evaluateReferralTrigger(db(), {
        userId: friend.id,
        trigger: "sign_up",
        occurredAt: signedInAt,
      }),
    ).toMatchObject({ outcome: "complete" });
    expect((await reload(referral.id))?.triggeredAt).toEqual(signedInAt);
  });

  it("an approved invitation is flagged again when its friend registers with a new finding", async () => {
    await insertProgram(db());
    const referrer = await makeUser(db(), "ann.lee@example.test");
    await recordSighting(db(), { userId: referrer.id, browserId: BROWSER, ip: null });
    const invitation = await inviteFriend(db(), {
      referrerUserId: referrer.id,
      email: "annlee+2@example.test",
    });
    expect(invitation.flags).toEqual(["email_alias"]);
    const approved = await approveReferral(db(), {
      referralId: invitation.id,
      actor: adminActor(referrer.id),
    });
    expect(approved).toMatchObject({ status: "pending", review: "approved" });
    await createUser(db(), {
      email: "annlee+2@example.test",
      referral: { fingerprint: { browserId: BROWSER, ip: null } },
    });
    expect(await reload(invitation.id)).toMatchObject({
      flags: ["email_alias", "same_browser"],
      review: "flagged",
    });
  });

  it("flags the same IP within the window only, and an address that differs by +tag or dots; rejection never rewards", async () => {
    await insertProgram(db(), { review_window_days: 10 });
    freezeClock(T0);
    const referrer = await makeUser(db(), "jane.doe@example.test");
    await recordSighting(db(), { userId: referrer.id, browserId: null, ip: "198.51.100.4" });
    const sameIp = await createUser(db(), {
      email: uniqueEmail(),
      referral: {
        code: (await getReferralLink(db(), referrer.id)).code,
        fingerprint: { browserId: null, ip: "198.51.100.4" },
      },
    });
    const [flagged] = await db()
      .select()
      .from(referrals)
      .where(eq(referrals.referredUserId, sameIp.id));
    expect(flagged?.flags).toEqual(["same_ip"]);
    advanceClock(11 * DAY_MS);
    const later = await friendThroughLink(referrer.id);
    expect(later.referral.flags).toEqual([]);
    const alias = await inviteFriend(db(), {
      referrerUserId: referrer.id,
      email: "JaneDoe+friend@example.test",
    });
    expect(alias).toMatchObject({ flags: ["email_alias"], review: "flagged" });
    expect(emailAliasKey("j.a.n.e+x@Example.TEST")).toBe("jane@example.test");
    const rejected = await rejectReferral(db(), {
      referralId: alias.id,
      actor: adminActor(referrer.id),
    });
    expect(rejected).toMatchObject({ status: "rejected", review: "rejected" });
    const account = await createUser(db(), { email: "janedoe+friend@example.test" });
    expect(
      await evaluateReferralTrigger(db(), { userId: account.id, trigger: "sign_up" }),
    ).toBeNull();
  });
});

describe("sign-in", () => {
  it("records user.signed_in, first only on the first sign-in", async () => {
    const user = await makeUser(db());
    await authenticateUser(db(), user.email, "secret1234");
    await authenticateUser(db(), user.email, "secret1234");
    expect(await authenticateUser(db(), user.email, "wrong-password")).toBeNull();
    const rows = await db()
      .select()
      .from(events)
      .where(and(eq(events.name, "user.signed_in"), eq(events.userId, user.id)));
    expect(rows.map((row) => row.payload.first)).toEqual([true, false]);
  });
});
