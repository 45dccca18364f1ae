import "server-only";
import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { emailEvents, emailLog } from "@/lib/db/schema";

/**
 * The reader left the topic through an email's unsubscribe link (page or one-click): that email gets its
 * `unsubscribed` event and first-unsubscribe time, once (a second click or a provider's retry adds nothing), so its
 * template's and its scenario node's stats count it. Only an email sent to the link's recipient counts. One
 * statement; false when no such email is logged.
 */
export async function recordEmailUnsubscribe(
  db: Db,
  options: { messageId: string; recipient: { userId: number } | { address: string } },
): Promise<boolean> {
  const at = now().toISOString();
  const sentTo =
    "userId" in options.recipient
      ? sql`${emailLog.userId} = ${options.recipient.userId}`
      : sql`lower(${emailLog.toAddress}) = ${options.recipient.address.toLowerCase()}`;
  const result = await db.execute(sql`
    with found as (
      select ${emailLog.id} as id from ${emailLog}
      where ${emailLog.messageId} = ${options.messageId} and ${sentTo}
    ), first_unsubscribe as (
      update ${emailLog} set unsubscribed_at = ${at}::timestamptz
      where id in (select id from found) and unsubscribed_at is null
    ), recorded as (
      insert into ${emailEvents} (email_log_id, type, external_id, occurred_at)
      select id, 'unsubscribed', 'unsubscribed:' || id, ${at}::timestamptz from found
      on conflict (external_id) do nothing
    )
    select id from found`);
  return rowsOf(result).length > 0;
}
