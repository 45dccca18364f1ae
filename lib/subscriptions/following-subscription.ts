import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { subscriptions, type Subscription } from "@/lib/db/schema";

const following = alias(subscriptions, "following");

/**
 * Whether a following subscription continues the access of one that ends: another subscription of the same user that
 * starts by the ending one's end and ends after it (a renewal, a chained purchase, an overlapping longer one). There is
 * no gap setting, so "by the end" is at or before it. `endAt` is compared to the millisecond, as before-event
 * occurrences keep it. A range of subscriptions_user_end_idx (user_id, end_at).
 */
export function followingSubscriptionExists(ending: {
  userId: SQL;
  subscriptionId: SQL;
  endAt: SQL;
}): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from ${subscriptions} as ${following}
    where ${following.userId} = ${ending.userId}
      and ${following.endAt} > ${ending.endAt}
      and date_trunc('milliseconds', ${following.startAt}) <= ${ending.endAt}
      and ${following.id} <> ${ending.subscriptionId})`;
}

/** Does a following subscription continue this subscription's access? */
export async function hasFollowingSubscription(
  db: Db,
  subscription: Pick<Subscription, "id" | "userId" | "endAt">,
): Promise<boolean> {
  const result = (await db.execute(sql`
    select ${followingSubscriptionExists({
      userId: sql`${subscription.userId}::int`,
      subscriptionId: sql`${subscription.id}::int`,
      endAt: sql`${subscription.endAt.toISOString()}::timestamptz`,
    })} as following`)) as unknown as { rows: { following: boolean }[] };
  return result.rows[0]?.following === true;
}
