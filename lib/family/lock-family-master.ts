import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import {
  familySubscriptionTypes,
  subscriptions,
  type FamilySubscriptionType,
  type Subscription,
} from "@/lib/db/schema";

/**
 * Inside a transaction: lock a subscription's owner, then the subscription (lib/db/LOCK-ORDER.md) and, when it is a
 * family master (its type has a family type), return it with that family type; null otherwise. The family type is
 * read FOR SHARE, so deleting it (which checks for live requests) waits for the caller to finish.
 */
export async function lockFamilyMaster(
  tx: Db,
  subscriptionId: number,
): Promise<{ master: Subscription; familyType: FamilySubscriptionType } | null> {
  const [owner] = await tx
    .select({ userId: subscriptions.userId })
    .from(subscriptions)
    .where(eq(subscriptions.id, subscriptionId));
  if (!owner) return null;
  await lockUsers(tx, [owner.userId]);
  const [master] = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.id, subscriptionId))
    .for("no key update");
  if (!master || master.kind === "family") return null;
  const [familyType] = await tx
    .select()
    .from(familySubscriptionTypes)
    .where(eq(familySubscriptionTypes.masterSubscriptionTypeId, master.subscriptionTypeId))
    .for("share");
  return familyType ? { master, familyType } : null;
}
