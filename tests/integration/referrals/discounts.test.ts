import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { addDays, freezeClock, resetClock } from "@/lib/clock";
import { discountCodes, payments, type DiscountKind } from "@/lib/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { applyDiscountCode } from "@/lib/referrals/discounts/apply-discount-code";
import { createDiscountCode } from "@/lib/referrals/discounts/create-discount-code";
import { discountAmountCents } from "@/lib/referrals/discounts/discount-amount";
import { removeDiscountCode } from "@/lib/referrals/discounts/remove-discount-code";
import { openTestDatabase } from "../../support/test-database";
import { makeUser, REFERRAL_CATALOG, seedReferralCatalog } from "./referral-kit";

/*
 * Discount codes (the `discount` reward): how much a code takes off, and that a code is applied to one unpaid payment
 * of its owner at a time — even when two tabs race — and is spent when that payment is paid.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const T0 = new Date("2026-06-10T09:00:00.000Z");
const MONTHLY = REFERRAL_CATALOG.web_monthly.priceCents;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedReferralCatalog(database.db);
});
afterAll(async () => {
  resetClock();
  await database.close();
});
beforeEach(() => freezeClock(T0));

function discountCodeFor(
  userId: number,
  terms: { kind: DiscountKind; percentOff?: number; amountOffCents?: number; expiresAt?: Date },
) {
  return createDiscountCode(db(), { userId, ...terms });
}

async function formPayment(userId: number, amountCents?: number) {
  const { payment } = await createPayment(db(), {
    userId,
    gateway: "demo",
    items: [
      {
        subscriptionTypeCode: "web_monthly",
        count: 1,
        ...(amountCents === undefined ? {} : { amountCents }),
      },
    ],
  });
  return payment;
}

async function paymentNow(id: number) {
  return (await db().select().from(payments).where(eq(payments.id, id)))[0]!;
}

async function codeNow(id: number) {
  return (await db().select().from(discountCodes).where(eq(discountCodes.id, id)))[0]!;
}

describe("discountAmountCents", () => {
  const percent = (percentOff: number) => ({
    kind: "percent" as const,
    percentOff,
    amountOffCents: null,
  });
  const fixed = (amountOffCents: number) => ({
    kind: "fixed" as const,
    percentOff: null,
    amountOffCents,
  });

  it("takes a percentage, rounding half a cent away from zero", () => {
    expect(discountAmountCents(990, percent(20))).toBe(198);
    expect(discountAmountCents(1000, percent(15))).toBe(150);
    // 999 · 15 % = 149.85 → 150; 995 · 10 % = 99.5 → 100 (half away from zero); 994 · 10 % = 99.4 → 99.
    expect(discountAmountCents(999, percent(15))).toBe(150);
    expect(discountAmountCents(995, percent(10))).toBe(100);
    expect(discountAmountCents(994, percent(10))).toBe(99);
    expect(discountAmountCents(1, percent(50))).toBe(1);
    expect(discountAmountCents(990, percent(100))).toBe(990);
  });

  it("takes a fixed amount whole, but never more than the amount", () => {
    expect(discountAmountCents(990, fixed(500))).toBe(500);
    expect(discountAmountCents(990, fixed(990))).toBe(990);
    expect(discountAmountCents(300, fixed(500))).toBe(300);
    expect(discountAmountCents(0, fixed(500))).toBe(0);
  });

  it("refuses an amount that is not whole cents", () => {
    expect(() => discountAmountCents(9.5, fixed(1))).toThrow(RangeError);
    expect(() => discountAmountCents(-1, fixed(1))).toThrow(RangeError);
  });
});

describe("applyDiscountCode", () => {
  it("lowers the payment by the discount and records the code, the discount and the amount before it", async () => {
    const user = await makeUser(db());
    const code = await discountCodeFor(user.id, { kind: "percent", percentOff: 20 });
    const payment = await formPayment(user.id);

    const applied = await applyDiscountCode(db(), {
      userId: user.id,
      paymentId: payment.id,
      code: ` ${code.code.toLowerCase()} `,
    });

    expect(applied.discountCents).toBe(198);
    const stored = await paymentNow(payment.id);
    expect(stored).toMatchObject({
      amountCents: MONTHLY - 198,
      meta: {
        discount_code: code.code,
        discount_cents: 198,
        amount_before_discount_cents: MONTHLY,
      },
    });
    expect(await codeNow(code.id)).toMatchObject({ paymentId: payment.id, usedAt: null });
  });

  it("caps a fixed code at the payment's amount", async () => {
    const user = await makeUser(db());
    const code = await discountCodeFor(user.id, { kind: "fixed", amountOffCents: 5000 });
    const payment = await formPayment(user.id, 300);
    await applyDiscountCode(db(), { userId: user.id, paymentId: payment.id, code: code.code });
    expect(await paymentNow(payment.id)).toMatchObject({
      amountCents: 0,
      meta: { discount_cents: 300, amount_before_discount_cents: 300 },
    });
  });

  it("applies a code once: not again to the same payment, not to a second payment, and a second code not on top", async () => {
    const user = await makeUser(db());
    const code = await discountCodeFor(user.id, { kind: "fixed", amountOffCents: 100 });
    const other = await discountCodeFor(user.id, { kind: "fixed", amountOffCents: 200 });
    const first = await formPayment(user.id);
    const second = await formPayment(user.id);
    await applyDiscountCode(db(), { userId: user.id, paymentId: first.id, code: code.code });

    await expect(
      applyDiscountCode(db(), { userId: user.id, paymentId: first.id, code: code.code }),
    ).rejects.toMatchObject({
      code: "discount_not_applicable",
      status: 409,
    });
    await expect(
      applyDiscountCode(db(), { userId: user.id, paymentId: second.id, code: code.code }),
    ).rejects.toMatchObject({
      code: "discount_code_used",
      status: 409,
    });
    await expect(
      applyDiscountCode(db(), { userId: user.id, paymentId: first.id, code: other.code }),
    ).rejects.toMatchObject({
      code: "discount_not_applicable",
    });
    expect((await paymentNow(first.id)).amountCents).toBe(MONTHLY - 100);
    expect((await paymentNow(second.id)).amountCents).toBe(MONTHLY);
    expect(await codeNow(other.id)).toMatchObject({ paymentId: null });
  });

  it("binds one code to exactly one of two payments applied at the same time", async () => {
    const user = await makeUser(db());
    const code = await discountCodeFor(user.id, { kind: "percent", percentOff: 50 });
    const [a, b] = [await formPayment(user.id), await formPayment(user.id)];

    const outcomes = await Promise.allSettled([
      applyDiscountCode(db(), { userId: user.id, paymentId: a.id, code: code.code }),
      applyDiscountCode(db(), { userId: user.id, paymentId: b.id, code: code.code }),
    ]);

    const fulfilled = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const rejected = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: "discount_code_used" });
    const amounts = [
      (await paymentNow(a.id)).amountCents,
      (await paymentNow(b.id)).amountCents,
    ].sort((x, y) => x - y);
    expect(amounts).toEqual([MONTHLY - 495, MONTHLY]);
    const boundTo = (await codeNow(code.id)).paymentId;
    expect([a.id, b.id]).toContain(boundTo);
  });

  it("refuses an expired code, someone else's code, an unknown code, and payments it may not change", async () => {
    const user = await makeUser(db());
    const stranger = await makeUser(db());
    const expired = await discountCodeFor(user.id, {
      kind: "percent",
      percentOff: 10,
      expiresAt: addDays(T0, 1),
    });
    const theirs = await discountCodeFor(stranger.id, { kind: "percent", percentOff: 10 });
    const mine = await discountCodeFor(user.id, { kind: "percent", percentOff: 10 });
    const payment = await formPayment(user.id);
    const apply = (code: string, paymentId = payment.id) =>
      applyDiscountCode(db(), { userId: user.id, paymentId, code });

    freezeClock(addDays(T0, 1));
    await expect(apply(expired.code)).rejects.toMatchObject({
      code: "discount_code_expired",
      status: 409,
    });
    await expect(apply(theirs.code)).rejects.toMatchObject({
      code: "discount_code_not_found",
      status: 404,
    });
    await expect(apply("NO-SUCH-CODE")).rejects.toMatchObject({ code: "discount_code_not_found" });
    await expect(apply("   ")).rejects.toMatchObject({ code: "discount_code_not_found" });
    // Someone else's payment is not found; a paid payment and an upgrade's payment may not change.
    const theirPayment = await formPayment(stranger.id);
    await expect(apply(mine.code, theirPayment.id)).rejects.toMatchObject({
      code: "payment_not_found",
      status: 404,
    });
    const paid = await formPayment(user.id);
    await markPaymentPaid(db(), { paymentId: paid.id, actor: SYSTEM_ACTOR });
    await expect(apply(mine.code, paid.id)).rejects.toMatchObject({
      code: "discount_not_applicable",
    });
    const upgrade = await formPayment(user.id);
    await db()
      .update(payments)
      .set({ upgradeType: "paid_extend" })
      .where(eq(payments.id, upgrade.id));
    await expect(apply(mine.code, upgrade.id)).rejects.toMatchObject({
      code: "discount_not_applicable",
    });

    expect((await paymentNow(payment.id)).amountCents).toBe(MONTHLY);
    expect((await codeNow(mine.id)).paymentId).toBeNull();
    expect((await codeNow(theirs.id)).paymentId).toBeNull();
  });
});

describe("removeDiscountCode", () => {
  it("restores the amount, clears the meta and frees the code for another payment", async () => {
    const user = await makeUser(db());
    const code = await discountCodeFor(user.id, { kind: "fixed", amountOffCents: 250 });
    const first = await formPayment(user.id);
    await db()
      .update(payments)
      .set({ meta: { source: "test" } })
      .where(eq(payments.id, first.id));
    await applyDiscountCode(db(), { userId: user.id, paymentId: first.id, code: code.code });

    const restored = await removeDiscountCode(db(), { userId: user.id, paymentId: first.id });

    expect(restored).toMatchObject({ amountCents: MONTHLY, meta: { source: "test" } });
    expect(restored.meta).not.toHaveProperty("discount_code");
    expect(await codeNow(code.id)).toMatchObject({ paymentId: null, usedAt: null });
    const second = await formPayment(user.id);
    await applyDiscountCode(db(), { userId: user.id, paymentId: second.id, code: code.code });
    expect((await paymentNow(second.id)).amountCents).toBe(MONTHLY - 250);
  });

  it("refuses a payment without a code, someone else's payment and a paid one", async () => {
    const user = await makeUser(db());
    const stranger = await makeUser(db());
    const code = await discountCodeFor(user.id, { kind: "fixed", amountOffCents: 250 });
    const bare = await formPayment(user.id);
    await expect(
      removeDiscountCode(db(), { userId: user.id, paymentId: bare.id }),
    ).rejects.toMatchObject({ code: "discount_code_not_found" });
    const payment = await formPayment(user.id);
    await applyDiscountCode(db(), { userId: user.id, paymentId: payment.id, code: code.code });
    await expect(
      removeDiscountCode(db(), { userId: stranger.id, paymentId: payment.id }),
    ).rejects.toMatchObject({ code: "payment_not_found" });
    await markPaymentPaid(db(), { paymentId: payment.id, actor: SYSTEM_ACTOR });
    await expect(
      removeDiscountCode(db(), { userId: user.id, paymentId: payment.id }),
    ).rejects.toMatchObject({ code: "discount_not_applicable" });
    expect(await codeNow(code.id)).toMatchObject({ paymentId: payment.id });
  });
});

describe("paying a discounted payment", () => {
  it("charges the discounted amount and spends the code, which then cannot be applied or removed again", async () => {
    const user = await makeUser(db());
    const code = await discountCodeFor(user.id, { kind: "percent", percentOff: 20 });
    const payment = await formPayment(user.id);
    await applyDiscountCode(db(), { userId: user.id, paymentId: payment.id, code: code.code });
    freezeClock(addDays(T0, 2));

    const paid = await markPaymentPaid(db(), { paymentId: payment.id, actor: SYSTEM_ACTOR });

    expect(paid.payment).toMatchObject({ status: "paid", amountCents: MONTHLY - 198 });
    expect(await codeNow(code.id)).toMatchObject({ paymentId: payment.id, usedAt: addDays(T0, 2) });
    const next = await formPayment(user.id);
    await expect(
      applyDiscountCode(db(), { userId: user.id, paymentId: next.id, code: code.code }),
    ).rejects.toMatchObject({
      code: "discount_code_used",
    });
  });

  it("leaves a code applied to an unpaid payment unused when another payment is paid", async () => {
    const user = await makeUser(db());
    const code = await discountCodeFor(user.id, { kind: "percent", percentOff: 20 });
    const discounted = await formPayment(user.id);
    await applyDiscountCode(db(), { userId: user.id, paymentId: discounted.id, code: code.code });
    const other = await formPayment(user.id);
    await markPaymentPaid(db(), { paymentId: other.id, actor: SYSTEM_ACTOR });
    expect((await codeNow(code.id)).usedAt).toBeNull();
  });
});
