import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { verifyPassword } from "@/lib/auth/passwords";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { users, type User } from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record-event";

/**
 * The user whose email and password match, or null. Records the sign-in time and `user.signed_in`. The row returned
 * carries the session version the sign-in is valid for.
 */
export async function authenticateUser(
  db: Db,
  email: string,
  password: string,
): Promise<User | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid) return null;
  return db.transaction(async (tx) => {
    // Only while the password checked is still the account's and no sign-out everywhere came meanwhile: a reset that
    // landed during the check ended every session, this one included.
    const [updated] = await tx
      .update(users)
      .set({ lastLoginAt: now(), confirmedAt: user.confirmedAt ?? now() })
      .where(
        and(
          eq(users.id, user.id),
          eq(users.passwordHash, user.passwordHash ?? ""),
          eq(users.sessionVersion, user.sessionVersion),
        ),
      )
      .returning();
    if (!updated) return null;
    // `first` is what the referral `sign_up` trigger waits for: the friend registered and signed in.
    await recordEvent(tx, {
      name: "user.signed_in",
      userId: user.id,
      payload: { first: user.lastLoginAt === null },
    });
    return updated;
  });
}
