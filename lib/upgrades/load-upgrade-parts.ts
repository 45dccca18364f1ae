import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  payments,
  subscriptions,
  type Payment,
  type Subscription,
  type SubscriptionUpgrade,
} from "@/lib/db/schema";

/** An upgrade's upgraded subscription and payment, as far as they exist yet. */
export async function loadUpgradeParts(
  tx: Db,
  upgrade: SubscriptionUpgrade,
): Promise<{ subscription: Subscription | null; payment: Payment | null }> {
  const [subscription] = upgrade.upgradedSubscriptionId
    ? await tx
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.id, upgrade.upgradedSubscriptionId))
    : [];
  const [payment] = upgrade.paymentId
    ? await tx.select().from(payments).where(eq(payments.id, upgrade.paymentId))
    : [];
  return { subscription: subscription ?? null, payment: payment ?? null };
}
