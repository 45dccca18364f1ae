import "server-only";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { hashToken } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { apiTokens, users, userTokens, type User } from "@/lib/db/schema";

export type BearerPrincipal =
  | { kind: "api"; tokenId: number; name: string; scopes: string[] }
  | { kind: "user"; tokenId: number; user: User };

/**
 * Resolve `Authorization: Bearer <token>` to an API token or a user token. Revoked and expired tokens resolve to
 * null; the lookup is by hash, so the plain token is never compared or stored.
 */
export async function authenticateBearer(db: Db, token: string): Promise<BearerPrincipal | null> {
  const tokenHash = hashToken(token);
  const at = now();
  if (token.startsWith("sf_api_")) {
    const [row] = await db
      .select({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1);
    if (!row) return null;
    await touch(db, apiTokens, row.id, at);
    return { kind: "api", tokenId: row.id, name: row.name, scopes: row.scopes };
  }
  if (token.startsWith("sf_user_")) {
    const [row] = await db
      .select({ tokenId: userTokens.id, user: users })
      .from(userTokens)
      .innerJoin(users, eq(users.id, userTokens.userId))
      .where(
        and(
          eq(userTokens.tokenHash, tokenHash),
          isNull(userTokens.revokedAt),
          gt(userTokens.expiresAt, at),
        ),
      )
      .limit(1);
    if (!row) return null;
    await touch(db, userTokens, row.tokenId, at);
    return { kind: "user", tokenId: row.tokenId, user: row.user };
  }
  return null;
}

/**
 * Record when a token was last used, at most once a minute: busy integrations share one token, and writing the row on
 * every request would make their requests queue on it.
 */
async function touch(
  db: Db,
  table: typeof apiTokens | typeof userTokens,
  id: number,
  at: Date,
): Promise<void> {
  const staleBefore = new Date(at.getTime() - 60_000);
  await db
    .update(table)
    .set({ lastUsedAt: at })
    .where(and(eq(table.id, id), or(isNull(table.lastUsedAt), lt(table.lastUsedAt, staleBefore))));
}
