import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { payments, type Payment } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/**
 * Inside a transaction: lock the customer, then their payment (lib/db/LOCK-ORDER.md: users first), ownership in the
 * query. Another customer's payment, or none, is `payment_not_found` (404).
 */
export async function lockOwnPayment(
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
  return payment;
}
