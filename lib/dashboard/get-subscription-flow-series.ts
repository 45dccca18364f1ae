import "server-only";
import { sql } from "drizzle-orm";
import type { ChartPoint } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import { timeBuckets } from "@/lib/charts/time-buckets";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";

export type SubscriptionFlowPoint = ChartPoint<"started" | "churned">;

/**
 * New and churned subscriptions per bucket, counted by access, as the scenarios' `subscription_ends` trigger is:
 * - new: a subscription that started in the bucket while its user had no other subscription running or ending at
 *   that instant (not a renewal, an upgrade's replacement or a follow-on of one the user already had);
 * - churned: a subscription that ended in the bucket (by now) with no other subscription of its user starting by
 *   then and running past it (the user lost access then).
 * Of subscriptions that start (or end) at the same instant for one user, one is counted. Subscriptions that never
 * ran (end = start) are neither. The other subscription is looked up by `subscriptions_user_end_idx` (user, end_at).
 */
export async function getSubscriptionFlowSeries(
  db: Db,
  window: ChartWindow,
): Promise<SubscriptionFlowPoint[]> {
  const buckets = timeBuckets(window);
  const from = sql`${window.from.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    with started as (
      select ${buckets.of(sql`s.start_at`)} as bucket, count(*)::int as n
      from subscriptions s
      where ${buckets.within(sql`s.start_at`)} and s.end_at > s.start_at and s.end_at >= ${from}
        and not exists (
          select from subscriptions o
          where o.user_id = s.user_id and o.id <> s.id and o.end_at >= s.start_at and o.end_at > o.start_at
            and (o.start_at < s.start_at or (o.start_at = s.start_at and o.id < s.id)))
      group by 1),
    churned as (
      select ${buckets.of(sql`s.end_at`)} as bucket, count(*)::int as n
      from subscriptions s
      where ${buckets.within(sql`s.end_at`)} and s.end_at > s.start_at
        and not exists (
          select from subscriptions o
          where o.user_id = s.user_id and o.id <> s.id and o.start_at <= s.end_at and o.end_at > o.start_at
            and (o.end_at > s.end_at or (o.end_at = s.end_at and o.id > s.id)))
      group by 1)
    select ${buckets.label(sql`b.bucket`)} as date, coalesce(started.n, 0) as started,
      coalesce(churned.n, 0) as churned
    from ${buckets.series} as b(bucket)
    left join started on started.bucket = b.bucket
    left join churned on churned.bucket = b.bucket
    order by b.bucket`);
  return rowsOf<{ date: string; started: number; churned: number }>(result).map((row) => ({
    date: row.date,
    started: Number(row.started),
    churned: Number(row.churned),
  }));
}
