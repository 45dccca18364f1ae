import "server-only";
import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { emailEvents, emailLog } from "@/lib/db/schema";
import { recordOneAtATime } from "./record-one-at-a-time";

/** Opens or clicks of one email closer together than this are one (a mail client loads the pixel more than once). */
export const REPEAT_WINDOW = sql`interval '1 minute'`;

/**
 * The open pixel was loaded: an `opened` event, and the email's first open time when it has none. One statement, after
 * the email's row is locked (`recordOneAtATime`); a repeat within a minute adds no event. False when no such email is
 * logged (nothing recorded).
 */
export async function recordEmailOpen(db: Db, options: { logId: number }): Promise<boolean> {
  const at = now().toISOString();
  const result = await recordOneAtATime(db, options.logId, (tx) =>
    tx.execute(sql`
    with found as (
      select id from ${emailLog} where id = ${options.logId}
    ), first_open as (
      update ${emailLog} set opened_at = ${at}::timestamptz
      where id = ${options.logId} and opened_at is null
    ), recorded as (
      insert into ${emailEvents} (email_log_id, type, occurred_at)
      select found.id, 'opened', ${at}::timestamptz from found
      where not exists (
        select 1 from ${emailEvents} seen
        where seen.email_log_id = found.id and seen.type = 'opened'
          and seen.occurred_at > ${at}::timestamptz - ${REPEAT_WINDOW}
          and seen.occurred_at <= ${at}::timestamptz
      )
    )
    select id from found`),
  );
  return rowsOf(result).length > 0;
}
