import "server-only";
import { and, desc, eq, gte, inArray, ne } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familySubscriptionTypes, subscriptions } from "@/lib/db/schema";

/**
 * The extension rule for family purchases (REMP crm-family-module): a new subscription of a family *master* type
 * starts at `at` — whatever other access the customer has, so a personal web subscriber buying a family plan does not
 * wait — unless the customer already holds a family master subscription (of any family type) that has not ended by
 * `at` (running, or queued after one); then it follows the one of those ending last. One ending exactly at `at` (a
 * renewal charged on time) counts, so the renewal is linked to it. Null when the type is not a family master type:
 * the caller applies its usual rule.
 */
export async function findFamilyMasterStart(
  db: Db,
  options: { userId: number; subscriptionTypeId: number; at: Date },
): Promise<{ startAt: Date; previousSubscriptionId: number | null } | null> {
  const [familyType] = await db
    .select({ id: familySubscriptionTypes.id })
    .from(familySubscriptionTypes)
    .where(eq(familySubscriptionTypes.masterSubscriptionTypeId, options.subscriptionTypeId));
  if (!familyType) return null;
  const masterTypeIds = db
    .select({ id: familySubscriptionTypes.masterSubscriptionTypeId })
    .from(familySubscriptionTypes);
  const [last] = await db
    .select({ id: subscriptions.id, endAt: subscriptions.endAt })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, options.userId),
        // A child subscription is never a master, even when its type happens to be a master type.
        ne(subscriptions.kind, "family"),
        inArray(subscriptions.subscriptionTypeId, masterTypeIds),
        gte(subscriptions.endAt, options.at),
      ),
    )
    .orderBy(desc(subscriptions.endAt), desc(subscriptions.id))
    .limit(1);
  return last
    ? { startAt: last.endAt, previousSubscriptionId: last.id }
    : { startAt: options.at, previousSubscriptionId: null };
}
