import "server-only";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, recurrentPayments, users } from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record-event";

/**
 * A card payment was disputed (a chargeback): the customer is flagged for admins (`payment_disputed_at`) and every
 * active renewal of theirs stops (`system_stop`), so the card is not charged again. Repeating it changes nothing more.
 */
export async function recordDispute(
  db: Db,
  options: { paymentId: number },
): Promise<{ userId: number } | null> {
  return db.transaction(async (tx) => {
    const [payment] = await tx
      .select({ userId: payments.userId })
      .from(payments)
      .where(eq(payments.id, options.paymentId));
    if (!payment) return null;
    const at = now();
    const [user] = await tx
      .select({ disputedAt: users.paymentDisputedAt })
      .from(users)
      .where(eq(users.id, payment.userId))
      .for("no key update");
    if (user && user.disputedAt === null)
      await tx.update(users).set({ paymentDisputedAt: at }).where(eq(users.id, payment.userId));
    const stopped = await tx
      .update(recurrentPayments)
      .set({ state: "system_stop", stoppedAt: at, updatedAt: at })
      .where(
        and(eq(recurrentPayments.userId, payment.userId), eq(recurrentPayments.state, "active")),
      )
      .returning();
    for (const recurrent of stopped) {
      await recordEvent(tx, {
        name: "recurrent_payment.state_changed",
        userId: recurrent.userId,
        payload: {
          recurrent_payment_id: recurrent.id,
          state: "system_stop",
          previous_state: "active",
          reason: "dispute",
        },
      });
    }
    return { userId: payment.userId };
  });
}
