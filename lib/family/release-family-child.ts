import "server-only";
import { and, eq, gt, sql, type SQL } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions, type FamilyRequest } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { cancelAndReplace } from "./keep-family-in-step";

/**
 * The master (or an admin, without `masterUserId`) releases an accepted child: the child subscription stops now,
 * the request is canceled and, while the master subscription runs, a replacement code is issued.
 */
export async function releaseFamilyChild(
  db: Db,
  options: { requestId: number; masterUserId?: number },
): Promise<{ canceled: FamilyRequest; replacement: FamilyRequest | null }> {
  return db.transaction(async (tx) => {
    const conditions: SQL[] = [eq(familyRequests.id, options.requestId)];
    if (options.masterUserId !== undefined) conditions.push(eq(familyRequests.masterUserId, options.masterUserId));
    const [seen] = await tx.select().from(familyRequests).where(and(...conditions));
    if (!seen) throw notFound("family_request_not_found", "No such family code.");
    // Lock the child subscription before the request, the order stopSubscription takes them in (no deadlock).
    if (seen.slaveSubscriptionId !== null) {
      await tx.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.id, seen.slaveSubscriptionId)).for("update");
    }
    const [request] = await tx.select().from(familyRequests).where(and(...conditions)).for("update");
    if (!request) throw notFound("family_request_not_found", "No such family code.");
    if (request.status !== "accepted") throw conflict("family_request_wrong_status", "Only an activated code can be released.");
    if (request.slaveSubscriptionId !== null) {
      const at = now();
      await tx
        .update(subscriptions)
        .set({ endAt: sql`greatest(${subscriptions.startAt}, ${at.toISOString()}::timestamptz)`, note: "Released by the family's owner", updatedAt: at })
        .where(and(eq(subscriptions.id, request.slaveSubscriptionId), gt(subscriptions.endAt, at)));
    }
    return cancelAndReplace(tx, request);
  });
}
