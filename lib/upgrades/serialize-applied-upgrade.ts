import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { subscriptionTypes } from "@/lib/db/schema";
import { checkoutPath } from "@/lib/payments/checkout-path";
import type { AppliedUpgrade } from "@/lib/upgrades/apply-upgrade";
import type { PaymentJson } from "@/lib/payments/payment-json";
import { loadPaymentResult } from "@/lib/payments/load-payment-result";
import {
  serializeSubscription,
  type SubscriptionJson,
} from "@/lib/subscriptions/subscription-json";

export interface AppliedUpgradeJson {
  upgrade: {
    id: number;
    type: AppliedUpgrade["upgrade"]["type"];
    status: AppliedUpgrade["upgrade"]["status"];
    charge_cents: number;
    credit_cents: number;
    base_subscription_id: number;
    subscription_type_code: string;
  };
  subscription: SubscriptionJson | null;
  payment: PaymentJson | null;
  checkout_url: string | null;
}

/** An applied (or pending) upgrade as the API returns it, with the subscription and payment it made. */
export async function serializeAppliedUpgrade(
  db: Db,
  applied: AppliedUpgrade,
): Promise<AppliedUpgradeJson> {
  const { upgrade, subscription, payment } = applied;
  const [target] = await db
    .select({ code: subscriptionTypes.code })
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.id, upgrade.targetSubscriptionTypeId));
  if (!target) throw new Error(`subscription type ${upgrade.targetSubscriptionTypeId} vanished`);
  const paymentJson = payment ? (await loadPaymentResult(db, payment.id)).payment : null;
  return {
    upgrade: {
      id: upgrade.id,
      type: upgrade.type,
      status: upgrade.status,
      charge_cents: upgrade.chargeCents,
      credit_cents: upgrade.creditCents,
      base_subscription_id: upgrade.baseSubscriptionId,
      subscription_type_code: target.code,
    },
    subscription: subscription ? serializeSubscription(subscription, target.code) : null,
    payment: paymentJson,
    checkout_url:
      upgrade.status === "pending" && payment?.status === "form" ? checkoutPath(payment.id) : null,
  };
}
