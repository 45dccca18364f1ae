import "server-only";
import { and, eq } from "drizzle-orm";
import { ownedByActor, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { recurrentPayments, type RecurrentPayment } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

/** The stopped state and the event's `reason` say who stopped it. */
const STOP_BY_ACTOR = {
  customer: { state: "user_stop", reason: "user" },
  admin: { state: "admin_stop", reason: "admin" },
  system: { state: "system_stop", reason: "system" },
} as const satisfies Record<Actor["kind"], { state: RecurrentPayment["state"]; reason: string }>;

/**
 * Stop an active recurrent payment: by its customer (`user_stop`, restricted to their own in the query), by an admin
 * (`admin_stop`) or by the system (`system_stop`). Records `recurrent_payment.state_changed` in the same transaction.
 */
export async function stopRecurrentPayment(
  db: Db,
  options: { recurrentPaymentId: number; actor: Actor },
): Promise<RecurrentPayment> {
  return db.transaction(async (tx) => {
    const { state, reason } = STOP_BY_ACTOR[options.actor.kind];
    const [stopped] = await tx
      .update(recurrentPayments)
      .set({ state, stoppedAt: now(), updatedAt: now() })
      .where(
        and(
          eq(recurrentPayments.id, options.recurrentPaymentId),
          eq(recurrentPayments.state, "active"),
          ownedByActor(options.actor, recurrentPayments.userId),
        ),
      )
      .returning();
    if (!stopped)
      throw notFound("recurrent_payment_not_found", "No active recurrent payment with that id.");
    await recordEvent(tx, {
      name: "recurrent_payment.state_changed",
      userId: stopped.userId,
      payload: { recurrent_payment_id: stopped.id, state, previous_state: "active", reason },
    });
    return stopped;
  });
}
