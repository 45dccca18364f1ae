import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { absoluteCheckoutUrl } from "@/lib/payments/gateway-request-parts";
import { payPayment } from "@/lib/payments/pay-payment";
import type { Payment } from "@/lib/db/schema";
import { createPurchase, type CreatePurchaseOptions } from "./create-purchase";

export interface PurchaseOutcome {
  payment: Payment;
  /** Where to send the customer to pay: the gateway's checkout page (Stripe), or ours when no card token was given. */
  checkoutUrl: string | null;
  replayed: boolean;
}

/**
 * A purchase through the API: create it (createPurchase) and, when a card token is given for a token gateway or the
 * gateway redirects, start paying it at once (payPayment). A retry with the same idempotency key returns the payment
 * as it now stands and charges nothing: one that was declined answers `payment_declined` again, one that is paid
 * answers with its subscription.
 */
export async function purchaseSubscription(
  db: Db,
  options: CreatePurchaseOptions & { paymentToken?: string | null },
): Promise<PurchaseOutcome> {
  const { payment, replayed } = await createPurchase(db, options);
  if (replayed) {
    // The first request was declined: the same answer again, and nothing charged (a new key tries another card).
    if (payment.status === "form" && payment.failureReason) {
      throw new AppError("payment_declined", payment.failureReason, 402, {
        payment_id: payment.id,
      });
    }
    return { payment, checkoutUrl: pendingCheckoutUrl(payment), replayed };
  }
  if (payment.amountCents > 0 && !options.paymentToken && payment.gateway === "demo") {
    // Nothing to charge a card with here: the customer pays on our checkout page.
    return { payment, checkoutUrl: absoluteCheckoutUrl(payment.id), replayed };
  }
  const paid = await payPayment(db, {
    paymentId: payment.id,
    userId: options.userId,
    cardToken: options.paymentToken ?? undefined,
  });
  return {
    payment: paid.payment,
    checkoutUrl: paid.status === "redirect" ? paid.url : null,
    replayed,
  };
}

function pendingCheckoutUrl(payment: Payment): string | null {
  if (payment.status === "form") return absoluteCheckoutUrl(payment.id);
  const action = payment.meta.gateway_action as { url?: unknown } | undefined;
  return payment.status === "pending" && typeof action?.url === "string" ? action.url : null;
}
