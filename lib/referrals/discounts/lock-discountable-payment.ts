import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { payments, type Payment } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { isChargeableGateway } from "@/lib/payments/gateways";

/**
 * Inside a transaction: lock the user, then their payment (ownership in the query; lib/db/LOCK-ORDER.md) and check that a discount code may change
 * it — unpaid (`form`), by card, and not an upgrade's payment, whose price the upgrade computes and re-checks itself.
 */
export async function lockDiscountablePayment(
  tx: Db,
  options: { paymentId: number; userId: number },
): Promise<Payment> {
  await lockUsers(tx, [options.userId]);
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.id, options.paymentId), eq(payments.userId, options.userId)))
    .for("no key update");
  if (!payment) throw notFound("payment_not_found", "No such payment.");
  if (payment.status !== "form")
    throw conflict(
      "discount_not_applicable",
      "Discount codes only change a payment that is not paid yet.",
    );
  if (payment.upgradeType !== null)
    throw conflict(
      "discount_not_applicable",
      "Discount codes cannot be used on an upgrade's payment.",
    );
  // A card payment is paid at the checkout (where a code can also be removed) or by its renewal; a bank transfer is
  // settled by hand at its stated amount.
  if (!isChargeableGateway(payment.gateway)) {
    throw conflict("discount_not_applicable", "Discount codes apply to payments made by card.");
  }
  return payment;
}
