import "server-only";
import { eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, recurrentPayments, type Payment } from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import { cardOfColumns } from "@/lib/payments/card-summary";
import type { GatewayOutcome } from "@/lib/payments/gateways/gateway";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { recordPending, type SettleResult } from "@/lib/payments/settle-payment";
import { releaseDiscountOfFailedPayment } from "@/lib/referrals/discounts/apply-discount-to-renewal";
import { createRecurrentPayment } from "./create-recurrent-payment";

/** After a decline the charge is tried again after 1, 2, then 3 days; the fourth decline ends the chain. */
export const CHARGE_RETRY_DAYS = [1, 2, 3] as const;
export const DEFAULT_MAX_FAILED_CHARGES = CHARGE_RETRY_DAYS.length + 1;

/**
 * Settle a renewal's charge, in settlePayment's transaction (payment row locked, then its recurrent payment). Paid:
 * the payment creates the next subscription, the row becomes `charged` and the chain goes on from a new row. Declined:
 * a failed payment, retried later, and after the last attempt the chain stops as `charge_failed`. The gateway never
 * got it (reconciliation found no charge under the key): a failed payment that does not count as a decline, so the
 * next tick charges again.
 */
export async function settleRenewal(
  tx: Db,
  payment: Payment,
  outcome: GatewayOutcome,
): Promise<SettleResult> {
  const [recurrent] = await tx
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.id, payment.recurrentPaymentId ?? 0))
    .for("no key update");
  if (!recurrent) throw new Error(`payment ${payment.id} renews a recurrent payment that is gone`);
  const at = now();

  if (outcome.status === "pending") return recordPending(tx, payment, outcome);

  if (outcome.status === "paid") {
    await tx
      .update(payments)
      .set({
        gatewayReference: outcome.reference,
        pendingSince: null,
        meta: { ...payment.meta, transaction_id: outcome.reference },
      })
      .where(eq(payments.id, payment.id));
    const paid = await markPaymentPaid(tx, {
      paymentId: payment.id,
      actor: SYSTEM_ACTOR,
      skipRecurrentSetup: true,
    });
    // The customer may have stopped the renewal while the charge waited for them: the period is paid, the chain ends.
    // A chain stopped by failed charges goes on when the customer pays the failed renewal themselves.
    if (recurrent.state !== "active" && recurrent.state !== "charge_failed") {
      return { status: "paid", payment: paid.payment, subscription: paid.subscription };
    }
    await tx
      .update(recurrentPayments)
      .set({ state: "charged", paymentId: payment.id, updatedAt: at })
      .where(eq(recurrentPayments.id, recurrent.id));
    // Paid with a new card (at the checkout): the chain goes on with that one.
    const newCard = outcome.savedCardToken && outcome.savedCardToken !== recurrent.cardToken;
    const next = await createRecurrentPayment(tx, {
      parentPaymentId: payment.id,
      cardToken: newCard ? outcome.savedCardToken! : recurrent.cardToken,
      card: newCard ? (outcome.card ?? null) : cardOfColumns(recurrent),
      customAmountCents: recurrent.customAmountCents,
      expiresAt: recurrent.expiresAt,
    });
    await recordEvent(tx, {
      name: "recurrent_payment.renewed",
      userId: recurrent.userId,
      payload: {
        recurrent_payment_id: recurrent.id,
        next_recurrent_payment_id: next.id,
        payment_id: payment.id,
        subscription_id: paid.subscription?.id ?? null,
        amount_cents: payment.amountCents,
      },
    });
    return { status: "paid", payment: paid.payment, subscription: paid.subscription };
  }

  // The customer paying a failed renewal themselves (reopenFailedRenewal): a decline leaves it payable, for another
  // card, and the renewal's own retries and state stay as they were.
  if (payment.meta.customer_retry === true) {
    const [reopened] = await tx
      .update(payments)
      .set({
        status: "form",
        pendingSince: null,
        gatewayReference: outcome.reference,
        failureReason: outcome.status === "declined" ? outcome.reason : payment.failureReason,
        updatedAt: at,
      })
      .where(eq(payments.id, payment.id))
      .returning();
    if (!reopened) throw new Error("update returned no row");
    return outcome.status === "declined"
      ? { status: "declined", payment: reopened, reason: outcome.reason, code: outcome.code }
      : { status: "abandoned", payment: reopened };
  }

  const reason =
    outcome.status === "declined"
      ? outcome.reason
      : "The charge did not reach the payment gateway; it is tried again.";
  const [failed] = await tx
    .update(payments)
    .set({
      status: "fail",
      failureReason: reason,
      pendingSince: null,
      gatewayReference: outcome.reference,
      updatedAt: at,
    })
    .where(eq(payments.id, payment.id))
    .returning();
  if (!failed) throw new Error("update returned no row");
  await releaseDiscountOfFailedPayment(tx, payment.id);
  if (outcome.status === "abandoned") return { status: "abandoned", payment: failed };
  if (recurrent.state !== "active")
    return { status: "declined", payment: failed, reason, code: outcome.code };

  const failedAttempts = recurrent.failedAttempts + 1;
  const maxFailedCharges =
    typeof payment.meta.max_failed_charges === "number"
      ? payment.meta.max_failed_charges
      : DEFAULT_MAX_FAILED_CHARGES;
  const final = failedAttempts >= maxFailedCharges;
  await tx
    .update(recurrentPayments)
    .set({
      failedAttempts,
      lastFailureReason: reason,
      state: final ? "charge_failed" : "active",
      nextAttemptAt: final
        ? null
        : addDays(
            at,
            CHARGE_RETRY_DAYS[Math.min(failedAttempts, CHARGE_RETRY_DAYS.length) - 1] ?? 1,
          ),
      updatedAt: at,
    })
    .where(eq(recurrentPayments.id, recurrent.id));
  if (final) {
    await recordEvent(tx, {
      name: "recurrent_payment.state_changed",
      userId: recurrent.userId,
      payload: {
        recurrent_payment_id: recurrent.id,
        state: "charge_failed",
        previous_state: "active",
        reason: outcome.code,
      },
    });
  }
  return { status: "declined", payment: failed, reason, code: outcome.code };
}
