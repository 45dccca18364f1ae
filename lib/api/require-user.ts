import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";

/**
 * Check, inside the caller's transaction, that a user id named in a request body exists. Unknown ids are bad input
 * (400 `user_not_found`), like every other unknown entity referenced in a body.
 *
 * The row stays locked until commit: `key share` keeps the user from being deleted under the caller's insert;
 * `serialize` (no key update) also makes concurrent subscription changes of one user take turns, so each computes its
 * start after the one before it instead of racing (and deadlocking on Postgres) over the same previous subscription.
 */
export async function requireUser(
  db: Db,
  userId: number,
  options: { serialize?: boolean } = {},
): Promise<void> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.id, userId))
    .for(options.serialize ? "no key update" : "key share");
  if (!user) throw invalid("user_not_found", `No user with id ${userId}.`);
}
