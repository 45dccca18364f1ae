import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { users } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";

/**
 * Check, inside the caller's transaction, that a user id named in a request body exists. Unknown ids are bad input
 * (400 `user_not_found`), like every other unknown entity referenced in a body.
 *
 * The row stays locked until commit: `key share` keeps the user from being deleted under the caller's insert;
 * `serialize` takes the lock order's first lock instead (lockUsers: no key update), which also makes concurrent
 * subscription changes of one user take turns, so each computes its start after the one before it.
 */
export async function requireUser(
  db: Db,
  userId: number,
  options: { serialize?: boolean } = {},
): Promise<void> {
  const found = options.serialize
    ? (await lockUsers(db, [userId])).length > 0
    : (await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("key share"))
        .length > 0;
  if (!found) throw invalid("user_not_found", `No user with id ${userId}.`);
}
