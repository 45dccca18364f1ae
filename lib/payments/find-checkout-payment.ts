import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { renewedTypeId } from "@/lib/recurrent-payments/replaced-recurrent-payments";
import { cardOfColumns, describeCard } from "./card-summary";
import {
  events,
  paymentItems,
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
  subscriptionUpgrades,
} from "@/lib/db/schema";

/**
 * A payment as its checkout page shows it: the payer's own only (ownership in the query), with its items and the
 * upgrade it pays for, if any. Null when the user has no such payment.
 */
export async function findCheckoutPayment(db: Db, options: { paymentId: number; userId: number }) {
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, options.paymentId), eq(payments.userId, options.userId)));
  if (!payment) return null;
  const [items, [upgrade]] = await Promise.all([
    db
      .select({
        name: paymentItems.name,
        count: paymentItems.count,
        amountCents: paymentItems.amountCents,
      })
      .from(paymentItems)
      .where(eq(paymentItems.paymentId, payment.id))
      .orderBy(asc(paymentItems.id)),
    findPaymentUpgrade(db, { paymentId: payment.id, userId: options.userId }),
  ]);
  return { payment, items, upgrade: upgrade ?? null };
}

/** The upgrade a payment pays for (`subscription_upgrades.payment_id`), scoped to its user. */
export function findPaymentUpgrade(db: Db, options: { paymentId: number; userId: number }) {
  return db
    .select({
      id: subscriptionUpgrades.id,
      status: subscriptionUpgrades.status,
      type: subscriptionUpgrades.type,
    })
    .from(subscriptionUpgrades)
    .where(
      and(
        eq(subscriptionUpgrades.paymentId, options.paymentId),
        eq(subscriptionUpgrades.userId, options.userId),
      ),
    )
    .limit(1);
}

/** What a paid payment bought, for its result page: the subscription (with its type's name) and whether it renews. */
export async function findPaymentPurchase(db: Db, options: { paymentId: number; userId: number }) {
  const [row] = await db
    .select({ subscription: subscriptions, typeName: subscriptionTypes.name })
    .from(subscriptions)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
    .where(
      and(eq(subscriptions.paymentId, options.paymentId), eq(subscriptions.userId, options.userId)),
    )
    .orderBy(asc(subscriptions.id))
    .limit(1);
  if (!row) return null;
  // Whether it renews, and the renewals it took over (stopReplacedRecurrentPayments names the payment in their stop
  // event): independent, so asked together.
  const [[renewal], replaced] = await Promise.all([
    db
      .select({ id: recurrentPayments.id, chargeAt: recurrentPayments.chargeAt })
      .from(recurrentPayments)
      .where(
        and(
          eq(recurrentPayments.parentPaymentId, options.paymentId),
          eq(recurrentPayments.userId, options.userId),
        ),
      )
      .limit(1),
    db
      .select({ typeName: subscriptionTypes.name })
      .from(events)
      .innerJoin(
        recurrentPayments,
        eq(recurrentPayments.id, sql`(${events.payload}->>'recurrent_payment_id')::int`),
      )
      .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, renewedTypeId))
      .where(
        and(
          eq(events.userId, options.userId),
          eq(events.name, "recurrent_payment.state_changed"),
          sql`${events.payload}->>'replaced_by_payment_id' = ${String(options.paymentId)}`,
        ),
      )
      .orderBy(asc(recurrentPayments.id)),
  ]);
  return {
    ...row,
    renewal: renewal ?? null,
    replacedRenewalsOf: replaced.map(({ typeName }) => typeName),
  };
}

/** The card a renewal payment's recurrent payment is charged on, described ("Visa •••• 4242, expires 12/2030"). */
export async function findRenewalCard(
  db: Db,
  options: { paymentId: number; userId: number },
): Promise<string | null> {
  const [row] = await db
    .select({
      cardBrand: recurrentPayments.cardBrand,
      cardLast4: recurrentPayments.cardLast4,
      cardExpMonth: recurrentPayments.cardExpMonth,
      cardExpYear: recurrentPayments.cardExpYear,
    })
    .from(payments)
    .innerJoin(recurrentPayments, eq(recurrentPayments.id, payments.recurrentPaymentId))
    .where(
      and(
        eq(payments.id, options.paymentId),
        eq(payments.userId, options.userId),
        eq(recurrentPayments.gateway, payments.gateway),
      ),
    );
  if (!row) return null;
  const card = cardOfColumns(row);
  return card ? describeCard(card) : "Your saved card";
}
