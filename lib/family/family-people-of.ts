import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions } from "@/lib/db/schema";

/**
 * Whose rows a change to these subscriptions reaches through their families (keepFamilyInStep): their owners, the
 * members holding an accepted seat of any of them, and the master of any that is a member's seat. Read without locks,
 * for lockUsersOf (lib/db/LOCK-ORDER.md).
 */
export async function familyPeopleOf(
  db: Db,
  subscriptionIds: readonly number[],
): Promise<number[]> {
  const people: number[] = [];
  for (const subscriptionId of subscriptionIds) {
    const [owner] = await db
      .select({ userId: subscriptions.userId })
      .from(subscriptions)
      .where(eq(subscriptions.id, subscriptionId));
    if (owner) people.push(owner.userId);
    const seats = await db
      .select({ master: familyRequests.masterUserId, child: familyRequests.childUserId })
      .from(familyRequests)
      .where(
        and(
          eq(familyRequests.status, "accepted"),
          or(
            eq(familyRequests.masterSubscriptionId, subscriptionId),
            eq(familyRequests.childSubscriptionId, subscriptionId),
          ),
        ),
      );
    for (const seat of seats)
      people.push(seat.master, ...(seat.child === null ? [] : [seat.child]));
  }
  return [...new Set(people)];
}
