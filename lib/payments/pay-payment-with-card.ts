import "server-only";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, subscriptions, subscriptionUpgrades, users, type Payment } from "@/lib/db/schema";
import { AppError, conflict, notFound } from "@/lib/errors";
import { refreshUpgradePayment } from "@/lib/upgrades/refresh-upgrade-payment";
import { demoGateway } from "./gateways/demo-gateway";
import { getGateway } from "./gateways";
import { markPaymentPaid } from "./mark-payment-paid";

export interface PayPaymentWithCardOptions {
  paymentId: number;
  /** The payer: only their own payment is found (ownership in the query). */
  userId: number;
  cardToken: string;
  /** The amount the customer was shown: a payment whose amount changed since (a code applied or removed in another tab) is not charged. */
  expectedAmountCents?: number;
}

/**
 * The checkout: charge an unpaid payment on a card through its gateway and, on success, mark it paid (creating its
 * subscription, or completing the upgrade it belongs to). A decline changes nothing but the payment's failure reason,
 * so the customer can try another card. The payment row is locked for the charge: a double submit charges once.
 */
export async function payPaymentWithCard(db: Db, options: PayPaymentWithCardOptions): Promise<Awaited<ReturnType<typeof markPaymentPaid>>> {
  const payment = await loadPayable(db, options);
  // An upgrade's price follows the days left: re-check it before charging (this updates the amount when it moved,
  // in its own transaction, and throws so the customer sees the new price before paying it).
  if (payment.upgradeType === "paid_extend") {
    await refreshUpgradePayment(db, { paymentId: payment.id, userId: options.userId });
  }

  const outcome = await db.transaction(async (tx) => {
    const locked = await loadPayable(tx, options, { lock: true });
    if (locked.upgradeType !== null) await assertUpgradeStillPayable(tx, locked);
    if (options.expectedAmountCents !== undefined && options.expectedAmountCents !== locked.amountCents) {
      throw conflict("payment_amount_changed", "The amount to pay changed since this page was shown; check it and pay again.");
    }
    const result = await getGateway(locked.gateway).charge({
      cardToken: options.cardToken,
      amountCents: locked.amountCents,
      paymentId: locked.id,
      description: `Payment ${locked.id}`,
    });
    if (!result.ok) {
      await tx.update(payments).set({ failureReason: result.reason, updatedAt: now() }).where(eq(payments.id, locked.id));
      return { kind: "declined", reason: result.reason } as const;
    }
    await tx
      .update(payments)
      .set({ meta: { ...locked.meta, transaction_id: result.transactionId } })
      .where(eq(payments.id, locked.id));
    return { kind: "paid", paid: await markPaymentPaid(tx, { paymentId: locked.id, userId: options.userId }) } as const;
  });
  if (outcome.kind === "declined") throw new AppError("payment_declined", outcome.reason, 402);
  return outcome.paid;
}

/**
 * In the charge's transaction, before the gateway: upgrades of one user run one at a time (the user's row is locked,
 * as applyUpgrade does) and the pending upgrade's base must still be running. Two tabs paying two upgrades of one base
 * thus charge once; the second finds the base ended by the first.
 */
async function assertUpgradeStillPayable(tx: Db, payment: Payment): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, payment.userId)).for("update");
  const [row] = await tx
    .select({ baseEndAt: subscriptions.endAt })
    .from(subscriptionUpgrades)
    .innerJoin(subscriptions, eq(subscriptions.id, subscriptionUpgrades.baseSubscriptionId))
    .where(
      and(
        eq(subscriptionUpgrades.paymentId, payment.id),
        eq(subscriptionUpgrades.userId, payment.userId),
        eq(subscriptionUpgrades.status, "pending"),
      ),
    );
  if (!row || row.baseEndAt.getTime() <= now().getTime()) {
    throw conflict("upgrade_not_available", "This upgrade is no longer available; your subscription changed since you chose it.");
  }
}

async function loadPayable(db: Db, options: PayPaymentWithCardOptions, { lock = false } = {}) {
  const query = db
    .select()
    .from(payments)
    .where(and(eq(payments.id, options.paymentId), eq(payments.userId, options.userId)));
  const [payment] = lock ? await query.for("update") : await query;
  if (!payment) throw notFound("payment_not_found", "No such payment.");
  if (payment.status !== "form") {
    throw conflict("payment_wrong_status", payment.status === "paid" ? "This payment is already paid." : "This payment can no longer be paid.");
  }
  if (payment.gateway !== demoGateway.code) {
    throw conflict("gateway_not_chargeable", "This payment is not paid by card here.");
  }
  return payment;
}
