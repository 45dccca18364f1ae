import "server-only";
import { and, desc, eq, gt, lte } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { subscriptions, type Subscription } from "@/lib/db/schema";

/** The user's actual subscription (start ≤ at < end) that ends last, as `extendActualSubscription` picks it. */
export async function findLastActualSubscription(
  db: Db,
  options: { userId: number; at: Date },
): Promise<Subscription | null> {
  const [actual] = await db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, options.userId),
        lte(subscriptions.startAt, options.at),
        gt(subscriptions.endAt, options.at),
      ),
    )
    .orderBy(desc(subscriptions.endAt), desc(subscriptions.id))
    .limit(1);
  return actual ?? null;
}
