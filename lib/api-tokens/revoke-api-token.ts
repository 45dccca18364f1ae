import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { apiTokens } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/** Revoke an API token; it stops authenticating at once. Revoking twice is refused as not found. */
export async function revokeApiToken(db: Db, options: { tokenId: number }): Promise<void> {
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const revoked = await db.transaction((tx) =>
    tx
      .update(apiTokens)
      .set({ revokedAt: now() })
      .where(and(eq(apiTokens.id, options.tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id }),
  );
  if (revoked.length === 0)
    throw notFound("api_token_not_found", "No active API token with that id.");
}
