import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
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
      .update(apiTokens)
      .set({ lastUsedAt: at })
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes });
    return row ? { kind: "api", tokenId: row.id, name: row.name, scopes: row.scopes } : null;
  }
  if (token.startsWith("sf_user_")) {
    const [row] = await db
      .select({ tokenId: userTokens.id, user: users })
      .from(userTokens)
      .innerJoin(users, eq(users.id, userTokens.userId))
      .where(and(eq(userTokens.tokenHash, tokenHash), isNull(userTokens.revokedAt), gt(userTokens.expiresAt, at)))
      .limit(1);
    if (!row) return null;
    await db.update(userTokens).set({ lastUsedAt: at }).where(eq(userTokens.id, row.tokenId));
    return { kind: "user", tokenId: row.tokenId, user: row.user };
  }
  return null;
}
