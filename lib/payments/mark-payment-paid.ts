import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { ownedByActor, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  paymentItems,
  payments,
  subscriptions,
  type Payment,
  type Subscription,
} from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { markDiscountUsed } from "@/lib/referrals/discounts/mark-discount-used";
import { assignReceiptNumber } from "@/lib/receipts/assign-receipt-number";
import { createRecurrentPayment } from "@/lib/recurrent-payments/create-recurrent-payment";
import { stopReplacedRecurrentPayments } from "@/lib/recurrent-payments/replaced-recurrent-payments";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { completePaidExtendUpgrade } from "@/lib/upgrades/complete-paid-extend";
import { cardSummaryOf } from "./card-summary";
import { lockPaymentOwner } from "./lock-payment-owner";

export interface MarkPaymentPaidOptions {
  paymentId: number;
  paidAt?: Date;
  /** A customer only finds their own payment (ownership in the query); admins and the system find any. */
  actor: Actor;
  /** Renewals are created by the recurrent payment they come from, which links them itself. */
  skipRecurrentSetup?: boolean;
}

/**
 * Mark a payment paid, in one transaction: the payer's and the payment's rows are locked, its subscription is created (after the user's
 * running subscription with the same content access), the renewals of content it takes over stop, a recurrent payment is set up when the payment asked for one,
 * `payment.paid` is recorded, and the receipt is numbered. Paying a paid payment again returns what the first call did.
 */
export async function markPaymentPaid(
  db: Db,
  options: MarkPaymentPaidOptions,
): Promise<{ payment: Payment; subscription: Subscription | null; alreadyPaid: boolean }> {
  return db.transaction(async (tx) => {
    // lib/db/LOCK-ORDER.md: the payer before the payment (the subscription this creates locks the payer anyway).
    await lockPaymentOwner(tx, options.paymentId);
    const [locked] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.id, options.paymentId), ownedByActor(options.actor, payments.userId)))
      .for("no key update");
    if (!locked) throw notFound("payment_not_found", "No such payment.");
    if (locked.status === "paid") {
      const [existing] = await tx
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.paymentId, locked.id))
        .limit(1);
      return { payment: locked, subscription: existing ?? null, alreadyPaid: true };
    }
    if (locked.status === "refund") {
      throw new AppError("payment_wrong_status", "A refunded payment cannot be marked paid.", 409);
    }
    // Only a paid_extend upgrade is completed by its payment; any other upgrade charge (say a declined
    // paid_recurrent) bought no subscription of its own and must not create a full-length one.
    if (locked.upgradeType !== null && locked.upgradeType !== "paid_extend") {
      throw new AppError(
        "payment_wrong_status",
        "An upgrade charge cannot be marked paid by hand.",
        409,
      );
    }
    const paidAt = options.paidAt ?? now();
    const [payment] = await tx
      .update(payments)
      .set({ status: "paid", paidAt, failureReason: null, updatedAt: now() })
      .where(eq(payments.id, locked.id))
      .returning();
    if (!payment) throw new Error("update returned no row");
    await markDiscountUsed(tx, payment.id, paidAt);

    const [item] = await tx
      .select()
      .from(paymentItems)
      .where(
        and(eq(paymentItems.paymentId, payment.id), eq(paymentItems.type, "subscription_type")),
      )
      .orderBy(asc(paymentItems.id))
      .limit(1);
    // An upgrade's payment completes the upgrade instead of buying a subscription of its own.
    const subscription =
      payment.upgradeType === "paid_extend"
        ? await completePaidExtendUpgrade(tx, payment)
        : item?.subscriptionTypeId
          ? await createSubscription(tx, {
              userId: payment.userId,
              subscriptionTypeId: item.subscriptionTypeId,
              isPaid: true,
              paymentId: payment.id,
            })
          : null;

    // A purchase (not a renewal, not an upgrade) takes over from the renewals of the content it gives.
    if (
      subscription &&
      item?.subscriptionTypeId &&
      payment.recurrentPaymentId === null &&
      payment.upgradeType === null
    ) {
      await stopReplacedRecurrentPayments(tx, {
        userId: payment.userId,
        subscriptionTypeId: item.subscriptionTypeId,
        paymentId: payment.id,
      });
    }
    if (payment.recurrentCardToken && subscription && !options.skipRecurrentSetup) {
      await createRecurrentPayment(tx, {
        parentPaymentId: payment.id,
        cardToken: payment.recurrentCardToken,
        card: cardSummaryOf(payment.meta.card),
      });
    }
    await recordEvent(tx, {
      name: "payment.paid",
      userId: payment.userId,
      payload: {
        payment_id: payment.id,
        amount_cents: payment.amountCents,
        gateway: payment.gateway,
        recurrent: payment.recurrentPaymentId !== null || payment.recurrentCardToken !== null,
        subscription_id: subscription?.id ?? null,
        subscription_type_id: item?.subscriptionTypeId ?? null,
      },
    });
    // Last: the receipt counter is the last lock of the transaction (see takeDocumentNumber).
    const numbered = await assignReceiptNumber(tx, payment);
    return { payment: numbered, subscription, alreadyPaid: false };
  });
}
