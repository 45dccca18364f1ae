import "server-only";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { userTokens } from "@/lib/db/schema";

export const USER_TOKEN_LIFETIME_DAYS = 90;

/** Issue a bearer token for a signed-in user (POST /api/v1/users/login). Only the hash is stored. */
export async function issueUserToken(
  db: Db,
  options: { userId: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken("user");
  const expiresAt = addDays(now(), USER_TOKEN_LIFETIME_DAYS);
  await db
    .insert(userTokens)
    .values({ userId: options.userId, tokenHash: hashToken(token), createdAt: now(), expiresAt });
  return { token, expiresAt };
}
