import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { users, userTokens } from "@/lib/db/schema";

/**
 * Sign a user out everywhere: raising `session_version` ends every browser session issued before (lib/auth/session.ts
 * compares it with the version in the session JWT), and every user API token is revoked. Call it in the transaction
 * that changes the password. Returns the new version.
 */
export async function endUserSessions(tx: Db, userId: number): Promise<number> {
  const [user] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  await tx
    .update(userTokens)
    .set({ revokedAt: now() })
    .where(and(eq(userTokens.userId, userId), isNull(userTokens.revokedAt)));
  return user?.sessionVersion ?? 0;
}
