import type Stripe from "stripe";
import type { GatewayWebhookEffect } from "./gateway";
import {
  awaitsAuthentication,
  chargeSourceOf,
  checkoutSessionOutcome,
  idOf,
  paymentIdOf,
  paymentIntentOutcome,
} from "./stripe-outcomes";

/** Fetches a PaymentIntent an event names only by id (events carry no expanded objects). */
export type RetrievePaymentIntent = (id: string) => Promise<Stripe.PaymentIntent>;

const IGNORED: GatewayWebhookEffect = { kind: "ignored" };

async function paymentIntentOf(
  value: string | Stripe.PaymentIntent | null,
  retrieve: RetrievePaymentIntent,
): Promise<Stripe.PaymentIntent | null> {
  if (!value) return null;
  return typeof value === "string" ? retrieve(value) : value;
}

/**
 * What a verified Stripe event means for Subflow. Events about objects without our payment id (charges made outside
 * Subflow) and types we do not use are ignored.
 */
export async function stripeWebhookEffect(event: Stripe.Event, retrieve: RetrievePaymentIntent): Promise<GatewayWebhookEffect> {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      const paymentId = paymentIdOf(session.metadata);
      // Unpaid: a delayed payment method, settled by its own later event.
      if (paymentId === null || session.payment_status !== "paid") return IGNORED;
      const paymentIntent = await paymentIntentOf(session.payment_intent, retrieve);
      return { kind: "settle", paymentId, outcome: checkoutSessionOutcome(session, paymentIntent) };
    }
    case "checkout.session.expired": {
      const session = event.data.object;
      const paymentId = paymentIdOf(session.metadata);
      if (paymentId === null) return IGNORED;
      return { kind: "settle", paymentId, outcome: checkoutSessionOutcome(session, null) };
    }
    case "payment_intent.succeeded": {
      const paymentIntent = event.data.object;
      const paymentId = paymentIdOf(paymentIntent.metadata);
      if (paymentId === null) return IGNORED;
      return { kind: "settle", paymentId, outcome: paymentIntentOutcome(paymentIntent, null) };
    }
    case "payment_intent.payment_failed": {
      const paymentIntent = event.data.object;
      const paymentId = paymentIdOf(paymentIntent.metadata);
      // On a Checkout page the customer may try another card: the session's completion or expiry settles it. A
      // charge waiting for the customer's confirmation is not declined yet either.
      if (paymentId === null || chargeSourceOf(paymentIntent) === "checkout" || awaitsAuthentication(paymentIntent)) return IGNORED;
      return { kind: "settle", paymentId, outcome: paymentIntentOutcome(paymentIntent, null) };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      // A partial refund (made in Stripe's dashboard) leaves the payment paid: Subflow refunds whole payments.
      if (!charge.refunded) return IGNORED;
      const paymentIntent = paymentIdOf(charge.metadata) === null ? await paymentIntentOf(charge.payment_intent, retrieve) : null;
      const paymentId = paymentIdOf(charge.metadata) ?? paymentIdOf(paymentIntent?.metadata);
      if (paymentId === null) return IGNORED;
      // The refunded PaymentIntent: what the payment recorded as its gateway reference.
      return { kind: "refunded", paymentId, reference: idOf(charge.payment_intent) ?? charge.id };
    }
    case "charge.dispute.created": {
      const dispute = event.data.object;
      const paymentIntent = await paymentIntentOf(dispute.payment_intent, retrieve);
      const paymentId = paymentIdOf(paymentIntent?.metadata);
      if (paymentId === null) return IGNORED;
      return { kind: "disputed", paymentId, reference: dispute.id };
    }
    default:
      return IGNORED;
  }
}
