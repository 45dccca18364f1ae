import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { subscriptions, subscriptionTypeContentAccess } from "@/lib/db/schema";
import { findFamilyMasterStart } from "@/lib/family/find-family-master-start";

/**
 * When a new subscription of `subscriptionTypeId` should start for a user: when the user's running (or already
 * queued) subscription with the same content access ends, else `at`. One ending exactly at `at` (a renewal charged
 * on time) counts, so the renewal is linked to it. "Same content access" means the same set of
 * content access codes, so buying something that gives more starts at once. A family master type follows its own
 * rule instead (findFamilyMasterStart: now, or after the customer's family master subscription).
 * Returns the subscription it follows, so the caller can link it.
 */
export async function findChainStart(
  db: Db,
  options: { userId: number; subscriptionTypeId: number; at: Date },
): Promise<{ startAt: Date; previousSubscriptionId: number | null }> {
  const familyMasterStart = await findFamilyMasterStart(db, options);
  if (familyMasterStart) return familyMasterStart;
  const accessSet = (typeId: unknown) => sql`(
    select coalesce(array_agg(${subscriptionTypeContentAccess.contentAccessId} order by ${subscriptionTypeContentAccess.contentAccessId}), '{}')
    from ${subscriptionTypeContentAccess}
    where ${subscriptionTypeContentAccess.subscriptionTypeId} = ${typeId})`;
  const [last] = await db
    .select({ id: subscriptions.id, endAt: subscriptions.endAt })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, options.userId),
        gte(subscriptions.endAt, options.at),
        sql`${accessSet(subscriptions.subscriptionTypeId)} = ${accessSet(options.subscriptionTypeId)}`,
      ),
    )
    .orderBy(desc(subscriptions.endAt), desc(subscriptions.id))
    .limit(1);
  return last
    ? { startAt: last.endAt, previousSubscriptionId: last.id }
    : { startAt: options.at, previousSubscriptionId: null };
}
