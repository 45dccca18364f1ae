import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions, type FamilyRequest } from "@/lib/db/schema";
import { createFamilyRequest } from "./create-family-request";
import type { FamilyCancelReason } from "./family-cancel-reasons";

/**
 * Inside a transaction holding the request's row: cancel it with its reason and, while the master subscription runs,
 * issue a replacement code for the same type, so the master keeps its number of slots.
 */
export async function cancelAndReplace(
  tx: Db,
  request: FamilyRequest,
  reason: FamilyCancelReason,
): Promise<{ canceled: FamilyRequest; replacement: FamilyRequest | null }> {
  const at = now();
  const [canceled] = await tx
    .update(familyRequests)
    .set({ status: "canceled", cancelReason: reason, canceledAt: at, updatedAt: at })
    .where(eq(familyRequests.id, request.id))
    .returning();
  if (!canceled) throw new Error("update returned no row");
  const [masterRunning] = await tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.id, request.masterSubscriptionId), gt(subscriptions.endAt, at)));
  const replacement = masterRunning
    ? await createFamilyRequest(tx, {
        masterUserId: request.masterUserId,
        masterSubscriptionId: request.masterSubscriptionId,
        subscriptionTypeId: request.subscriptionTypeId,
        replacesRequestId: request.id,
      })
    : null;
  return { canceled, replacement };
}
