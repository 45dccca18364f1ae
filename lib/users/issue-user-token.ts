import "server-only";
import { eq } from "drizzle-orm";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { users, userTokens } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

export const USER_TOKEN_LIFETIME_DAYS = 90;

export interface IssuedUserToken {
  token: string;
  expiresAt: Date;
}

/**
 * Issue a bearer token for a signed-in user (POST /api/v1/users/login). Only the hash is stored. `sessionVersion`: the
 * version the sign-in was valid for; when the user was signed out everywhere since (a password reset or change), no
 * token is issued (null). The user's row is locked first, in a statement of its own: a reset either came before and
 * is seen, or waits and then revokes this token with the others.
 */
export function issueUserToken(db: Db, options: { userId: number }): Promise<IssuedUserToken>;
export function issueUserToken(
  db: Db,
  options: { userId: number; sessionVersion: number },
): Promise<IssuedUserToken | null>;
export async function issueUserToken(
  db: Db,
  options: { userId: number; sessionVersion?: number },
): Promise<IssuedUserToken | null> {
  const token = generateToken("user");
  const expiresAt = addDays(now(), USER_TOKEN_LIFETIME_DAYS);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ sessionVersion: users.sessionVersion })
      .from(users)
      .where(eq(users.id, options.userId))
      .for("no key update");
    if (options.sessionVersion === undefined) {
      if (!user) throw notFound("user_not_found", "No such user.");
    } else if (user?.sessionVersion !== options.sessionVersion) return null;
    await tx
      .insert(userTokens)
      .values({ userId: options.userId, tokenHash: hashToken(token), createdAt: now(), expiresAt });
    return { token, expiresAt };
  });
}
