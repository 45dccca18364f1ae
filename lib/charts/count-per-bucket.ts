import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import type { ChartPoint } from "./chart-period";
import type { ChartWindow } from "./chart-window";
import { timeBuckets } from "./time-buckets";

/** Rows of `table` counted by the bucket `column` falls in (rows matching `where` only). */
export interface CountedSeries<Key extends string> {
  key: Key;
  table: PgTable;
  column: AnyPgColumn;
  where?: SQL;
}

/**
 * Counts per bucket of the window, one series per source, in one statement of grouped counts (each source is
 * counted in its own range of `column`, so an index on it serves). Buckets without rows are zero.
 */
export async function countPerBucket<Key extends string>(
  db: Db,
  window: ChartWindow,
  sources: readonly CountedSeries<Key>[],
): Promise<ChartPoint<Key>[]> {
  const buckets = timeBuckets(window);
  const counted = sources.map(
    (source, i) => sql`${sql.raw(`c${i}`)} as (
      select ${buckets.of(source.column)} as bucket, count(*)::int as n
      from ${source.table}
      where ${buckets.within(source.column)} ${source.where ? sql`and ${source.where}` : sql``}
      group by 1)`,
  );
  const columns = sources.map(
    (_, i) => sql`coalesce(${sql.raw(`c${i}`)}.n, 0) as ${sql.raw(`v${i}`)}`,
  );
  const joins = sources.map(
    (_, i) => sql`left join ${sql.raw(`c${i}`)} on ${sql.raw(`c${i}`)}.bucket = s.bucket`,
  );
  const result = await db.execute(sql`
    with ${sql.join(counted, sql`, `)}
    select ${buckets.label(sql`s.bucket`)} as date, ${sql.join(columns, sql`, `)}
    from ${buckets.series} as s(bucket)
    ${sql.join(joins, sql` `)}
    order by s.bucket`);
  return rowsOf<Record<string, unknown>>(result).map((row) => {
    const point: Record<string, number | string> = { date: String(row.date) };
    sources.forEach((source, i) => (point[source.key] = Number(row[`v${i}`])));
    return point as ChartPoint<Key>;
  });
}
