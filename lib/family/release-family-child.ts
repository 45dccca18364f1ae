import "server-only";
import { and, eq } from "drizzle-orm";
import { ownedByActor, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { familyRequests } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { endFamilyMembership, type EndedFamilyMembership } from "./end-family-membership";

/**
 * The master (a customer actor, held to their own family in the query) or an admin releases an accepted child: the
 * child subscription stops now, the request is canceled (reason `released`) and, while the master subscription runs, a replacement code is issued.
 */
export async function releaseFamilyChild(
  db: Db,
  options: { requestId: number; actor: Actor },
): Promise<EndedFamilyMembership> {
  return db.transaction(async (tx) => {
    const [seen] = await tx
      .select()
      .from(familyRequests)
      .where(
        and(
          eq(familyRequests.id, options.requestId),
          ownedByActor(options.actor, familyRequests.masterUserId),
        ),
      );
    if (!seen) throw notFound("family_request_not_found", "No such family code.");
    return endFamilyMembership(tx, seen, {
      reason: "released",
      note: "Released by the family's owner",
    });
  });
}
