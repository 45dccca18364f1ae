import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familyRequests } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { endFamilyMembership, type EndedFamilyMembership } from "./end-family-membership";

/**
 * A child leaves a family: their child subscription stops now, the request is canceled (reason `left`) and, while
 * the master subscription runs, the master gets a replacement code. Only the child's own request is found (the code
 * and the child's user id are both in the query); anyone else's is `family_request_not_found`.
 */
export async function leaveFamily(
  db: Db,
  options: { code: string; childUserId: number },
): Promise<EndedFamilyMembership> {
  const code = options.code.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [seen] = await tx
      .select()
      .from(familyRequests)
      .where(
        and(eq(familyRequests.code, code), eq(familyRequests.childUserId, options.childUserId)),
      );
    if (!seen)
      throw notFound("family_request_not_found", "You have no family subscription from this code.");
    return endFamilyMembership(tx, seen, { reason: "left", note: "Left the family" });
  });
}
