import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { payments, type Payment } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { getGateway, isChargeableGateway } from "./gateways";
import { recordRefund } from "./record-refund";

/**
 * Refund a paid payment: a card payment is refunded at its gateway first (no transaction open; the key is one per
 * payment, so two admins refunding at once refund once), then recorded (recordRefund: the subscription and the
 * renewal stop). A payment settled outside Subflow (`manual`) is only recorded.
 */
export async function refundPayment(
  db: Db,
  options: { paymentId: number; stopSubscription?: boolean },
): Promise<Payment> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, options.paymentId));
  if (!payment) throw notFound("payment_not_found", "No such payment.");
  if (payment.status !== "paid")
    throw new AppError("payment_wrong_status", "Only a paid payment can be refunded.", 409);
  const reference =
    payment.gatewayReference ??
    (typeof payment.meta.transaction_id === "string" ? payment.meta.transaction_id : null);
  if (isChargeableGateway(payment.gateway) && reference) {
    await getGateway(payment.gateway).refund(
      {
        paymentId: payment.id,
        idempotencyKey: `subflow-refund-${payment.id}`,
        reference,
        amountCents: payment.amountCents,
      },
      { db },
    );
  }
  return recordRefund(db, options);
}
