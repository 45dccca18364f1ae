import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailLog } from "@/lib/db/schema";

/**
 * Record an open or a click of one email in a transaction that first locks its log row, in a statement of its own:
 * two loads of the pixel at once (a mail client and its image proxy) are recorded one after the other, and the second
 * sees the first one's event within the repeat window. In one statement, the second would wait for the row and then
 * still read the events from before its wait, and both would count.
 */
export function recordOneAtATime<T>(
  db: Db,
  logId: number,
  record: (tx: Db) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: emailLog.id })
      .from(emailLog)
      .where(eq(emailLog.id, logId))
      .for("no key update");
    return record(tx);
  });
}
