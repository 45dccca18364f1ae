import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, type Payment } from "@/lib/db/schema";
import { chargeIdempotencyKey } from "./gateways/gateway";

/**
 * Step one of every charge, inside the caller's transaction with the payment row locked: the payment becomes
 * `pending` with a new charge attempt, and that attempt's idempotency key is what the gateway gets once this
 * transaction has committed. Whatever happens after the commit (a crash, a timeout, a lost answer), the payment is on
 * record as handed to the gateway, and reconciliation can ask the gateway about it by the same key.
 */
export async function beginCharge(
  tx: Db,
  payment: Payment,
): Promise<{ payment: Payment; idempotencyKey: string }> {
  const attempt = payment.chargeAttempt + 1;
  const at = now();
  const [pending] = await tx
    .update(payments)
    .set({
      status: "pending",
      chargeAttempt: attempt,
      pendingSince: at,
      failureReason: null,
      gatewayReference: null,
      updatedAt: at,
    })
    .where(eq(payments.id, payment.id))
    .returning();
  if (!pending) throw new Error("update returned no row");
  return { payment: pending, idempotencyKey: chargeIdempotencyKey(pending.id, attempt) };
}
