import "server-only";
import { sql } from "drizzle-orm";
import type { ChartPoint } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import { DAY_MS } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { recurrentPayments, subscriptionTypes } from "@/lib/db/schema";
import { MRR_MONTH_DAYS } from "./mrr-definition";

export type MrrPoint = ChartPoint<"mrrCents">;

/**
 * MRR (mrr-definition.ts) at the end of every UTC day of the window, always per day whatever the window's bucket.
 *
 * Not one sum per day over the periods running that day (days × running periods): each paid period that overlaps
 * the window adds its type's monthly price on the first day whose end it is running at, and takes it away on the
 * first day whose end is at or after its own end; a running sum over the days gives each day's MRR. A day's end is
 * the next midnight, or now for today, so a period covers day d when start ≤ that instant < end — the first such
 * day is the UTC date of (start − 1 µs). Changes are counted per day and type first, priced after.
 */
export async function getMrrSeries(db: Db, window: ChartWindow): Promise<MrrPoint[]> {
  const firstDayEnd = new Date(window.from.getTime() + DAY_MS).toISOString();
  const until = window.until.toISOString();
  const firstDay = sql`${window.firstDay}::timestamp`;
  const r = recurrentPayments;
  const result = await db.execute(sql`
    with periods as (
      select ${r.createdAt} as start_at, ${r.subscriptionTypeId} as type_id,
        case when ${r.state} = 'system_stop' and ${r.stoppedAt} < ${r.chargeAt} then ${r.stoppedAt}
          else ${r.chargeAt} end as end_at
      from ${r}
      where ${r.chargeAt} > ${firstDayEnd}::timestamptz and ${r.createdAt} <= ${until}::timestamptz
    ),
    changes as (
      select greatest((start_at - interval '1 microsecond') at time zone 'UTC', ${firstDay})::date as day,
        type_id, 1 as n
      from periods where end_at > ${firstDayEnd}::timestamptz
      union all
      select ((end_at - interval '1 microsecond') at time zone 'UTC')::date, type_id, -1
      from periods where end_at > ${firstDayEnd}::timestamptz and end_at <= ${until}::timestamptz
    ),
    counted as (select day, type_id, sum(n) as n from changes group by day, type_id),
    per_day as (
      select counted.day,
        sum(counted.n * ${subscriptionTypes.priceCents} * ${MRR_MONTH_DAYS}::numeric / ${subscriptionTypes.lengthDays}) as delta
      from counted join ${subscriptionTypes} on ${subscriptionTypes.id} = counted.type_id
      group by counted.day)
    select to_char(d.day, 'YYYY-MM-DD') as date,
      round(sum(coalesce(per_day.delta, 0)) over (order by d.day))::bigint as cents
    from (select generate_series(${firstDay}, ${window.lastDay}::timestamp, interval '1 day')::date as day) as d
    left join per_day on per_day.day = d.day
    order by d.day`);
  return rowsOf<{ date: string; cents: string | number }>(result).map((row) => ({
    date: row.date,
    mrrCents: Number(row.cents),
  }));
}
