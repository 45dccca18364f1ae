import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions, type Subscription } from "@/lib/db/schema";
import { cancelAndReplace } from "./cancel-and-replace";

/**
 * After a subscription was stopped (admin stop, refund), in the same transaction: as a master, its children end when
 * it does — and no later than now, so a master stopped before it started does not leave `days` children running; as
 * a child (even one that had not started) stopped while its master runs, its request is canceled and replaced.
 * The caller holds the row locks of everyone this reaches (familyPeopleOf, lib/db/LOCK-ORDER.md).
 */
export async function keepFamilyInStep(tx: Db, stopped: Subscription): Promise<void> {
  const at = now();
  const childrenEnd = new Date(Math.min(stopped.endAt.getTime(), at.getTime()));
  await tx
    .update(subscriptions)
    .set({
      endAt: sql`greatest(${subscriptions.startAt}, ${childrenEnd.toISOString()}::timestamptz)`,
      updatedAt: at,
    })
    .where(
      and(
        gt(subscriptions.endAt, childrenEnd),
        sql`${subscriptions.id} in (select ${familyRequests.childSubscriptionId} from ${familyRequests}
          where ${familyRequests.masterSubscriptionId} = ${stopped.id} and ${familyRequests.status} = 'accepted')`,
      ),
    );

  if (stopped.kind !== "family") return;
  const [asChild] = await tx
    .select()
    .from(familyRequests)
    .where(
      and(
        eq(familyRequests.childSubscriptionId, stopped.id),
        eq(familyRequests.status, "accepted"),
      ),
    )
    .for("no key update");
  if (asChild) await cancelAndReplace(tx, asChild, "stopped");
}
