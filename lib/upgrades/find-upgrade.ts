import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  subscriptionTypes,
  subscriptionUpgrades,
  type Payment,
  type Subscription,
  type SubscriptionUpgrade,
} from "@/lib/db/schema";
import { contentAccessCodesOf } from "@/lib/subscriptions/content-access-codes-sql";
import { loadUpgradeParts } from "./load-upgrade-parts";

export interface FoundUpgrade {
  upgrade: SubscriptionUpgrade;
  target: { code: string; name: string; contentAccess: string[] };
  subscription: Subscription | null;
  payment: Payment | null;
}

/** One of the user's upgrades (ownership in the query). */
export async function findUserUpgrade(
  db: Db,
  options: { id: number; userId: number },
): Promise<FoundUpgrade | null> {
  const [row] = await db
    .select({
      upgrade: subscriptionUpgrades,
      code: subscriptionTypes.code,
      name: subscriptionTypes.name,
      contentAccess: contentAccessCodesOf(subscriptionTypes.id),
    })
    .from(subscriptionUpgrades)
    .innerJoin(
      subscriptionTypes,
      eq(subscriptionTypes.id, subscriptionUpgrades.targetSubscriptionTypeId),
    )
    .where(
      and(eq(subscriptionUpgrades.id, options.id), eq(subscriptionUpgrades.userId, options.userId)),
    );
  if (!row) return null;
  return {
    upgrade: row.upgrade,
    target: { code: row.code, name: row.name, contentAccess: row.contentAccess },
    ...(await loadUpgradeParts(db, row.upgrade)),
  };
}
