import "server-only";
import { cardOfColumns } from "@/lib/payments/card-summary";
import type { CardSummary } from "@/lib/payments/gateways/gateway";
import type { Payment, PaymentItem, RecurrentPayment, Subscription, SubscriptionType, User } from "@/lib/db/schema";
import type {
  PaymentItemJson,
  PaymentJson,
  RecurrentPaymentJson,
  SubscriptionJson,
  SubscriptionTypeJson,
  UserJson,
} from "./entity-schemas";

/** Database rows → the API's JSON shapes (lib/api/entity-schemas.ts). Only what a client may see leaves here. */

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function serializeUser(user: User): UserJson {
  return { id: user.id, email: user.email, name: user.name, role: user.role, created_at: iso(user.createdAt) };
}

export function serializeSubscription(subscription: Subscription, typeCode: string): SubscriptionJson {
  return {
    id: subscription.id,
    user_id: subscription.userId,
    subscription_type_id: subscription.subscriptionTypeId,
    subscription_type_code: typeCode,
    start_at: iso(subscription.startAt),
    end_at: iso(subscription.endAt),
    kind: subscription.kind,
    is_paid: subscription.isPaid,
    payment_id: subscription.paymentId,
    next_subscription_id: subscription.nextSubscriptionId,
    created_at: iso(subscription.createdAt),
  };
}

export function serializeSubscriptionType(
  type: SubscriptionType,
  related: { contentAccessCodes: readonly string[]; nextCode: string | null },
): SubscriptionTypeJson {
  return {
    id: type.id,
    code: type.code,
    name: type.name,
    length_days: type.lengthDays,
    price_cents: type.priceCents,
    active: type.active,
    is_default: type.isDefault,
    content_access: [...related.contentAccessCodes].sort(),
    next_subscription_type_code: related.nextCode,
    fixed_end: isoOrNull(type.fixedEnd),
    offered: type.offered,
    position: type.position,
    description: type.description,
    highlighted: type.highlighted,
    created_at: iso(type.createdAt),
  };
}

export function serializePaymentItem(item: PaymentItem, typeCode: string | null): PaymentItemJson {
  return {
    id: item.id,
    type: item.type,
    subscription_type_id: item.subscriptionTypeId,
    subscription_type_code: typeCode,
    name: item.name,
    amount_cents: item.amountCents,
    count: item.count,
  };
}

export function serializePayment(payment: Payment, items: readonly PaymentItemJson[]): PaymentJson {
  return {
    id: payment.id,
    user_id: payment.userId,
    amount_cents: payment.amountCents,
    status: payment.status,
    gateway: payment.gateway,
    paid_at: isoOrNull(payment.paidAt),
    recurrent: payment.recurrentCardToken !== null || payment.recurrentPaymentId !== null,
    created_at: iso(payment.createdAt),
    items: [...items],
  };
}

/** The card token stays out: it is a gateway credential, not something to echo back. */
export function serializeRecurrentPayment(recurrent: RecurrentPayment): RecurrentPaymentJson {
  return {
    id: recurrent.id,
    user_id: recurrent.userId,
    state: recurrent.state,
    gateway: recurrent.gateway,
    parent_payment_id: recurrent.parentPaymentId,
    subscription_type_id: recurrent.subscriptionTypeId,
    next_subscription_type_id: recurrent.nextSubscriptionTypeId,
    custom_amount_cents: recurrent.customAmountCents,
    charge_at: iso(recurrent.chargeAt),
    expires_at: isoOrNull(recurrent.expiresAt),
    card: serializeCard(cardOfColumns(recurrent)),
    plan_changed_at: isoOrNull(recurrent.planChangedAt),
    created_at: iso(recurrent.createdAt),
  };
}

export function serializeCard(card: CardSummary | null) {
  return card ? { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear } : null;
}
