import "server-only";
import { count, desc, ilike, or, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";

export interface ListUsersOptions {
  /** Matches email or name, case-insensitively, anywhere in the text. */
  search?: string;
  limit: number;
  offset: number;
}

/** A page of users, newest first, with the total that matches the search. */
export async function listUsers(db: Db, options: ListUsersOptions) {
  const term = options.search?.trim();
  let where: SQL | undefined;
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where = or(ilike(users.email, pattern), ilike(users.name, pattern));
  }
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        createdAt: users.createdAt,
        lastLoginAt: users.lastLoginAt,
      })
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}
