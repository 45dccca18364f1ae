import "server-only";
import Stripe from "stripe";
import { AppError } from "@/lib/errors";
import type {
  ChargeSavedCardRequest,
  GatewayContext,
  GatewayOutcome,
  PaymentGateway,
} from "./gateway";
import { cardSetupMetadata } from "./stripe-card-setup";
import { stripeClient, stripeWebhookSecret } from "./stripe-client";
import { getOrCreateStripeCustomer } from "./stripe-customer";
import {
  checkoutSessionOutcome,
  METADATA_PAYMENT_ID,
  METADATA_SOURCE,
  type ChargeSource,
  paymentIntentOutcome,
  paymentMethodToFetch,
} from "./stripe-outcomes";
import { stripeWebhookEffect } from "./stripe-webhook-effect";

/** 30 minutes (Stripe's minimum) and a minute for the request's own way there. */
const EXPIRY_STEP_SECONDS = 10 * 60;

/**
 * When a Checkout Session expires: 30 to 40 minutes ahead (Stripe's minimum is 30). Rounded to a 10-minute step so
 * that a retried request within the step sends the same parameters, as Stripe requires of a reused idempotency key.
 * Stripe's clock, not the app's.
 */
const checkoutExpiresAt = () =>
  Math.floor(Date.now() / 1000 / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS + 40 * 60;
/** Read with every PaymentIntent and SetupIntent: a saved card's summary (brand, last 4, expiry) is on its PaymentMethod. */
const WITH_PAYMENT_METHOD = ["payment_method"];

function chargeMetadata(paymentId: number, source: ChargeSource): Stripe.MetadataParam {
  return { [METADATA_PAYMENT_ID]: String(paymentId), [METADATA_SOURCE]: source };
}

/**
 * A paid PaymentIntent with its saved card's PaymentMethod fetched, for the card's summary. Best effort: the money is
 * taken whether or not the summary comes, and the answer must reach the caller, so a failed fetch leaves it out.
 */
async function withSavedCard(
  stripe: Stripe,
  paymentIntent: Stripe.PaymentIntent,
): Promise<Stripe.PaymentIntent> {
  const paymentMethod = paymentMethodToFetch(paymentIntent);
  if (!paymentMethod) return paymentIntent;
  try {
    return {
      ...paymentIntent,
      payment_method: await stripe.paymentMethods.retrieve(paymentMethod),
    };
  } catch (error) {
    console.warn(
      `stripe gateway: the card of ${paymentIntent.id} could not be read; its outcome has no card summary`,
      error,
    );
    return paymentIntent;
  }
}

/**
 * An off-session PaymentIntent on the saved card (`pm_…`). Sent again with the same idempotency key, Stripe answers
 * the first request's response — success or card error — and charges nothing more.
 */
async function chargeOffSession(
  stripe: Stripe,
  request: ChargeSavedCardRequest,
  context?: GatewayContext,
): Promise<GatewayOutcome> {
  const customer = await getOrCreateStripeCustomer(stripe, request.customer, context);
  try {
    const paymentIntent = await stripe.paymentIntents.create(
      {
        amount: request.amountCents,
        currency: request.currency,
        customer,
        payment_method: request.cardToken,
        off_session: true,
        confirm: true,
        description: request.description,
        metadata: chargeMetadata(request.paymentId, "off_session"),
      },
      { idempotencyKey: request.idempotencyKey },
    );
    return paymentIntentOutcome(await withSavedCard(stripe, paymentIntent), request.confirmUrl);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeCardError)) throw error; // network, 5xx: the payment stays pending
    const reference = error.payment_intent?.id ?? null;
    if (error.code === "authentication_required" && reference) {
      return { status: "pending", reference, redirectUrl: request.confirmUrl, action: "confirm" };
    }
    return {
      status: "declined",
      reference,
      code: error.decline_code ?? error.code ?? "card_declined",
      // The SDK prefixes `message` with the request id; the customer reads Stripe's own sentence.
      reason: (error.raw as { message?: string }).message ?? error.message,
    };
  }
}

const retrievePaymentIntent = (stripe: Stripe, id: string) =>
  stripe.paymentIntents.retrieve(id, { expand: WITH_PAYMENT_METHOD });

async function retrieveSessionOutcome(stripe: Stripe, sessionId: string): Promise<GatewayOutcome> {
  const session = await stripe.checkout.sessions.retrieve(sessionId, {
    expand: ["payment_intent.payment_method"],
  });
  const paymentIntent =
    typeof session.payment_intent === "string"
      ? await retrievePaymentIntent(stripe, session.payment_intent)
      : session.payment_intent;
  return checkoutSessionOutcome(session, paymentIntent);
}

/**
 * The `stripe` gateway: customers pay on a Stripe Checkout page (saving the card for renewals when asked), renewals
 * and upgrade charges are off-session PaymentIntents on the saved card, and signed webhooks settle what the answers
 * did not. Configured by `STRIPE_SECRET_KEY` and `STRIPE_WEBHOOK_SECRET`, read at call time.
 */
export const stripeGateway: PaymentGateway = {
  code: "stripe",
  name: "Stripe",
  checkoutMode: "redirect",

  async startPayment(request, context) {
    const stripe = stripeClient();
    const customer = await getOrCreateStripeCustomer(stripe, request.customer, context);
    const session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        customer,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency,
              unit_amount: request.amountCents,
              product_data: { name: request.description },
            },
          },
        ],
        client_reference_id: String(request.paymentId),
        metadata: { [METADATA_PAYMENT_ID]: String(request.paymentId) },
        // Always on the PaymentIntent too, so its webhooks (and a later dispute) name our payment.
        payment_intent_data: {
          metadata: chargeMetadata(request.paymentId, "checkout"),
          ...(request.saveCard ? { setup_future_usage: "off_session" as const } : {}),
        },
        success_url: request.returnUrl,
        cancel_url: request.cancelUrl,
        // A customer who leaves the page can pay again within the half hour, and the payment is payable again
        // (checkout.session.expired) soon after.
        expires_at: checkoutExpiresAt(),
      },
      { idempotencyKey: request.idempotencyKey },
    );
    return {
      status: "pending",
      reference: session.id,
      redirectUrl: session.url,
      action: "checkout",
    };
  },

  async chargeSavedCard(request, context) {
    return chargeOffSession(stripeClient(), request, context);
  },

  async refund(request) {
    const refund = await stripeClient().refunds.create(
      { payment_intent: request.reference, amount: request.amountCents },
      { idempotencyKey: request.idempotencyKey },
    );
    return { reference: refund.id };
  },

  async lookup(request, context) {
    const stripe = stripeClient();
    const { reference } = request;
    if (reference?.startsWith("cs_")) return retrieveSessionOutcome(stripe, reference);
    if (reference?.startsWith("pi_")) {
      return paymentIntentOutcome(
        await retrievePaymentIntent(stripe, reference),
        request.replay?.confirmUrl ?? null,
      );
    }
    if (reference) throw new Error(`stripe gateway: cannot look up reference "${reference}"`);
    // The answer was lost: the same request under the same key makes Stripe answer the first one (within the 24 hours
    // it keeps idempotency keys). A charge that never reached Stripe is made now, which is what the caller wanted.
    if (request.replay)
      return chargeOffSession(
        stripe,
        { ...request.replay, idempotencyKey: request.idempotencyKey },
        context,
      );
    // A Checkout Session whose URL never reached the customer cannot be paid; it expires.
    return { status: "abandoned", reference: null };
  },

  /**
   * The customer enters the new card on a Checkout page in setup mode (nothing is charged); its
   * `checkout.session.completed` webhook reports the saved card (`card_saved`). A card token in the request is
   * ignored: Stripe collects the card on its page.
   */
  async saveCard(request, context) {
    const stripe = stripeClient();
    const customer = await getOrCreateStripeCustomer(stripe, request.customer, context);
    const metadata = cardSetupMetadata(request.customer.userId);
    const session = await stripe.checkout.sessions.create(
      {
        mode: "setup",
        customer,
        // Required in setup mode with the account's dynamic payment methods: it decides which ones the page offers.
        currency: request.currency,
        metadata,
        setup_intent_data: { metadata },
        success_url: request.returnUrl,
        cancel_url: request.cancelUrl,
        // A customer who leaves the page starts again with a new session; the old one expires unused.
        expires_at: checkoutExpiresAt(),
      },
      { idempotencyKey: request.idempotencyKey },
    );
    if (!session.url)
      throw new Error(`stripe gateway: card setup session ${session.id} has no URL`);
    return { status: "redirect", reference: session.id, url: session.url };
  },

  async parseWebhook(rawBody, headers) {
    // An installation without Stripe has no webhook to deliver to: refused as such, not as a server error.
    if (!process.env.STRIPE_SECRET_KEY?.trim() || !process.env.STRIPE_WEBHOOK_SECRET?.trim()) {
      throw new AppError(
        "webhook_not_configured",
        "Stripe is not configured on this installation.",
        404,
      );
    }
    const stripe = stripeClient();
    const secret = stripeWebhookSecret();
    const signature = headers.get("stripe-signature");
    let event: Stripe.Event;
    try {
      if (!signature) throw new Error("no Stripe-Signature header");
      event = stripe.webhooks.constructEvent(rawBody, signature, secret);
    } catch {
      throw new AppError(
        "webhook_signature_invalid",
        "The webhook's Stripe signature is missing or does not match.",
        400,
      );
    }
    const effect = await stripeWebhookEffect(event, {
      paymentIntent: (id) => retrievePaymentIntent(stripe, id),
      setupIntent: (id) => stripe.setupIntents.retrieve(id, { expand: WITH_PAYMENT_METHOD }),
      paymentMethod: (id) => stripe.paymentMethods.retrieve(id),
    });
    return { id: event.id, type: event.type, effect };
  },
};
