import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { ownedByActor, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsersOf } from "@/lib/db/lock-order";
import { subscriptions, type Subscription } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";
import { familyPeopleOf } from "@/lib/family/family-people-of";
import { keepFamilyInStep } from "@/lib/family/keep-family-in-step";

/**
 * End a subscription now. A subscription that has not started yet ends at its start, so it never becomes actual.
 * A customer actor only reaches their own subscriptions (ownership in the query). Family subscriptions follow:
 * a stopped master stops its children; a stopped child's code is canceled and replaced (lib/family).
 */
export async function stopSubscription(
  db: Db,
  options: { subscriptionId: number; actor: Actor; note?: string },
): Promise<Subscription> {
  return db.transaction(async (tx) => {
    // lib/db/LOCK-ORDER.md: everyone the stop reaches (the owner, and through the family its children or master)
    // before the subscription.
    await lockUsersOf(tx, (reader) => familyPeopleOf(reader, [options.subscriptionId]));
    const at = now();
    const [stopped] = await tx
      .update(subscriptions)
      .set({
        endAt: sql`greatest(${subscriptions.startAt}, ${at.toISOString()}::timestamptz)`,
        note: options.note ?? subscriptions.note,
        updatedAt: at,
      })
      .where(
        and(
          eq(subscriptions.id, options.subscriptionId),
          gt(subscriptions.endAt, at),
          ownedByActor(options.actor, subscriptions.userId),
        ),
      )
      .returning();
    if (!stopped)
      throw invalid(
        "subscription_not_running",
        "No running or upcoming subscription with that id.",
      );
    await keepFamilyInStep(tx, stopped);
    return stopped;
  });
}
