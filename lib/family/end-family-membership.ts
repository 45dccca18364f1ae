import "server-only";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { familyRequests, subscriptions, type FamilyRequest } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";
import { cancelAndReplace } from "./cancel-and-replace";

export interface EndedFamilyMembership {
  canceled: FamilyRequest;
  replacement: FamilyRequest | null;
}

/**
 * Inside a transaction: a child's membership ends (the master released them, or they left). The child subscription
 * stops now, the request is canceled with `reason` and, while the master subscription runs, a replacement code is
 * issued. Membership is about the person: when a renewal already gave the same friend a child of the master's next
 * subscription, that one ends too. `found` is the request as the caller found it (scoped to its owner in the query).
 */
export async function endFamilyMembership(
  tx: Db,
  found: FamilyRequest,
  options: { reason: "released" | "left"; note: string },
): Promise<EndedFamilyMembership> {
  const wrongStatus = () =>
    conflict(
      "family_request_wrong_status",
      options.reason === "left"
        ? "You are no longer a member of this family."
        : "Only an activated code can be released.",
    );
  if (found.status !== "accepted" || found.childUserId === null) throw wrongStatus();
  // lib/db/LOCK-ORDER.md: both people before their subscriptions and the requests.
  await lockUsers(tx, [found.masterUserId, found.childUserId]);
  const at = now();
  // The same friend's children on this master's other running or upcoming subscriptions (an early renewal).
  const renewed = await tx
    .select({ id: familyRequests.id })
    .from(familyRequests)
    .innerJoin(subscriptions, eq(subscriptions.id, familyRequests.masterSubscriptionId))
    .where(
      and(
        eq(familyRequests.masterUserId, found.masterUserId),
        eq(familyRequests.childUserId, found.childUserId),
        eq(familyRequests.status, "accepted"),
        ne(familyRequests.id, found.id),
        gt(subscriptions.endAt, at),
      ),
    );
  const results: EndedFamilyMembership[] = [];
  for (const requestId of [found.id, ...renewed.map((row) => row.id)]) {
    const ended = await endOne(tx, requestId, at, options);
    if (ended) results.push(ended);
  }
  const [first] = results;
  if (!first) throw wrongStatus();
  return first;
}

/** Stop one accepted request's child subscription and cancel (and replace) the request; null when it moved on. */
async function endOne(
  tx: Db,
  requestId: number,
  at: Date,
  options: { reason: "released" | "left"; note: string },
) {
  const [seen] = await tx.select().from(familyRequests).where(eq(familyRequests.id, requestId));
  if (!seen) return null;
  // The child subscription before the request (lib/db/LOCK-ORDER.md), as stopSubscription takes them.
  if (seen.childSubscriptionId !== null) {
    await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(eq(subscriptions.id, seen.childSubscriptionId))
      .for("no key update");
  }
  const [request] = await tx
    .select()
    .from(familyRequests)
    .where(eq(familyRequests.id, requestId))
    .for("no key update");
  if (!request || request.status !== "accepted") return null;
  if (request.childSubscriptionId !== null) {
    await tx
      .update(subscriptions)
      .set({
        endAt: sql`greatest(${subscriptions.startAt}, ${at.toISOString()}::timestamptz)`,
        note: options.note,
        updatedAt: at,
      })
      .where(and(eq(subscriptions.id, request.childSubscriptionId), gt(subscriptions.endAt, at)));
  }
  return cancelAndReplace(tx, request, options.reason);
}
