import "server-only";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { familyRequests, subscriptions, type FamilyRequest } from "@/lib/db/schema";
import { conflict, invalid, notFound } from "@/lib/errors";
import { cancelAndReplace } from "./cancel-and-replace";
import { FAMILY_CODE_PATTERN } from "./family-code";

/**
 * The master withdraws a code nobody has used: it is canceled (reason `revoked`) and a new code for the same type
 * replaces it, so the slot count holds. Locks are taken in activation's order (lib/db/LOCK-ORDER.md) — the master,
 * the master subscription (shared), then the request — so of a revoke and an activation of one code exactly one wins; the other sees the new status
 * (409). Only the master's own code is found (`family_request_not_found` otherwise).
 */
export async function revokeFamilyCode(
  db: Db,
  options: { code: string; masterUserId: number },
): Promise<{ canceled: FamilyRequest; replacement: FamilyRequest }> {
  const code = options.code.trim().toLowerCase();
  if (!FAMILY_CODE_PATTERN.test(code))
    throw notFound("family_request_not_found", "No such family code.");
  return db.transaction(async (tx) => {
    const mine = and(
      eq(familyRequests.code, code),
      eq(familyRequests.masterUserId, options.masterUserId),
    );
    const [seen] = await tx
      .select({ masterSubscriptionId: familyRequests.masterSubscriptionId })
      .from(familyRequests)
      .where(mine);
    if (!seen) throw notFound("family_request_not_found", "No such family code.");
    await lockUsers(tx, [options.masterUserId]);
    const [master] = await tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, seen.masterSubscriptionId))
      .for("share");
    const [request] = await tx.select().from(familyRequests).where(mine).for("no key update");
    if (!request) throw notFound("family_request_not_found", "No such family code.");
    if (request.status !== "created") {
      throw conflict(
        "family_request_wrong_status",
        request.status === "accepted"
          ? "This code has been used; release the member instead."
          : "This code is already canceled.",
      );
    }
    if (!master || master.endAt.getTime() <= now().getTime()) {
      throw invalid(
        "family_request_expired",
        "This code has expired with its family subscription; there is nothing to revoke.",
      );
    }
    const { canceled, replacement } = await cancelAndReplace(tx, request, "revoked");
    if (!replacement) throw new Error("a running master subscription got no replacement code");
    return { canceled, replacement };
  });
}
