import "server-only";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { discountCodes, payments, type Payment } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { lockDiscountablePayment } from "./lock-discountable-payment";

const DISCOUNT_META_KEYS = [
  "discount_code",
  "discount_cents",
  "amount_before_discount_cents",
] as const;

/**
 * Take the discount code off one of the user's unpaid payments, in one transaction: the amount before the discount
 * comes back, the meta keys go, and the code is free for another payment.
 */
export async function removeDiscountCode(
  db: Db,
  options: { userId: number; paymentId: number },
): Promise<Payment> {
  return db.transaction(async (tx) => {
    const payment = await lockDiscountablePayment(tx, options);
    const [freed] = await tx
      .update(discountCodes)
      .set({ paymentId: null })
      .where(and(eq(discountCodes.paymentId, payment.id), eq(discountCodes.userId, options.userId)))
      .returning({ id: discountCodes.id });
    if (!freed || typeof payment.meta.amount_before_discount_cents !== "number") {
      throw notFound("discount_code_not_found", "No discount code is applied to this payment.");
    }
    return restoreAmountBeforeDiscount(tx, payment);
  });
}

/**
 * An unpaid payment (locked by the caller) whose code was just freed goes back to its amount before the discount,
 * without the discount's meta keys. A payment without a recorded discount is returned as it is.
 */
export async function restoreAmountBeforeDiscount(tx: Db, payment: Payment): Promise<Payment> {
  const before = payment.meta.amount_before_discount_cents;
  if (typeof before !== "number") return payment;
  const meta = { ...payment.meta };
  for (const key of DISCOUNT_META_KEYS) delete meta[key];
  const [updated] = await tx
    .update(payments)
    .set({ amountCents: before, meta, updatedAt: now() })
    .where(eq(payments.id, payment.id))
    .returning();
  if (!updated) throw new Error("update returned no row");
  return updated;
}
