import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as purchasesPost } from "@/app/api/v1/purchases/route";
import { POST as stripeWebhookPost } from "@/app/api/webhooks/stripe/route";
import { addDays, freezeClock, now, resetClock } from "@/lib/clock";
import {
  events,
  gatewayCustomers,
  gatewayWebhookEvents,
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
  users,
} from "@/lib/db/schema";
import type { EmailTransport, OutgoingEmail } from "@/lib/email/transport";
import { stripeGateway } from "@/lib/payments/gateways/stripe";
import { payPayment } from "@/lib/payments/pay-payment";
import { reconcilePendingPayments } from "@/lib/payments/reconcile-pending-payments";
import { refundPayment } from "@/lib/payments/refund-payment";
import { sendPaymentConfirmation } from "@/lib/payments/send-payment-confirmation";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { startFakeStripe, type FakeEvent, type FakeStripe } from "../../support/fake-stripe";
import { openTestDatabase } from "../../support/test-database";
import { call, countRows } from "../api/api-test-kit";
import { createUser, seedCatalog, uniqueEmail } from "../services/fixtures";

/**
 * The payment pipeline end to end on the `stripe` gateway, against the fake Stripe server: a purchase through the
 * API, Stripe Checkout, signed webhooks through the route, off-session renewals (paid, declined, SCA), a new card
 * saved for renewals, refunds, disputes, expired checkouts and reconciliation of a webhook that never came. Each test
 * buys with its own customer.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let fake: FakeStripe;
const db = () => database.db;

const T0 = new Date("2026-05-04T08:00:00.000Z");
const TYPE_CODE = "web_month";
const PRICE_CENTS = 499;

beforeAll(async () => {
  database = await openTestDatabase();
  fake = await startFakeStripe();
  vi.stubEnv("PAYMENT_GATEWAY", "stripe");
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_subflow");
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", fake.webhookSecret);
  vi.stubEnv("STRIPE_API_BASE", fake.url);
  freezeClock(T0);
  await seedCatalog(db());
  await db()
    .update(subscriptionTypes)
    .set({ offered: true })
    .where(eq(subscriptionTypes.code, TYPE_CODE));
});
afterAll(async () => {
  resetClock();
  vi.unstubAllEnvs();
  await fake.close();
  await database.close();
});
beforeEach(() => freezeClock(T0));

async function newCustomer(label: string) {
  const user = await createUser(db(), { email: uniqueEmail(label), name: `Pat ${label}` });
  const { token } = await issueUserToken(db(), { userId: user.id });
  return { user, token };
}

function purchase(token: string, recurrent = true) {
  return call(purchasesPost, "POST", "/purchases", {
    token,
    body: { subscription_type_code: TYPE_CODE, recurrent, idempotency_key: `buy-${randomUUID()}` },
  });
}

/** POSTs a delivery to the Stripe webhook route as Next would. */
async function postWebhook(body: string, headers: Headers) {
  const request = new NextRequest("http://localhost/api/webhooks/stripe", {
    method: "POST",
    body,
    headers,
  });
  const response = await stripeWebhookPost(request);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the route's JSON is read field by field
  return { status: response.status, json: (await response.json()) as any };
}

function deliver(event: FakeEvent) {
  const { body, headers } = fake.signedWebhook(event);
  return postWebhook(body, headers);
}

async function paymentRow(paymentId: number) {
  const [row] = await db().select().from(payments).where(eq(payments.id, paymentId));
  if (!row) throw new Error(`payment ${paymentId} not found`);
  return row;
}

const recurrentChain = (userId: number) =>
  db()
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.userId, userId))
    .orderBy(recurrentPayments.id);

const subscriptionsOf = (userId: number) =>
  db()
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .orderBy(subscriptions.id);

async function webhookEventCount(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(gatewayWebhookEvents);
  return row?.n ?? 0;
}

/**
 * Everything a webhook could change, to compare before and after one that must change nothing. The log of handled
 * webhook events is kept apart (`webhookEvents`): a delivery that is handled but changes nothing still adds to it.
 */
async function snapshot(userId: number, paymentId: number) {
  const rows = await countRows(db());
  delete rows.gateway_webhook_events;
  return {
    rows,
    webhookEvents: await webhookEventCount(),
    payment: await paymentRow(paymentId),
    chain: await recurrentChain(userId),
    subscriptions: await subscriptionsOf(userId),
    charges: fake.chargeCount(),
  };
}

/** A customer who bought the type with automatic renewal and paid on Stripe Checkout, settled by its webhook. */
async function subscribedCustomer(label: string) {
  const customer = await newCustomer(label);
  const bought = await purchase(customer.token);
  expect(bought.status, JSON.stringify(bought.json)).toBe(201);
  const paymentId: number = bought.json.payment.id;
  const sessionId = (await paymentRow(paymentId)).gatewayReference!;
  const completed = fake.completeCheckout(sessionId);
  expect((await deliver(completed)).json).toMatchObject({
    duplicate: false,
    result: "settled:paid",
  });
  const paymentIntentId = fake.session(sessionId)!.payment_intent as string;
  const [recurrent] = await recurrentChain(customer.user.id);
  if (!recurrent) throw new Error("the checkout set up no recurrent payment");
  return { ...customer, paymentId, sessionId, paymentIntentId, completed, recurrent };
}

function recordingTransport() {
  const sent: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    name: "mailbox",
    async send(email) {
      sent.push(email);
      return { messageId: `<${sent.length}@stripe-flow.test>` };
    },
  };
  return { transport, sent };
}

describe("checkout on Stripe", () => {
  it("sends the customer to Stripe Checkout, and the completed session pays it with the card saved for renewals", async () => {
    const { user, token } = await newCustomer("checkout");
    const bought = await purchase(token);

    expect(bought.status, JSON.stringify(bought.json)).toBe(201);
    expect(bought.json).toMatchObject({
      payment: { status: "pending", gateway: "stripe", amount_cents: PRICE_CENTS },
      subscription: null,
      recurrent_payment: null,
    });
    const paymentId: number = bought.json.payment.id;
    const pending = await paymentRow(paymentId);
    expect(pending).toMatchObject({
      status: "pending",
      chargeAttempt: 1,
      gatewayReference: expect.stringMatching(/^cs_/),
    });
    const sessionId = pending.gatewayReference!;
    const session = fake.session(sessionId)!;
    expect(bought.json.checkout_url).toBe(session.url);
    expect(session).toMatchObject({
      status: "open",
      amount_total: PRICE_CENTS,
      metadata: { subflow_payment_id: String(paymentId) },
    });
    const [stripeCustomer] = await db()
      .select()
      .from(gatewayCustomers)
      .where(eq(gatewayCustomers.userId, user.id));
    expect(session.customer).toBe(stripeCustomer!.customerId);
    expect(await subscriptionsOf(user.id)).toEqual([]);

    const chargesBefore = fake.chargeCount();
    const delivered = await deliver(fake.completeCheckout(sessionId));

    expect(delivered).toEqual({
      status: 200,
      json: { received: true, duplicate: false, result: "settled:paid" },
    });
    expect(fake.chargeCount()).toBe(chargesBefore + 1);
    const paymentIntentId = fake.session(sessionId)!.payment_intent as string;
    const savedCard = fake.paymentIntent(paymentIntentId)!.payment_method as string;
    expect(savedCard).toMatch(/^pm_/);
    expect(await paymentRow(paymentId)).toMatchObject({
      status: "paid",
      gatewayReference: paymentIntentId,
      pendingSince: null,
      paidAt: T0,
    });
    const [subscription, ...others] = await subscriptionsOf(user.id);
    expect(others).toEqual([]);
    expect(subscription).toMatchObject({
      paymentId,
      isPaid: true,
      startAt: T0,
      endAt: addDays(T0, 31),
    });
    expect(await recurrentChain(user.id)).toEqual([
      expect.objectContaining({
        parentPaymentId: paymentId,
        state: "active",
        gateway: "stripe",
        cardToken: savedCard,
        chargeAt: subscription!.endAt,
      }),
    ]);
  });

  it("acknowledges a redelivered event as a duplicate and changes nothing", async () => {
    const { user, paymentId, completed } = await subscribedCustomer("replay");
    const before = await snapshot(user.id, paymentId);

    expect(await deliver(completed)).toEqual({
      status: 200,
      json: { received: true, duplicate: true, result: "duplicate" },
    });

    expect(await snapshot(user.id, paymentId)).toEqual(before);
    expect(before.chain).toHaveLength(1);
  });

  it("refuses a delivery with a bad signature (400) and changes nothing", async () => {
    const { user, token } = await newCustomer("forged");
    const bought = await purchase(token);
    const paymentId: number = bought.json.payment.id;
    const completed = fake.completeCheckout((await paymentRow(paymentId)).gatewayReference!);
    const before = await snapshot(user.id, paymentId);

    const forged = fake.signedWebhook(completed, "whsec_not_ours");
    const genuine = fake.signedWebhook(completed);
    const edited = genuine.body.replace(`"amount_total":${PRICE_CENTS}`, '"amount_total":1');
    expect(edited).not.toBe(genuine.body);
    const unsigned = new Headers({ "content-type": "application/json" });
    for (const [body, headers] of [
      [forged.body, forged.headers],
      [edited, genuine.headers],
      [genuine.body, unsigned],
    ] as const) {
      const refused = await postWebhook(body, headers);
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({
        error: "webhook_signature_invalid",
        message: expect.any(String),
      });
    }

    expect(await snapshot(user.id, paymentId)).toEqual(before);
    expect(before.payment.status).toBe("pending");
    // The same event, genuinely signed, is the one that pays it.
    expect((await postWebhook(genuine.body, genuine.headers)).json).toMatchObject({
      result: "settled:paid",
    });
    expect((await paymentRow(paymentId)).status).toBe("paid");
  });

  it("makes the payment payable again when the Checkout Session expires", async () => {
    const { user, token } = await newCustomer("expired");
    const bought = await purchase(token);
    const paymentId: number = bought.json.payment.id;
    const sessionId = (await paymentRow(paymentId)).gatewayReference!;

    expect((await deliver(fake.expireCheckout(sessionId))).json).toMatchObject({
      duplicate: false,
      result: "settled:abandoned",
    });

    expect(await paymentRow(paymentId)).toMatchObject({
      status: "form",
      gatewayReference: null,
      pendingSince: null,
      paidAt: null,
    });
    expect(await subscriptionsOf(user.id)).toEqual([]);
    const again = await payPayment(db(), { paymentId, userId: user.id });
    expect(again.status).toBe("redirect");
    const retried = await paymentRow(paymentId);
    expect(retried).toMatchObject({
      status: "pending",
      chargeAttempt: 2,
      gatewayReference: expect.stringMatching(/^cs_/),
    });
    expect(retried.gatewayReference).not.toBe(sessionId);
    expect(again.status === "redirect" && again.url).toBe(
      fake.session(retried.gatewayReference!)!.url,
    );
  });
  it("ignores a late expiry of an earlier session once the customer pays again at a new one", async () => {
    const { user, token } = await newCustomer("late-expiry");
    const bought = await purchase(token);
    const paymentId: number = bought.json.payment.id;
    const firstSession = (await paymentRow(paymentId)).gatewayReference!;
    // The session expires; reconciliation notices before Stripe's webhook gets through.
    const lateExpiry = fake.expireCheckout(firstSession);
    await reconcilePendingPayments(db(), { olderThanMinutes: 0 });
    expect((await paymentRow(paymentId)).status).toBe("form");
    const again = await payPayment(db(), { paymentId, userId: user.id });
    expect(again.status).toBe("redirect");
    const secondSession = (await paymentRow(paymentId)).gatewayReference!;
    expect(secondSession).not.toBe(firstSession);

    expect((await deliver(lateExpiry)).status).toBe(200);

    expect(await paymentRow(paymentId)).toMatchObject({
      status: "pending",
      gatewayReference: secondSession,
      chargeAttempt: 2,
    });
    expect((await deliver(fake.completeCheckout(secondSession))).json).toMatchObject({
      result: "settled:paid",
    });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "paid" });
    expect(await subscriptionsOf(user.id)).toHaveLength(1);
  });
});

describe("off-session renewals on the saved card", () => {
  it("charges the saved card on the charge date: a paid renewal with Stripe's PaymentIntent, and the chain moves on", async () => {
    const { user, recurrent, paymentIntentId } = await subscribedCustomer("renewal");
    freezeClock(recurrent.chargeAt);
    const chargesBefore = fake.chargeCount();

    const outcome = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id });

    if (outcome.status !== "charged")
      throw new Error(`expected charged, got ${JSON.stringify(outcome)}`);
    expect(fake.chargeCount()).toBe(chargesBefore + 1);
    const renewal = await paymentRow(outcome.payment.id);
    expect(renewal).toMatchObject({
      status: "paid",
      gateway: "stripe",
      recurrentPaymentId: recurrent.id,
      amountCents: PRICE_CENTS,
    });
    expect(renewal.gatewayReference).toMatch(/^pi_/);
    expect(renewal.gatewayReference).not.toBe(paymentIntentId);
    const [stripeCustomer] = await db()
      .select()
      .from(gatewayCustomers)
      .where(eq(gatewayCustomers.userId, user.id));
    expect(fake.paymentIntent(renewal.gatewayReference!)).toMatchObject({
      status: "succeeded",
      amount: PRICE_CENTS,
      customer: stripeCustomer!.customerId,
      payment_method: recurrent.cardToken,
      metadata: { subflow_payment_id: String(renewal.id), subflow_source: "off_session" },
    });
    const subscriptionList = await subscriptionsOf(user.id);
    expect(subscriptionList.map((s) => s.paymentId)).toEqual([
      recurrent.parentPaymentId,
      renewal.id,
    ]);
    expect(subscriptionList[1]!.startAt).toEqual(subscriptionList[0]!.endAt);
    const chain = await recurrentChain(user.id);
    expect(chain.map((row) => row.state)).toEqual(["charged", "active"]);
    expect(chain[1]).toMatchObject({
      parentPaymentId: renewal.id,
      cardToken: recurrent.cardToken,
      gateway: "stripe",
      chargeAt: subscriptionList[1]!.endAt,
    });
  });

  it("fails the renewal with the bank's reason when the saved card is declined, and retries later", async () => {
    const { user, recurrent } = await subscribedCustomer("declined");
    await db()
      .update(recurrentPayments)
      .set({ cardToken: "pm_card_chargeDeclined" })
      .where(eq(recurrentPayments.id, recurrent.id));
    freezeClock(recurrent.chargeAt);
    const chargesBefore = fake.chargeCount();

    const outcome = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id });

    expect(outcome).toMatchObject({
      status: "declined",
      reason: "Your card has insufficient funds.",
      final: false,
    });
    if (outcome.status !== "declined") throw new Error("unreachable");
    expect(await paymentRow(outcome.payment.id)).toMatchObject({
      status: "fail",
      failureReason: "Your card has insufficient funds.",
      gatewayReference: expect.stringMatching(/^pi_/),
      pendingSince: null,
    });
    expect(fake.chargeCount()).toBe(chargesBefore);
    expect(await subscriptionsOf(user.id)).toHaveLength(1);
    expect(await recurrentChain(user.id)).toEqual([
      expect.objectContaining({
        id: recurrent.id,
        state: "active",
        failedAttempts: 1,
        nextAttemptAt: addDays(recurrent.chargeAt, 1),
      }),
    ]);
  });

  it("asks the customer to confirm a charge their bank wants authenticated, emails the link once, and renews once confirmed", async () => {
    const { user, recurrent } = await subscribedCustomer("sca");
    await db()
      .update(recurrentPayments)
      .set({ cardToken: "pm_card_authenticationRequired" })
      .where(eq(recurrentPayments.id, recurrent.id));
    freezeClock(recurrent.chargeAt);
    const chargesBefore = fake.chargeCount();

    const outcome = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id });

    expect(outcome.status).toBe("pending");
    if (outcome.status !== "pending") throw new Error("unreachable");
    const paymentId = outcome.payment.id;
    const pending = await paymentRow(paymentId);
    expect(pending).toMatchObject({
      status: "pending",
      gatewayReference: expect.stringMatching(/^pi_/),
    });
    expect(pending.meta.gateway_action).toMatchObject({
      action: "confirm",
      url: expect.stringContaining(`/checkout/${paymentId}`),
    });
    const actionRequired = await db()
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "payment.action_required")));
    expect(actionRequired).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ payment_id: paymentId, action: "confirm" }),
      }),
    ]);
    expect(fake.chargeCount()).toBe(chargesBefore);

    const { transport, sent } = recordingTransport();
    expect(await sendPaymentConfirmation(db(), { paymentId, transport })).toMatchObject({
      sentNow: true,
    });
    expect(await sendPaymentConfirmation(db(), { paymentId, transport })).toMatchObject({
      sentNow: false,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe(user.email);
    expect(sent[0]!.text).toContain(`/checkout/${paymentId}`);

    const confirmed = await deliver(fake.confirmPaymentIntent(pending.gatewayReference!));

    expect(confirmed.json).toMatchObject({ duplicate: false, result: "settled:paid" });
    expect(fake.chargeCount()).toBe(chargesBefore + 1);
    expect(await paymentRow(paymentId)).toMatchObject({
      status: "paid",
      gatewayReference: pending.gatewayReference,
      pendingSince: null,
    });
    const chain = await recurrentChain(user.id);
    expect(chain.map((row) => row.state)).toEqual(["charged", "active"]);
    expect(chain[1]).toMatchObject({ parentPaymentId: paymentId });
    expect((await subscriptionsOf(user.id)).map((s) => s.paymentId)).toEqual([
      recurrent.parentPaymentId,
      paymentId,
    ]);
    // Confirmed: nothing more to email.
    expect(await sendPaymentConfirmation(db(), { paymentId, transport })).toBeNull();
    expect(sent).toHaveLength(1);
  });
});

describe("a new card for renewals", () => {
  it("saves the card the customer enters on Stripe's setup page, and the next renewal charges it", async () => {
    const { user, recurrent } = await subscribedCustomer("new-card");
    const chargesBefore = fake.chargeCount();

    const saving = await stripeGateway.saveCard(
      {
        idempotencyKey: `card-${randomUUID()}`,
        customer: { userId: user.id, email: user.email, name: user.name },
        currency: "eur",
        returnUrl: "http://localhost/account/billing?card=saved",
        cancelUrl: "http://localhost/account/billing",
      },
      { db: db() },
    );
    if (saving.status !== "redirect")
      throw new Error(`expected a redirect, got ${JSON.stringify(saving)}`);
    const completed = fake.completeCheckout(saving.reference, {
      paymentMethod: "pm_card_mastercard",
    });
    const newCard = fake.setupIntent(fake.session(saving.reference)!.setup_intent as string)!
      .payment_method as string;
    expect(newCard).toMatch(/^pm_/);
    expect(newCard).not.toBe(recurrent.cardToken);

    expect(await deliver(completed)).toEqual({
      status: 200,
      json: { received: true, duplicate: false, result: "card_saved" },
    });

    expect(await recurrentChain(user.id)).toEqual([
      expect.objectContaining({
        id: recurrent.id,
        state: "active",
        gateway: "stripe",
        cardToken: newCard,
        cardBrand: "mastercard",
        cardLast4: "4444",
        cardExpMonth: 12,
        cardExpYear: 2034,
        chargeAt: recurrent.chargeAt,
      }),
    ]);
    expect(fake.chargeCount()).toBe(chargesBefore);
    expect((await deliver(completed)).json).toMatchObject({ duplicate: true });

    freezeClock(recurrent.chargeAt);
    const outcome = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent.id });

    if (outcome.status !== "charged")
      throw new Error(`expected charged, got ${JSON.stringify(outcome)}`);
    expect(fake.chargeCount()).toBe(chargesBefore + 1);
    const renewal = await paymentRow(outcome.payment.id);
    const [stripeCustomer] = await db()
      .select()
      .from(gatewayCustomers)
      .where(eq(gatewayCustomers.userId, user.id));
    expect(fake.paymentIntent(renewal.gatewayReference!)).toMatchObject({
      status: "succeeded",
      amount: PRICE_CENTS,
      customer: stripeCustomer!.customerId,
      payment_method: newCard,
    });
    const chain = await recurrentChain(user.id);
    expect(chain.map((row) => row.state)).toEqual(["charged", "active"]);
    expect(chain[1]).toMatchObject({ parentPaymentId: renewal.id, cardToken: newCard });
  });
});

describe("refunds and disputes", () => {
  it("refunds at Stripe, stops the subscription and the renewal, and Stripe's refund webhook changes nothing more", async () => {
    const { user, paymentId, paymentIntentId, recurrent } = await subscribedCustomer("refund");
    const refundsBefore = fake.requests.filter(
      (r) => r.method === "POST" && r.path === "/v1/refunds",
    ).length;

    const refunded = await refundPayment(db(), { paymentId });

    expect(refunded).toMatchObject({ status: "refund", refundedAt: T0 });
    const refundRequests = fake.requests
      .filter((r) => r.method === "POST" && r.path === "/v1/refunds")
      .slice(refundsBefore);
    expect(refundRequests).toEqual([
      expect.objectContaining({
        idempotencyKey: `subflow-refund-${paymentId}`,
        params: { payment_intent: paymentIntentId, amount: String(PRICE_CENTS) },
      }),
    ]);
    const chargeRefunded = fake.refundEvent(paymentIntentId);
    expect(chargeRefunded.data.object).toMatchObject({
      refunded: true,
      amount_refunded: PRICE_CENTS,
    });
    const [subscription] = await subscriptionsOf(user.id);
    expect(subscription!.endAt.getTime()).toBeLessThanOrEqual(now().getTime());
    expect(await recurrentChain(user.id)).toEqual([
      expect.objectContaining({ id: recurrent.id, state: "system_stop", stoppedAt: T0 }),
    ]);

    const before = await snapshot(user.id, paymentId);
    expect(await deliver(chargeRefunded)).toEqual({
      status: 200,
      json: { received: true, duplicate: false, result: "refunded" },
    });
    const after = await snapshot(user.id, paymentId);
    expect({ ...after, webhookEvents: before.webhookEvents }).toEqual(before);
    expect(after.webhookEvents).toBe(before.webhookEvents + 1);
  });

  it("flags the customer and stops their renewals when a charge is disputed", async () => {
    const { user, paymentIntentId, recurrent } = await subscribedCustomer("dispute");
    const [flagged] = await db()
      .select({ at: users.paymentDisputedAt })
      .from(users)
      .where(eq(users.id, user.id));
    expect(flagged!.at).toBeNull();

    expect((await deliver(fake.disputeEvent(paymentIntentId))).json).toMatchObject({
      duplicate: false,
      result: "disputed",
    });

    const [user2] = await db()
      .select({ at: users.paymentDisputedAt })
      .from(users)
      .where(eq(users.id, user.id));
    expect(user2!.at).toEqual(T0);
    expect(await recurrentChain(user.id)).toEqual([
      expect.objectContaining({ id: recurrent.id, state: "system_stop" }),
    ]);
    const stopped = await db()
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "recurrent_payment.state_changed")));
    expect(stopped.map((event) => event.payload)).toEqual([
      expect.objectContaining({ recurrent_payment_id: recurrent.id, reason: "dispute" }),
    ]);
  });
});

describe("reconciliation", () => {
  it("settles a checkout paid at Stripe whose webhook never arrived, once", async () => {
    const { user, token } = await newCustomer("reconcile");
    const bought = await purchase(token);
    const paymentId: number = bought.json.payment.id;
    const sessionId = (await paymentRow(paymentId)).gatewayReference!;
    const chargesBefore = fake.chargeCount();
    const lostEvent = fake.completeCheckout(sessionId);

    const first = await reconcilePendingPayments(db(), { olderThanMinutes: 0 });

    expect(first.settled.paid).toBe(1);
    expect(first.unreachable).toBe(0);
    const paymentIntentId = fake.session(sessionId)!.payment_intent as string;
    expect(await paymentRow(paymentId)).toMatchObject({
      status: "paid",
      gatewayReference: paymentIntentId,
      pendingSince: null,
    });
    expect(await subscriptionsOf(user.id)).toHaveLength(1);
    expect(await recurrentChain(user.id)).toEqual([
      expect.objectContaining({
        state: "active",
        gateway: "stripe",
        cardToken: fake.paymentIntent(paymentIntentId)!.payment_method,
      }),
    ]);

    const before = await snapshot(user.id, paymentId);
    const second = await reconcilePendingPayments(db(), { olderThanMinutes: 0 });
    expect(second.settled.paid).toBeUndefined();
    expect(await snapshot(user.id, paymentId)).toEqual(before);
    // The webhook arriving late after all is acknowledged and changes nothing.
    expect((await deliver(lostEvent)).json).toMatchObject({
      duplicate: false,
      result: "settled:already_settled",
    });
    const after = await snapshot(user.id, paymentId);
    expect({ ...after, webhookEvents: before.webhookEvents }).toEqual(before);
    expect(fake.chargeCount()).toBe(chargesBefore + 1);
  });
});
