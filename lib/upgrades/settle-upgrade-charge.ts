import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { payments, subscriptionUpgrades, type Payment } from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import type { GatewayOutcome } from "@/lib/payments/gateways/gateway";
import { recordPending, type SettleResult } from "@/lib/payments/settle-payment";
import { assignReceiptNumber } from "@/lib/receipts/assign-receipt-number";
import { completeSplit, lockBase, lockRecurrent, renewIntoTarget } from "./complete-split";
import { loadUpgradeContext } from "./load-upgrade-context";
import { StaleOfferError } from "./record-upgrade";
import { parseSoldOffer } from "./sold-offer";

/**
 * Settle a paid_recurrent upgrade's charge, in settlePayment's transaction (payment row locked). Paid: the upgrade
 * recorded `pending` completes the offer it sold — the base splits, the recurrent payment renews into the target.
 * Should the base have changed while the charge was at the gateway (stopped, extended), nothing is upgraded and the
 * payment is marked for a refund, which settlePayment makes at the gateway once this transaction commits. Declined:
 * the payment fails and the pending upgrade is removed, so the customer can try again.
 */
export async function settleUpgradeCharge(
  tx: Db,
  payment: Payment,
  outcome: GatewayOutcome,
): Promise<SettleResult> {
  // FOR UPDATE, not NO KEY UPDATE: a charge that did not go through deletes the pending upgrade.
  const [upgrade] = await tx
    .select()
    .from(subscriptionUpgrades)
    .where(eq(subscriptionUpgrades.paymentId, payment.id))
    .for("update");
  if (outcome.status === "pending") return recordPending(tx, payment, outcome);
  const at = now();

  if (outcome.status !== "paid") {
    const reason =
      outcome.status === "declined"
        ? outcome.reason
        : "The charge did not reach the payment gateway.";
    const [failed] = await tx
      .update(payments)
      .set({
        status: "fail",
        failureReason: reason,
        pendingSince: null,
        gatewayReference: outcome.reference,
        updatedAt: at,
      })
      .where(eq(payments.id, payment.id))
      .returning();
    if (!failed) throw new Error("update returned no row");
    if (upgrade?.status === "pending")
      await tx.delete(subscriptionUpgrades).where(eq(subscriptionUpgrades.id, upgrade.id));
    return outcome.status === "declined"
      ? { status: "declined", payment: failed, reason, code: outcome.code }
      : { status: "abandoned", payment: failed };
  }

  const [paid] = await tx
    .update(payments)
    .set({
      status: "paid",
      paidAt: at,
      pendingSince: null,
      gatewayReference: outcome.reference,
      meta: { ...payment.meta, transaction_id: outcome.reference },
      updatedAt: at,
    })
    .where(eq(payments.id, payment.id))
    .returning();
  if (!paid) throw new Error("update returned no row");
  // The user's row before the subscriptions (lib/db/LOCK-ORDER.md): settlePayment took it already; free here.
  await lockUsers(tx, [payment.userId]);

  const sold = parseSoldOffer(payment.meta);
  const loaded = sold
    ? await loadUpgradeContext(tx, { userId: payment.userId, now: sold.offer.startAt })
    : null;
  const context = loaded?.context ?? null;
  const completable =
    upgrade?.status === "pending" &&
    sold !== null &&
    context !== null &&
    context.base.subscriptionId === upgrade.baseSubscriptionId &&
    context.base.endAt.getTime() === sold.baseEndAt.getTime();
  if (completable) {
    try {
      // A savepoint: a split that finds the base changed half-way leaves nothing behind.
      const subscription = await tx.transaction(async (savepoint) => {
        await lockBase(savepoint, context);
        const recurrent = await lockRecurrent(savepoint, context, payment.userId);
        const split = await completeSplit(savepoint, context, sold.offer, {
          idempotencyKey: upgrade.idempotencyKey ?? `payment:${payment.id}`,
          paymentId: payment.id,
          subscriptionPaymentId: payment.id,
          pendingUpgradeId: upgrade.id,
        });
        await renewIntoTarget(savepoint, context, sold.offer, recurrent.id);
        return split.subscription;
      });
      await recordEvent(tx, {
        name: "payment.paid",
        userId: payment.userId,
        payload: {
          payment_id: payment.id,
          amount_cents: payment.amountCents,
          gateway: payment.gateway,
          recurrent: false,
          subscription_id: subscription.id,
          subscription_type_id: sold.offer.target.id,
          upgrade_type: sold.offer.type,
        },
      });
      // Last: the receipt counter is the last lock of the transaction (see takeDocumentNumber).
      return { status: "paid", payment: await assignReceiptNumber(tx, paid), subscription };
    } catch (error) {
      if (!(error instanceof StaleOfferError)) throw error;
    }
  }
  if (upgrade?.status === "pending")
    await tx.delete(subscriptionUpgrades).where(eq(subscriptionUpgrades.id, upgrade.id));
  const [flagged] = await tx
    .update(payments)
    .set({
      meta: {
        ...paid.meta,
        refund_required: "The subscription changed while the upgrade was being charged.",
      },
    })
    .where(eq(payments.id, payment.id))
    .returning();
  // The money was taken, so the charge has a receipt even though it is to be refunded.
  return {
    status: "paid",
    payment: await assignReceiptNumber(tx, flagged ?? paid),
    subscription: null,
  };
}
