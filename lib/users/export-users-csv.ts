import "server-only";
import { and, desc } from "drizzle-orm";
import { csvStream } from "@/lib/csv/csv-stream";
import {
  cursorText,
  EXPORT_BATCH_SIZE,
  keysetAfter,
  keysetBatches,
  mapBatches,
} from "@/lib/csv/keyset-batches";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { userListWhere, type UserListFilters } from "./list-users";

const HEADER = ["id", "email", "name", "role", "created_at", "confirmed_at", "last_login_at"];

/** The users the admin list shows for these filters, newest first, as a streamed CSV (keyset-paged batches). */
export function exportUsersCsv(db: Db, filters: UserListFilters): ReadableStream<Uint8Array> {
  const where = userListWhere(filters);
  const batches = keysetBatches(async (cursor) => {
    const rows = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        createdAt: users.createdAt,
        confirmedAt: users.confirmedAt,
        lastLoginAt: users.lastLoginAt,
        sortKey: cursorText(users.createdAt),
      })
      .from(users)
      .where(and(where, keysetAfter(users.createdAt, users.id, cursor)))
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(EXPORT_BATCH_SIZE);
    return rows;
  });
  return csvStream(
    HEADER,
    mapBatches(batches, (row) => [
      row.id,
      row.email,
      row.name,
      row.role,
      row.createdAt,
      row.confirmedAt,
      row.lastLoginAt,
    ]),
  );
}
