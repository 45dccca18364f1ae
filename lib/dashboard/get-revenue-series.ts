import "server-only";
import { sql } from "drizzle-orm";
import type { ChartPoint } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import { timeBuckets } from "@/lib/charts/time-buckets";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { payments } from "@/lib/db/schema";

export type RevenuePoint = ChartPoint<"revenueCents" | "payments">;

/**
 * Revenue per bucket: the amounts of payments paid in it (by `paid_at`, UTC) that are still `paid` — a refunded
 * payment no longer counts. One grouped sum over the `payments_status_idx` (status, paid_at) range.
 */
export async function getRevenueSeries(db: Db, window: ChartWindow): Promise<RevenuePoint[]> {
  const buckets = timeBuckets(window);
  const result = await db.execute(sql`
    with paid as (
      select ${buckets.of(payments.paidAt)} as bucket, sum(${payments.amountCents})::bigint as cents,
        count(*)::int as n
      from ${payments}
      where ${payments.status} = 'paid' and ${buckets.within(payments.paidAt)}
      group by 1)
    select ${buckets.label(sql`s.bucket`)} as date, coalesce(paid.cents, 0) as cents, coalesce(paid.n, 0) as n
    from ${buckets.series} as s(bucket) left join paid on paid.bucket = s.bucket
    order by s.bucket`);
  return rowsOf<{ date: string; cents: string | number; n: number }>(result).map((row) => ({
    date: row.date,
    revenueCents: Number(row.cents),
    payments: Number(row.n),
  }));
}
