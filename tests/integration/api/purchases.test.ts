import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as purchaseRoute } from "@/app/api/v1/purchases/route";
import { purchaseResponseSchema } from "@/lib/api/operations/purchases";
import { addDays, freezeClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  demoGatewayCharges,
  discountCodes,
  payments,
  recurrentPayments,
  referralRewards,
  referrals,
  subscriptionTypes,
} from "@/lib/db/schema";
import { payPayment } from "@/lib/payments/pay-payment";
import { createDiscountCode } from "@/lib/referrals/discounts/create-discount-code";
import { evaluateReferralTrigger } from "@/lib/referrals/complete-referral";
import { getReferralLink } from "@/lib/referrals/referral-link";
import { createUser } from "@/lib/users/create-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { seedCatalogTypes } from "../../support/catalog";
import { openTestDatabase } from "../../support/test-database";
import { insertProgram } from "../referrals/referral-kit";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

/*
 * POST /api/v1/purchases: a customer buys an offered subscription type on the demo gateway (the default), with every
 * refusal, replays, the start-after rule, discount codes and a referred friend's first payment.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = (): Db => database.db;
const T0 = new Date("2026-04-01T10:00:00.000Z");

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, null);
  await seedCatalogTypes(database.db, {
    contentAccess: ["web"],
    types: {
      web_monthly: { name: "Web monthly", lengthDays: 31, priceCents: 990, content: ["web"] },
      web_yearly: { name: "Web yearly", lengthDays: 365, priceCents: 4990, content: ["web"] },
    },
  });
  await database.db
    .update(subscriptionTypes)
    .set({ offered: true })
    .where(eq(subscriptionTypes.code, "web_monthly"));
});
afterAll(() => database.close());
beforeEach(() => freezeClock(T0));

let sequence = 0;
async function customer(label = "buyer") {
  const user = await createUser(db(), {
    email: `${label}-${++sequence}@example.test`,
    password: "secret-password",
  });
  const { token } = await issueUserToken(db(), { userId: user.id });
  return { user, token };
}
const key = () => `purchase-${++sequence}`;
const purchase = (token: string | undefined, body: unknown) =>
  call(purchaseRoute, "POST", "/purchases", { token, body });
const chargesOf = async (paymentId: number) =>
  (
    await db()
      .select({ n: count() })
      .from(demoGatewayCharges)
      .where(
        and(eq(demoGatewayCharges.paymentId, paymentId), eq(demoGatewayCharges.status, "paid")),
      )
  )[0]?.n;

describe("POST /api/v1/purchases", () => {
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: purchaseRoute,
    method: "POST",
    path: "/purchases",
    auth: "user",
    validBody: () => ({
      subscription_type_code: "web_monthly",
      recurrent: false,
      payment_token: "tok_visa",
      idempotency_key: key(),
    }),
    invalidBodies: [
      {
        name: "no idempotency key",
        body: () => ({ subscription_type_code: "web_monthly", recurrent: true }),
        error: "validation_error",
      },
      {
        name: "recurrent not a boolean",
        body: () => ({
          subscription_type_code: "web_monthly",
          recurrent: "yes",
          idempotency_key: key(),
        }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({
          subscription_type_code: "web_monthly",
          recurrent: true,
          idempotency_key: key(),
          amount_cents: 1,
        }),
        error: "validation_error",
      },
    ],
  });

  it("buys with tok_visa and automatic renewal: paid, a subscription from now, a recurrent payment on the card", async () => {
    const { user, token } = await customer();
    const result = await purchase(token, {
      subscription_type_code: "web_monthly",
      recurrent: true,
      payment_token: "tok_visa",
      idempotency_key: key(),
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(purchaseResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json).toMatchObject({
      payment: { status: "paid", amount_cents: 990, gateway: "demo", user_id: user.id },
      subscription: {
        subscription_type_code: "web_monthly",
        start_at: T0.toISOString(),
        end_at: addDays(T0, 31).toISOString(),
      },
      recurrent_payment: { state: "active", charge_at: addDays(T0, 31).toISOString() },
      checkout_url: null,
    });
    const [recurrent] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.userId, user.id));
    expect(recurrent).toMatchObject({ cardToken: "tok_visa", gateway: "demo" });
    expect(await chargesOf(result.json.payment.id)).toBe(1);
  });

  it("without automatic renewal sets up no recurrent payment", async () => {
    const { token } = await customer();
    const result = await purchase(token, {
      subscription_type_code: "web_monthly",
      recurrent: false,
      payment_token: "tok_visa",
      idempotency_key: key(),
    });
    expect(result.json).toMatchObject({
      payment: { status: "paid", recurrent: false },
      recurrent_payment: null,
    });
  });

  it("starts after the customer's running subscription of the same access", async () => {
    const { token } = await customer();
    await purchase(token, {
      subscription_type_code: "web_monthly",
      recurrent: false,
      payment_token: "tok_visa",
      idempotency_key: key(),
    });
    const second = await purchase(token, {
      subscription_type_code: "web_monthly",
      recurrent: false,
      payment_token: "tok_visa",
      idempotency_key: key(),
    });
    expect(second.json.subscription).toMatchObject({
      start_at: addDays(T0, 31).toISOString(),
      end_at: addDays(T0, 62).toISOString(),
    });
  });

  it("a replay returns the same payment and charges nothing; the key with other parameters is idempotency_key_reused", async () => {
    const { token } = await customer();
    const body = {
      subscription_type_code: "web_monthly",
      recurrent: true,
      payment_token: "tok_visa",
      idempotency_key: key(),
    };
    const first = await purchase(token, body);
    const again = await purchase(token, body);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.payment.id).toBe(first.json.payment.id);
    expect(again.json.subscription.id).toBe(first.json.subscription.id);
    expect(await chargesOf(first.json.payment.id)).toBe(1);
    await expectRefusedWithoutChange(db(), () => purchase(token, { ...body, recurrent: false }), {
      status: 409,
      error: "idempotency_key_reused",
    });
  });

  it("a double submit (two requests at once with one key) makes one payment and one charge", async () => {
    const { user, token } = await customer();
    const body = {
      subscription_type_code: "web_monthly",
      recurrent: true,
      payment_token: "tok_visa",
      idempotency_key: key(),
    };
    const results = await Promise.all([
      purchase(token, body),
      purchase(token, body),
      purchase(token, body),
    ]);
    expect(results.map((result) => result.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((result) => result.json.payment.id)).size).toBe(1);
    const rows = await db().select().from(payments).where(eq(payments.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(await chargesOf(rows[0]!.id)).toBe(1);
  });

  it("a declined card is 402 with the reason, leaves the payment payable, and a replay declines again without charging", async () => {
    const { user, token } = await customer();
    const body = {
      subscription_type_code: "web_monthly",
      recurrent: true,
      payment_token: "tok_declined",
      idempotency_key: key(),
    };
    const declined = await purchase(token, body);
    expect(declined.status).toBe(402);
    expect(declined.json).toMatchObject({
      error: "payment_declined",
      message: expect.stringContaining("declined"),
    });
    const [payment] = await db().select().from(payments).where(eq(payments.userId, user.id));
    expect(payment).toMatchObject({
      status: "form",
      failureReason: expect.stringContaining("declined"),
      chargeAttempt: 1,
    });
    const again = await purchase(token, body);
    expect(again.status).toBe(402);
    expect(
      (await db().select().from(payments).where(eq(payments.userId, user.id)))[0]?.chargeAttempt,
    ).toBe(1);
    // A new key with a good card buys it.
    const good = await purchase(token, {
      ...body,
      payment_token: "tok_visa",
      idempotency_key: key(),
    });
    expect(good.json.payment.status).toBe("paid");
  });

  it("without a card token answers the hosted checkout page to pay at", async () => {
    const { token } = await customer();
    const result = await purchase(token, {
      subscription_type_code: "web_monthly",
      recurrent: true,
      idempotency_key: key(),
    });
    expect(result.status).toBe(201);
    expect(result.json.payment.status).toBe("form");
    expect(result.json.checkout_url).toMatch(new RegExp(`/checkout/${result.json.payment.id}$`));
  });

  it("refuses a type that is not offered (or does not exist) with 404 and changes nothing", async () => {
    const { token } = await customer();
    for (const code of ["web_yearly", "no_such_type"]) {
      await expectRefusedWithoutChange(
        db(),
        () =>
          purchase(token, {
            subscription_type_code: code,
            recurrent: false,
            payment_token: "tok_visa",
            idempotency_key: key(),
          }),
        { status: 404, error: "subscription_type_not_offered" },
      );
    }
  });

  it("takes the customer's discount code off the price; an unknown, foreign or used code is discount_code_invalid", async () => {
    const { user, token } = await customer();
    const { user: other } = await customer("other");
    const mine = await createDiscountCode(db(), {
      userId: user.id,
      kind: "percent",
      percentOff: 20,
    });
    const theirs = await createDiscountCode(db(), {
      userId: other.id,
      kind: "percent",
      percentOff: 50,
    });
    for (const code of ["NOPE-NOPE", theirs.code]) {
      await expectRefusedWithoutChange(
        db(),
        () =>
          purchase(token, {
            subscription_type_code: "web_monthly",
            recurrent: false,
            payment_token: "tok_visa",
            discount_code: code,
            idempotency_key: key(),
          }),
        { status: 400, error: "discount_code_invalid" },
      );
    }
    const paid = await purchase(token, {
      subscription_type_code: "web_monthly",
      recurrent: false,
      payment_token: "tok_visa",
      discount_code: mine.code.toLowerCase(),
      idempotency_key: key(),
    });
    expect(paid.json.payment).toMatchObject({ status: "paid", amount_cents: 792 });
    const [used] = await db().select().from(discountCodes).where(eq(discountCodes.id, mine.id));
    expect(used?.usedAt).toEqual(T0);
    await expectRefusedWithoutChange(
      db(),
      () =>
        purchase(token, {
          subscription_type_code: "web_monthly",
          recurrent: false,
          payment_token: "tok_visa",
          discount_code: mine.code,
          idempotency_key: key(),
        }),
      { status: 400, error: "discount_code_invalid" },
    );
  });
});

describe("a purchase with nothing to pay", () => {
  it("a 100% code pays it at once without the gateway; with no card saved it does not renew", async () => {
    const { user, token } = await customer("free");
    const code = await createDiscountCode(db(), {
      userId: user.id,
      kind: "percent",
      percentOff: 100,
    });
    const result = await purchase(token, {
      subscription_type_code: "web_monthly",
      recurrent: true,
      discount_code: code.code,
      idempotency_key: key(),
    });
    expect(result.status).toBe(201);
    expect(result.json).toMatchObject({
      payment: { status: "paid", amount_cents: 0 },
      subscription: { subscription_type_code: "web_monthly" },
      recurrent_payment: null,
      checkout_url: null,
    });
    expect(await chargesOf(result.json.payment.id)).toBe(0);
  });
});

describe("a referred friend's first purchase", () => {
  /** A program rewarding the friend with 20% off their first payment, and a friend registered through a link. */
  async function referredFriend(referrerLabel: string) {
    await insertProgram(db(), {
      triggers: [{ type: "first_payment", options: {} }],
      reward: { type: "free_days", options: { days: 30, subscription_type_code: "web_monthly" } },
      friend_reward: { type: "discount", options: { kind: "percent", percent_off: 20 } },
    });
    const { user: referrer } = await customer(referrerLabel);
    const { code } = await getReferralLink(db(), referrer.id);
    const friend = await createUser(db(), {
      email: `friend-${++sequence}@example.test`,
      password: "secret-password",
      referral: { code },
    });
    const { token } = await issueUserToken(db(), { userId: friend.id });
    return { friend, token };
  }

  it("carries the program's friend discount, completes the referral, and records that discount as the friend's reward", async () => {
    const { friend, token } = await referredFriend("referrer");

    const bought = await purchase(token, {
      subscription_type_code: "web_monthly",
      recurrent: true,
      payment_token: "tok_visa",
      idempotency_key: key(),
    });
    expect(bought.json.payment).toMatchObject({ status: "paid", amount_cents: 792 });
    // What the payment.paid event's function does (Inngest runs it in production).
    const evaluated = await evaluateReferralTrigger(db(), {
      userId: friend.id,
      trigger: "first_payment",
      paymentId: bought.json.payment.id,
    });
    expect(evaluated?.outcome).toBe("complete");

    const [referral] = await db()
      .select()
      .from(referrals)
      .where(eq(referrals.referredUserId, friend.id));
    const rewards = await db()
      .select()
      .from(referralRewards)
      .where(eq(referralRewards.referralId, referral!.id));
    expect(rewards.map((reward) => reward.role).sort()).toEqual(["friend", "referrer"]);
    const friendReward = rewards.find((reward) => reward.role === "friend");
    expect(friendReward).toMatchObject({
      discountCodeId: null,
      detail: { applied_to_payment_id: bought.json.payment.id, discount_cents: 198 },
    });
    // No second code for the friend: the discount was this payment's.
    expect(
      await db().select().from(discountCodes).where(eq(discountCodes.userId, friend.id)),
    ).toHaveLength(0);

    // The second purchase is at full price.
    const second = await purchase(token, {
      subscription_type_code: "web_monthly",
      recurrent: false,
      payment_token: "tok_visa",
      idempotency_key: key(),
    });
    expect(second.json.payment.amount_cents).toBe(990);
  });

  it("is discounted once: of two purchases started before paying, the second paid is refused (409), not charged", async () => {
    const { friend, token } = await referredFriend("referrer-twice");
    // Two tabs: both purchases are started before either is paid, and both carry the discount.
    const start = () =>
      purchase(token, {
        subscription_type_code: "web_monthly",
        recurrent: false,
        idempotency_key: key(),
      });
    const started = [await start(), await start()];
    expect(started.map((s) => [s.json.payment.status, s.json.payment.amount_cents])).toEqual([
      ["form", 792],
      ["form", 792],
    ]);
    const [first, second] = started.map((s) => s.json.payment.id as number);
    const paid = await payPayment(db(), {
      paymentId: first!,
      userId: friend.id,
      cardToken: "tok_visa",
    });
    expect(paid.payment.status).toBe("paid");
    await expect(
      payPayment(db(), { paymentId: second!, userId: friend.id, cardToken: "tok_visa" }),
    ).rejects.toMatchObject({ code: "referral_discount_used", status: 409 });
    expect(await chargesOf(second!)).toBe(0);
  });
});
