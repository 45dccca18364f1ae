import "server-only";
import { eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, type Payment, type Subscription } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { settleRenewal } from "@/lib/recurrent-payments/settle-renewal";
import { settleUpgradeCharge } from "@/lib/upgrades/settle-upgrade-charge";
import type { GatewayOutcome } from "./gateways/gateway";
import { lockPaymentOwner } from "./lock-payment-owner";
import { markPaymentPaid } from "./mark-payment-paid";
import { refundPayment } from "./refund-payment";

export type SettleResult =
  | { status: "paid"; payment: Payment; subscription: Subscription | null }
  | { status: "declined"; payment: Payment; reason: string; code: string }
  | {
      status: "pending";
      payment: Payment;
      redirectUrl: string | null;
      action: "checkout" | "confirm" | null;
    }
  /** The customer left the gateway without paying; the payment is payable again (a renewal is tried again). */
  | { status: "abandoned"; payment: Payment }
  /** Settled before (a replayed webhook, reconciliation after the answer): nothing changed. */
  | { status: "already_settled"; payment: Payment };

/**
 * Step three of every charge: record what the gateway said, in one transaction with the payment row locked, so an
 * answer, a webhook and reconciliation racing over one payment settle it exactly once. What "paid" means depends on
 * the payment: a renewal moves its recurrent chain on, an upgrade charge completes the upgrade, anything else is
 * marked paid (creating its subscription and, when asked, the recurrent payment on the card the gateway saved).
 */
export async function settlePayment(
  db: Db,
  options: {
    paymentId: number;
    outcome: GatewayOutcome;
    /** The charge attempt the outcome answers, when the caller knows it: an answer about an earlier attempt changes nothing. */
    attempt?: number;
  },
): Promise<SettleResult> {
  const result = await db.transaction(async (tx): Promise<SettleResult> => {
    // lib/db/LOCK-ORDER.md: the payer before the payment; what settling does next (a subscription, a renewal's
    // recurrent payment, an upgrade's split) follows in table order.
    await lockPaymentOwner(tx, options.paymentId);
    const [payment] = await tx
      .select()
      .from(payments)
      .where(eq(payments.id, options.paymentId))
      .for("no key update");
    if (!payment) throw notFound("payment_not_found", "No such payment.");
    if (payment.status !== "pending") return { status: "already_settled", payment };
    if (options.attempt !== undefined && options.attempt !== payment.chargeAttempt)
      return { status: "already_settled", payment };
    if (payment.recurrentPaymentId !== null) return settleRenewal(tx, payment, options.outcome);
    if (payment.upgradeType === "paid_recurrent")
      return settleUpgradeCharge(tx, payment, options.outcome);
    return settleCheckout(tx, payment, options.outcome);
  });
  // Money taken for something that could no longer be delivered (an upgrade whose base changed meanwhile): give it
  // back at the gateway now that the transaction is over. Should that fail, reconciliation tries again.
  if (result.status === "paid" && isRefundRequired(result.payment)) {
    return { ...result, payment: await refundPayment(db, { paymentId: result.payment.id }) };
  }
  return result;
}

export const isRefundRequired = (payment: Payment) =>
  payment.status === "paid" && typeof payment.meta.refund_required === "string";

async function update(
  tx: Db,
  id: number,
  values: Partial<typeof payments.$inferInsert>,
): Promise<Payment> {
  const [row] = await tx
    .update(payments)
    .set({ ...values, updatedAt: now() })
    .where(eq(payments.id, id))
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

/** A payment the customer pays at a checkout (a purchase, an admin's card payment, a paid_extend upgrade). */
async function settleCheckout(
  tx: Db,
  payment: Payment,
  outcome: GatewayOutcome,
): Promise<SettleResult> {
  switch (outcome.status) {
    case "paid": {
      const renews =
        payment.recurrentCardToken !== null || payment.meta.renew_automatically === true;
      await update(tx, payment.id, {
        gatewayReference: outcome.reference,
        pendingSince: null,
        recurrentCardToken: renews ? (outcome.savedCardToken ?? payment.recurrentCardToken) : null,
        meta: {
          ...payment.meta,
          transaction_id: outcome.reference,
          ...(renews && outcome.card ? { card: outcome.card } : {}),
        },
      });
      // The gateway's answer pays it, not a person.
      const paid = await markPaymentPaid(tx, { paymentId: payment.id, actor: SYSTEM_ACTOR });
      return { status: "paid", payment: paid.payment, subscription: paid.subscription };
    }
    case "declined": {
      // Payable again: the customer may try another card.
      const declined = await update(tx, payment.id, {
        status: "form",
        pendingSince: null,
        gatewayReference: outcome.reference,
        failureReason: outcome.reason,
      });
      return { status: "declined", payment: declined, reason: outcome.reason, code: outcome.code };
    }
    case "pending":
      return recordPending(tx, payment, outcome);
    case "abandoned": {
      // An earlier attempt's session (its expiry webhook arriving after reconciliation reopened the payment and the
      // customer started paying again) says nothing about the current attempt: reopening it would lose that payment.
      if (outcome.reference !== null && outcome.reference !== payment.gatewayReference)
        return { status: "already_settled", payment };
      const reopened = await update(tx, payment.id, {
        status: "form",
        pendingSince: null,
        gatewayReference: null,
      });
      return { status: "abandoned", payment: reopened };
    }
  }
}

/**
 * The gateway has not settled yet: keep the payment pending with where the customer finishes it. When their bank
 * asks them to confirm a charge made without them (SCA), `payment.action_required` is recorded once per charge
 * attempt, and its function emails them the link.
 */
export async function recordPending(
  tx: Db,
  payment: Payment,
  outcome: Extract<GatewayOutcome, { status: "pending" }>,
): Promise<Extract<SettleResult, { status: "pending" }>> {
  const updated = await update(tx, payment.id, {
    gatewayReference: outcome.reference,
    meta: {
      ...payment.meta,
      gateway_action: {
        action: outcome.action,
        url: outcome.redirectUrl,
        attempt: payment.chargeAttempt,
      },
    },
  });
  if (outcome.action === "confirm") {
    await recordEvent(tx, {
      dedupeKey: `payment.action_required:${payment.id}:${payment.chargeAttempt}`,
      name: "payment.action_required",
      userId: payment.userId,
      payload: {
        payment_id: payment.id,
        amount_cents: payment.amountCents,
        gateway: payment.gateway,
        action: "confirm",
      },
    });
  }
  return {
    status: "pending",
    payment: updated,
    redirectUrl: outcome.redirectUrl,
    action: outcome.action,
  };
}
