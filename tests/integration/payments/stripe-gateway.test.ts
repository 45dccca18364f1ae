import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gatewayCustomers } from "@/lib/db/schema";
import type { ChargeSavedCardRequest, GatewayCustomer, StartPaymentRequest } from "@/lib/payments/gateways/gateway";
import { stripeGateway } from "@/lib/payments/gateways/stripe";
import { createUser } from "@/lib/users/create-user";
import { startFakeStripe, type FakeEvent, type FakeStripe } from "../../support/fake-stripe";
import { openTestDatabase } from "../../support/test-database";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let fake: FakeStripe;

beforeAll(async () => {
  database = await openTestDatabase();
  fake = await startFakeStripe();
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_subflow");
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", fake.webhookSecret);
  vi.stubEnv("STRIPE_API_BASE", fake.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
  await database.close();
});

let sequence = 0;
const nextPaymentId = () => 1000 + ++sequence;

async function newCustomer(label: string): Promise<GatewayCustomer> {
  const email = `${label}-${Date.now().toString(36)}-${++sequence}@example.com`;
  const user = await createUser(database.db, { email, name: `Pat ${label}` });
  return { userId: user.id, email, name: `Pat ${label}` };
}

function checkoutRequest(customer: GatewayCustomer, overrides: Partial<StartPaymentRequest> = {}): StartPaymentRequest {
  const paymentId = overrides.paymentId ?? nextPaymentId();
  return {
    paymentId,
    idempotencyKey: `subflow-payment-${paymentId}-1`,
    amountCents: 499,
    currency: "eur",
    description: "Web monthly",
    customer,
    saveCard: true,
    returnUrl: `https://subflow.test/checkout/${paymentId}/return`,
    cancelUrl: `https://subflow.test/checkout/${paymentId}`,
    ...overrides,
  };
}

function chargeRequest(customer: GatewayCustomer, cardToken: string, overrides: Partial<ChargeSavedCardRequest> = {}): ChargeSavedCardRequest {
  const paymentId = overrides.paymentId ?? nextPaymentId();
  return {
    paymentId,
    idempotencyKey: `subflow-payment-${paymentId}-1`,
    amountCents: 999,
    currency: "eur",
    description: "Web + print monthly (renewal)",
    customer,
    cardToken,
    confirmUrl: `https://subflow.test/payments/${paymentId}/confirm`,
    ...overrides,
  };
}

/** A customer who paid at checkout with the card saved: the saved card's token, as renewals use it. */
async function customerWithSavedCard(label: string, paymentMethod = "pm_card_visa") {
  const customer = await newCustomer(label);
  const started = await stripeGateway.startPayment(checkoutRequest(customer));
  if (started.status !== "pending") throw new Error("checkout did not start");
  fake.completeCheckout(started.reference, { paymentMethod });
  const paid = await stripeGateway.lookup({ paymentId: 0, idempotencyKey: "unused", reference: started.reference });
  if (paid.status !== "paid" || !paid.savedCardToken) throw new Error("checkout did not save the card");
  return { customer, cardToken: paid.savedCardToken };
}

async function deliver(event: FakeEvent) {
  const { body, headers } = fake.signedWebhook(event);
  return stripeGateway.parseWebhook!(body, headers);
}

const lastRequest = (method: string, path: string) => fake.requests.filter((r) => r.method === method && r.path === path).at(-1);

describe("startPayment", () => {
  it("creates a Checkout Session for the user's Stripe customer, saving the card when asked", async () => {
    const customer = await newCustomer("checkout");
    const request = checkoutRequest(customer);
    const outcome = await stripeGateway.startPayment(request);

    expect(outcome).toMatchObject({ status: "pending", action: "checkout" });
    if (outcome.status !== "pending") throw new Error("unreachable");
    expect(outcome.reference).toMatch(/^cs_/);
    expect(outcome.redirectUrl).toBe(`https://checkout.stripe.com/c/pay/${outcome.reference}`);

    const [row] = await database.db.select().from(gatewayCustomers).where(eq(gatewayCustomers.userId, customer.userId));
    expect(row).toMatchObject({ gateway: "stripe", customerId: expect.stringMatching(/^cus_/) });
    expect(fake.customer(row!.customerId)).toMatchObject({ email: customer.email, metadata: { subflow_user_id: String(customer.userId) } });

    const sent = lastRequest("POST", "/v1/checkout/sessions")!;
    expect(sent.idempotencyKey).toBe(request.idempotencyKey);
    expect(sent.params).toMatchObject({
      mode: "payment",
      customer: row!.customerId,
      line_items: [{ quantity: "1", price_data: { currency: "eur", unit_amount: "499", product_data: { name: "Web monthly" } } }],
      client_reference_id: String(request.paymentId),
      metadata: { subflow_payment_id: String(request.paymentId) },
      payment_intent_data: { setup_future_usage: "off_session", metadata: { subflow_payment_id: String(request.paymentId) } },
      success_url: request.returnUrl,
      cancel_url: request.cancelUrl,
    });
    // Stripe's shortest expiry, so a customer who left the page can start again within the half hour.
    const expiresIn = Number(sent.params.expires_at) - Math.floor(Date.now() / 1000);
    expect(expiresIn).toBeGreaterThanOrEqual(30 * 60);
    expect(expiresIn).toBeLessThanOrEqual(32 * 60);
  });

  it("does not ask Stripe to keep the card when the customer did not choose renewal", async () => {
    const customer = await newCustomer("no-save");
    await stripeGateway.startPayment(checkoutRequest(customer, { saveCard: false }));
    const sent = lastRequest("POST", "/v1/checkout/sessions")!;
    expect(sent.params.payment_intent_data).not.toHaveProperty("setup_future_usage");
  });

  it("answers the same session for the same idempotency key", async () => {
    const customer = await newCustomer("same-key");
    const request = checkoutRequest(customer);
    const first = await stripeGateway.startPayment(request);
    const second = await stripeGateway.startPayment(request);
    expect(second).toEqual(first);
    const another = await stripeGateway.startPayment({ ...request, idempotencyKey: `${request.idempotencyKey}-retry` });
    expect(another.reference).not.toBe(first.reference);
  });

  it("creates the Stripe customer once, even for two payments started at the same time", async () => {
    const customer = await newCustomer("racing");
    const customersBefore = fake.requests.filter((r) => r.path === "/v1/customers").length;
    const [first, second] = await Promise.all([
      stripeGateway.startPayment(checkoutRequest(customer)),
      stripeGateway.startPayment(checkoutRequest(customer)),
    ]);
    await stripeGateway.startPayment(checkoutRequest(customer));

    const rows = await database.db.select().from(gatewayCustomers).where(eq(gatewayCustomers.userId, customer.userId));
    expect(rows).toHaveLength(1);
    const sessionCustomers = [first, second].map((outcome) => fake.session(outcome.reference!)?.customer);
    expect(sessionCustomers).toEqual([rows[0]!.customerId, rows[0]!.customerId]);
    // The racing pair sent one key (Stripe replays it); the third payment found the row and asked nothing.
    const customerRequests = fake.requests.filter((r) => r.path === "/v1/customers").slice(customersBefore);
    expect(new Set(customerRequests.map((r) => r.idempotencyKey))).toEqual(new Set([`subflow-customer-${customer.userId}`]));
    expect(customerRequests.length).toBeLessThanOrEqual(2);
  });

  it("says clearly when the secret key is missing", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    try {
      await expect(stripeGateway.startPayment(checkoutRequest(await newCustomer("no-key")))).rejects.toThrow(/STRIPE_SECRET_KEY/);
    } finally {
      vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_subflow");
    }
  });
});

describe("lookup of a checkout", () => {
  it("is pending at the checkout page, then paid by the session's PaymentIntent with the saved card", async () => {
    const customer = await newCustomer("lookup");
    const request = checkoutRequest(customer);
    const started = await stripeGateway.startPayment(request);
    const lookup = { paymentId: request.paymentId, idempotencyKey: request.idempotencyKey, reference: started.reference };

    expect(await stripeGateway.lookup(lookup)).toEqual(started);

    fake.completeCheckout(started.reference!);
    const paid = await stripeGateway.lookup(lookup);
    const paymentIntentId = fake.session(started.reference!)!.payment_intent as string;
    expect(paid).toEqual({
      status: "paid",
      reference: paymentIntentId,
      savedCardToken: fake.paymentIntent(paymentIntentId)!.payment_method,
    });
    expect(paid.status === "paid" && paid.savedCardToken).toMatch(/^pm_/);
  });

  it("returns no saved card when the checkout did not save it", async () => {
    const customer = await newCustomer("lookup-nosave");
    const started = await stripeGateway.startPayment(checkoutRequest(customer, { saveCard: false }));
    fake.completeCheckout(started.reference!);
    const paid = await stripeGateway.lookup({ paymentId: 0, idempotencyKey: "k", reference: started.reference });
    expect(paid).toMatchObject({ status: "paid", reference: expect.stringMatching(/^pi_/), savedCardToken: null });
  });

  it("is abandoned once the session expired", async () => {
    const started = await stripeGateway.startPayment(checkoutRequest(await newCustomer("expired")));
    fake.expireCheckout(started.reference!);
    expect(await stripeGateway.lookup({ paymentId: 0, idempotencyKey: "k", reference: started.reference })).toEqual({
      status: "abandoned",
      reference: started.reference,
    });
  });

  it("is abandoned when no answer reached us and there is nothing to replay", async () => {
    expect(await stripeGateway.lookup({ paymentId: 1, idempotencyKey: "subflow-payment-1-1", reference: null })).toEqual({
      status: "abandoned",
      reference: null,
    });
  });
});

describe("chargeSavedCard", () => {
  it("charges the saved card off-session on the user's customer", async () => {
    const { customer, cardToken } = await customerWithSavedCard("renewal");
    const before = fake.chargeCount();
    const request = chargeRequest(customer, cardToken);
    const outcome = await stripeGateway.chargeSavedCard(request);

    expect(outcome).toMatchObject({ status: "paid", reference: expect.stringMatching(/^pi_/), savedCardToken: cardToken });
    expect(fake.chargeCount()).toBe(before + 1);
    const [row] = await database.db.select().from(gatewayCustomers).where(eq(gatewayCustomers.userId, customer.userId));
    expect(fake.paymentIntent(outcome.reference!)).toMatchObject({
      amount: 999,
      currency: "eur",
      customer: row!.customerId,
      payment_method: cardToken,
      metadata: { subflow_payment_id: String(request.paymentId) },
    });
    expect(lastRequest("POST", "/v1/payment_intents")).toMatchObject({
      idempotencyKey: request.idempotencyKey,
      params: { off_session: "true", confirm: "true" },
    });
  });

  it("reports a declined card with the bank's reason and takes nothing", async () => {
    const customer = await newCustomer("declined");
    const before = fake.chargeCount();
    const outcome = await stripeGateway.chargeSavedCard(chargeRequest(customer, "pm_card_chargeDeclined"));
    expect(outcome).toEqual({
      status: "declined",
      reference: expect.stringMatching(/^pi_/),
      code: "insufficient_funds",
      reason: "Your card has insufficient funds.",
    });
    expect(fake.chargeCount()).toBe(before);
    // Reconciliation asking about it later agrees.
    expect(await stripeGateway.lookup({ paymentId: 0, idempotencyKey: "k", reference: outcome.reference })).toMatchObject({
      status: "declined",
      code: "insufficient_funds",
    });
  });

  it("sends the customer to confirm when the bank asks for authentication, and is paid once they do", async () => {
    const customer = await newCustomer("sca");
    const request = chargeRequest(customer, "pm_card_authenticationRequired");
    const outcome = await stripeGateway.chargeSavedCard(request);
    expect(outcome).toEqual({
      status: "pending",
      reference: expect.stringMatching(/^pi_/),
      redirectUrl: request.confirmUrl,
      action: "confirm",
    });
    const lookup = { paymentId: request.paymentId, idempotencyKey: request.idempotencyKey, reference: outcome.reference, replay: request };
    expect(await stripeGateway.lookup(lookup)).toEqual(outcome);

    const succeeded = fake.confirmPaymentIntent(outcome.reference!);
    expect(await stripeGateway.lookup(lookup)).toMatchObject({ status: "paid", reference: outcome.reference });
    expect(await deliver(succeeded)).toMatchObject({
      type: "payment_intent.succeeded",
      effect: { kind: "settle", paymentId: request.paymentId, outcome: { status: "paid", reference: outcome.reference } },
    });
  });

  it("throws on a server error (the payment stays pending) and charges nothing", async () => {
    const customer = await newCustomer("outage");
    const before = fake.chargeCount();
    fake.failNext(3, "server_error", "/v1/payment_intents");
    await expect(stripeGateway.chargeSavedCard(chargeRequest(customer, "pm_card_visa"))).rejects.toThrow();
    expect(fake.chargeCount()).toBe(before);
  });

  it("finds a charge whose answer was lost by replaying it, without charging twice", async () => {
    const { customer, cardToken } = await customerWithSavedCard("lost");
    const before = fake.chargeCount();
    const request = chargeRequest(customer, cardToken);
    // Stripe charges, and every answer (the SDK's retries included) is lost on the way back.
    fake.failNext(3, "lost_answer", "/v1/payment_intents");
    await expect(stripeGateway.chargeSavedCard(request)).rejects.toThrow();
    expect(fake.chargeCount()).toBe(before + 1);

    const found = await stripeGateway.lookup({
      paymentId: request.paymentId,
      idempotencyKey: request.idempotencyKey,
      reference: null,
      replay: request,
    });
    const charged = fake.requests.find((r) => r.path === "/v1/payment_intents" && r.idempotencyKey === request.idempotencyKey);
    expect(charged).toBeDefined();
    expect(found).toMatchObject({ status: "paid", reference: expect.stringMatching(/^pi_/) });
    expect(fake.paymentIntent(found.reference!)?.metadata).toEqual({ subflow_payment_id: String(request.paymentId), subflow_source: "off_session" });
    expect(fake.chargeCount()).toBe(before + 1);
  });
});

describe("refund", () => {
  it("refunds the PaymentIntent once per idempotency key", async () => {
    const { customer, cardToken } = await customerWithSavedCard("refund");
    const paid = await stripeGateway.chargeSavedCard(chargeRequest(customer, cardToken));
    const request = { paymentId: 1, idempotencyKey: "subflow-refund-1", reference: paid.reference!, amountCents: 999 };
    const refund = await stripeGateway.refund(request);
    expect(refund.reference).toMatch(/^re_/);
    expect(await stripeGateway.refund(request)).toEqual(refund);
    expect(fake.requests.filter((r) => r.path === "/v1/refunds" && r.idempotencyKey === request.idempotencyKey)).toHaveLength(2);
    await expect(stripeGateway.refund({ ...request, idempotencyKey: "subflow-refund-1-again" })).rejects.toThrow(/already been refunded/);
  });
});

describe("parseWebhook", () => {
  it("settles a completed checkout as paid, with the saved card", async () => {
    const customer = await newCustomer("hook-paid");
    const request = checkoutRequest(customer);
    const started = await stripeGateway.startPayment(request);
    const completed = fake.completeCheckout(started.reference!);
    const paymentIntentId = fake.session(started.reference!)!.payment_intent as string;
    expect(await deliver(completed)).toEqual({
      id: completed.id,
      type: "checkout.session.completed",
      effect: {
        kind: "settle",
        paymentId: request.paymentId,
        outcome: { status: "paid", reference: paymentIntentId, savedCardToken: fake.paymentIntent(paymentIntentId)!.payment_method },
      },
    });
  });

  it("settles an expired checkout as abandoned", async () => {
    const request = checkoutRequest(await newCustomer("hook-expired"));
    const started = await stripeGateway.startPayment(request);
    expect((await deliver(fake.expireCheckout(started.reference!))).effect).toEqual({
      kind: "settle",
      paymentId: request.paymentId,
      outcome: { status: "abandoned", reference: started.reference },
    });
  });

  it("ignores a card declined on the checkout page (the customer may try another)", async () => {
    const started = await stripeGateway.startPayment(checkoutRequest(await newCustomer("hook-retry")));
    expect((await deliver(fake.declineCheckoutAttempt(started.reference!))).effect).toEqual({ kind: "ignored" });
  });

  it("settles a failed off-session charge as declined", async () => {
    const customer = await newCustomer("hook-declined");
    const request = chargeRequest(customer, "pm_card_chargeDeclined");
    const declined = await stripeGateway.chargeSavedCard(request);
    expect((await deliver(fake.paymentFailedEvent(declined.reference!))).effect).toEqual({
      kind: "settle",
      paymentId: request.paymentId,
      outcome: { status: "declined", reference: declined.reference, code: "insufficient_funds", reason: "Your card has insufficient funds." },
    });
  });

  it("reports a refund and a dispute of our payment", async () => {
    const { customer, cardToken } = await customerWithSavedCard("hook-refund");
    const request = chargeRequest(customer, cardToken);
    const paid = await stripeGateway.chargeSavedCard(request);

    const disputed = fake.disputeEvent(paid.reference!);
    expect((await deliver(disputed)).effect).toEqual({
      kind: "disputed",
      paymentId: request.paymentId,
      reference: disputed.data.object.id,
    });
    expect(disputed.data.object.id).toMatch(/^dp_/);

    // A partial refund (in Stripe's dashboard) does not refund the payment.
    await stripeGateway.refund({ paymentId: request.paymentId, idempotencyKey: "partial", reference: paid.reference!, amountCents: 100 });
    expect((await deliver(fake.refundEvent(paid.reference!))).effect).toEqual({ kind: "ignored" });
    await stripeGateway.refund({ paymentId: request.paymentId, idempotencyKey: "rest", reference: paid.reference!, amountCents: 899 });
    expect((await deliver(fake.refundEvent(paid.reference!))).effect).toEqual({
      kind: "refunded",
      paymentId: request.paymentId,
      reference: paid.reference,
    });
  });

  it("ignores events about charges that are not ours and types it does not use", async () => {
    const foreign = fake.customEvent("payment_intent.succeeded", {
      id: "pi_foreign",
      object: "payment_intent",
      status: "succeeded",
      metadata: {},
      payment_method: "pm_x",
      setup_future_usage: null,
    });
    expect(await deliver(foreign)).toEqual({ id: foreign.id, type: "payment_intent.succeeded", effect: { kind: "ignored" } });
    expect((await deliver(fake.customEvent("customer.created", { id: "cus_x", object: "customer" }))).effect).toEqual({ kind: "ignored" });
  });

  it("refuses a delivery that Stripe did not sign with our secret", async () => {
    const event = fake.customEvent("customer.created", { id: "cus_x", object: "customer" });
    const forged = fake.signedWebhook(event, "whsec_someone_else");
    const invalid = { name: "AppError", code: "webhook_signature_invalid", status: 400 };
    await expect(stripeGateway.parseWebhook!(forged.body, forged.headers)).rejects.toMatchObject(invalid);

    const genuine = fake.signedWebhook(event);
    const tampered = genuine.body.replace("customer.created", "charge.refunded");
    await expect(stripeGateway.parseWebhook!(tampered, genuine.headers)).rejects.toMatchObject(invalid);
    await expect(stripeGateway.parseWebhook!(genuine.body, new Headers())).rejects.toMatchObject(invalid);
  });
});
