import "server-only";
import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { emailEvents, emailLog } from "@/lib/db/schema";
import { REPEAT_WINDOW } from "./record-email-open";
import { recordOneAtATime } from "./record-one-at-a-time";

/** More links than any email has: an index beyond it names nothing (and stays within int4 in SQL). */
const MAX_LINK_INDEX = 100_000;

/**
 * A tracked link was clicked: the URL at `linkIndex` of the email as sent (email_log.links), or null when the email
 * has no such link — the only URLs a click may lead to. Records a `clicked` event with the URL (a repeat of the same
 * link within a minute adds none) and the first click time; a click is an open too, so the first open time is set
 * when the pixel was never loaded. One statement, after the email's row is locked (`recordOneAtATime`).
 */
export async function recordEmailClick(
  db: Db,
  options: { logId: number; linkIndex: number },
): Promise<{ url: string } | null> {
  if (!Number.isInteger(options.linkIndex) || options.linkIndex < 0) return null;
  if (options.linkIndex > MAX_LINK_INDEX) return null;
  const at = now().toISOString();
  // Postgres arrays count from 1; an index past the end reads null.
  const result = await recordOneAtATime(db, options.logId, (tx) =>
    tx.execute(sql`
    with found as (
      select id, links[${options.linkIndex + 1}::int] as url
      from ${emailLog} where id = ${options.logId}
    ), first_click as (
      update ${emailLog}
      set clicked_at = coalesce(clicked_at, ${at}::timestamptz),
        opened_at = coalesce(opened_at, ${at}::timestamptz)
      where id = ${options.logId} and (clicked_at is null or opened_at is null)
        and exists (select 1 from found where url is not null)
    ), recorded as (
      insert into ${emailEvents} (email_log_id, type, detail, occurred_at)
      select found.id, 'clicked', found.url, ${at}::timestamptz from found
      where found.url is not null and not exists (
        select 1 from ${emailEvents} seen
        where seen.email_log_id = found.id and seen.type = 'clicked' and seen.detail = found.url
          and seen.occurred_at > ${at}::timestamptz - ${REPEAT_WINDOW}
          and seen.occurred_at <= ${at}::timestamptz
      )
    )
    select url from found where url is not null`),
  );
  const [row] = rowsOf<{ url: string }>(result);
  return row ? { url: row.url } : null;
}
