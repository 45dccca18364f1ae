import "server-only";
import { cardColumns } from "@/lib/payments/card-summary";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
  type RecurrentPayment,
} from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { CardSummary } from "@/lib/payments/gateways/gateway";

/**
 * Set up the next charge of a recurring chain from a paid payment: it is charged when that payment's subscription
 * ends, for the type's `next_subscription_type` when it has one. One row per parent payment (unique), so running
 * this twice creates nothing extra.
 */
export async function createRecurrentPayment(
  db: Db,
  options: {
    parentPaymentId: number;
    cardToken: string;
    /** What the card looks like, when the gateway said (shown on the customer's billing page). */
    card?: CardSummary | null;
    customAmountCents?: number | null;
    expiresAt?: Date | null;
  },
): Promise<RecurrentPayment> {
  const [parent] = await db
    .select({ payment: payments, subscription: subscriptions, type: subscriptionTypes })
    .from(payments)
    .innerJoin(subscriptions, eq(subscriptions.paymentId, payments.id))
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
    .where(eq(payments.id, options.parentPaymentId))
    .limit(1);
  if (!parent)
    throw notFound("payment_not_found", "No paid payment with a subscription has that id.");
  if (parent.payment.status !== "paid") {
    throw new AppError(
      "payment_wrong_status",
      "A recurrent payment starts from a paid payment.",
      409,
    );
  }
  const [created] = await db
    .insert(recurrentPayments)
    .values({
      userId: parent.payment.userId,
      cardToken: options.cardToken,
      gateway: parent.payment.gateway,
      parentPaymentId: parent.payment.id,
      subscriptionTypeId: parent.type.id,
      nextSubscriptionTypeId: parent.type.nextSubscriptionTypeId,
      customAmountCents: options.customAmountCents ?? null,
      chargeAt: parent.subscription.endAt,
      expiresAt: options.expiresAt ?? null,
      state: "active",
      ...cardColumns(options.card),
      createdAt: now(),
      updatedAt: now(),
    })
    .onConflictDoNothing({ target: recurrentPayments.parentPaymentId })
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(recurrentPayments)
    .where(and(eq(recurrentPayments.parentPaymentId, parent.payment.id)));
  if (!existing) throw new Error("recurrent payment vanished");
  return existing;
}
