import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { scenarioCronCursors } from "@/lib/db/schema";

/** Where a catching-up cron got to; `fallback` the first time. */
export async function readCronCursor(db: Db, name: string, fallback: Date): Promise<Date> {
  const [row] = await db
    .select()
    .from(scenarioCronCursors)
    .where(eq(scenarioCronCursors.name, name));
  return row?.until ?? fallback;
}

/**
 * Move the cursor from `from` to `to` — only if it is still at `from`, so an overlapping tick that finished later can
 * never move it back. A first tick inserts it.
 */
export async function advanceCronCursor(
  db: Db,
  name: string,
  move: { from: Date; to: Date },
): Promise<void> {
  const updated = await db
    .update(scenarioCronCursors)
    .set({ until: move.to })
    .where(and(eq(scenarioCronCursors.name, name), eq(scenarioCronCursors.until, move.from)))
    .returning();
  if (updated.length === 0)
    await db.insert(scenarioCronCursors).values({ name, until: move.to }).onConflictDoNothing();
}
