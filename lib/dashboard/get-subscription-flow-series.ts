import "server-only";
import { sql } from "drizzle-orm";
import type { ChartPoint } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import { timeBuckets } from "@/lib/charts/time-buckets";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";

export type SubscriptionFlowPoint = ChartPoint<"started" | "churned">;

/**
 * New and churned subscriptions per bucket, counted by access, as the scenarios' `subscription_ends` trigger is. A
 * user's subscriptions that ran (end > start) and overlap or touch make one stretch of access:
 * - new: a stretch that began in the bucket (a renewal, an upgrade's replacement or a follow-on of a subscription the
 *   user already had only continues one);
 * - churned: a stretch that ended in the bucket, by now (the user lost access then).
 * Subscriptions of one user that start (or end) at the same instant are one edge; those that never ran are none.
 *
 * One sorted pass, not a look-up of the user's other subscriptions per subscription (seconds at a million payments):
 * only subscriptions ending in the window or later can begin, continue or end a stretch in it (`subscriptions_end_idx`
 * finds them for short windows). Per user in order of start, `reached` is the furthest end so far; a stretch ends
 * there when the next start lies beyond it (or there is none), and that next start begins one, as the user's first
 * does. `edges` keeps those rows only and is read once per kind of edge.
 */
export async function getSubscriptionFlowSeries(
  db: Db,
  window: ChartWindow,
): Promise<SubscriptionFlowPoint[]> {
  const buckets = timeBuckets(window);
  const from = sql`${window.from.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    with ordered as (
      select s.start_at, row_number() over w as nth, lead(s.start_at) over w as next_start,
        max(s.end_at) over w as reached
      from subscriptions s
      where s.end_at >= ${from} and s.end_at > s.start_at
      window w as (partition by s.user_id order by s.start_at rows between unbounded preceding and current row)),
    edges as materialized (
      select case when nth = 1 then start_at end as began_at,
        case when next_start > reached then next_start end as next_began_at,
        case when next_start is null or next_start > reached then reached end as ended_at
      from ordered
      where nth = 1 or next_start is null or next_start > reached),
    counted as (
      select ${buckets.of(sql`edge.instant`)} as bucket, count(*) filter (where not edge.ends)::int as started,
        count(*) filter (where edge.ends)::int as churned
      from (
        select began_at as instant, false as ends from edges
        union all select next_began_at, false from edges
        union all select ended_at, true from edges) as edge
      where ${buckets.within(sql`edge.instant`)}
      group by 1)
    select ${buckets.label(sql`b.bucket`)} as date, coalesce(counted.started, 0) as started,
      coalesce(counted.churned, 0) as churned
    from ${buckets.series} as b(bucket)
    left join counted on counted.bucket = b.bucket
    order by b.bucket`);
  return rowsOf<{ date: string; started: number; churned: number }>(result).map((row) => ({
    date: row.date,
    started: Number(row.started),
    churned: Number(row.churned),
  }));
}
