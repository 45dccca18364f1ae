import "server-only";
import { and, eq } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { endUserSessions } from "./end-user-sessions";
import { passwordSchema } from "./schemas";

export interface ChangePasswordOptions {
  /** The signed-in user (from the session or user token). */
  userId: number;
  currentPassword: string;
  newPassword: string;
}

/**
 * Change a password the user knows. Every other session ends (session_version rises, user API tokens are revoked);
 * the browser that made the change signs in again with the new password. A wrong current password is
 * `wrong_password` (400).
 */
export async function changePassword(
  db: Db,
  options: ChangePasswordOptions,
): Promise<{ email: string; sessionVersion: number }> {
  const newPassword = passwordSchema.parse(options.newPassword);
  const [user] = await db.select().from(users).where(eq(users.id, options.userId)).limit(1);
  if (!user) throw notFound("user_not_found", "No such user.");
  if (!(await verifyPassword(options.currentPassword, user.passwordHash))) throw wrongPassword();
  const passwordHash = await hashPassword(newPassword);
  const sessionVersion = await db.transaction(async (tx) => {
    // Only over the password that was checked: a reset (or another change) that landed while it was being checked
    // and the new one hashed wins, and this change is refused as made with a password that is no longer right.
    const [changed] = await tx
      .update(users)
      .set({ passwordHash })
      .where(
        and(
          eq(users.id, user.id),
          eq(users.passwordHash, user.passwordHash ?? ""),
          eq(users.sessionVersion, user.sessionVersion),
        ),
      )
      .returning({ id: users.id });
    if (!changed) throw wrongPassword();
    return endUserSessions(tx, user.id);
  });
  return { email: user.email, sessionVersion };
}

export const wrongPassword = () => invalid("wrong_password", "Your current password is not right.");
