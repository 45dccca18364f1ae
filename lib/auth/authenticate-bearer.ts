import "server-only";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { roleAllowsScope } from "@/lib/api-tokens/api-scopes";
import { hashToken } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { apiTokens, users, userTokens, type User } from "@/lib/db/schema";

export type BearerPrincipal =
  | {
      kind: "api";
      tokenId: number;
      name: string;
      /** The scopes the token may use now: those it was given that its creator's current role still allows. */
      scopes: string[];
      /** Scopes it was given that its creator's role no longer allows (refused as insufficient_scope). */
      withdrawnScopes: string[];
    }
  | { kind: "user"; tokenId: number; user: User };

/**
 * Resolve `Authorization: Bearer <token>` to an API token or a user token. Revoked and expired tokens resolve to
 * null; the lookup is by hash, so the plain token is never compared or stored. An API token reads its creator's
 * current role in the same query: a token acts with at most what that role allows (a token without a creator, made
 * by the tokens:create script or left by a deleted account, keeps every scope it was given).
 */
export async function authenticateBearer(db: Db, token: string): Promise<BearerPrincipal | null> {
  const tokenHash = hashToken(token);
  const at = now();
  if (token.startsWith("sf_api_")) {
    const [row] = await db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        scopes: apiTokens.scopes,
        creatorRole: users.role,
      })
      .from(apiTokens)
      .leftJoin(users, eq(users.id, apiTokens.createdByUserId))
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1);
    if (!row) return null;
    await touch(db, apiTokens, row.id, at);
    const { creatorRole } = row;
    const allowed = (scope: string) => creatorRole === null || roleAllowsScope(creatorRole, scope);
    return {
      kind: "api",
      tokenId: row.id,
      name: row.name,
      scopes: row.scopes.filter(allowed),
      withdrawnScopes: row.scopes.filter((scope) => !allowed(scope)),
    };
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
