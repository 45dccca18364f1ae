import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { recurrentPayments, type RecurrentPayment } from "@/lib/db/schema";

/**
 * The customer's current renewal: the recurrent payment still in play (active, stopped by them, or stopped by failed
 * charges), newest first. Stopped by an admin or by the system (refund, dispute) is not theirs to manage here.
 * With `lock`, the row is locked for the caller's transaction.
 */
export async function findMyRenewal(
  db: Db,
  userId: number,
  { lock = false } = {},
): Promise<RecurrentPayment | null> {
  const query = db
    .select()
    .from(recurrentPayments)
    .where(
      and(
        eq(recurrentPayments.userId, userId),
        inArray(recurrentPayments.state, ["active", "user_stop", "charge_failed"]),
      ),
    )
    .orderBy(desc(recurrentPayments.createdAt), desc(recurrentPayments.id))
    .limit(1);
  // Locking: the customer, then the row (lib/db/LOCK-ORDER.md).
  if (lock) await lockUsers(db, [userId]);
  const [row] = lock ? await query.for("no key update") : await query;
  return row ?? null;
}
