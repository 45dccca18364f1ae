import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gatewayCustomers } from "@/lib/db/schema";
import type {
  ChargeSavedCardRequest,
  GatewayCustomer,
  SaveCardRequest,
  StartPaymentRequest,
} from "@/lib/payments/gateways/gateway";
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

function checkoutRequest(
  customer: GatewayCustomer,
  overrides: Partial<StartPaymentRequest> = {},
): StartPaymentRequest {
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

function chargeRequest(
  customer: GatewayCustomer,
  cardToken: string,
  overrides: Partial<ChargeSavedCardRequest> = {},
): ChargeSavedCardRequest {
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
  const paid = await stripeGateway.lookup({
    paymentId: 0,
    idempotencyKey: "unused",
    reference: started.reference,
  });
  if (paid.status !== "paid" || !paid.savedCardToken)
    throw new Error("checkout did not save the card");
  return { customer, cardToken: paid.savedCardToken };
}

function saveCardRequest(
  customer: GatewayCustomer,
  overrides: Partial<SaveCardRequest> = {},
): SaveCardRequest {
  return {
    idempotencyKey: `subflow-card-${customer.userId}-${++sequence}`,
    customer,
    currency: "eur",
    returnUrl: "https://subflow.test/account/billing?card=saved",
    cancelUrl: "https://subflow.test/account/billing",
    ...overrides,
  };
}

/** How Stripe's test cards look on a billing page (the fake gives every test card the same expiry). */
const VISA = { brand: "visa", last4: "4242", expMonth: 12, expYear: 2034 };
const MASTERCARD = { brand: "mastercard", last4: "4444", expMonth: 12, expYear: 2034 };

async function stripeCustomerId(userId: number): Promise<string> {
  const [row] = await database.db
    .select()
    .from(gatewayCustomers)
    .where(eq(gatewayCustomers.userId, userId));
  if (!row) throw new Error(`user ${userId} has no Stripe customer`);
  return row.customerId;
}

async function deliver(event: FakeEvent) {
  const { body, headers } = fake.signedWebhook(event);
  return stripeGateway.parseWebhook!(body, headers);
}

const lastRequest = (method: string, path: string) =>
  fake.requests.filter((r) => r.method === method && r.path === path).at(-1);

describe("an installation without Stripe", () => {
  it("refuses webhook deliveries as not configured (404), not as a server error", async () => {
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", "");
    try {
      await expect(
        stripeGateway.parseWebhook!("{}", new Headers({ "stripe-signature": "t=1,v1=x" })),
      ).rejects.toMatchObject({
        code: "webhook_not_configured",
        status: 404,
      });
    } finally {
      vi.stubEnv("STRIPE_WEBHOOK_SECRET", fake.webhookSecret);
    }
  });
});

describe("startPayment", () => {
  it("creates a Checkout Session for the user's Stripe customer, saving the card when asked", async () => {
    const customer = await newCustomer("checkout");
    const request = checkoutRequest(customer);
    const outcome = await stripeGateway.startPayment(request);

    expect(outcome).toMatchObject({ status: "pending", action: "checkout" });
    if (outcome.status !== "pending") throw new Error("unreachable");
    expect(outcome.reference).toMatch(/^cs_/);
    expect(outcome.redirectUrl).toBe(`https://checkout.stripe.com/c/pay/${outcome.reference}`);

    const [row] = await database.db
      .select()
      .from(gatewayCustomers)
      .where(eq(gatewayCustomers.userId, customer.userId));
    expect(row).toMatchObject({ gateway: "stripe", customerId: expect.stringMatching(/^cus_/) });
    expect(fake.customer(row!.customerId)).toMatchObject({
      email: customer.email,
      metadata: { subflow_user_id: String(customer.userId) },
    });

    const sent = lastRequest("POST", "/v1/checkout/sessions")!;
    expect(sent.idempotencyKey).toBe(request.idempotencyKey);
    expect(sent.params).toMatchObject({
      mode: "payment",
      customer: row!.customerId,
      line_items: [
        {
          quantity: "1",
          price_data: {
            currency: "eur",
            unit_amount: "499",
            product_data: { name: "Web monthly" },
          },
        },
      ],
      client_reference_id: String(request.paymentId),
      metadata: { subflow_payment_id: String(request.paymentId) },
      payment_intent_data: {
        setup_future_usage: "off_session",
        metadata: { subflow_payment_id: String(request.paymentId) },
      },
      success_url: request.returnUrl,
      cancel_url: request.cancelUrl,
    });
    // Stripe's shortest expiry, so a customer who left the page can start again within the half hour.
    const expiresIn = Number(sent.params.expires_at) - Math.floor(Date.now() / 1000);
    expect(expiresIn).toBeGreaterThanOrEqual(30 * 60);
    expect(expiresIn).toBeLessThanOrEqual(40 * 60);
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
    const another = await stripeGateway.startPayment({
      ...request,
      idempotencyKey: `${request.idempotencyKey}-retry`,
    });
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

    const rows = await database.db
      .select()
      .from(gatewayCustomers)
      .where(eq(gatewayCustomers.userId, customer.userId));
    expect(rows).toHaveLength(1);
    const sessionCustomers = [first, second].map(
      (outcome) => fake.session(outcome.reference!)?.customer,
    );
    expect(sessionCustomers).toEqual([rows[0]!.customerId, rows[0]!.customerId]);
    // The racing pair sent one key (Stripe replays it); the third payment found the row and asked nothing.
    const customerRequests = fake.requests
      .filter((r) => r.path === "/v1/customers")
      .slice(customersBefore);
    expect(new Set(customerRequests.map((r) => r.idempotencyKey))).toEqual(
      new Set([`subflow-customer-${customer.userId}`]),
    );
    expect(customerRequests.length).toBeLessThanOrEqual(2);
  });

  it("says clearly when the secret key is missing", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    try {
      await expect(
        stripeGateway.startPayment(checkoutRequest(await newCustomer("no-key"))),
      ).rejects.toThrow(/STRIPE_SECRET_KEY/);
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
    const lookup = {
      paymentId: request.paymentId,
      idempotencyKey: request.idempotencyKey,
      reference: started.reference,
    };

    expect(await stripeGateway.lookup(lookup)).toEqual(started);

    fake.completeCheckout(started.reference!);
    const paid = await stripeGateway.lookup(lookup);
    const paymentIntentId = fake.session(started.reference!)!.payment_intent as string;
    expect(paid).toEqual({
      status: "paid",
      reference: paymentIntentId,
      savedCardToken: fake.paymentIntent(paymentIntentId)!.payment_method,
      card: VISA,
    });
    expect(paid.status === "paid" && paid.savedCardToken).toMatch(/^pm_/);
    expect(lastRequest("GET", `/v1/checkout/sessions/${started.reference}`)?.params.expand).toEqual(
      ["payment_intent.payment_method"],
    );
  });

  it("describes the saved card the customer paid with", async () => {
    const customer = await newCustomer("lookup-mastercard");
    const started = await stripeGateway.startPayment(checkoutRequest(customer));
    fake.completeCheckout(started.reference!, { paymentMethod: "pm_card_mastercard" });
    expect(
      await stripeGateway.lookup({
        paymentId: 0,
        idempotencyKey: "k",
        reference: started.reference,
      }),
    ).toMatchObject({
      status: "paid",
      savedCardToken: expect.stringMatching(/^pm_/),
      card: MASTERCARD,
    });
  });

  it("returns no saved card when the checkout did not save it", async () => {
    const customer = await newCustomer("lookup-nosave");
    const started = await stripeGateway.startPayment(
      checkoutRequest(customer, { saveCard: false }),
    );
    fake.completeCheckout(started.reference!);
    const paid = await stripeGateway.lookup({
      paymentId: 0,
      idempotencyKey: "k",
      reference: started.reference,
    });
    expect(paid).toMatchObject({
      status: "paid",
      reference: expect.stringMatching(/^pi_/),
      savedCardToken: null,
      card: null,
    });
  });

  it("is abandoned once the session expired", async () => {
    const started = await stripeGateway.startPayment(checkoutRequest(await newCustomer("expired")));
    fake.expireCheckout(started.reference!);
    expect(
      await stripeGateway.lookup({
        paymentId: 0,
        idempotencyKey: "k",
        reference: started.reference,
      }),
    ).toEqual({
      status: "abandoned",
      reference: started.reference,
    });
  });

  it("is abandoned when no answer reached us and there is nothing to replay", async () => {
    expect(
      await stripeGateway.lookup({
        paymentId: 1,
        idempotencyKey: "subflow-payment-1-1",
        reference: null,
      }),
    ).toEqual({
      status: "abandoned",
      reference: null,
    });
  });
});

describe("chargeSavedCard", () => {
  it("charges the saved card off-session on the user's customer", async () => {
    const { customer, cardToken } = await customerWithSavedCard("renewal", "pm_card_mastercard");
    const before = fake.chargeCount();
    const request = chargeRequest(customer, cardToken);
    const outcome = await stripeGateway.chargeSavedCard(request);

    expect(outcome).toMatchObject({
      status: "paid",
      reference: expect.stringMatching(/^pi_/),
      savedCardToken: cardToken,
      card: MASTERCARD,
    });
    expect(fake.chargeCount()).toBe(before + 1);
    const [row] = await database.db
      .select()
      .from(gatewayCustomers)
      .where(eq(gatewayCustomers.userId, customer.userId));
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
    const outcome = await stripeGateway.chargeSavedCard(
      chargeRequest(customer, "pm_card_chargeDeclined"),
    );
    expect(outcome).toEqual({
      status: "declined",
      reference: expect.stringMatching(/^pi_/),
      code: "insufficient_funds",
      reason: "Your card has insufficient funds.",
    });
    expect(fake.chargeCount()).toBe(before);
    // Reconciliation asking about it later agrees.
    expect(
      await stripeGateway.lookup({
        paymentId: 0,
        idempotencyKey: "k",
        reference: outcome.reference,
      }),
    ).toMatchObject({
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
    const lookup = {
      paymentId: request.paymentId,
      idempotencyKey: request.idempotencyKey,
      reference: outcome.reference,
      replay: request,
    };
    expect(await stripeGateway.lookup(lookup)).toEqual(outcome);

    const succeeded = fake.confirmPaymentIntent(outcome.reference!);
    const authenticatedCard = { brand: "visa", last4: "3184", expMonth: 12, expYear: 2034 };
    expect(await stripeGateway.lookup(lookup)).toMatchObject({
      status: "paid",
      reference: outcome.reference,
      card: authenticatedCard,
    });
    // The event names the card by id only: the gateway reads it.
    expect(typeof succeeded.data.object.payment_method).toBe("string");
    expect(await deliver(succeeded)).toMatchObject({
      type: "payment_intent.succeeded",
      effect: {
        kind: "settle",
        paymentId: request.paymentId,
        outcome: { status: "paid", reference: outcome.reference, card: authenticatedCard },
      },
    });
  });

  it("throws on a server error (the payment stays pending) and charges nothing", async () => {
    const customer = await newCustomer("outage");
    const before = fake.chargeCount();
    fake.failNext(3, "server_error", "/v1/payment_intents");
    await expect(
      stripeGateway.chargeSavedCard(chargeRequest(customer, "pm_card_visa")),
    ).rejects.toThrow();
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
    const charged = fake.requests.find(
      (r) => r.path === "/v1/payment_intents" && r.idempotencyKey === request.idempotencyKey,
    );
    expect(charged).toBeDefined();
    expect(found).toMatchObject({ status: "paid", reference: expect.stringMatching(/^pi_/) });
    expect(fake.paymentIntent(found.reference!)?.metadata).toEqual({
      subflow_payment_id: String(request.paymentId),
      subflow_source: "off_session",
    });
    expect(fake.chargeCount()).toBe(before + 1);
  });
});

describe("saveCard", () => {
  it("opens a setup-mode Checkout Session for the user's Stripe customer, charging nothing", async () => {
    const customer = await newCustomer("save-card");
    const request = saveCardRequest(customer);
    const chargesBefore = fake.chargeCount();

    const outcome = await stripeGateway.saveCard(request);

    if (outcome.status !== "redirect")
      throw new Error(`expected a redirect, got ${JSON.stringify(outcome)}`);
    expect(outcome.reference).toMatch(/^cs_/);
    const session = fake.session(outcome.reference)!;
    expect(outcome.url).toBe(session.url);
    const metadata = { subflow_user_id: String(customer.userId), subflow_purpose: "card_setup" };
    expect(session).toMatchObject({
      mode: "setup",
      status: "open",
      customer: await stripeCustomerId(customer.userId),
      metadata,
    });
    expect(fake.setupIntent(session.setup_intent as string)).toMatchObject({
      status: "requires_payment_method",
      metadata,
    });

    const sent = lastRequest("POST", "/v1/checkout/sessions")!;
    expect(sent.idempotencyKey).toBe(request.idempotencyKey);
    expect(sent.params).toMatchObject({
      mode: "setup",
      // Stripe requires it in setup mode unless the payment method types are listed.
      currency: "eur",
      metadata,
      setup_intent_data: { metadata },
      success_url: request.returnUrl,
      cancel_url: request.cancelUrl,
    });
    expect(sent.params).not.toHaveProperty("line_items");
    const expiresIn = Number(sent.params.expires_at) - Math.floor(Date.now() / 1000);
    expect(expiresIn).toBeGreaterThanOrEqual(30 * 60);
    expect(expiresIn).toBeLessThanOrEqual(40 * 60);
    expect(fake.chargeCount()).toBe(chargesBefore);
  });

  it("answers the same session for the same idempotency key", async () => {
    const customer = await newCustomer("save-card-key");
    const request = saveCardRequest(customer);
    const first = await stripeGateway.saveCard(request);
    expect(await stripeGateway.saveCard(request)).toEqual(first);
    const another = await stripeGateway.saveCard({
      ...request,
      idempotencyKey: `${request.idempotencyKey}-again`,
    });
    expect(another.status === "redirect" && another.reference).not.toBe(
      first.status === "redirect" && first.reference,
    );
  });

  it("reports the card saved on the page as the user's new card, which renewals can then charge", async () => {
    const customer = await newCustomer("save-card-hook");
    const outcome = await stripeGateway.saveCard(saveCardRequest(customer));
    if (outcome.status !== "redirect") throw new Error("unreachable");
    const completed = fake.completeCheckout(outcome.reference, {
      paymentMethod: "pm_card_mastercard",
    });
    const setupIntent = fake.setupIntent(fake.session(outcome.reference)!.setup_intent as string)!;
    const cardToken = setupIntent.payment_method as string;
    expect(cardToken).toMatch(/^pm_/);

    expect(await deliver(completed)).toEqual({
      id: completed.id,
      type: "checkout.session.completed",
      effect: { kind: "card_saved", userId: customer.userId, cardToken, card: MASTERCARD },
    });
    expect(
      lastRequest("GET", `/v1/setup_intents/${setupIntent.id as string}`)?.params.expand,
    ).toEqual(["payment_method"]);

    // Stripe attached the card to the user's customer, so an off-session charge may use it.
    expect(fake.paymentMethod(cardToken)?.customer).toBe(await stripeCustomerId(customer.userId));
    expect(await stripeGateway.chargeSavedCard(chargeRequest(customer, cardToken))).toMatchObject({
      status: "paid",
      savedCardToken: cardToken,
      card: MASTERCARD,
    });
  });

  it("reports nothing for a setup the customer left, or one whose card is not set up yet", async () => {
    const customer = await newCustomer("save-card-left");
    const outcome = await stripeGateway.saveCard(saveCardRequest(customer));
    if (outcome.status !== "redirect") throw new Error("unreachable");
    const open = structuredClone(fake.session(outcome.reference)!);
    expect((await deliver(fake.customEvent("checkout.session.completed", open))).effect).toEqual({
      kind: "ignored",
    });
    expect((await deliver(fake.expireCheckout(outcome.reference))).effect).toEqual({
      kind: "ignored",
    });
  });

  it("reads a session by its mode: a setup is never settled as a payment, a payment never saves a card", async () => {
    const customer = await newCustomer("save-card-modes");
    const setup = await stripeGateway.saveCard(saveCardRequest(customer));
    if (setup.status !== "redirect") throw new Error("unreachable");
    const setupCompleted = fake.completeCheckout(setup.reference);
    setupCompleted.data.object.metadata = {
      ...(setupCompleted.data.object.metadata as object),
      subflow_payment_id: "77",
    };
    expect((await deliver(setupCompleted)).effect).toMatchObject({
      kind: "card_saved",
      userId: customer.userId,
    });

    const request = checkoutRequest(customer);
    const started = await stripeGateway.startPayment(request);
    const paymentCompleted = fake.completeCheckout(started.reference!);
    paymentCompleted.data.object.metadata = {
      ...(paymentCompleted.data.object.metadata as object),
      subflow_user_id: String(customer.userId),
      subflow_purpose: "card_setup",
    };
    expect((await deliver(paymentCompleted)).effect).toMatchObject({
      kind: "settle",
      paymentId: request.paymentId,
    });

    const foreignSetup = { ...structuredClone(fake.session(setup.reference)!), metadata: {} };
    expect(
      (await deliver(fake.customEvent("checkout.session.completed", foreignSetup))).effect,
    ).toEqual({ kind: "ignored" });
  });
});

describe("refund", () => {
  it("refunds the PaymentIntent once per idempotency key", async () => {
    const { customer, cardToken } = await customerWithSavedCard("refund");
    const paid = await stripeGateway.chargeSavedCard(chargeRequest(customer, cardToken));
    const request = {
      paymentId: 1,
      idempotencyKey: "subflow-refund-1",
      reference: paid.reference!,
      amountCents: 999,
    };
    const refund = await stripeGateway.refund(request);
    expect(refund.reference).toMatch(/^re_/);
    expect(await stripeGateway.refund(request)).toEqual(refund);
    expect(
      fake.requests.filter(
        (r) => r.path === "/v1/refunds" && r.idempotencyKey === request.idempotencyKey,
      ),
    ).toHaveLength(2);
    await expect(
      stripeGateway.refund({ ...request, idempotencyKey: "subflow-refund-1-again" }),
    ).rejects.toThrow(/already been refunded/);
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
        outcome: {
          status: "paid",
          reference: paymentIntentId,
          savedCardToken: fake.paymentIntent(paymentIntentId)!.payment_method,
          card: VISA,
        },
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
    const started = await stripeGateway.startPayment(
      checkoutRequest(await newCustomer("hook-retry")),
    );
    expect((await deliver(fake.declineCheckoutAttempt(started.reference!))).effect).toEqual({
      kind: "ignored",
    });
  });

  it("settles a failed off-session charge as declined", async () => {
    const customer = await newCustomer("hook-declined");
    const request = chargeRequest(customer, "pm_card_chargeDeclined");
    const declined = await stripeGateway.chargeSavedCard(request);
    expect((await deliver(fake.paymentFailedEvent(declined.reference!))).effect).toEqual({
      kind: "settle",
      paymentId: request.paymentId,
      outcome: {
        status: "declined",
        reference: declined.reference,
        code: "insufficient_funds",
        reason: "Your card has insufficient funds.",
      },
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
    await stripeGateway.refund({
      paymentId: request.paymentId,
      idempotencyKey: "partial",
      reference: paid.reference!,
      amountCents: 100,
    });
    expect((await deliver(fake.refundEvent(paid.reference!))).effect).toEqual({ kind: "ignored" });
    await stripeGateway.refund({
      paymentId: request.paymentId,
      idempotencyKey: "rest",
      reference: paid.reference!,
      amountCents: 899,
    });
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
    expect(await deliver(foreign)).toEqual({
      id: foreign.id,
      type: "payment_intent.succeeded",
      effect: { kind: "ignored" },
    });
    expect(
      (await deliver(fake.customEvent("customer.created", { id: "cus_x", object: "customer" })))
        .effect,
    ).toEqual({ kind: "ignored" });
  });

  it("refuses a delivery that Stripe did not sign with our secret", async () => {
    const event = fake.customEvent("customer.created", { id: "cus_x", object: "customer" });
    const forged = fake.signedWebhook(event, "whsec_someone_else");
    const invalid = { name: "AppError", code: "webhook_signature_invalid", status: 400 };
    await expect(stripeGateway.parseWebhook!(forged.body, forged.headers)).rejects.toMatchObject(
      invalid,
    );

    const genuine = fake.signedWebhook(event);
    const tampered = genuine.body.replace("customer.created", "charge.refunded");
    await expect(stripeGateway.parseWebhook!(tampered, genuine.headers)).rejects.toMatchObject(
      invalid,
    );
    await expect(stripeGateway.parseWebhook!(genuine.body, new Headers())).rejects.toMatchObject(
      invalid,
    );
  });
});
