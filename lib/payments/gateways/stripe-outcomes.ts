import type Stripe from "stripe";
import type { CardSummary, GatewayOutcome } from "./gateway";

/**
 * How Stripe's objects read as gateway outcomes — one place for the charge's answer, reconciliation's lookup and
 * webhooks, so the three agree. Pure: the callers fetch the objects.
 */

/** Metadata on every PaymentIntent we create: our payment, and whether the charge came from a Checkout page. */
export const METADATA_PAYMENT_ID = "subflow_payment_id";
export const METADATA_SOURCE = "subflow_source";
export type ChargeSource = "checkout" | "off_session";

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/** Our payment id from an object's metadata, or null when the object is not one of our charges. */
export function paymentIdOf(metadata: Stripe.Metadata | null | undefined): number | null {
  const raw = metadata?.[METADATA_PAYMENT_ID];
  if (!raw || !/^[1-9]\d*$/.test(raw)) return null;
  return Number(raw);
}

export function chargeSourceOf(paymentIntent: Stripe.PaymentIntent): ChargeSource | null {
  const source = paymentIntent.metadata?.[METADATA_SOURCE];
  return source === "checkout" || source === "off_session" ? source : null;
}

/**
 * The card a paid PaymentIntent leaves saved for our off-session charges: the one the Checkout set up for future use,
 * or the saved card an off-session charge used (it stays saved).
 */
function savedCardTokenOf(paymentIntent: Stripe.PaymentIntent): string | null {
  const keeps =
    paymentIntent.setup_future_usage === "off_session" ||
    chargeSourceOf(paymentIntent) === "off_session";
  return keeps ? idOf(paymentIntent.payment_method) : null;
}

/** How a card PaymentMethod looks on a billing page; null when only its id is at hand, or it is not a card. */
export function cardOfPaymentMethod(
  paymentMethod: string | Stripe.PaymentMethod | null | undefined,
): CardSummary | null {
  if (!paymentMethod || typeof paymentMethod === "string" || !paymentMethod.card) return null;
  const { brand, last4, exp_month: expMonth, exp_year: expYear } = paymentMethod.card;
  return { brand, last4, expMonth, expYear };
}

/**
 * The PaymentMethod to fetch for a paid PaymentIntent's saved card summary: its id when the PaymentIntent leaves a
 * saved card but names the card only by id (a create's answer, an event), else null.
 */
export function paymentMethodToFetch(paymentIntent: Stripe.PaymentIntent): string | null {
  const { payment_method: paymentMethod } = paymentIntent;
  if (paymentIntent.status !== "succeeded" || typeof paymentMethod !== "string") return null;
  return savedCardTokenOf(paymentIntent) ? paymentMethod : null;
}

/** Money taken; the saved card's summary needs the PaymentIntent's `payment_method` expanded. */
function paidOutcome(paymentIntent: Stripe.PaymentIntent): GatewayOutcome {
  const savedCardToken = savedCardTokenOf(paymentIntent);
  return {
    status: "paid",
    reference: paymentIntent.id,
    savedCardToken,
    card: savedCardToken ? cardOfPaymentMethod(paymentIntent.payment_method) : null,
  };
}

/**
 * The bank asks the customer to confirm: `requires_action`, or — how Stripe answers an off-session charge that
 * needs authentication — `requires_payment_method` after an `authentication_required` failure, which the customer
 * can still confirm on-session with the same card.
 */
export function awaitsAuthentication(paymentIntent: Stripe.PaymentIntent): boolean {
  if (paymentIntent.status === "requires_action") return true;
  return (
    paymentIntent.status === "requires_payment_method" &&
    paymentIntent.last_payment_error?.code === "authentication_required"
  );
}

export function paymentIntentOutcome(
  paymentIntent: Stripe.PaymentIntent,
  confirmUrl: string | null,
): GatewayOutcome {
  const reference = paymentIntent.id;
  if (paymentIntent.status === "succeeded") return paidOutcome(paymentIntent);
  if (awaitsAuthentication(paymentIntent))
    return { status: "pending", reference, redirectUrl: confirmUrl, action: "confirm" };
  if (paymentIntent.status === "requires_payment_method" || paymentIntent.status === "canceled") {
    const error = paymentIntent.last_payment_error;
    return {
      status: "declined",
      reference,
      code: error?.decline_code ?? error?.code ?? paymentIntent.status,
      reason:
        error?.message ??
        (paymentIntent.status === "canceled" ? "The payment was canceled." : "The payment failed."),
    };
  }
  // processing, requires_confirmation, requires_capture: not settled yet, nothing for the customer to do.
  return { status: "pending", reference, redirectUrl: null, action: null };
}

/**
 * A payment-mode Checkout Session's outcome; `paymentIntent` is the session's PaymentIntent once it completed (with
 * its `payment_method` expanded, for the saved card's summary).
 */
export function checkoutSessionOutcome(
  session: Stripe.Checkout.Session,
  paymentIntent: Stripe.PaymentIntent | null,
): GatewayOutcome {
  if (session.status === "expired") return { status: "abandoned", reference: session.id };
  if (session.status === "complete" && session.payment_status === "paid") {
    if (!paymentIntent)
      throw new Error(`stripe gateway: paid Checkout Session ${session.id} has no PaymentIntent`);
    return paidOutcome(paymentIntent);
  }
  if (session.status === "open")
    return {
      status: "pending",
      reference: session.id,
      redirectUrl: session.url,
      action: "checkout",
    };
  // Complete but unpaid: a delayed payment method still settling.
  return { status: "pending", reference: session.id, redirectUrl: null, action: null };
}
