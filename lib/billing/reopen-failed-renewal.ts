import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { payments, recurrentPayments, type Payment } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";

/**
 * The customer pays a failed renewal themselves: its payment — the last one its recurrent payment made, which is
 * stopped by failed charges or waiting to retry — becomes payable again (`form`), to be paid at the checkout or
 * with the saved card (payPayment). Paying it creates the subscription from now and puts the renewal back on its
 * way (settleRenewal). The payment row, then the recurrent payment, are locked: two tabs reopen it once.
 */
export async function reopenFailedRenewal(
  db: Db,
  options: { userId: number; paymentId: number },
): Promise<Payment> {
  return db.transaction(async (tx) => {
    // lib/db/LOCK-ORDER.md: the customer, the payment, then its recurrent payment.
    await lockUsers(tx, [options.userId]);
    const [payment] = await tx
      .select()
      .from(payments)
      .where(
        and(
          eq(payments.id, options.paymentId),
          eq(payments.userId, options.userId),
          isNotNull(payments.recurrentPaymentId),
        ),
      )
      .for("no key update");
    if (!payment) throw notFound("payment_not_found", "No renewal payment of yours with that id.");
    if (payment.status === "form") return payment;
    if (payment.status !== "fail")
      throw conflict("payment_not_retryable", "Only a failed renewal can be paid again.");
    const [recurrent] = await tx
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, payment.recurrentPaymentId ?? 0))
      .for("no key update");
    const retryable =
      recurrent &&
      (recurrent.state === "charge_failed" || recurrent.state === "active") &&
      recurrent.paymentId === payment.id;
    if (!retryable)
      throw conflict(
        "payment_not_retryable",
        "This renewal was replaced by a newer one; pay that one instead.",
      );
    const [reopened] = await tx
      .update(payments)
      // Paid with another card, that card is kept for the renewals that follow; declined, it stays payable (settleRenewal).
      .set({
        status: "form",
        meta: { ...payment.meta, renew_automatically: true, customer_retry: true },
        updatedAt: now(),
      })
      .where(eq(payments.id, payment.id))
      .returning();
    if (!reopened) throw new Error("update returned no row");
    return reopened;
  });
}
