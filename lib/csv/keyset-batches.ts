import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** Where the previous batch ended: its last row's sort value (as Postgres wrote it, to the microsecond) and id. */
export interface KeysetCursor {
  sortKey: string;
  id: number;
}

/** The batch size of the CSV exports: enough rows per query to be quick, few enough to hold in memory at once. */
export const EXPORT_BATCH_SIZE = 500;

/** The sort value of a timestamp column as text, for the cursor: a JavaScript Date would drop its microseconds. */
export function cursorText(column: AnyColumn): SQL<string> {
  return sql<string>`${column}::text`;
}

/**
 * Rows after the cursor in an ordering of (timestamp column desc, id desc): a row comparison an index on the two
 * columns can serve, instead of an OFFSET that reads every skipped row again.
 */
export function keysetAfter(
  sortColumn: AnyColumn,
  idColumn: AnyColumn,
  cursor: KeysetCursor | null,
): SQL | undefined {
  if (cursor === null) return undefined;
  return sql`(${sortColumn}, ${idColumn}) < (${cursor.sortKey}::timestamptz, ${cursor.id})`;
}

/**
 * Every row a keyset-paged query yields, batch by batch: `fetchBatch` gets the cursor of the previous batch's last row
 * (its `sortKey` and `id`; null for the first) and returns at most EXPORT_BATCH_SIZE rows; a shorter batch is the last.
 */
export async function* keysetBatches<R extends KeysetCursor>(
  fetchBatch: (cursor: KeysetCursor | null) => Promise<R[]>,
): AsyncGenerator<R[]> {
  let cursor: KeysetCursor | null = null;
  for (;;) {
    const rows = await fetchBatch(cursor);
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_BATCH_SIZE) return;
    const last = rows[rows.length - 1]!;
    cursor = { sortKey: last.sortKey, id: last.id };
  }
}

/** Each batch's rows mapped one by one (a row to its CSV cells). */
export async function* mapBatches<R, T>(
  batches: AsyncIterable<R[]>,
  map: (row: R) => T,
): AsyncGenerator<T[]> {
  for await (const rows of batches) yield rows.map(map);
}
