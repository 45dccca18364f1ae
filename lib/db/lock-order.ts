import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "./connect";
import { users } from "./schema";

/**
 * The first step of the lock order (LOCK-ORDER.md beside this file): a transaction that locks or changes rows of some
 * users locks those users' rows first, FOR NO KEY UPDATE, in ascending id, before any other row. Locking a user the
 * transaction already holds is free, so a service may call this for the users it needs even when its caller did.
 * Returns the ids that exist.
 */
export async function lockUsers(tx: Db, userIds: readonly number[]): Promise<number[]> {
  const ids = [...new Set(userIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  // ORDER BY puts the row locks under the sort, so they are taken in id order.
  const locked = await tx
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.id))
    .for("no key update");
  return locked.map((user) => user.id);
}

/** Thrown inside lockUsersOf's savepoint when the people read before locking were not all of them. */
class PeopleChanged extends Error {
  constructor(readonly seen: readonly number[]) {
    super("the users to lock changed while they were locked");
  }
}

/**
 * Lock the users a transaction is about whose ids come from other rows (a master and the children of its family, a
 * referral's two people): read them without a lock, lock them in order, and read again. Should someone have joined
 * in between, the locks are given back (a savepoint rolled back releases its row locks) and the larger set is locked
 * again from the start, so no user is ever locked after a user with a higher id. Returns the ids locked.
 */
export async function lockUsersOf(
  tx: Db,
  readUserIds: (tx: Db) => Promise<readonly number[]>,
): Promise<number[]> {
  let wanted = [...new Set(await readUserIds(tx))];
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await tx.transaction(async (savepoint) => {
        const locked = await lockUsers(savepoint, wanted);
        const seen = await readUserIds(savepoint);
        if (seen.some((id) => !wanted.includes(id))) throw new PeopleChanged(seen);
        return locked;
      });
    } catch (error) {
      if (!(error instanceof PeopleChanged)) throw error;
      wanted = [...new Set([...wanted, ...error.seen])];
    }
  }
  throw new Error(`the users to lock kept changing: ${wanted.join(", ")}`);
}
