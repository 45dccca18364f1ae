import "server-only";
import { and, desc, eq, gt, gte, lte, sql } from "drizzle-orm";
import { DAY_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { subscriptions, type Subscription } from "@/lib/db/schema";

/**
 * Give a user N more days: the actual subscription that ends last is extended, and the user's subscriptions queued
 * after it move by the same days, so the chain stays gap- and overlap-free. Null when nothing is actual.
 */
export async function extendActualSubscription(
  db: Db,
  options: { userId: number; days: number },
): Promise<{ subscription: Subscription; previousEndAt: Date } | null> {
  return db.transaction(async (tx) => {
    // lib/db/LOCK-ORDER.md: the user before their subscriptions (free when the caller holds it already).
    await lockUsers(tx, [options.userId]);
    const at = now();
    const [actual] = await tx
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.userId, options.userId),
          lte(subscriptions.startAt, at),
          gt(subscriptions.endAt, at),
        ),
      )
      .orderBy(desc(subscriptions.endAt), desc(subscriptions.id))
      .limit(1)
      .for("no key update");
    if (!actual) return null;
    const shift = sql`(${options.days} * interval '1 day')`;
    // Queued subscriptions first: moving them by the same offset keeps their order and lengths.
    await tx
      .update(subscriptions)
      .set({
        startAt: sql`${subscriptions.startAt} + ${shift}`,
        endAt: sql`${subscriptions.endAt} + ${shift}`,
        updatedAt: at,
      })
      .where(
        and(
          eq(subscriptions.userId, options.userId),
          gte(subscriptions.startAt, actual.endAt),
          gt(subscriptions.startAt, at),
        ),
      );
    const [extended] = await tx
      .update(subscriptions)
      .set({ endAt: new Date(actual.endAt.getTime() + options.days * DAY_MS), updatedAt: at })
      .where(eq(subscriptions.id, actual.id))
      .returning();
    return { subscription: extended ?? actual, previousEndAt: actual.endAt };
  });
}
