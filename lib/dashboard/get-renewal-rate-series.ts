import "server-only";
import { sql } from "drizzle-orm";
import type { ChartPoint } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import { timeBuckets } from "@/lib/charts/time-buckets";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { payments } from "@/lib/db/schema";

/** `ratePercent` is null in a bucket without a settled attempt. */
export type RenewalRatePoint = ChartPoint<"paid" | "attempted"> &
  ChartPoint<"ratePercent", number | null>;

/**
 * Renewal success per bucket: of the renewal charges (payments a recurrent payment created, one per attempt,
 * retries included) begun in the bucket (`created_at`) and settled, how many were paid — a charge later refunded
 * was paid. Charges still pending are not counted yet. The rate is rounded to a tenth of a percent.
 */
export async function getRenewalRateSeries(
  db: Db,
  window: ChartWindow,
): Promise<RenewalRatePoint[]> {
  const buckets = timeBuckets(window);
  const result = await db.execute(sql`
    with attempts as (
      select ${buckets.of(payments.createdAt)} as bucket,
        count(*) filter (where ${payments.status} in ('paid', 'refund'))::int as paid,
        count(*)::int as attempted
      from ${payments}
      where ${payments.recurrentPaymentId} is not null and ${buckets.within(payments.createdAt)}
        and ${payments.status} in ('paid', 'refund', 'fail')
      group by 1)
    select ${buckets.label(sql`s.bucket`)} as date, coalesce(attempts.paid, 0) as paid,
      coalesce(attempts.attempted, 0) as attempted
    from ${buckets.series} as s(bucket) left join attempts on attempts.bucket = s.bucket
    order by s.bucket`);
  return rowsOf<{ date: string; paid: number; attempted: number }>(result).map((row) => {
    const paid = Number(row.paid);
    const attempted = Number(row.attempted);
    return {
      date: row.date,
      paid,
      attempted,
      ratePercent: attempted === 0 ? null : Math.round((paid / attempted) * 1000) / 10,
    };
  });
}
