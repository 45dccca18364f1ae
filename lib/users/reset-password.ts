import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/passwords";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { userActionTokens, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { endUserSessions } from "./end-user-sessions";
import { lockValidActionToken } from "./find-action-token";
import { passwordSchema } from "./schemas";

/**
 * Set a new password through a reset link. The token must be valid, unused and unexpired (`link_invalid`,
 * `link_used`, `link_expired`); it is spent with every other pending reset link of the user, every session and user
 * API token ends, and the address counts as confirmed (the link reached it). Returns the address to sign in with.
 */
export async function resetPassword(
  db: Db,
  options: { token: string; newPassword: string },
): Promise<{ userId: number; email: string }> {
  const passwordHash = await hashPassword(passwordSchema.parse(options.newPassword));
  return db.transaction(async (tx) => {
    const token = await lockValidActionToken(tx, { token: options.token, kind: "password_reset" });
    const at = now();
    const [user] = await tx
      .select({ id: users.id, email: users.email, confirmedAt: users.confirmedAt })
      .from(users)
      .where(eq(users.id, token.userId)); // locked with the token
    if (!user) throw notFound("link_invalid", "This link is not valid. Ask for a new one.");
    await tx
      .update(users)
      .set({ passwordHash, confirmedAt: user.confirmedAt ?? at })
      .where(eq(users.id, user.id));
    await endUserSessions(tx, user.id);
    await tx
      .update(userActionTokens)
      .set({ usedAt: at })
      .where(
        and(
          eq(userActionTokens.userId, user.id),
          eq(userActionTokens.kind, "password_reset"),
          isNull(userActionTokens.usedAt),
        ),
      );
    return { userId: user.id, email: user.email };
  });
}
