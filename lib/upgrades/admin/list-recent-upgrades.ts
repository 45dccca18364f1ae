import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { subscriptionTypes, subscriptionUpgrades, users } from "@/lib/db/schema";

/** The latest upgrades customers made, newest first, with the user's email and the target type. */
export async function listRecentUpgrades(db: Db, options: { limit: number }) {
  return db
    .select({
      id: subscriptionUpgrades.id,
      createdAt: subscriptionUpgrades.createdAt,
      userId: subscriptionUpgrades.userId,
      email: users.email,
      type: subscriptionUpgrades.type,
      status: subscriptionUpgrades.status,
      chargeCents: subscriptionUpgrades.chargeCents,
      targetTypeCode: subscriptionTypes.code,
      targetTypeName: subscriptionTypes.name,
    })
    .from(subscriptionUpgrades)
    .innerJoin(users, eq(users.id, subscriptionUpgrades.userId))
    .innerJoin(
      subscriptionTypes,
      eq(subscriptionTypes.id, subscriptionUpgrades.targetSubscriptionTypeId),
    )
    .orderBy(desc(subscriptionUpgrades.createdAt), desc(subscriptionUpgrades.id))
    .limit(options.limit);
}

export type RecentUpgradeRow = Awaited<ReturnType<typeof listRecentUpgrades>>[number];
