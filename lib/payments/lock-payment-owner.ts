import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { payments } from "@/lib/db/schema";

/**
 * Inside a transaction that is about to lock a payment: lock its owner first (lib/db/LOCK-ORDER.md). A payment's user
 * never changes, so reading it without a lock is safe. Nothing happens for an unknown payment; the caller's own
 * lookup reports it.
 */
export async function lockPaymentOwner(tx: Db, paymentId: number): Promise<void> {
  const [owner] = await tx
    .select({ userId: payments.userId })
    .from(payments)
    .where(eq(payments.id, paymentId));
  if (owner) await lockUsers(tx, [owner.userId]);
}
