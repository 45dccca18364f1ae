import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  paymentItems,
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
} from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import {
  type PaymentJson,
  serializePayment,
  serializePaymentItem,
} from "@/lib/payments/payment-json";
import {
  type RecurrentPaymentJson,
  serializeRecurrentPayment,
} from "@/lib/recurrent-payments/recurrent-payment-json";
import {
  serializeSubscription,
  type SubscriptionJson,
} from "@/lib/subscriptions/subscription-json";

export interface PaymentResultJson {
  payment: PaymentJson;
  subscription: SubscriptionJson | null;
  recurrent_payment: RecurrentPaymentJson | null;
}

/** A payment with its items, the subscription its payment created and the recurrent payment it set up, as JSON. */
export async function loadPaymentResult(db: Db, paymentId: number): Promise<PaymentResultJson> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!payment) throw notFound("payment_not_found", "No such payment.");
  const items = await db
    .select({ item: paymentItems, typeCode: subscriptionTypes.code })
    .from(paymentItems)
    .leftJoin(subscriptionTypes, eq(subscriptionTypes.id, paymentItems.subscriptionTypeId))
    .where(eq(paymentItems.paymentId, payment.id))
    .orderBy(asc(paymentItems.id));
  const [subscription] = await db
    .select({ subscription: subscriptions, typeCode: subscriptionTypes.code })
    .from(subscriptions)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
    .where(eq(subscriptions.paymentId, payment.id))
    .orderBy(asc(subscriptions.id))
    .limit(1);
  const [recurrent] = await db
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.parentPaymentId, payment.id))
    .limit(1);
  return {
    payment: serializePayment(
      payment,
      items.map(({ item, typeCode }) => serializePaymentItem(item, typeCode)),
    ),
    subscription: subscription
      ? serializeSubscription(subscription.subscription, subscription.typeCode)
      : null,
    recurrent_payment: recurrent ? serializeRecurrentPayment(recurrent) : null,
  };
}
