import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { DEFAULT_TIME_ZONE } from "@/lib/time/time-zones";
import type { DeliveryFacts } from "./decide-delivery";
import {
  DEFAULT_EMAIL_DELIVERY_SETTINGS,
  emailDeliverySettingsSchema,
  RECENT_SENDS_READ,
} from "./delivery-settings";

/** The user's delivery lock, until the transaction ends: their marketing emails are decided one after the other. */
async function lockEmailDelivery(tx: Db, userId: number): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`email-delivery:${userId}`}, 0))`,
  );
}

/**
 * Everything the delivery decision needs, read in one statement: the topic's kind, the user's choice for it,
 * whether the address is suppressed, the user's zone, the installation's cap and quiet hours, and the user's
 * marketing mail of the last 7 days (email_log_user_marketing_idx). For a user, a statement before it takes a
 * per-user advisory lock for the rest of the transaction, so two emails to one user are counted one after the other
 * and cannot both slip under the cap (lib/db/LOCK-ORDER.md rule 5: sendEmail holds no user row locks of its own). The
 * lock cannot be taken in the reading statement itself: under READ COMMITTED a statement reads the snapshot taken when
 * it began, before it waited for the lock, and would miss the email the lock's previous holder just committed.
 */
export async function loadDeliveryFacts(
  tx: Db,
  recipient: { userId: number | null; address: string; topicId: number; at: Date },
): Promise<DeliveryFacts | null> {
  const userId = recipient.userId;
  const weekAgo = new Date(recipient.at.getTime() - 7 * 86_400_000).toISOString();
  if (userId !== null) await lockEmailDelivery(tx, userId);
  const rows = rowsOf<{
    transactional: boolean;
    subscribed: boolean;
    suppressed: boolean;
    time_zone: string | null;
    settings: unknown;
    recent: string[] | null;
  }>(
    await tx.execute(sql`
      select
        t.transactional,
        coalesce(p.subscribed, t.subscribed_by_default) as subscribed,
        exists (
          select 1 from email_suppressions s
          where s.address = lower(${recipient.address}) and s.lifted_at is null
        ) as suppressed,
        coalesce(u.time_zone, (select value #>> '{}' from app_settings where key = 'installation.time_zone')) as time_zone,
        (select value from app_settings where key = 'email.delivery') as settings,
        (
          select json_agg(r.sent_at order by r.sent_at desc) from (
            select l.sent_at from email_log l
            where l.user_id = ${userId}::int and l.status = 'sent' and l.marketing
              and l.sent_at > ${weekAgo}::timestamptz
            order by l.sent_at desc
            limit ${RECENT_SENDS_READ}
          ) r
        ) as recent
      from email_topics t
      left join users u on u.id = ${userId}::int
      left join user_email_preferences p on p.user_id = u.id and p.topic_id = t.id
      where t.id = ${recipient.topicId}::int`),
  );
  const row = rows[0];
  if (!row) return null;
  const settings = emailDeliverySettingsSchema.safeParse(row.settings);
  return {
    transactional: row.transactional,
    // A recipient who is no user (an invited friend) has no preferences: only suppression applies.
    subscribed: userId === null ? true : row.subscribed,
    suppressed: row.suppressed,
    recentSends: (row.recent ?? []).map((value) => new Date(value)),
    timeZone: row.time_zone ?? DEFAULT_TIME_ZONE,
    settings: settings.success ? settings.data : DEFAULT_EMAIL_DELIVERY_SETTINGS,
  };
}
