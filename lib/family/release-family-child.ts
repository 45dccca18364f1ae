import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familyRequests } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { endFamilyMembership, type EndedFamilyMembership } from "./end-family-membership";

/**
 * The master (or an admin, without `masterUserId`) releases an accepted child: the child subscription stops now,
 * the request is canceled (reason `released`) and, while the master subscription runs, a replacement code is issued.
 */
export async function releaseFamilyChild(db: Db, options: { requestId: number; masterUserId?: number }): Promise<EndedFamilyMembership> {
  return db.transaction(async (tx) => {
    const conditions: SQL[] = [eq(familyRequests.id, options.requestId)];
    if (options.masterUserId !== undefined) conditions.push(eq(familyRequests.masterUserId, options.masterUserId));
    const [seen] = await tx.select().from(familyRequests).where(and(...conditions));
    if (!seen) throw notFound("family_request_not_found", "No such family code.");
    return endFamilyMembership(tx, seen, { reason: "released", note: "Released by the family's owner" });
  });
}
