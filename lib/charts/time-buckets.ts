import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ChartWindow } from "./chart-window";

/**
 * SQL pieces for a chart's buckets, in UTC whatever the session's time zone: `series` is every bucket of the window
 * (a `generate_series` of timestamps without zone, for a left join, so empty buckets are there with zero),
 * `of(column)` the bucket a timestamptz falls in, `label(bucket)` its `YYYY-MM-DD` (the first week is labelled by
 * the window's first day when it starts inside it), `within(column)` the window's range (index friendly).
 */
export function timeBuckets(window: ChartWindow) {
  const unit = window.bucket;
  const first = sql`${window.firstDay}::timestamp`;
  return {
    series: sql`generate_series(date_trunc(${unit}, ${first}), ${window.lastDay}::timestamp, ${`1 ${unit}`}::interval)`,
    of: (column: AnyPgColumn | SQL) => sql`date_trunc(${unit}, ${column} at time zone 'UTC')`,
    label: (bucket: SQL) => sql`to_char(greatest(${bucket}, ${first}), 'YYYY-MM-DD')`,
    within: (column: AnyPgColumn | SQL) =>
      sql`${column} >= ${window.from.toISOString()}::timestamptz and ${column} <= ${window.until.toISOString()}::timestamptz`,
  };
}
