import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";
import Stripe from "stripe";
import { parseFormUrlencoded, type FormObject, type FormValue } from "./form-urlencoded";

/**
 * An in-process stand-in for the parts of Stripe's API the `stripe` gateway uses (customers, Checkout Sessions in
 * payment and setup mode, PaymentIntents, SetupIntents, PaymentMethods, refunds, `expand[]`, signed webhook events),
 * speaking the SDK's wire format and Stripe's object shapes, so the adapter runs unchanged against it
 * (`STRIPE_API_BASE`). Like Stripe it checks the secret key, replays the stored response for a repeated
 * `Idempotency-Key` and refuses a key reused with other parameters.
 *
 * Test cards (Stripe's test PaymentMethods): `pm_card_visa` and `pm_card_mastercard` succeed,
 * `pm_card_chargeDeclined` is declined (`card_declined` / `insufficient_funds`), `pm_card_authenticationRequired`
 * needs the customer to authenticate — off-session, Stripe answers that with a 402 `authentication_required`, leaving
 * the PaymentIntent confirmable.
 */

type CardBehaviour = "succeeds" | "declined" | "authentication_required";
interface TestCard {
  behaviour: CardBehaviour;
  brand: string;
  last4: string;
}
const TEST_CARDS: Record<string, TestCard> = {
  pm_card_visa: { behaviour: "succeeds", brand: "visa", last4: "4242" },
  pm_card_mastercard: { behaviour: "succeeds", brand: "mastercard", last4: "4444" },
  pm_card_chargeDeclined: { behaviour: "declined", brand: "visa", last4: "0002" },
  pm_card_authenticationRequired: {
    behaviour: "authentication_required",
    brand: "visa",
    last4: "3184",
  },
};
/** Every test card's expiry. */
const TEST_CARD_EXPIRY = { exp_month: 12, exp_year: 2034 };

type Metadata = Record<string, string>;
interface ApiError {
  status: number;
  body: { error: Record<string, unknown> };
}
export interface FakeEvent {
  id: string;
  object: "event";
  type: string;
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  data: { object: Record<string, unknown> };
}
export interface FakeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: FormObject;
}
export type FailureKind = "server_error" | "lost_answer";

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const stringOf = (value: FormValue | undefined) => (typeof value === "string" ? value : undefined);
const metadataOf = (value: FormValue | undefined): Metadata =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value).flatMap(([key, entry]) =>
          typeof entry === "string" ? [[key, entry]] : [],
        ),
      )
    : {};
const objectOf = (value: FormValue | undefined): FormObject =>
  value && typeof value === "object" && !Array.isArray(value) ? value : {};

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: Record<string, unknown>,
  ) {
    super(String(error.message));
  }
}
const invalid = (message: string, param?: string) =>
  new StripeApiError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}) });
const notFound = (kind: string, id: string) =>
  new StripeApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'`,
  });

export async function startFakeStripe(options: { webhookSecret?: string } = {}) {
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(16).toString("hex")}`;
  const customers = new Map<string, Record<string, unknown>>();
  const sessions = new Map<string, Record<string, unknown>>();
  /** What a session was created with but does not show (`payment_intent_data`). */
  const sessionIntentData = new Map<
    string,
    { metadata: Metadata; setupFutureUsage: string | null }
  >();
  const paymentIntents = new Map<string, Record<string, unknown>>();
  const setupIntents = new Map<string, Record<string, unknown>>();
  const paymentMethods = new Map<string, Record<string, unknown>>();
  /** How each PaymentMethod's card behaves when charged (Stripe's objects do not show it). */
  const cardBehaviours = new Map<string, CardBehaviour>();
  const charges = new Map<string, Record<string, unknown>>();
  const idempotent = new Map<
    string,
    { method: string; path: string; params: FormObject; status: number; body: unknown }
  >();
  const requests: FakeRequest[] = [];
  let failures: { remaining: number; kind: FailureKind; pathPrefix: string } | null = null;
  let succeededCharges = 0;

  /** A test PaymentMethod name makes a new saved card (`pm_…`), as in Stripe's test mode; a saved one is itself. */
  function resolvePaymentMethod(id: string): string {
    const card = TEST_CARDS[id];
    if (card) {
      const created = newId("pm");
      paymentMethods.set(created, {
        id: created,
        object: "payment_method",
        type: "card",
        card: {
          brand: card.brand,
          last4: card.last4,
          ...TEST_CARD_EXPIRY,
          country: "US",
          funding: "credit",
        },
        customer: null,
        metadata: {},
        created: nowSeconds(),
        livemode: false,
      });
      cardBehaviours.set(created, card.behaviour);
      return created;
    }
    if (!paymentMethods.has(id)) throw notFound("PaymentMethod", id);
    return id;
  }

  function paymentMethodOf(id: string) {
    const paymentMethod = paymentMethods.get(id);
    if (!paymentMethod) throw notFound("PaymentMethod", id);
    return paymentMethod;
  }

  function setupIntentOf(id: string) {
    const setupIntent = setupIntents.get(id);
    if (!setupIntent) throw notFound("setup_intent", id);
    return setupIntent;
  }

  /** The object an id names, for `expand[]`: ids say what they are by their prefix. */
  function objectOfId(id: string): Record<string, unknown> | undefined {
    if (id.startsWith("pi_")) return paymentIntents.get(id);
    if (id.startsWith("seti_")) return setupIntents.get(id);
    if (id.startsWith("pm_")) return paymentMethods.get(id);
    if (id.startsWith("cus_")) return customers.get(id);
    if (id.startsWith("ch_")) return charges.get(id);
    return undefined;
  }

  /** `expand[]=payment_intent.payment_method`: each dotted path's ids replaced by copies of their objects. */
  function expanded(object: Record<string, unknown>, paths: string[]): Record<string, unknown> {
    for (const path of paths) {
      const [field, ...rest] = path.split(".");
      const value = object[field!];
      if (value === null || value === undefined) continue;
      if (typeof value === "string") {
        const target = objectOfId(value);
        if (!target) throw invalid(`This property cannot be expanded (${path}).`, "expand");
        object[field!] = structuredClone(target);
      } else if (typeof value !== "object") {
        throw invalid(`This property cannot be expanded (${path}).`, "expand");
      }
      if (rest.length > 0) expanded(object[field!] as Record<string, unknown>, [rest.join(".")]);
    }
    return object;
  }

  function event(type: string, object: Record<string, unknown>): FakeEvent {
    return {
      id: newId("evt"),
      object: "event",
      type,
      api_version: Stripe.API_VERSION,
      created: nowSeconds(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: structuredClone(object) },
    };
  }

  function paymentIntentOf(id: string) {
    const paymentIntent = paymentIntents.get(id);
    if (!paymentIntent) throw notFound("payment_intent", id);
    return paymentIntent;
  }

  function chargeOf(paymentIntent: Record<string, unknown>) {
    const charge = charges.get(String(paymentIntent.latest_charge));
    if (!charge) throw new Error(`fake stripe: ${String(paymentIntent.id)} has no charge`);
    return charge;
  }

  function succeed(paymentIntent: Record<string, unknown>) {
    const charge = {
      id: newId("ch"),
      object: "charge",
      amount: paymentIntent.amount,
      amount_refunded: 0,
      currency: paymentIntent.currency,
      customer: paymentIntent.customer,
      disputed: false,
      metadata: { ...(paymentIntent.metadata as Metadata) },
      paid: true,
      payment_intent: paymentIntent.id,
      payment_method: paymentIntent.payment_method,
      refunded: false,
      status: "succeeded",
      created: nowSeconds(),
      livemode: false,
    };
    charges.set(charge.id, charge);
    Object.assign(paymentIntent, {
      status: "succeeded",
      latest_charge: charge.id,
      last_payment_error: null,
      next_action: null,
    });
    if (paymentIntent.setup_future_usage === "off_session") {
      paymentMethodOf(String(paymentIntent.payment_method)).customer = String(
        paymentIntent.customer,
      );
    }
    succeededCharges += 1;
  }

  function fail(
    paymentIntent: Record<string, unknown>,
    code: string,
    declineCode: string,
    message: string,
  ) {
    const lastPaymentError = {
      type: "card_error",
      code,
      decline_code: declineCode,
      message,
      payment_method: { id: paymentIntent.payment_method, object: "payment_method", type: "card" },
    };
    Object.assign(paymentIntent, {
      status: "requires_payment_method",
      last_payment_error: lastPaymentError,
    });
    return new StripeApiError(402, {
      ...lastPaymentError,
      payment_intent: structuredClone(paymentIntent),
    });
  }

  /** Confirms a PaymentIntent with its card; returns the card error Stripe answers with, if any. */
  function confirm(
    paymentIntent: Record<string, unknown>,
    offSession: boolean,
  ): StripeApiError | null {
    const card = cardBehaviours.get(String(paymentIntent.payment_method));
    if (card === "declined")
      return fail(
        paymentIntent,
        "card_declined",
        "insufficient_funds",
        "Your card has insufficient funds.",
      );
    if (card === "authentication_required") {
      if (offSession) {
        return fail(
          paymentIntent,
          "authentication_required",
          "authentication_required",
          "Your card was declined. This transaction requires authentication.",
        );
      }
      Object.assign(paymentIntent, {
        status: "requires_action",
        next_action: { type: "use_stripe_sdk" },
      });
      return null;
    }
    succeed(paymentIntent);
    return null;
  }

  function newPaymentIntent(fields: {
    amount: number;
    currency: string;
    customer: string | null;
    paymentMethod: string | null;
    description: string | null;
    metadata: Metadata;
    setupFutureUsage: string | null;
  }): Record<string, unknown> {
    const id = newId("pi");
    const paymentIntent = {
      id,
      object: "payment_intent",
      amount: fields.amount,
      amount_received: 0,
      currency: fields.currency,
      customer: fields.customer,
      description: fields.description,
      metadata: fields.metadata,
      payment_method: fields.paymentMethod,
      setup_future_usage: fields.setupFutureUsage,
      status: fields.paymentMethod ? "requires_confirmation" : "requires_payment_method",
      client_secret: `${id}_secret_${randomBytes(8).toString("hex")}`,
      last_payment_error: null,
      latest_charge: null,
      next_action: null,
      capture_method: "automatic",
      confirmation_method: "automatic",
      created: nowSeconds(),
      livemode: false,
    };
    paymentIntents.set(id, paymentIntent);
    return paymentIntent;
  }

  function createCustomer(params: FormObject) {
    const customer = {
      id: newId("cus"),
      object: "customer",
      email: stringOf(params.email) ?? null,
      name: stringOf(params.name) ?? null,
      metadata: metadataOf(params.metadata),
      created: nowSeconds(),
      livemode: false,
    };
    customers.set(customer.id, customer);
    return customer;
  }

  function createCheckoutSession(params: FormObject) {
    const mode = stringOf(params.mode);
    if (mode !== "payment" && mode !== "setup")
      throw invalid("Only `mode=payment` and `mode=setup` are supported by the fake.", "mode");
    const successUrl = stringOf(params.success_url);
    if (!successUrl) throw invalid("Missing required param: success_url.", "success_url");
    const customer = stringOf(params.customer) ?? null;
    if (customer && !customers.has(customer)) throw notFound("customer", customer);
    if (mode === "setup") return createSetupSession(params, successUrl, customer);
    const lineItems = Array.isArray(params.line_items) ? params.line_items : [];
    if (lineItems.length === 0) throw invalid("Missing required param: line_items.", "line_items");
    let amountTotal = 0;
    let currency: string | null = null;
    lineItems.forEach((item, index) => {
      const priceData = objectOf(objectOf(item).price_data);
      const unitAmount = Number(stringOf(priceData.unit_amount));
      const quantity = Number(stringOf(objectOf(item).quantity) ?? "1");
      if (!Number.isInteger(unitAmount) || unitAmount < 0)
        throw invalid("Invalid integer.", `line_items[${index}][price_data][unit_amount]`);
      if (!stringOf(objectOf(priceData.product_data).name))
        throw invalid(
          "Missing product name.",
          `line_items[${index}][price_data][product_data][name]`,
        );
      currency = stringOf(priceData.currency) ?? null;
      amountTotal += unitAmount * quantity;
    });
    const intentData = objectOf(params.payment_intent_data);
    const id = `cs_test_${randomBytes(24).toString("hex")}`;
    const session = {
      id,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      url: `https://checkout.stripe.com/c/pay/${id}`,
      customer,
      client_reference_id: stringOf(params.client_reference_id) ?? null,
      metadata: metadataOf(params.metadata),
      payment_intent: null,
      setup_intent: null,
      amount_total: amountTotal,
      currency,
      success_url: successUrl,
      cancel_url: stringOf(params.cancel_url) ?? null,
      expires_at: Number(stringOf(params.expires_at) ?? nowSeconds() + 24 * 3600),
      created: nowSeconds(),
      livemode: false,
    };
    sessions.set(id, session);
    sessionIntentData.set(id, {
      metadata: metadataOf(intentData.metadata),
      setupFutureUsage: stringOf(intentData.setup_future_usage) ?? null,
    });
    return session;
  }

  /** Setup mode: no line items and nothing to pay; Stripe creates the session's SetupIntent with it. */
  function createSetupSession(params: FormObject, successUrl: string, customer: string | null) {
    if (params.line_items !== undefined)
      throw invalid("You cannot pass `line_items` in `setup` mode.", "line_items");
    if (params.payment_intent_data !== undefined)
      throw invalid(
        "You cannot pass `payment_intent_data` in `setup` mode.",
        "payment_intent_data",
      );
    const currency = stringOf(params.currency) ?? null;
    if (!currency && params.payment_method_types === undefined) {
      throw invalid(
        "`currency` is required in `setup` mode when `payment_method_types` is not set.",
        "currency",
      );
    }
    const setupIntent = {
      id: newId("seti"),
      object: "setup_intent",
      status: "requires_payment_method",
      customer,
      metadata: metadataOf(objectOf(params.setup_intent_data).metadata),
      payment_method: null,
      usage: "off_session",
      client_secret: `seti_secret_${randomBytes(8).toString("hex")}`,
      last_setup_error: null,
      created: nowSeconds(),
      livemode: false,
    };
    setupIntents.set(setupIntent.id, setupIntent);
    const id = `cs_test_${randomBytes(24).toString("hex")}`;
    const session = {
      id,
      object: "checkout.session",
      mode: "setup",
      status: "open",
      payment_status: "no_payment_required",
      url: `https://checkout.stripe.com/c/pay/${id}`,
      customer,
      client_reference_id: stringOf(params.client_reference_id) ?? null,
      metadata: metadataOf(params.metadata),
      payment_intent: null,
      setup_intent: setupIntent.id,
      amount_total: null,
      currency,
      success_url: successUrl,
      cancel_url: stringOf(params.cancel_url) ?? null,
      expires_at: Number(stringOf(params.expires_at) ?? nowSeconds() + 24 * 3600),
      created: nowSeconds(),
      livemode: false,
    };
    sessions.set(id, session);
    return session;
  }

  function createPaymentIntent(params: FormObject) {
    const amount = Number(stringOf(params.amount));
    if (!Number.isInteger(amount) || amount < 1)
      throw invalid("Invalid positive integer.", "amount");
    const currency = stringOf(params.currency);
    if (!currency) throw invalid("Missing required param: currency.", "currency");
    const customer = stringOf(params.customer) ?? null;
    if (customer && !customers.has(customer)) throw notFound("customer", customer);
    const requested = stringOf(params.payment_method);
    const paymentMethod = requested ? resolvePaymentMethod(requested) : null;
    const owner = paymentMethod ? (paymentMethodOf(paymentMethod).customer as string | null) : null;
    if (owner && owner !== customer) {
      throw invalid(
        `The provided PaymentMethod belongs to customer ${owner}, not to ${customer ?? "no customer"}.`,
        "payment_method",
      );
    }
    const paymentIntent = newPaymentIntent({
      amount,
      currency,
      customer,
      paymentMethod,
      description: stringOf(params.description) ?? null,
      metadata: metadataOf(params.metadata),
      setupFutureUsage: stringOf(params.setup_future_usage) ?? null,
    });
    if (stringOf(params.confirm) === "true") {
      if (!paymentMethod)
        throw invalid("A PaymentMethod is required to confirm.", "payment_method");
      const error = confirm(paymentIntent, stringOf(params.off_session) === "true");
      if (error) throw error;
    }
    return paymentIntent;
  }

  function createRefund(params: FormObject) {
    const paymentIntentId = stringOf(params.payment_intent);
    if (!paymentIntentId)
      throw invalid("Missing required param: payment_intent.", "payment_intent");
    const paymentIntent = paymentIntentOf(paymentIntentId);
    if (paymentIntent.status !== "succeeded")
      throw invalid(
        `PaymentIntent ${paymentIntentId} has no successful charge to refund.`,
        "payment_intent",
      );
    const charge = chargeOf(paymentIntent);
    const remaining = Number(charge.amount) - Number(charge.amount_refunded);
    const amount = params.amount === undefined ? remaining : Number(stringOf(params.amount));
    if (remaining === 0) {
      throw new StripeApiError(400, {
        type: "invalid_request_error",
        code: "charge_already_refunded",
        message: `Charge ${String(charge.id)} has already been refunded.`,
      });
    }
    if (!Number.isInteger(amount) || amount < 1 || amount > remaining)
      throw invalid(`Refund amount must be between 1 and ${remaining}.`, "amount");
    charge.amount_refunded = Number(charge.amount_refunded) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    return {
      id: newId("re"),
      object: "refund",
      amount,
      charge: charge.id,
      currency: charge.currency,
      payment_intent: paymentIntentId,
      metadata: {},
      status: "succeeded",
      created: nowSeconds(),
    };
  }

  function sessionOf(id: string) {
    const session = sessions.get(id);
    if (!session) throw notFound("checkout.session", id);
    return session;
  }

  function route(method: string, path: string, params: FormObject): Record<string, unknown> {
    const [, version, resource, id, extra] = path.split("/");
    if (version === "v1" && extra === undefined) {
      if (method === "POST" && resource === "customers" && id === undefined)
        return createCustomer(params);
      if (method === "POST" && resource === "payment_intents" && id === undefined)
        return createPaymentIntent(params);
      if (method === "GET" && resource === "payment_intents" && id) return paymentIntentOf(id);
      if (method === "GET" && resource === "setup_intents" && id) return setupIntentOf(id);
      if (method === "GET" && resource === "payment_methods" && id) return paymentMethodOf(id);
      if (method === "POST" && resource === "refunds" && id === undefined)
        return createRefund(params);
    }
    const session = /^\/v1\/checkout\/sessions(?:\/([^/]+))?$/.exec(path);
    if (session && method === "POST" && !session[1]) return createCheckoutSession(params);
    if (session && method === "GET" && session[1]) return sessionOf(session[1]);
    throw new StripeApiError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  }

  function answer(
    method: string,
    path: string,
    params: FormObject,
    idempotencyKey: string | null,
  ): { status: number; body: unknown; replayed: boolean } {
    const stored = idempotencyKey && method === "POST" ? idempotent.get(idempotencyKey) : undefined;
    if (stored) {
      if (
        stored.method !== method ||
        stored.path !== path ||
        !isDeepStrictEqual(stored.params, params)
      ) {
        const message = `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`;
        return {
          status: 400,
          body: { error: { type: "idempotency_error", message } },
          replayed: false,
        };
      }
      return { status: stored.status, body: stored.body, replayed: true };
    }
    let result: ApiError | { status: 200; body: unknown };
    try {
      const expand = Array.isArray(params.expand)
        ? params.expand.filter((path) => typeof path === "string")
        : [];
      result = {
        status: 200,
        body: expanded(structuredClone(route(method, path, params)), expand),
      };
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      result = { status: error.status, body: { error: error.error } };
    }
    if (idempotencyKey && method === "POST")
      idempotent.set(idempotencyKey, { method, path, params, ...result });
    return { ...result, replayed: false };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", "http://fake-stripe");
    const method = request.method ?? "GET";
    const idempotencyKey = (request.headers["idempotency-key"] as string | undefined) ?? null;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        "content-type": "application/json",
        "request-id": newId("req"),
        ...headers,
      });
      response.end(JSON.stringify(body));
    };
    const params = parseFormUrlencoded(
      method === "GET" ? url.search.slice(1) : Buffer.concat(chunks).toString("utf8"),
    );
    requests.push({ method, path: url.pathname, idempotencyKey, params });

    const authorization = request.headers.authorization ?? "";
    if (!/^Bearer sk_test_\w+$/.test(authorization)) {
      send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
      return;
    }
    const failure =
      failures && failures.remaining > 0 && url.pathname.startsWith(failures.pathPrefix)
        ? failures
        : null;
    if (failure) failure.remaining -= 1;
    if (failure?.kind === "server_error") {
      send(500, {
        error: { type: "api_error", message: "An unknown error occurred (fake Stripe, failNext)." },
      });
      return;
    }
    const result = answer(method, url.pathname, params, idempotencyKey);
    if (failure?.kind === "lost_answer") {
      // Stripe did the work; the answer never reaches the caller.
      request.socket.destroy();
      return;
    }
    send(result.status, result.body, {
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
      ...(result.replayed ? { "idempotent-replayed": "true" } : {}),
    });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          error: { type: "api_error", message: `fake stripe crashed: ${String(error)}` },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  function openSession(sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`fake stripe: no Checkout Session ${sessionId}`);
    if (session.status !== "open")
      throw new Error(`fake stripe: Checkout Session ${sessionId} is ${String(session.status)}`);
    return session;
  }

  /** The session's PaymentIntent, created when the customer first submits a card on the page. */
  function sessionPaymentIntent(session: Record<string, unknown>, paymentMethod: string) {
    const data = sessionIntentData.get(String(session.id));
    if (!data)
      throw new Error(
        `fake stripe: Checkout Session ${String(session.id)} is in ${String(session.mode)} mode, it takes no payment`,
      );
    const existing =
      typeof session.payment_intent === "string"
        ? paymentIntents.get(session.payment_intent)
        : undefined;
    const paymentIntent =
      existing ??
      newPaymentIntent({
        amount: Number(session.amount_total),
        currency: String(session.currency),
        customer: (session.customer as string | null) ?? null,
        paymentMethod: null,
        description: null,
        metadata: data.metadata,
        setupFutureUsage: data.setupFutureUsage,
      });
    paymentIntent.payment_method = resolvePaymentMethod(paymentMethod);
    session.payment_intent = paymentIntent.id;
    return paymentIntent;
  }

  function completeSetup(session: Record<string, unknown>, testCard: string): FakeEvent {
    const paymentMethod = resolvePaymentMethod(testCard);
    if (cardBehaviours.get(paymentMethod) === "declined")
      throw new Error(`fake stripe: ${testCard} does not complete a card setup`);
    paymentMethodOf(paymentMethod).customer = session.customer;
    Object.assign(setupIntentOf(String(session.setup_intent)), {
      status: "succeeded",
      payment_method: paymentMethod,
    });
    Object.assign(session, { status: "complete", url: null });
    return event("checkout.session.completed", session);
  }

  return {
    url: `http://127.0.0.1:${port}`,
    webhookSecret,
    /** Every request received, in order (including failed and replayed ones). */
    requests,
    /** PaymentIntents that succeeded: money actually taken. */
    chargeCount: () => succeededCharges,
    customer: (id: string) => customers.get(id),
    session: (id: string) => sessions.get(id),
    paymentIntent: (id: string) => paymentIntents.get(id),
    setupIntent: (id: string) => setupIntents.get(id),
    paymentMethod: (id: string) => paymentMethods.get(id),
    /** Answer the next `count` requests (under `pathPrefix`) with a 500, or do the work and drop the connection. */
    failNext(count: number, kind: FailureKind = "server_error", pathPrefix = "/") {
      failures = { remaining: count, kind, pathPrefix };
    },
    /**
     * The customer pays on the Checkout page — or, in setup mode, saves the card: it is attached to the session's
     * customer and the SetupIntent succeeds with it. Returns the `checkout.session.completed` event.
     */
    completeCheckout(sessionId: string, options: { paymentMethod?: string } = {}): FakeEvent {
      const session = openSession(sessionId);
      if (session.mode === "setup")
        return completeSetup(session, options.paymentMethod ?? "pm_card_visa");
      const paymentIntent = sessionPaymentIntent(session, options.paymentMethod ?? "pm_card_visa");
      const error = confirm(paymentIntent, false);
      if (error || paymentIntent.status !== "succeeded")
        throw new Error(`fake stripe: ${options.paymentMethod} does not complete a checkout`);
      Object.assign(session, { status: "complete", payment_status: "paid", url: null });
      return event("checkout.session.completed", session);
    },
    /** The customer's card is declined on the Checkout page (they may try another): `payment_intent.payment_failed`. */
    declineCheckoutAttempt(sessionId: string): FakeEvent {
      const paymentIntent = sessionPaymentIntent(openSession(sessionId), "pm_card_chargeDeclined");
      confirm(paymentIntent, false);
      return event("payment_intent.payment_failed", paymentIntent);
    },
    expireCheckout(sessionId: string): FakeEvent {
      const session = openSession(sessionId);
      Object.assign(session, { status: "expired", url: null });
      // An expired setup session's SetupIntent is canceled with it.
      if (typeof session.setup_intent === "string")
        setupIntentOf(session.setup_intent).status = "canceled";
      return event("checkout.session.expired", session);
    },
    /** The customer passed the bank's authentication: the PaymentIntent succeeds (`payment_intent.succeeded`). */
    confirmPaymentIntent(paymentIntentId: string): FakeEvent {
      const paymentIntent = paymentIntentOf(paymentIntentId);
      if (
        paymentIntent.status !== "requires_action" &&
        paymentIntent.status !== "requires_payment_method"
      ) {
        throw new Error(
          `fake stripe: ${paymentIntentId} is ${String(paymentIntent.status)}, nothing to confirm`,
        );
      }
      succeed(paymentIntent);
      return event("payment_intent.succeeded", paymentIntent);
    },
    /** `payment_intent.payment_failed` for a PaymentIntent as it stands (after a decline). */
    paymentFailedEvent: (paymentIntentId: string) =>
      event("payment_intent.payment_failed", paymentIntentOf(paymentIntentId)),
    /** `charge.refunded` for the PaymentIntent's charge as it stands (refund it through the API first). */
    refundEvent: (paymentIntentId: string) =>
      event("charge.refunded", chargeOf(paymentIntentOf(paymentIntentId))),
    /** The cardholder disputes the charge: a new Dispute and its `charge.dispute.created` event. */
    disputeEvent(paymentIntentId: string): FakeEvent {
      const charge = chargeOf(paymentIntentOf(paymentIntentId));
      charge.disputed = true;
      const dispute = {
        id: newId("dp"),
        object: "dispute",
        amount: charge.amount,
        charge: charge.id,
        currency: charge.currency,
        payment_intent: paymentIntentId,
        metadata: {},
        reason: "fraudulent",
        status: "needs_response",
        created: nowSeconds(),
        livemode: false,
      };
      return event("charge.dispute.created", dispute);
    },
    /** Any event, e.g. a type the gateway ignores. */
    customEvent: (type: string, object: Record<string, unknown>) => event(type, object),
    /** The delivery Stripe would POST: the JSON body and its `Stripe-Signature` header. */
    signedWebhook(payload: FakeEvent, secret = webhookSecret): { body: string; headers: Headers } {
      const body = JSON.stringify(payload);
      const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
      return {
        body,
        headers: new Headers({ "content-type": "application/json", "stripe-signature": signature }),
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
