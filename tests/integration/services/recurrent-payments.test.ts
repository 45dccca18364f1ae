import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminActor, customerActor } from "@/lib/auth/actor";
import { addDays, freezeClock } from "@/lib/clock";
import {
  events,
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
} from "@/lib/db/schema";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { findPaymentPurchase } from "@/lib/payments/find-checkout-payment";
import { quotePurchase } from "@/lib/purchases/quote-purchase";
import { findDueRecurrentPayments } from "@/lib/recurrent-payments/find-due-recurrent-payments";
import { listRecurrentPayments } from "@/lib/recurrent-payments/list-recurrent-payments";
import { stopRecurrentPayment } from "@/lib/recurrent-payments/stop-recurrent-payment";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { buyPaid, seedCatalog, uniqueEmail } from "./fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedCatalog(database.db);
});
afterAll(() => database.close());

const start = new Date("2026-05-01T00:00:00Z");

async function subscribe(cardToken: string, code = "web_month") {
  freezeClock(start);
  const user = await createUser(database.db, { email: uniqueEmail("rec") });
  const paid = await buyPaid(database.db, user.id, code, cardToken);
  const [recurrent] = await database.db
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.parentPaymentId, paid.payment.id));
  if (!recurrent) throw new Error("no recurrent payment");
  return { user, paid, recurrent };
}

describe("chargeRecurrentPayment", () => {
  it("charges tok_visa: a paid payment, the next subscription after the current one, and the chain moves on", async () => {
    const { user, paid, recurrent } = await subscribe("tok_visa");
    freezeClock(addDays(start, 30));
    const outcome = await chargeRecurrentPayment(database.db, { recurrentPaymentId: recurrent.id });
    if (outcome.status !== "charged") throw new Error(`expected charged, got ${outcome.status}`);
    expect(outcome.payment).toMatchObject({
      status: "paid",
      amountCents: 499,
      recurrentPaymentId: recurrent.id,
    });
    expect(outcome.subscription?.startAt).toEqual(paid.subscription!.endAt);
    const chain = await database.db
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.userId, user.id))
      .orderBy(recurrentPayments.id);
    expect(chain.map((row) => row.state)).toEqual(["charged", "active"]);
    expect(chain[1]).toMatchObject({
      parentPaymentId: outcome.payment.id,
      chargeAt: outcome.subscription!.endAt,
      cardToken: "tok_visa",
    });
    const renewed = await database.db
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "recurrent_payment.renewed")));
    expect(renewed).toHaveLength(1);
  });

  it("renews into the next subscription type at the custom amount when set", async () => {
    await saveSubscriptionType(database.db, {
      code: "intro_month",
      name: "Intro",
      lengthDays: 31,
      priceCents: 99,
      contentAccessCodes: ["web"],
      nextSubscriptionTypeCode: "web_year",
    });
    const { recurrent, user } = await subscribe("tok_visa", "intro_month");
    await database.db
      .update(recurrentPayments)
      .set({ customAmountCents: 3990 })
      .where(eq(recurrentPayments.id, recurrent.id));
    const outcome = await chargeRecurrentPayment(database.db, { recurrentPaymentId: recurrent.id });
    if (outcome.status !== "charged") throw new Error("expected charged");
    expect(outcome.payment.amountCents).toBe(3990);
    const [subscription] = await database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.paymentId, outcome.payment.id));
    if (!subscription) throw new Error("no subscription for the renewal");
    expect(subscription.endAt.getTime() - subscription.startAt.getTime()).toBe(365 * 86_400_000);
    expect(subscription?.userId).toBe(user.id);
  });

  it("records a decline with its reason, and gives up as charge_failed after the last attempt", async () => {
    const { recurrent, user } = await subscribe("tok_declined");
    const first = await chargeRecurrentPayment(database.db, {
      recurrentPaymentId: recurrent.id,
      maxFailedCharges: 2,
    });
    expect(first).toMatchObject({ status: "declined", final: false, payment: { status: "fail" } });
    if (first.status !== "declined") throw new Error("expected declined");
    expect(first.reason).toMatch(/declined/);
    const [listed] = (
      await listRecurrentPayments(database.db, { userId: user.id, limit: 10, offset: 0 })
    ).rows;
    expect(listed?.nextChargeAt).toEqual(addDays(start, 1)); // the retry, not the passed period end
    const second = await chargeRecurrentPayment(database.db, {
      recurrentPaymentId: recurrent.id,
      maxFailedCharges: 2,
    });
    expect(second).toMatchObject({ status: "declined", final: true });
    const [row] = await database.db
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrent.id));
    expect(row).toMatchObject({ state: "charge_failed", failedAttempts: 2 });
    expect(await chargeRecurrentPayment(database.db, { recurrentPaymentId: recurrent.id })).toEqual(
      { status: "skipped", reason: "not_active" },
    );
    const changed = await database.db
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "recurrent_payment.state_changed")));
    expect(changed.map((event) => event.payload.state)).toEqual(["charge_failed"]);
    expect(
      await database.db.select().from(subscriptions).where(eq(subscriptions.userId, user.id)),
    ).toHaveLength(1);
  });

  it("never charges one period twice when two charges overlap", async () => {
    const { recurrent, user } = await subscribe("tok_visa");
    const outcomes = await Promise.all([
      chargeRecurrentPayment(database.db, { recurrentPaymentId: recurrent.id }),
      chargeRecurrentPayment(database.db, { recurrentPaymentId: recurrent.id }),
      chargeRecurrentPayment(database.db, { recurrentPaymentId: recurrent.id }),
    ]);
    expect(outcomes.filter((o) => o.status === "charged")).toHaveLength(1);
    const paid = await database.db
      .select()
      .from(payments)
      .where(and(eq(payments.userId, user.id), eq(payments.status, "paid")));
    expect(paid).toHaveLength(2); // the first purchase and exactly one renewal
  });
});

describe("a purchase that takes over a renewal's content", () => {
  beforeAll(async () => {
    await database.db
      .update(subscriptionTypes)
      .set({ offered: true })
      .where(eq(subscriptionTypes.code, "web_year"));
  });
  const stateChanges = (userId: number) =>
    database.db
      .select()
      .from(events)
      .where(and(eq(events.userId, userId), eq(events.name, "recurrent_payment.state_changed")));

  it("stops the monthly renewal when the customer buys the yearly one-time: the month's end charges nothing", async () => {
    const { user, recurrent } = await subscribe("tok_visa");
    const quote = await quotePurchase(database.db, {
      userId: user.id,
      subscriptionTypeCode: "web_year",
    });
    expect(quote.replacesRenewalsOf).toEqual(["Web monthly"]);
    const yearly = await buyPaid(database.db, user.id, "web_year");
    expect(yearly.subscription?.startAt).toEqual(recurrent.chargeAt); // chained after the month

    const [stopped] = await database.db
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrent.id));
    expect(stopped).toMatchObject({ state: "system_stop" });
    expect((await stateChanges(user.id)).map((event) => event.payload)).toEqual([
      {
        recurrent_payment_id: recurrent.id,
        state: "system_stop",
        previous_state: "active",
        reason: "replaced",
        replaced_by_payment_id: yearly.payment.id,
      },
    ]);
    expect(
      await findPaymentPurchase(database.db, { paymentId: yearly.payment.id, userId: user.id }),
    ).toMatchObject({ typeName: "Web yearly", renewal: null, replacedRenewalsOf: ["Web monthly"] });

    freezeClock(addDays(recurrent.chargeAt, 1));
    const due = await findDueRecurrentPayments(database.db);
    expect(due.map(({ id }) => id)).not.toContain(recurrent.id);
    expect(await chargeRecurrentPayment(database.db, { recurrentPaymentId: recurrent.id })).toEqual(
      { status: "skipped", reason: "not_active" },
    );
    const paid = await database.db
      .select({ amountCents: payments.amountCents })
      .from(payments)
      .where(and(eq(payments.userId, user.id), eq(payments.status, "paid")))
      .orderBy(payments.id);
    expect(paid.map(({ amountCents }) => amountCents)).toEqual([499, 4990]);
  });

  it("hands auto-renewal to a new auto-renewing purchase of the same plan, so one renewal stays", async () => {
    const { user, recurrent } = await subscribe("tok_visa");
    const again = await buyPaid(database.db, user.id, "web_month", "tok_visa");
    const rows = await database.db
      .select({ id: recurrentPayments.id, state: recurrentPayments.state })
      .from(recurrentPayments)
      .where(eq(recurrentPayments.userId, user.id))
      .orderBy(recurrentPayments.id);
    expect(rows.map(({ state }) => state)).toEqual(["system_stop", "active"]);
    expect(rows[0]?.id).toBe(recurrent.id);
    expect(
      await findPaymentPurchase(database.db, { paymentId: again.payment.id, userId: user.id }),
    ).toMatchObject({ renewal: { id: rows[1]?.id }, replacedRenewalsOf: ["Web monthly"] });
  });

  it("leaves a renewal that gives more than the purchase (web + print against web yearly) running", async () => {
    const { user, recurrent } = await subscribe("tok_visa", "web_print_month");
    expect(
      (await quotePurchase(database.db, { userId: user.id, subscriptionTypeCode: "web_year" }))
        .replacesRenewalsOf,
    ).toEqual([]);
    await buyPaid(database.db, user.id, "web_year");
    const [row] = await database.db
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrent.id));
    expect(row?.state).toBe("active");
    expect(await stateChanges(user.id)).toEqual([]);
  });

  it("is not stopped by its own renewal charge", async () => {
    const { user, recurrent } = await subscribe("tok_visa");
    freezeClock(recurrent.chargeAt);
    const outcome = await chargeRecurrentPayment(database.db, { recurrentPaymentId: recurrent.id });
    expect(outcome.status).toBe("charged");
    const rows = await database.db
      .select({ state: recurrentPayments.state })
      .from(recurrentPayments)
      .where(eq(recurrentPayments.userId, user.id))
      .orderBy(recurrentPayments.id);
    expect(rows.map(({ state }) => state)).toEqual(["charged", "active"]);
  });
});

describe("stopRecurrentPayment", () => {
  it("lets the owner stop it (user_stop) but nobody else; an admin stop is admin_stop", async () => {
    const { recurrent, user } = await subscribe("tok_visa");
    const stranger = await createUser(database.db, { email: uniqueEmail("stranger") });
    const admin = adminActor(
      (await createUser(database.db, { email: uniqueEmail("admin"), role: "admin" })).id,
    );
    await expect(
      stopRecurrentPayment(database.db, {
        recurrentPaymentId: recurrent.id,
        actor: customerActor(stranger.id),
      }),
    ).rejects.toMatchObject({ code: "recurrent_payment_not_found" });
    const stopped = await stopRecurrentPayment(database.db, {
      recurrentPaymentId: recurrent.id,
      actor: customerActor(user.id),
    });
    expect(stopped.state).toBe("user_stop");
    await expect(
      stopRecurrentPayment(database.db, { recurrentPaymentId: recurrent.id, actor: admin }),
    ).rejects.toMatchObject({
      code: "recurrent_payment_not_found",
    });
    const other = await subscribe("tok_visa");
    expect(
      (
        await stopRecurrentPayment(database.db, {
          recurrentPaymentId: other.recurrent.id,
          actor: admin,
        })
      ).state,
    ).toBe("admin_stop");
    const changed = await database.db
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "recurrent_payment.state_changed")));
    expect(changed.map((event) => event.payload)).toEqual([
      expect.objectContaining({
        recurrent_payment_id: recurrent.id,
        state: "user_stop",
        previous_state: "active",
      }),
    ]);
  });
});
