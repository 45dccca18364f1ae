import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { addDays, freezeClock } from "@/lib/clock";
import { discountCodes, payments, recurrentPayments } from "@/lib/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { applyDiscountCode } from "@/lib/referrals/discounts/apply-discount-code";
import { createDiscountCode } from "@/lib/referrals/discounts/create-discount-code";
import { openTestDatabase } from "../../support/test-database";
import { makeUser, seedReferralCatalog } from "./referral-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const start = new Date("2026-05-01T00:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  await seedReferralCatalog(db());
});
afterAll(() => database.close());

/** A customer on web_monthly (9.90) renewing by the given card. */
async function renewingCustomer(cardToken: string) {
  freezeClock(start);
  const user = await makeUser(db());
  const { payment } = await createPayment(db(), {
    userId: user.id,
    gateway: "demo",
    recurrentCardToken: cardToken,
    items: [{ subscriptionTypeCode: "web_monthly", count: 1 }],
  });
  await markPaymentPaid(db(), { paymentId: payment.id, actor: SYSTEM_ACTOR });
  const [recurrent] = await db()
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.parentPaymentId, payment.id));
  if (!recurrent) throw new Error("no recurrent payment");
  freezeClock(addDays(start, 31));
  return { user, recurrent };
}

const codeRow = async (id: number) =>
  (await db().select().from(discountCodes).where(eq(discountCodes.id, id)))[0];

describe("a discount code is off the next payment, a card renewal too", () => {
  it("the renewal takes the code expiring soonest, charges the discounted amount and uses the code", async () => {
    const { user, recurrent } = await renewingCustomer("tok_visa");
    const later = await createDiscountCode(db(), {
      userId: user.id,
      kind: "percent",
      percentOff: 50,
      expiresAt: addDays(start, 300),
    });
    const sooner = await createDiscountCode(db(), {
      userId: user.id,
      kind: "fixed",
      amountOffCents: 200,
      expiresAt: addDays(start, 60),
    });
    const outcome = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id });
    if (outcome.status !== "charged") throw new Error(`expected charged, got ${outcome.status}`);
    expect(outcome.payment.amountCents).toBe(790);
    const [stored] = await db().select().from(payments).where(eq(payments.id, outcome.payment.id));
    expect(stored?.meta).toMatchObject({
      discount_code: sooner.code,
      discount_cents: 200,
      amount_before_discount_cents: 990,
      recurrent_payment_id: recurrent.id,
      transaction_id: expect.any(String),
    });
    expect(await codeRow(sooner.id)).toMatchObject({
      paymentId: outcome.payment.id,
      usedAt: expect.any(Date),
    });
    expect(await codeRow(later.id)).toMatchObject({ paymentId: null, usedAt: null });
  });

  it("skips expired codes and codes already applied at a checkout; a declined renewal gives its code back", async () => {
    const { user, recurrent } = await renewingCustomer("tok_declined");
    await createDiscountCode(db(), {
      userId: user.id,
      kind: "percent",
      percentOff: 10,
      expiresAt: addDays(start, 10),
    });
    const onCheckout = await createDiscountCode(db(), {
      userId: user.id,
      kind: "percent",
      percentOff: 20,
    });
    const free = await createDiscountCode(db(), {
      userId: user.id,
      kind: "percent",
      percentOff: 30,
    });
    const { payment: open } = await createPayment(db(), {
      userId: user.id,
      gateway: "demo",
      items: [{ subscriptionTypeCode: "web_yearly", count: 1 }],
    });
    await applyDiscountCode(db(), { userId: user.id, paymentId: open.id, code: onCheckout.code });
    const outcome = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id });
    if (outcome.status !== "declined") throw new Error(`expected declined, got ${outcome.status}`);
    const [declined] = await db()
      .select()
      .from(payments)
      .where(eq(payments.id, outcome.payment.id));
    expect(declined).toMatchObject({ status: "fail", amountCents: 693 });
    expect(await codeRow(free.id)).toMatchObject({ paymentId: null, usedAt: null });
    expect(await codeRow(onCheckout.id)).toMatchObject({ paymentId: open.id, usedAt: null });
  });
});
