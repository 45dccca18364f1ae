import type Stripe from "stripe";
import type { GatewayWebhookEffect } from "./gateway";
import { cardSavedEffect, cardSetupUserIdOf } from "./stripe-card-setup";
import {
  awaitsAuthentication,
  chargeSourceOf,
  checkoutSessionOutcome,
  idOf,
  paymentIdOf,
  paymentIntentOutcome,
  paymentMethodToFetch,
} from "./stripe-outcomes";

/** Fetches what an event names only by id (events carry no expanded objects). */
export interface StripeLookups {
  /** A PaymentIntent with its `payment_method` expanded. */
  paymentIntent(id: string): Promise<Stripe.PaymentIntent>;
  /** A SetupIntent with its `payment_method` expanded. */
  setupIntent(id: string): Promise<Stripe.SetupIntent>;
  paymentMethod(id: string): Promise<Stripe.PaymentMethod>;
}

const IGNORED: GatewayWebhookEffect = { kind: "ignored" };

async function paymentIntentOf(
  value: string | Stripe.PaymentIntent | null,
  lookups: StripeLookups,
): Promise<Stripe.PaymentIntent | null> {
  if (!value) return null;
  return typeof value === "string" ? lookups.paymentIntent(value) : value;
}

/** The event's PaymentIntent, with the saved card's PaymentMethod (which the event names by id) fetched. */
async function withSavedCard(
  paymentIntent: Stripe.PaymentIntent,
  lookups: StripeLookups,
): Promise<Stripe.PaymentIntent> {
  const paymentMethod = paymentMethodToFetch(paymentIntent);
  return paymentMethod
    ? { ...paymentIntent, payment_method: await lookups.paymentMethod(paymentMethod) }
    : paymentIntent;
}

/**
 * What a verified Stripe event means for Subflow. A Checkout Session is read by its mode: a payment settles our
 * payment, a setup saves the user's new card. Events about objects without our metadata (charges and setups made
 * outside Subflow) and types we do not use are ignored.
 */
export async function stripeWebhookEffect(
  event: Stripe.Event,
  lookups: StripeLookups,
): Promise<GatewayWebhookEffect> {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      if (session.mode === "setup") {
        const userId = cardSetupUserIdOf(session);
        const setupIntentId = idOf(session.setup_intent);
        if (userId === null || !setupIntentId) return IGNORED;
        return cardSavedEffect(userId, await lookups.setupIntent(setupIntentId));
      }
      const paymentId = session.mode === "payment" ? paymentIdOf(session.metadata) : null;
      // Unpaid: a delayed payment method, settled by its own later event.
      if (paymentId === null || session.payment_status !== "paid") return IGNORED;
      const paymentIntent = await paymentIntentOf(session.payment_intent, lookups);
      return { kind: "settle", paymentId, outcome: checkoutSessionOutcome(session, paymentIntent) };
    }
    case "checkout.session.expired": {
      const session = event.data.object;
      // An abandoned card setup changes nothing: the customer's renewals keep the card they had.
      const paymentId = session.mode === "payment" ? paymentIdOf(session.metadata) : null;
      if (paymentId === null) return IGNORED;
      return { kind: "settle", paymentId, outcome: checkoutSessionOutcome(session, null) };
    }
    case "payment_intent.succeeded": {
      const paymentId = paymentIdOf(event.data.object.metadata);
      if (paymentId === null) return IGNORED;
      const paymentIntent = await withSavedCard(event.data.object, lookups);
      return { kind: "settle", paymentId, outcome: paymentIntentOutcome(paymentIntent, null) };
    }
    case "payment_intent.payment_failed": {
      const paymentIntent = event.data.object;
      const paymentId = paymentIdOf(paymentIntent.metadata);
      // On a Checkout page the customer may try another card: the session's completion or expiry settles it. A
      // charge waiting for the customer's confirmation is not declined yet either.
      if (
        paymentId === null ||
        chargeSourceOf(paymentIntent) === "checkout" ||
        awaitsAuthentication(paymentIntent)
      )
        return IGNORED;
      return { kind: "settle", paymentId, outcome: paymentIntentOutcome(paymentIntent, null) };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      // A partial refund (made in Stripe's dashboard) leaves the payment paid: Subflow refunds whole payments.
      if (!charge.refunded) return IGNORED;
      const paymentIntent =
        paymentIdOf(charge.metadata) === null
          ? await paymentIntentOf(charge.payment_intent, lookups)
          : null;
      const paymentId = paymentIdOf(charge.metadata) ?? paymentIdOf(paymentIntent?.metadata);
      if (paymentId === null) return IGNORED;
      // The refunded PaymentIntent: what the payment recorded as its gateway reference.
      return { kind: "refunded", paymentId, reference: idOf(charge.payment_intent) ?? charge.id };
    }
    case "charge.dispute.created": {
      const dispute = event.data.object;
      const paymentIntent = await paymentIntentOf(dispute.payment_intent, lookups);
      const paymentId = paymentIdOf(paymentIntent?.metadata);
      if (paymentId === null) return IGNORED;
      return { kind: "disputed", paymentId, reference: dispute.id };
    }
    default:
      return IGNORED;
  }
}
