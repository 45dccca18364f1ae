import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  initialProgramFormValues,
  programInputFromForm,
} from "@/components/admin/referrals/program-form-values";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { addDays, DAY_MS, freezeClock, resetClock } from "@/lib/clock";
import {
  discountCodes,
  payments,
  referralPrograms,
  referralRewards,
  referrals,
  subscriptions,
  type Referral,
} from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { recordRefund } from "@/lib/payments/record-refund";
import { programFieldErrors } from "@/lib/referrals/admin/program-field-errors";
import { programFormRegistries } from "@/lib/referrals/admin/program-form-entries";
import { serializeReferralProgram } from "@/lib/referrals/admin/referral-program-json";
import { createReferralProgram, updateReferralProgram } from "@/lib/referrals/admin/save-program";
import { programInputOf, programInputSchema } from "@/lib/referrals/schemas";
import { evaluateReferralTrigger } from "@/lib/referrals/complete-referral";
import { applyDiscountCode } from "@/lib/referrals/discounts/apply-discount-code";
import { listUserReferrals } from "@/lib/referrals/list-user-referrals";
import { getReferralLink } from "@/lib/referrals/referral-link";
import { retryReferral } from "@/lib/referrals/review-referral";
import { REFUNDED_WHILE_HELD } from "@/lib/referrals/rewards/hold-reward";
import {
  releaseHeldRewards,
  releaseReferralRewards,
} from "@/lib/referrals/rewards/release-held-rewards";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import {
  insertProgram,
  makeUser,
  payFor,
  REFERRAL_CATALOG,
  seedReferralCatalog,
  uniqueEmail,
} from "./referral-kit";

/*
 * The hold period and the clawback of referral rewards (Mothership's refer-a-friend): rewards earned by the friend's
 * payment wait `reward_hold_days` before they are granted (by the hourly release), and a refund of that payment takes
 * back what was never granted or is still unused — and keeps, with the reason, what was used.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let types: Awaited<ReturnType<typeof seedReferralCatalog>>;
const T0 = new Date("2026-06-01T10:00:00Z");
const HOLD_DAYS = 14;

beforeAll(async () => {
  database = await openTestDatabase();
  types = await seedReferralCatalog(db());
});
beforeEach(() => freezeClock(T0));
afterEach(async () => {
  resetClock();
  await db().delete(referrals);
  await db().delete(referralPrograms);
});
afterAll(async () => {
  resetClock();
  await database.close();
});

const PAYMENT_TRIGGER = [{ type: "first_payment", options: {} }];
const FREE_DAYS = { type: "free_days", options: { days: 30 } };
const DISCOUNT_20 = { type: "discount", options: { kind: "percent", percent_off: 20 } };

/** A referrer with a running web_yearly subscription (from now), and their friend registered through the link. */
async function referrerAndFriend() {
  const referrer = await makeUser(db(), uniqueEmail("referrer"));
  const subscription = await createSubscription(db(), {
    userId: referrer.id,
    subscriptionTypeId: types.web_yearly,
    isPaid: true,
  });
  const { code } = await getReferralLink(db(), referrer.id);
  const friend = await createUser(db(), {
    email: uniqueEmail("friend"),
    password: "secret1234",
    name: "Friend",
    referral: { code },
  });
  const [referral] = await db()
    .select()
    .from(referrals)
    .where(eq(referrals.referredUserId, friend.id));
  return { referrer, subscription, friend, referral: referral as Referral };
}

/** The friend pays for web_monthly and the payment trigger fires (as referrals-complete does on `payment.paid`). */
async function friendPays(friendId: number) {
  const { payment } = await payFor(db(), friendId, "web_monthly");
  const result = await evaluateReferralTrigger(db(), {
    userId: friendId,
    trigger: "first_payment",
    paymentId: payment.id,
  });
  expect(result?.outcome).toBe("complete");
  return payment;
}

const rewardsOf = (referralId: number) =>
  db()
    .select()
    .from(referralRewards)
    .where(eq(referralRewards.referralId, referralId))
    .orderBy(referralRewards.role);
const rewardOf = async (referralId: number, role: "referrer" | "friend") =>
  (
    await db()
      .select()
      .from(referralRewards)
      .where(and(eq(referralRewards.referralId, referralId), eq(referralRewards.role, role)))
  )[0]!;
const subscriptionNow = async (id: number) =>
  (await db().select().from(subscriptions).where(eq(subscriptions.id, id)))[0]!;
const codesOf = (userId: number) =>
  db().select().from(discountCodes).where(eq(discountCodes.userId, userId));
const referralNow = async (id: number) =>
  (await db().select().from(referrals).where(eq(referrals.id, id)))[0]!;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return "no error";
}

/** An unpaid card payment of web_monthly for the user (what a checkout or renewal would charge). */
async function formPayment(userId: number) {
  const { payment } = await createPayment(db(), {
    userId,
    gateway: "demo",
    items: [{ subscriptionTypeCode: "web_monthly", count: 1 }],
  });
  return payment;
}

describe("reward_hold_days on the program", () => {
  const base = { name: "Held", triggers: PAYMENT_TRIGGER, reward: FREE_DAYS };
  const issues = (input: Record<string, unknown>) => {
    const parsed = programInputSchema.safeParse({ ...base, ...input });
    return parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("defaults to 0, accepts 0 to 365 whole days, and refuses anything else with a message on the field", () => {
    expect(programInputSchema.parse(base).reward_hold_days).toBe(0);
    expect(issues({ reward_hold_days: 0 })).toEqual([]);
    expect(issues({ reward_hold_days: 365 })).toEqual([]);
    expect(issues({ reward_hold_days: 366 })).toEqual([
      "reward_hold_days: Hold rewards for at most 365 days.",
    ]);
    expect(issues({ reward_hold_days: -1 })).toEqual([
      "reward_hold_days: The hold cannot be negative.",
    ]);
    expect(issues({ reward_hold_days: 1.5 })).toEqual(["reward_hold_days: Enter whole days."]);
    expect(issues({ reward_hold_days: "x" })).toEqual([
      "reward_hold_days: Enter a number of days (0 for none).",
    ]);
  });

  it("needs the payment trigger: a sign-up cannot be refunded", () => {
    expect(issues({ triggers: [{ type: "sign_up", options: {} }], reward_hold_days: 7 })).toEqual([
      "reward_hold_days: A hold needs the “Friend pays” trigger: only a payment can be refunded.",
    ]);
    expect(issues({ triggers: [{ type: "sign_up", options: {} }], reward_hold_days: 0 })).toEqual(
      [],
    );
  });

  it("is saved through the program form's and the API's save path, and shown in the API's JSON", async () => {
    const saved = await createReferralProgram(db(), {
      ...base,
      name: uniqueEmail("program"),
      reward_hold_days: 21,
    });
    expect(saved.rewardHoldDays).toBe(21);
    expect(serializeReferralProgram(saved).reward_hold_days).toBe(21);
    const updated = await updateReferralProgram(db(), saved.id, {
      ...programInputOf(saved),
      reward_hold_days: 0,
    });
    expect(updated.rewardHoldDays).toBe(0);

    // The admin form starts from the saved value, submits what was typed, and gets the field's own message back.
    const registries = programFormRegistries();
    const values = initialProgramFormValues(registries, programInputOf(saved));
    expect(values.rewardHoldDays).toBe("21");
    expect(
      programInputSchema.parse(programInputFromForm(registries, { ...values, rewardHoldDays: "7" }))
        .reward_hold_days,
    ).toBe(7);
    expect(
      programInputSchema.parse(programInputFromForm(registries, { ...values, rewardHoldDays: " " }))
        .reward_hold_days,
    ).toBe(0);
    const typed = programInputFromForm(registries, { ...values, rewardHoldDays: "400" });
    const refused = programInputSchema.safeParse(typed);
    expect(refused.success ? {} : programFieldErrors(typed, refused.error.issues)).toEqual({
      reward_hold_days: ["Hold rewards for at most 365 days."],
    });
  });
});

describe("held rewards", () => {
  it("records the rewards of a paid referral as held, grants nothing, and grants them once grant_at has passed", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: FREE_DAYS,
      friend_reward: DISCOUNT_20,
      reward_hold_days: HOLD_DAYS,
    });
    const { referrer, subscription, friend, referral } = await referrerAndFriend();
    await friendPays(friend.id);

    expect(await referralNow(referral.id)).toMatchObject({ status: "complete", completedAt: T0 });
    const held = await rewardsOf(referral.id);
    expect(held).toHaveLength(2);
    for (const reward of held) {
      expect(reward).toMatchObject({
        status: "held",
        grantAt: addDays(T0, HOLD_DAYS),
        subscriptionId: null,
        discountCodeId: null,
      });
    }
    expect(held.map((reward) => reward.description)).toEqual(["30 free days", "20% off a payment"]);
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(subscription.endAt);
    expect(await codesOf(friend.id)).toEqual([]);

    freezeClock(new Date(addDays(T0, HOLD_DAYS).getTime() - 60_000));
    expect(await releaseHeldRewards(db())).toEqual({ released: 0, clawedBack: 0, failed: 0 });
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(subscription.endAt);

    freezeClock(addDays(T0, HOLD_DAYS));
    expect(await releaseHeldRewards(db())).toEqual({ released: 1, clawedBack: 0, failed: 0 });
    const referrerReward = await rewardOf(referral.id, "referrer");
    expect(referrerReward).toMatchObject({
      status: "granted",
      userId: referrer.id,
      subscriptionId: subscription.id,
      clawbackReason: null,
    });
    expect(referrerReward.detail).toMatchObject({
      mode: "extended",
      days: 30,
      held_until: addDays(T0, HOLD_DAYS).toISOString(),
    });
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(addDays(subscription.endAt, 30));
    const [code] = await codesOf(friend.id);
    expect(await rewardOf(referral.id, "friend")).toMatchObject({
      status: "granted",
      discountCodeId: code?.id,
    });

    // Released once: the next run finds nothing.
    expect(await releaseHeldRewards(db())).toEqual({ released: 0, clawedBack: 0, failed: 0 });
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(addDays(subscription.endAt, 30));
  });

  it("never holds the rewards of a sign_up referral, even in a program with a hold", async () => {
    await insertProgram(db(), {
      triggers: [{ type: "sign_up", options: {} }, ...PAYMENT_TRIGGER],
      reward: FREE_DAYS,
      reward_hold_days: HOLD_DAYS,
    });
    const { subscription, friend, referral } = await referrerAndFriend();
    expect(
      await evaluateReferralTrigger(db(), { userId: friend.id, trigger: "sign_up" }),
    ).toMatchObject({ outcome: "complete" });
    expect(await rewardsOf(referral.id)).toEqual([
      expect.objectContaining({
        role: "referrer",
        status: "granted",
        grantAt: null,
        subscriptionId: subscription.id,
      }),
    ]);
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(addDays(subscription.endAt, 30));
  });

  it("a reward that fails at release leaves the referral in error; the admin's retry grants it", async () => {
    // No subscription type to grant: a referrer with nothing running cannot be rewarded.
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: FREE_DAYS,
      reward_hold_days: HOLD_DAYS,
    });
    const referrer = await makeUser(db(), uniqueEmail("referrer"));
    const { code } = await getReferralLink(db(), referrer.id);
    const friend = await createUser(db(), { email: uniqueEmail("friend"), referral: { code } });
    const [referral] = await db()
      .select()
      .from(referrals)
      .where(eq(referrals.referredUserId, friend.id));
    await friendPays(friend.id);

    freezeClock(addDays(T0, HOLD_DAYS));
    expect(await releaseHeldRewards(db())).toEqual({ released: 0, clawedBack: 0, failed: 1 });
    expect(await referralNow(referral!.id)).toMatchObject({
      status: "error",
      errorReason: expect.stringContaining("no running subscription"),
    });
    expect(await rewardOf(referral!.id, "referrer")).toMatchObject({ status: "held" });
    // An errored referral waits for the admin instead of failing every hour.
    expect(await releaseHeldRewards(db())).toEqual({ released: 0, clawedBack: 0, failed: 0 });

    const subscription = await createSubscription(db(), {
      userId: referrer.id,
      subscriptionTypeId: types.web_monthly,
      isPaid: true,
    });
    expect(await retryReferral(db(), { referralId: referral!.id })).toMatchObject({
      status: "complete",
      errorReason: null,
    });
    expect(await rewardOf(referral!.id, "referrer")).toMatchObject({
      status: "granted",
      subscriptionId: subscription.id,
    });
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(addDays(subscription.endAt, 30));
  });
});

describe("clawback when the friend's payment is refunded", () => {
  it("takes back held rewards, which are then never granted", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: FREE_DAYS,
      friend_reward: DISCOUNT_20,
      reward_hold_days: HOLD_DAYS,
    });
    const { subscription, friend, referral } = await referrerAndFriend();
    const payment = await friendPays(friend.id);

    freezeClock(addDays(T0, 3));
    await recordRefund(db(), { paymentId: payment.id });
    for (const reward of await rewardsOf(referral.id)) {
      expect(reward).toMatchObject({
        status: "clawed_back",
        clawedBackAt: addDays(T0, 3),
        clawbackReason: REFUNDED_WHILE_HELD,
      });
    }
    expect(await referralNow(referral.id)).toMatchObject({ status: "complete" });

    freezeClock(addDays(T0, HOLD_DAYS + 1));
    expect(await releaseHeldRewards(db())).toEqual({ released: 0, clawedBack: 0, failed: 0 });
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(subscription.endAt);
    expect(await codesOf(friend.id)).toEqual([]);
  });

  it("removes granted free days that are still ahead, moving the subscriptions queued after them back", async () => {
    await insertProgram(db(), { triggers: PAYMENT_TRIGGER, reward: FREE_DAYS });
    const { referrer, subscription, friend, referral } = await referrerAndFriend();
    const queued = await createSubscription(db(), {
      userId: referrer.id,
      subscriptionTypeId: types.web_yearly,
      isPaid: true,
    });
    expect(queued.startAt).toEqual(subscription.endAt);
    const payment = await friendPays(friend.id);
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(addDays(subscription.endAt, 30));
    expect((await subscriptionNow(queued.id)).startAt).toEqual(addDays(queued.startAt, 30));

    freezeClock(addDays(T0, 10));
    await recordRefund(db(), { paymentId: payment.id });
    expect(await rewardOf(referral.id, "referrer")).toMatchObject({
      status: "clawed_back",
      clawbackReason: `the friend's payment was refunded, so 30 free days came off subscription #${subscription.id}`,
    });
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(subscription.endAt);
    expect(await subscriptionNow(queued.id)).toMatchObject({
      startAt: queued.startAt,
      endAt: queued.endAt,
    });
  });

  it("removes only the unused part when the refund comes inside the free days", async () => {
    await insertProgram(db(), { triggers: PAYMENT_TRIGGER, reward: FREE_DAYS });
    const referrer = await makeUser(db(), uniqueEmail("referrer"));
    const subscription = await createSubscription(db(), {
      userId: referrer.id,
      subscriptionTypeId: types.web_monthly,
      isPaid: true,
    });
    const { code } = await getReferralLink(db(), referrer.id);
    const friend = await createUser(db(), { email: uniqueEmail("friend"), referral: { code } });
    const payment = await friendPays(friend.id);
    const extendedEnd = addDays(subscription.endAt, 30);

    const refundAt = addDays(subscription.endAt, 12);
    freezeClock(refundAt);
    await recordRefund(db(), { paymentId: payment.id });
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(refundAt);
    const [referral] = await db()
      .select()
      .from(referrals)
      .where(eq(referrals.referredUserId, friend.id));
    expect((await rewardOf(referral!.id, "referrer")).clawbackReason).toBe(
      `the friend's payment was refunded, so the unused 18 free days of 30 came off subscription #${subscription.id}`,
    );
    expect(extendedEnd.getTime() - refundAt.getTime()).toBe(18 * DAY_MS);
  });

  it("keeps free days already used, with the reason", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: { type: "free_days", options: { days: 5 } },
    });
    const referrer = await makeUser(db(), uniqueEmail("referrer"));
    const subscription = await createSubscription(db(), {
      userId: referrer.id,
      subscriptionTypeId: types.web_monthly,
      isPaid: true,
    });
    const { code } = await getReferralLink(db(), referrer.id);
    const friend = await createUser(db(), { email: uniqueEmail("friend"), referral: { code } });
    const payment = await friendPays(friend.id);
    const end = addDays(subscription.endAt, 5);

    freezeClock(addDays(end, 1));
    await recordRefund(db(), { paymentId: payment.id });
    const [referral] = await db()
      .select()
      .from(referrals)
      .where(eq(referrals.referredUserId, friend.id));
    expect(await rewardOf(referral!.id, "referrer")).toMatchObject({
      status: "granted",
      clawedBackAt: null,
      clawbackReason: `kept: the free days were already used (subscription #${subscription.id} ended ${end.toISOString().slice(0, 10)})`,
    });
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(end);
  });

  it("stops a granted reward subscription that has not ended", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: { type: "free_days", options: { days: 30, subscription_type_code: "web_monthly" } },
    });
    const referrer = await makeUser(db(), uniqueEmail("referrer"));
    const { code } = await getReferralLink(db(), referrer.id);
    const friend = await createUser(db(), { email: uniqueEmail("friend"), referral: { code } });
    const payment = await friendPays(friend.id);
    const [referral] = await db()
      .select()
      .from(referrals)
      .where(eq(referrals.referredUserId, friend.id));
    const granted = await rewardOf(referral!.id, "referrer");
    expect(await subscriptionNow(granted.subscriptionId!)).toMatchObject({
      kind: "referral_reward",
      endAt: addDays(T0, 30),
    });

    freezeClock(addDays(T0, 4));
    await recordRefund(db(), { paymentId: payment.id });
    expect((await subscriptionNow(granted.subscriptionId!)).endAt).toEqual(addDays(T0, 4));
    expect(await rewardOf(referral!.id, "referrer")).toMatchObject({
      status: "clawed_back",
      clawbackReason: `the friend's payment was refunded, so reward subscription #${granted.subscriptionId} was stopped`,
    });
  });

  it("voids an unused discount code, taking it off the unpaid payment it was applied to first", async () => {
    await insertProgram(db(), { triggers: PAYMENT_TRIGGER, reward: DISCOUNT_20 });
    const { referrer, friend, referral } = await referrerAndFriend();
    const payment = await friendPays(friend.id);
    const [code] = await codesOf(referrer.id);
    const pending = await formPayment(referrer.id);
    await applyDiscountCode(db(), { userId: referrer.id, paymentId: pending.id, code: code!.code });

    freezeClock(addDays(T0, 2));
    await recordRefund(db(), { paymentId: payment.id });
    expect(await rewardOf(referral.id, "referrer")).toMatchObject({
      status: "clawed_back",
      clawbackReason: `the friend's payment was refunded, so code ${code!.code} was voided`,
    });
    const [unbound] = await db().select().from(payments).where(eq(payments.id, pending.id));
    expect(unbound).toMatchObject({ amountCents: REFERRAL_CATALOG.web_monthly.priceCents });
    expect(unbound?.meta.discount_code).toBeUndefined();
    expect(await codesOf(referrer.id)).toEqual([
      expect.objectContaining({ paymentId: null, usedAt: null, expiresAt: code!.createdAt }),
    ]);
    expect(
      await codeOf(
        applyDiscountCode(db(), { userId: referrer.id, paymentId: pending.id, code: code!.code }),
      ),
    ).toBe("discount_code_expired");
    expect((await listUserReferrals(db(), { userId: referrer.id })).unusedDiscountCodes).toEqual(
      [],
    );
  });

  it("keeps a discount code already used, with the reason", async () => {
    await insertProgram(db(), { triggers: PAYMENT_TRIGGER, reward: DISCOUNT_20 });
    const { referrer, friend, referral } = await referrerAndFriend();
    const payment = await friendPays(friend.id);
    const [code] = await codesOf(referrer.id);
    const spent = await formPayment(referrer.id);
    await applyDiscountCode(db(), { userId: referrer.id, paymentId: spent.id, code: code!.code });
    await markPaymentPaid(db(), { paymentId: spent.id, actor: SYSTEM_ACTOR });

    await recordRefund(db(), { paymentId: payment.id });
    expect(await rewardOf(referral.id, "referrer")).toMatchObject({
      status: "granted",
      clawbackReason: `kept: code ${code!.code} was already used on payment #${spent.id}`,
    });
    expect(await codesOf(referrer.id)).toEqual([
      expect.objectContaining({ paymentId: spent.id, usedAt: T0, expiresAt: null }),
    ]);
  });

  it("shows a taken-back reward to the customer with its reason", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: FREE_DAYS,
      reward_hold_days: HOLD_DAYS,
    });
    const { referrer, friend } = await referrerAndFriend();
    const payment = await friendPays(friend.id);
    await recordRefund(db(), { paymentId: payment.id });
    const { rewards } = await listUserReferrals(db(), { userId: referrer.id });
    expect(rewards.map(({ reward }) => [reward.status, reward.clawbackReason])).toEqual([
      ["clawed_back", REFUNDED_WHILE_HELD],
    ]);
  });
});

describe("the release and a refund racing over one held reward", () => {
  it("ends taken back every time: granted then clawed back, or clawed back before it was granted", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: FREE_DAYS,
      friend_reward: DISCOUNT_20,
      reward_hold_days: HOLD_DAYS,
    });
    for (let round = 0; round < 6; round++) {
      freezeClock(T0);
      const { subscription, friend, referral } = await referrerAndFriend();
      const payment = await friendPays(friend.id);
      freezeClock(addDays(T0, HOLD_DAYS));
      const race =
        round % 2 === 0
          ? [releaseHeldRewards(db()), recordRefund(db(), { paymentId: payment.id })]
          : [recordRefund(db(), { paymentId: payment.id }), releaseHeldRewards(db())];
      await Promise.all(race);

      const rewards = await rewardsOf(referral.id);
      expect(rewards.map((reward) => reward.status)).toEqual(["clawed_back", "clawed_back"]);
      // Never granted and kept: the referrer's end is where it was, and no code the friend holds can be used.
      expect((await subscriptionNow(subscription.id)).endAt).toEqual(subscription.endAt);
      expect((await listUserReferrals(db(), { userId: friend.id })).unusedDiscountCodes).toEqual(
        [],
      );
      // Either all were granted first (the release's detail) and then taken back, or all were taken back while held.
      const grantedFirst = rewards.every((reward) => reward.detail.held_until !== undefined);
      expect(
        grantedFirst || rewards.every((reward) => reward.clawbackReason === REFUNDED_WHILE_HELD),
      ).toBe(true);
      await db().delete(referrals).where(eq(referrals.id, referral.id));
    }
  });

  it("a refund arriving while the release grants waits for it, then takes back what it granted", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: FREE_DAYS,
      friend_reward: DISCOUNT_20,
      reward_hold_days: HOLD_DAYS,
    });
    const { subscription, friend, referral } = await referrerAndFriend();
    const payment = await friendPays(friend.id);
    freezeClock(addDays(T0, HOLD_DAYS));

    let refund: Promise<unknown> | undefined;
    let refunded = false;
    await db().transaction(async (tx) => {
      expect(await releaseReferralRewards(tx, referral.id)).toBe("released");
      refund = recordRefund(db(), { paymentId: payment.id }).then(() => (refunded = true));
      await new Promise((resolve) => setTimeout(resolve, 150));
      // The release holds the payment: the refund cannot have happened in the middle of the grant.
      expect(refunded).toBe(false);
    });
    await refund;
    const rewards = await rewardsOf(referral.id);
    expect(rewards.map((reward) => [reward.status, reward.detail.held_until])).toEqual([
      ["clawed_back", addDays(T0, HOLD_DAYS).toISOString()],
      ["clawed_back", addDays(T0, HOLD_DAYS).toISOString()],
    ]);
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(subscription.endAt);
    expect((await listUserReferrals(db(), { userId: friend.id })).unusedDiscountCodes).toEqual([]);
  });

  it("a release arriving while the refund takes back waits for it, then grants nothing", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: FREE_DAYS,
      reward_hold_days: HOLD_DAYS,
    });
    const { subscription, friend, referral } = await referrerAndFriend();
    const payment = await friendPays(friend.id);
    freezeClock(addDays(T0, HOLD_DAYS));

    let release: Promise<unknown> | undefined;
    await db().transaction(async (tx) => {
      await recordRefund(tx, { paymentId: payment.id });
      release = releaseHeldRewards(db());
      await new Promise((resolve) => setTimeout(resolve, 150));
    });
    expect(await release).toEqual({ released: 0, clawedBack: 0, failed: 0 });
    expect(await rewardOf(referral.id, "referrer")).toMatchObject({
      status: "clawed_back",
      clawbackReason: REFUNDED_WHILE_HELD,
    });
    expect((await subscriptionNow(subscription.id)).endAt).toEqual(subscription.endAt);
  });

  it("in either order one after the other", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: FREE_DAYS,
      reward_hold_days: HOLD_DAYS,
    });
    const first = await referrerAndFriend();
    const second = await referrerAndFriend();
    const firstPayment = await friendPays(first.friend.id);
    const secondPayment = await friendPays(second.friend.id);
    freezeClock(addDays(T0, HOLD_DAYS));

    await recordRefund(db(), { paymentId: firstPayment.id });
    expect(await releaseHeldRewards(db())).toEqual({ released: 1, clawedBack: 0, failed: 0 });
    expect(await rewardOf(first.referral.id, "referrer")).toMatchObject({
      status: "clawed_back",
      clawbackReason: REFUNDED_WHILE_HELD,
    });
    expect((await subscriptionNow(first.subscription.id)).endAt).toEqual(first.subscription.endAt);

    await recordRefund(db(), { paymentId: secondPayment.id });
    expect(await rewardOf(second.referral.id, "referrer")).toMatchObject({
      status: "clawed_back",
      clawbackReason: `the friend's payment was refunded, so 30 free days came off subscription #${second.subscription.id}`,
    });
    expect((await subscriptionNow(second.subscription.id)).endAt).toEqual(
      second.subscription.endAt,
    );
  });
});

describe("a payment refunded before its payment.paid is processed", () => {
  it("completes nothing: no rewards, the referral still pending for the friend's next payment", async () => {
    await insertProgram(db(), {
      triggers: PAYMENT_TRIGGER,
      reward: FREE_DAYS,
      friend_reward: DISCOUNT_20,
    });
    const { friend, referral } = await referrerAndFriend();
    const { payment } = await payFor(db(), friend.id, "web_monthly");
    await recordRefund(db(), { paymentId: payment.id });
    // The event's function runs only now (the outbox was behind, or it was retried).
    const result = await evaluateReferralTrigger(db(), {
      userId: friend.id,
      trigger: "first_payment",
      paymentId: payment.id,
    });
    expect(result?.outcome).toBe("constraint_failed");
    expect(await rewardsOf(referral.id)).toEqual([]);
    const [after] = await db().select().from(referrals).where(eq(referrals.id, referral.id));
    expect(after).toMatchObject({ status: "pending", triggerPaymentId: null });
  });
});
