import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { userTokens } from "@/lib/db/schema";

/** Revoke one of a user's bearer tokens (the user id is part of the query, so nobody revokes another's token). */
export async function revokeUserToken(
  db: Db,
  options: { userId: number; tokenId: number },
): Promise<boolean> {
  const rows = await db
    .update(userTokens)
    .set({ revokedAt: now() })
    .where(
      and(
        eq(userTokens.id, options.tokenId),
        eq(userTokens.userId, options.userId),
        isNull(userTokens.revokedAt),
      ),
    )
    .returning({ id: userTokens.id });
  return rows.length > 0;
}
