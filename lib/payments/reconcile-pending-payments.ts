import "server-only";
import { and, asc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, type Payment } from "@/lib/db/schema";
import { absoluteCheckoutUrl, gatewayCurrency, loadGatewayCustomer } from "./gateway-request-parts";
import { getGateway, isChargeableGateway } from "./gateways";
import { chargeIdempotencyKey, type ChargeSavedCardRequest } from "./gateways/gateway";
import { refundPayment } from "./refund-payment";
import { settlePayment, type SettleResult } from "./settle-payment";

/** A charge is asked about once it has been pending this long (an answer normally comes within seconds). */
export const RECONCILE_AFTER_MINUTES = 5;

export interface ReconcileSummary {
  checked: number;
  settled: Partial<Record<SettleResult["status"], number>>;
  /** The gateway could not be asked (it did not answer); tried again next time. */
  unreachable: number;
  /** Payments taken for something no longer deliverable, refunded now. */
  refunded: number;
}

/**
 * Settle payments left `pending` for a while — a crash or timeout between the charge and its settlement, a webhook
 * that never came — by asking their gateway about the charge attempt's idempotency key. settlePayment locks each
 * payment and settles it only while it is still pending, so a webhook or a second reconciler racing this one
 * settles it once, and a charge is never sent again under a new key.
 */
export async function reconcilePendingPayments(
  db: Db,
  options: { limit?: number; olderThanMinutes?: number } = {},
): Promise<ReconcileSummary> {
  const cutoff = new Date(
    now().getTime() - (options.olderThanMinutes ?? RECONCILE_AFTER_MINUTES) * 60_000,
  );
  const due = await db
    .select()
    .from(payments)
    .where(
      and(
        isNotNull(payments.pendingSince),
        lte(payments.pendingSince, cutoff),
        eq(payments.status, "pending"),
      ),
    )
    .orderBy(asc(payments.pendingSince))
    .limit(options.limit ?? 200);
  const summary: ReconcileSummary = {
    checked: due.length,
    settled: {},
    unreachable: 0,
    refunded: 0,
  };
  for (const payment of due) {
    if (!isChargeableGateway(payment.gateway)) continue;
    try {
      const outcome = await getGateway(payment.gateway).lookup(
        {
          paymentId: payment.id,
          idempotencyKey: chargeIdempotencyKey(payment.id, payment.chargeAttempt),
          reference: payment.gatewayReference,
          replay: await replayRequest(db, payment),
        },
        { db },
      );
      const settled = await settlePayment(db, {
        paymentId: payment.id,
        outcome,
        attempt: payment.chargeAttempt,
      });
      summary.settled[settled.status] = (summary.settled[settled.status] ?? 0) + 1;
    } catch (error) {
      console.warn(`reconciliation could not settle payment ${payment.id}`, error);
      summary.unreachable += 1;
    }
  }
  summary.refunded = await retryOwedRefunds(db);
  return summary;
}

/**
 * What an off-session charge sent, so a gateway that finds a lost charge by replaying its request (Stripe's
 * idempotency keys) can. Only renewals and upgrade charges are off-session; a checkout's lost session is simply
 * abandoned (the customer never saw it).
 */
async function replayRequest(
  db: Db,
  payment: Payment,
): Promise<ChargeSavedCardRequest | undefined> {
  const cardToken =
    typeof payment.meta.charged_card_token === "string" ? payment.meta.charged_card_token : null;
  if (!cardToken) return undefined;
  return {
    paymentId: payment.id,
    idempotencyKey: chargeIdempotencyKey(payment.id, payment.chargeAttempt),
    amountCents: payment.amountCents,
    currency: gatewayCurrency(),
    description:
      typeof payment.meta.charge_description === "string"
        ? payment.meta.charge_description
        : `Payment ${payment.id}`,
    customer: await loadGatewayCustomer(db, payment.userId),
    cardToken,
    confirmUrl: absoluteCheckoutUrl(payment.id),
  };
}

/** Refunds settlePayment owed but could not make (the gateway did not answer then). */
async function retryOwedRefunds(db: Db): Promise<number> {
  const owed = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.status, "paid"), sql`${payments.meta} ? 'refund_required'`))
    .limit(50);
  let refunded = 0;
  for (const { id } of owed) {
    try {
      await refundPayment(db, { paymentId: id });
      refunded += 1;
    } catch (error) {
      console.warn(`owed refund of payment ${id} failed; tried again next time`, error);
    }
  }
  return refunded;
}
