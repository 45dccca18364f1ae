import "server-only";
import { and, count, desc, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users, type UserRole } from "@/lib/db/schema";

/** The users list's filters: the admin page, its CSV export and the API's export take the same. */
export interface UserListFilters {
  /** Matches email or name, case-insensitively, anywhere in the text. */
  search?: string;
  /** Only users with one of these roles (the staff list is every role but customer). */
  roles?: readonly UserRole[];
}

export interface ListUsersOptions extends UserListFilters {
  limit: number;
  offset: number;
}

/** The where clause of the users list's filters (shared with the CSV export, so both list the same rows). */
export function userListWhere(filters: UserListFilters): SQL | undefined {
  const term = filters.search?.trim();
  let matches: SQL | undefined;
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    matches = or(ilike(users.email, pattern), ilike(users.name, pattern));
  }
  return and(matches, filters.roles ? inArray(users.role, [...filters.roles]) : undefined);
}

/** A page of users, newest first, with the total that matches the search and role filter. */
export async function listUsers(db: Db, options: ListUsersOptions) {
  const where = userListWhere(options);
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
