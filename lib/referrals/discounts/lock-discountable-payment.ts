import "server-only";
import type { Db } from "@/lib/db";
import { lockOwnPayment } from "@/lib/payments/lock-own-payment";
import type { Payment } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";
import { isChargeableGateway } from "@/lib/payments/gateways";

/**
 * Inside a transaction: lock the customer, then their payment (lockOwnPayment), and check that a discount code may
 * change it — unpaid (`form`), by card, and not an upgrade's payment, whose price the upgrade computes and re-checks
 * itself.
 */
export async function lockDiscountablePayment(
  tx: Db,
  options: { paymentId: number; userId: number },
): Promise<Payment> {
  const payment = await lockOwnPayment(tx, options);
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
