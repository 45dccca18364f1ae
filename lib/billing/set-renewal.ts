import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { recurrentPayments, type RecurrentPayment } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { findMyRenewal } from "./find-my-renewal";

/**
 * The customer stops or resumes their automatic renewal. Stop: an active renewal becomes `user_stop` (the
 * subscription runs to its end). Resume: one they stopped becomes active again, only while it can still renew on
 * time (its charge date is ahead). Records `recurrent_payment.state_changed`; repeating the action changes nothing.
 */
export async function setRenewal(
  db: Db,
  options: { userId: number; action: "stop" | "resume" },
): Promise<RecurrentPayment> {
  return db.transaction(async (tx) => {
    const renewal = await findMyRenewal(tx, options.userId, { lock: true });
    if (!renewal) throw notFound("renewal_not_found", "You have no automatic renewal to change.");
    const target = options.action === "stop" ? "user_stop" : "active";
    if (renewal.state === target) return renewal;
    if (options.action === "stop" && renewal.state !== "active") {
      throw conflict(
        "renewal_not_active",
        "Your renewal is not active; a failed renewal is paid or left to end on the billing page.",
      );
    }
    if (options.action === "resume") {
      if (renewal.state !== "user_stop")
        throw conflict("renewal_not_stopped", "Only a renewal you stopped can be resumed.");
      if (renewal.chargeAt.getTime() <= now().getTime()) {
        throw conflict(
          "renewal_ended",
          "Your subscription has ended, so it cannot renew any more; choose a plan to subscribe again.",
        );
      }
    }
    const at = now();
    const [updated] = await tx
      .update(recurrentPayments)
      .set({ state: target, stoppedAt: target === "user_stop" ? at : null, updatedAt: at })
      .where(eq(recurrentPayments.id, renewal.id))
      .returning();
    if (!updated) throw new Error("update returned no row");
    await recordEvent(tx, {
      name: "recurrent_payment.state_changed",
      userId: updated.userId,
      payload: {
        recurrent_payment_id: updated.id,
        state: target,
        previous_state: renewal.state,
        reason: "user",
      },
    });
    return updated;
  });
}
