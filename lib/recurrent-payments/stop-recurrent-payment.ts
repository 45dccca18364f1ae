import "server-only";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { recurrentPayments, type RecurrentPayment } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

/**
 * Stop an active recurrent payment: by its user (`user_stop`, restricted to their own in the query) or by an admin
 * (`admin_stop`). Records `recurrent_payment.state_changed` in the same transaction.
 */
export async function stopRecurrentPayment(
  db: Db,
  options: { recurrentPaymentId: number } & ({ by: "user"; userId: number } | { by: "admin" }),
): Promise<RecurrentPayment> {
  return db.transaction(async (tx) => {
    const state = options.by === "user" ? "user_stop" : "admin_stop";
    const conditions = [eq(recurrentPayments.id, options.recurrentPaymentId), eq(recurrentPayments.state, "active")];
    if (options.by === "user") conditions.push(eq(recurrentPayments.userId, options.userId));
    const [stopped] = await tx
      .update(recurrentPayments)
      .set({ state, stoppedAt: now(), updatedAt: now() })
      .where(and(...conditions))
      .returning();
    if (!stopped) throw notFound("recurrent_payment_not_found", "No active recurrent payment with that id.");
    await recordEvent(tx, {
      name: "recurrent_payment.state_changed",
      userId: stopped.userId,
      payload: { recurrent_payment_id: stopped.id, state, previous_state: "active", reason: options.by },
    });
    return stopped;
  });
}
