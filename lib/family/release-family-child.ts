import "server-only";
import { and, eq, gt, ne, sql, type SQL } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions, type FamilyRequest } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { cancelAndReplace } from "./keep-family-in-step";

/**
 * The master (or an admin, without `masterUserId`) releases an accepted child: the child subscription stops now,
 * the request is canceled and, while the master subscription runs, a replacement code is issued. Releasing is about
 * the person: when a renewal already gave the same friend a child of the master's next subscription, that one is
 * released too.
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
    if (seen.status !== "accepted" || seen.slaveUserId === null) {
      throw conflict("family_request_wrong_status", "Only an activated code can be released.");
    }
    const at = now();
    // The same friend's children on this master's other running or upcoming subscriptions (an early renewal).
    const renewed = await tx
      .select({ id: familyRequests.id })
      .from(familyRequests)
      .innerJoin(subscriptions, eq(subscriptions.id, familyRequests.masterSubscriptionId))
      .where(
        and(
          eq(familyRequests.masterUserId, seen.masterUserId),
          eq(familyRequests.slaveUserId, seen.slaveUserId),
          eq(familyRequests.status, "accepted"),
          ne(familyRequests.id, seen.id),
          gt(subscriptions.endAt, at),
        ),
      );
    const results: { canceled: FamilyRequest; replacement: FamilyRequest | null }[] = [];
    for (const requestId of [seen.id, ...renewed.map((row) => row.id)]) {
      const released = await releaseOne(tx, requestId, at);
      if (released) results.push(released);
    }
    const [first] = results;
    if (!first) throw conflict("family_request_wrong_status", "Only an activated code can be released.");
    return first;
  });
}

/** Stop one accepted request's child subscription and cancel (and replace) the request; null when it moved on. */
async function releaseOne(tx: Db, requestId: number, at: Date) {
  const [seen] = await tx.select().from(familyRequests).where(eq(familyRequests.id, requestId));
  if (!seen) return null;
  // Lock the child subscription before the request, the order stopSubscription takes them in (no deadlock).
  if (seen.slaveSubscriptionId !== null) {
    await tx.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.id, seen.slaveSubscriptionId)).for("update");
  }
  const [request] = await tx.select().from(familyRequests).where(eq(familyRequests.id, requestId)).for("update");
  if (!request || request.status !== "accepted") return null;
  if (request.slaveSubscriptionId !== null) {
    await tx
      .update(subscriptions)
      .set({ endAt: sql`greatest(${subscriptions.startAt}, ${at.toISOString()}::timestamptz)`, note: "Released by the family's owner", updatedAt: at })
      .where(and(eq(subscriptions.id, request.slaveSubscriptionId), gt(subscriptions.endAt, at)));
  }
  return cancelAndReplace(tx, request);
}
