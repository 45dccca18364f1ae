import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";

/**
 * Check that a user id named in a request body exists. Unknown ids are bad input (400 `user_not_found`), like every
 * other unknown entity referenced in a body. Inside a transaction the row is key-share locked, so the user cannot be
 * deleted before the caller's insert commits.
 */
export async function requireUser(db: Db, userId: number): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("key share");
  if (!user) throw invalid("user_not_found", `No user with id ${userId}.`);
}
