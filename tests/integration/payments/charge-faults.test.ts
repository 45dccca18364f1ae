import { and, count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addDays, freezeClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  demoGatewayCharges,
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
} from "@/lib/db/schema";
import { demoGateway } from "@/lib/payments/gateways/demo";
import { payPayment } from "@/lib/payments/pay-payment";
import { reconcilePendingPayments } from "@/lib/payments/reconcile-pending-payments";
import { createPurchase } from "@/lib/purchases/create-purchase";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { findDueRecurrentPayments } from "@/lib/recurrent-payments/find-due-recurrent-payments";
import { createUser } from "@/lib/users/create-user";
import { seedCatalogTypes } from "../../support/catalog";
import { openTestDatabase } from "../../support/test-database";

/*
 * Money outside transactions, under faults: every charge is (1) a committed pending payment, (2) a gateway call with
 * the attempt's idempotency key, (3) a settle transaction. Whatever fails between them, reconciliation settles the
 * payment exactly once and the card is charged once (the demo gateway keeps a ledger by idempotency key, like a real
 * gateway).
 */

const faults = vi.hoisted(() => ({ failNextSettle: false }));
vi.mock("@/lib/payments/settle-payment", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/payments/settle-payment")>();
  return {
    ...original,
    settlePayment: async (...args: Parameters<typeof original.settlePayment>) => {
      if (faults.failNextSettle) {
        faults.failNextSettle = false;
        throw new Error("connection lost during the settle transaction");
      }
      return original.settlePayment(...args);
    },
  };
});

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = (): Db => database.db;
const T0 = new Date("2026-06-01T08:00:00.000Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
  database = await openTestDatabase();
  await seedCatalogTypes(database.db, {
    contentAccess: ["web"],
    types: {
      web_monthly: { name: "Web monthly", lengthDays: 31, priceCents: 990, content: ["web"] },
    },
  });
  await database.db.update(subscriptionTypes).set({ offered: true });
});
afterAll(() => database.close());
beforeEach(() => freezeClock(T0));
afterEach(() => {
  vi.restoreAllMocks();
  faults.failNextSettle = false;
});

let sequence = 0;
async function checkoutPayment(recurrent = true) {
  const user = await createUser(db(), { email: `fault-${++sequence}@example.test` });
  const { payment } = await createPurchase(db(), {
    userId: user.id,
    subscriptionTypeCode: "web_monthly",
    recurrent,
    idempotencyKey: `k-${sequence}`,
  });
  return { user, payment };
}
const paymentRow = async (id: number) =>
  (await db().select().from(payments).where(eq(payments.id, id)))[0];
const ledgerCharges = async (paymentId: number) =>
  (
    await db()
      .select({ n: count() })
      .from(demoGatewayCharges)
      .where(
        and(eq(demoGatewayCharges.paymentId, paymentId), eq(demoGatewayCharges.status, "paid")),
      )
  )[0]?.n ?? 0;
const subscriptionsOf = (userId: number) =>
  db().select().from(subscriptions).where(eq(subscriptions.userId, userId));

describe("a checkout payment", () => {
  it("charged, then the settle transaction fails: still pending, reconciliation settles it once, no second charge", async () => {
    const { user, payment } = await checkoutPayment();
    faults.failNextSettle = true;
    await expect(
      payPayment(db(), { paymentId: payment.id, userId: user.id, cardToken: "tok_visa" }),
    ).rejects.toThrow("connection lost");
    expect(await paymentRow(payment.id)).toMatchObject({ status: "pending", chargeAttempt: 1 });
    expect(await ledgerCharges(payment.id)).toBe(1);
    // The customer tries again: refused while the charge is unsettled, nothing charged.
    await expect(
      payPayment(db(), { paymentId: payment.id, userId: user.id, cardToken: "tok_visa" }),
    ).rejects.toMatchObject({
      code: "payment_in_progress",
    });

    // Too early for reconciliation: left alone.
    expect((await reconcilePendingPayments(db())).checked).toBe(0);
    freezeClock(later(6));
    const summary = await reconcilePendingPayments(db());
    expect(summary.settled).toEqual({ paid: 1 });
    expect(await paymentRow(payment.id)).toMatchObject({
      status: "paid",
      gatewayReference: expect.stringMatching(/^demo_/),
      pendingSince: null,
    });
    expect(await subscriptionsOf(user.id)).toHaveLength(1);
    const [recurrent] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.parentPaymentId, payment.id));
    expect(recurrent).toMatchObject({ state: "active", cardToken: "tok_visa" });

    expect((await reconcilePendingPayments(db())).checked).toBe(0);
    expect(await ledgerCharges(payment.id)).toBe(1);
    expect(await subscriptionsOf(user.id)).toHaveLength(1);
  });

  it("the gateway charged but its answer was lost (a timeout): pending, and the retry does not charge twice", async () => {
    const { user, payment } = await checkoutPayment();
    const original = demoGateway.startPayment.bind(demoGateway);
    const calls: string[] = [];
    vi.spyOn(demoGateway, "startPayment").mockImplementation(async (request, context) => {
      calls.push(request.idempotencyKey);
      await original(request, context);
      throw new Error("ETIMEDOUT");
    });
    const result = await payPayment(db(), {
      paymentId: payment.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    expect(result.status).toBe("pending");
    vi.restoreAllMocks();

    freezeClock(later(10));
    await reconcilePendingPayments(db());
    expect(await paymentRow(payment.id)).toMatchObject({ status: "paid" });
    expect(await ledgerCharges(payment.id)).toBe(1);
    expect(calls).toEqual([`subflow-payment-${payment.id}-1`]);
  });

  it("a replayed request with the same key answers the first charge (the gateway sees one key, one charge)", async () => {
    const { payment, user } = await checkoutPayment();
    const request = {
      paymentId: payment.id,
      idempotencyKey: `subflow-payment-${payment.id}-1`,
      amountCents: 990,
      currency: "eur",
      description: "Web monthly",
      customer: { userId: user.id, email: user.email, name: null },
      saveCard: true,
      cardToken: "tok_visa",
      returnUrl: "http://localhost/x",
      cancelUrl: "http://localhost/y",
    };
    const [first, second] = await Promise.all([
      demoGateway.startPayment(request),
      demoGateway.startPayment(request),
    ]);
    expect(first).toEqual(second);
    expect(await ledgerCharges(payment.id)).toBe(1);
  });

  it("the request never reached the gateway: reconciliation makes the payment payable again, nothing charged", async () => {
    const { user, payment } = await checkoutPayment();
    vi.spyOn(demoGateway, "startPayment").mockRejectedValue(new Error("ECONNREFUSED"));
    expect(
      (await payPayment(db(), { paymentId: payment.id, userId: user.id, cardToken: "tok_visa" }))
        .status,
    ).toBe("pending");
    vi.restoreAllMocks();
    freezeClock(later(10));
    expect((await reconcilePendingPayments(db())).settled).toEqual({ abandoned: 1 });
    expect(await paymentRow(payment.id)).toMatchObject({ status: "form", pendingSince: null });
    expect(await ledgerCharges(payment.id)).toBe(0);
    // And it pays normally afterwards, under the next attempt's key.
    const paid = await payPayment(db(), {
      paymentId: payment.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    expect(paid.status).toBe("paid");
    expect(await paymentRow(payment.id)).toMatchObject({ chargeAttempt: 2 });
    expect(await ledgerCharges(payment.id)).toBe(1);
  });
});

describe("a renewal", () => {
  async function dueRenewal() {
    const { user, payment } = await checkoutPayment();
    await payPayment(db(), { paymentId: payment.id, userId: user.id, cardToken: "tok_visa" });
    const [recurrent] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.parentPaymentId, payment.id));
    freezeClock(addDays(T0, 31));
    return { user, recurrent: recurrent! };
  }

  it("charged, answer lost: not charged again by the next tick, settled once by reconciliation, and the chain moves on", async () => {
    const { user, recurrent } = await dueRenewal();
    const original = demoGateway.chargeSavedCard.bind(demoGateway);
    vi.spyOn(demoGateway, "chargeSavedCard").mockImplementation(async (request, context) => {
      await original(request, context);
      throw new Error("ETIMEDOUT");
    });
    const first = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id });
    expect(first.status).toBe("pending");
    vi.restoreAllMocks();
    if (first.status !== "pending") return;

    expect((await findDueRecurrentPayments(db())).map((row) => row.id)).not.toContain(recurrent.id);
    expect(await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id })).toEqual({
      status: "skipped",
      reason: "charging",
    });

    freezeClock(new Date(addDays(T0, 31).getTime() + 10 * 60_000));
    expect((await reconcilePendingPayments(db())).settled).toEqual({ paid: 1 });
    expect(await ledgerCharges(first.payment.id)).toBe(1);
    const chain = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.userId, user.id))
      .orderBy(recurrentPayments.id);
    expect(chain.map((row) => row.state)).toEqual(["charged", "active"]);
    expect(await subscriptionsOf(user.id)).toHaveLength(2);
  });

  it("settle fails after the charge: reconciliation settles it, and the period is charged once", async () => {
    const { user, recurrent } = await dueRenewal();
    faults.failNextSettle = true;
    await expect(
      chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id }),
    ).rejects.toThrow("connection lost");
    const [pending] = await db()
      .select()
      .from(payments)
      .where(eq(payments.recurrentPaymentId, recurrent.id));
    expect(pending).toMatchObject({ status: "pending" });
    freezeClock(new Date(addDays(T0, 31).getTime() + 10 * 60_000));
    await reconcilePendingPayments(db());
    await reconcilePendingPayments(db());
    expect(await paymentRow(pending!.id)).toMatchObject({ status: "paid" });
    expect(await ledgerCharges(pending!.id)).toBe(1);
    expect(await subscriptionsOf(user.id)).toHaveLength(2);
  });

  it("never reached the gateway: the failed attempt does not count as a decline and the next tick charges once", async () => {
    const { recurrent } = await dueRenewal();
    vi.spyOn(demoGateway, "chargeSavedCard").mockRejectedValue(new Error("ECONNREFUSED"));
    const first = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id });
    vi.restoreAllMocks();
    freezeClock(new Date(addDays(T0, 31).getTime() + 10 * 60_000));
    expect((await reconcilePendingPayments(db())).settled).toEqual({ abandoned: 1 });
    if (first.status !== "pending") throw new Error(`expected pending, got ${first.status}`);
    expect(await paymentRow(first.payment.id)).toMatchObject({ status: "fail" });
    const [row] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrent.id));
    expect(row).toMatchObject({ state: "active", failedAttempts: 0 });
    expect((await findDueRecurrentPayments(db())).map((due) => due.id)).toContain(recurrent.id);
    const second = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id });
    expect(second.status).toBe("charged");
    expect(await ledgerCharges(first.payment.id)).toBe(0);
  });
});
