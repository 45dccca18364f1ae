import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as retryRoute } from "@/app/api/v1/payments/[id]/retry/route";
import { POST as cardRoute } from "@/app/api/v1/users/me/card/route";
import {
  DELETE as cancelPlanRoute,
  POST as planRoute,
} from "@/app/api/v1/users/me/plan-change/route";
import { POST as renewalRoute } from "@/app/api/v1/users/me/renewal/route";
import { addDays, freezeClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, recurrentPayments, subscriptions, subscriptionTypes } from "@/lib/db/schema";
import { loadBilling } from "@/lib/billing/load-billing";
import { isPlanChange } from "@/lib/billing/plan-change-options";
import { purchaseSubscription } from "@/lib/purchases/purchase-subscription";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { createUser } from "@/lib/users/create-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { seedCatalogTypes } from "../../support/catalog";
import { openTestDatabase } from "../../support/test-database";
import { call, expectRefusedWithoutChange, withParams } from "../api/api-test-kit";

/*
 * The customer's billing: stop and resume the renewal, switch plan at period end, pay a failed renewal (saved or new
 * card), replace the saved card — through the services the billing page uses and the user API.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = (): Db => database.db;
const T0 = new Date("2026-07-01T09:00:00.000Z");

beforeAll(async () => {
  database = await openTestDatabase();
  await seedCatalogTypes(database.db, {
    contentAccess: ["web", "print"],
    types: {
      web_monthly: { name: "Web monthly", lengthDays: 31, priceCents: 499, content: ["web"] },
      web_yearly: { name: "Web yearly", lengthDays: 365, priceCents: 4990, content: ["web"] },
      web_print_monthly: {
        name: "Web + Print monthly",
        lengthDays: 31,
        priceCents: 1290,
        content: ["web", "print"],
      },
    },
  });
  await database.db.update(subscriptionTypes).set({ offered: true });
});
afterAll(() => database.close());
beforeEach(() => freezeClock(T0));

let sequence = 0;
async function subscriber(code = "web_monthly") {
  freezeClock(T0);
  const user = await createUser(db(), {
    email: `billing-${++sequence}@example.test`,
    password: "secret-password",
  });
  const { token: userToken } = await issueUserToken(db(), { userId: user.id });
  const bought = await purchaseSubscription(db(), {
    userId: user.id,
    subscriptionTypeCode: code,
    recurrent: true,
    paymentToken: "tok_visa",
    idempotencyKey: `buy-${sequence}`,
  });
  const [renewal] = await db()
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.parentPaymentId, bought.payment.id));
  return { user, token: userToken, renewal: renewal! };
}
const renewalOf = async (id: number) =>
  (await db().select().from(recurrentPayments).where(eq(recurrentPayments.id, id)))[0]!;
const post = (handler: Parameters<typeof call>[0], path: string, token: string, body?: unknown) =>
  call(handler, "POST", path, { token, body });

describe("stop and resume", () => {
  it("stops and resumes the renewal while the subscription runs; repeating changes nothing", async () => {
    const { token, renewal } = await subscriber();
    expect(
      (await post(renewalRoute, "/users/me/renewal", token, { action: "stop" })).json
        .recurrent_payment.state,
    ).toBe("user_stop");
    expect(
      (await post(renewalRoute, "/users/me/renewal", token, { action: "stop" })).json
        .recurrent_payment.state,
    ).toBe("user_stop");
    expect(
      (await post(renewalRoute, "/users/me/renewal", token, { action: "resume" })).json
        .recurrent_payment.state,
    ).toBe("active");
    expect((await renewalOf(renewal.id)).stoppedAt).toBeNull();
  });

  it("cannot resume once the subscription has ended", async () => {
    const { token } = await subscriber();
    await post(renewalRoute, "/users/me/renewal", token, { action: "stop" });
    freezeClock(addDays(T0, 32));
    await expectRefusedWithoutChange(
      db(),
      () => post(renewalRoute, "/users/me/renewal", token, { action: "resume" }),
      { status: 409, error: "renewal_ended" },
    );
  });

  it("a customer without a renewal gets renewal_not_found", async () => {
    const user = await createUser(db(), { email: `none-${++sequence}@example.test` });
    const { token } = await issueUserToken(db(), { userId: user.id });
    await expectRefusedWithoutChange(
      db(),
      () => post(renewalRoute, "/users/me/renewal", token, { action: "stop" }),
      { status: 404, error: "renewal_not_found" },
    );
  });
});

describe("plan change at period end", () => {
  it("offers another length of the same content and cheaper plans, never more content", () => {
    const plan = (id: number, lengthDays: number, priceCents: number, contentAccess: string[]) => ({
      id,
      code: `t${id}`,
      name: `T${id}`,
      lengthDays,
      priceCents,
      contentAccess,
    });
    const webMonthly = plan(1, 31, 499, ["web"]);
    expect(isPlanChange(webMonthly, plan(2, 365, 4990, ["web"]))).toBe(true);
    expect(isPlanChange(webMonthly, plan(3, 31, 1290, ["web", "print"]))).toBe(false);
    expect(isPlanChange(webMonthly, plan(1, 31, 499, ["web"]))).toBe(false);
    const webPrint = plan(3, 31, 1290, ["web", "print"]);
    expect(isPlanChange(webPrint, webMonthly)).toBe(true);
    expect(isPlanChange(webPrint, plan(4, 31, 1490, ["web"]))).toBe(false);
  });

  it("monthly → yearly: the next renewal charges the yearly price and the chain goes on yearly; cancelling puts it back", async () => {
    const { user, token, renewal } = await subscriber();
    const billing = await loadBilling(db(), user.id);
    expect(billing.planOptions.map((option) => option.code)).toEqual(["web_yearly"]);

    await expectRefusedWithoutChange(
      db(),
      () =>
        post(planRoute, "/users/me/plan-change", token, {
          subscription_type_code: "web_print_monthly",
        }),
      { status: 409, error: "plan_change_not_allowed" },
    );
    const scheduled = await post(planRoute, "/users/me/plan-change", token, {
      subscription_type_code: "web_yearly",
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.json).toMatchObject({
      next_subscription_type_code: "web_yearly",
      recurrent_payment: { plan_changed_at: T0.toISOString() },
    });
    const cancelled = await call(cancelPlanRoute, "DELETE", "/users/me/plan-change", { token });
    expect(cancelled.json).toMatchObject({
      next_subscription_type_code: "web_monthly",
      recurrent_payment: { plan_changed_at: null },
    });
    await post(planRoute, "/users/me/plan-change", token, { subscription_type_code: "web_yearly" });

    freezeClock(addDays(T0, 31));
    const charged = await chargeRecurrentPayment(db(), { recurrentPaymentId: renewal.id });
    if (charged.status !== "charged") throw new Error(`expected charged, got ${charged.status}`);
    expect(charged.payment.amountCents).toBe(4990);
    const [sub] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.paymentId, charged.payment.id));
    expect(sub!.endAt.getTime() - sub!.startAt.getTime()).toBe(365 * 86_400_000);
    const next = await renewalOf(charged.nextRecurrentPaymentId!);
    expect(next).toMatchObject({ planChangedAt: null, state: "active" });
    const [yearly] = await db()
      .select()
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.code, "web_yearly"));
    expect(next.subscriptionTypeId).toBe(yearly!.id);
  });
});

describe("paying a failed renewal", () => {
  /** A renewal declined at its first charge: stopped after it (`charge_failed`), or with retries left. */
  async function failedRenewal(maxFailedCharges = 1) {
    const customer = await subscriber();
    // The card stops working after the purchase.
    await db()
      .update(recurrentPayments)
      .set({ cardToken: "tok_declined" })
      .where(eq(recurrentPayments.id, customer.renewal.id));
    freezeClock(addDays(T0, 31));
    const outcome = await chargeRecurrentPayment(db(), {
      recurrentPaymentId: customer.renewal.id,
      maxFailedCharges,
    });
    if (outcome.status !== "declined") throw new Error(`expected declined, got ${outcome.status}`);
    freezeClock(addDays(T0, 40));
    return { ...customer, failed: outcome.payment };
  }

  it("declined again on the saved card: 402, still failed; with a new card: paid, access from now, renewal on the new card", async () => {
    const { user, token, renewal, failed } = await failedRenewal();
    expect((await renewalOf(renewal.id)).state).toBe("charge_failed");
    expect((await loadBilling(db(), user.id)).failedPayment?.id).toBe(failed.id);
    const retry = withParams(retryRoute, { id: failed.id });

    const again = await post(retry, `/payments/${failed.id}/retry`, token, {});
    expect(again.status).toBe(402);
    // Still payable (another card may pay it), and the renewal is as it was.
    expect((await db().select().from(payments).where(eq(payments.id, failed.id)))[0]?.status).toBe(
      "form",
    );
    expect((await renewalOf(renewal.id)).state).toBe("charge_failed");

    const paid = await post(retry, `/payments/${failed.id}/retry`, token, {
      card: "new",
      payment_token: "tok_visa",
    });
    expect(paid.status, JSON.stringify(paid.json)).toBe(201);
    expect(paid.json).toMatchObject({
      payment: { id: failed.id, status: "paid" },
      subscription: { start_at: addDays(T0, 40).toISOString() },
      recurrent_payment: { state: "active", card: { brand: "visa", last4: "4242" } },
      checkout_url: null,
    });
    const [next] = await db()
      .select()
      .from(recurrentPayments)
      .where(and(eq(recurrentPayments.userId, user.id), eq(recurrentPayments.state, "active")));
    expect(next?.cardToken).toBe("tok_visa");
    expect((await renewalOf(renewal.id)).state).toBe("charged");
    // Paid: nothing left to retry.
    await expectRefusedWithoutChange(
      db(),
      () => post(retry, `/payments/${failed.id}/retry`, token, {}),
      { status: 409, error: "payment_not_retryable" },
    );
  });

  it("once a scheduled retry charged the period, the reopened payment is refused (409), not charged a second time", async () => {
    const { failed, ...customer } = await failedRenewal(3);
    expect((await renewalOf(customer.renewal.id)).state).toBe("active"); // a retry is scheduled
    const retry = withParams(retryRoute, { id: failed.id });
    // The customer tries the saved card (declined again: the payment stays payable) ...
    expect((await post(retry, `/payments/${failed.id}/retry`, customer.token, {})).status).toBe(
      402,
    );
    // ... then a scheduled retry charges the renewal on a card that works again.
    await db()
      .update(recurrentPayments)
      .set({ cardToken: "tok_visa" })
      .where(eq(recurrentPayments.id, customer.renewal.id));
    freezeClock(addDays(T0, 41));
    const retried = await chargeRecurrentPayment(db(), { recurrentPaymentId: customer.renewal.id });
    expect(retried.status).toBe("charged");
    await expectRefusedWithoutChange(
      db(),
      () =>
        post(retry, `/payments/${failed.id}/retry`, customer.token, {
          card: "new",
          payment_token: "tok_visa",
        }),
      { status: 409, error: "payment_not_retryable" },
    );
    const paid = await db()
      .select()
      .from(payments)
      .where(and(eq(payments.userId, customer.user.id), eq(payments.status, "paid")));
    expect(paid).toHaveLength(2); // the purchase and the retry's charge
  });

  it("another customer's payment is not found", async () => {
    const { failed } = await failedRenewal();
    const stranger = await subscriber();
    await expectRefusedWithoutChange(
      db(),
      () =>
        post(
          withParams(retryRoute, { id: failed.id }),
          `/payments/${failed.id}/retry`,
          stranger.token,
          {},
        ),
      {
        status: 404,
        error: "payment_not_found",
      },
    );
  });
});

describe("changing the card", () => {
  it("a good test card replaces the card of the active renewal; a declined one is refused and changes nothing", async () => {
    const { token, renewal } = await subscriber();
    await expectRefusedWithoutChange(
      db(),
      () =>
        post(cardRoute, "/users/me/card", token, {
          payment_token: "tok_declined",
          idempotency_key: "c1",
        }),
      {
        status: 402,
        error: "card_declined",
      },
    );
    expect((await renewalOf(renewal.id)).cardToken).toBe("tok_visa");
    const saved = await post(cardRoute, "/users/me/card", token, {
      payment_token: "tok_visa",
      idempotency_key: "c2",
    });
    expect(saved.json).toEqual({
      card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 },
      checkout_url: null,
    });
    expect(await renewalOf(renewal.id)).toMatchObject({
      cardBrand: "visa",
      cardLast4: "4242",
      cardExpMonth: 12,
      cardExpYear: 2030,
    });
  });
});
