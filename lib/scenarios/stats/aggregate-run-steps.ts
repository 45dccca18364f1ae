import "server-only";
import { and, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { DAY_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { scenarioRunSteps, scenarioStatBuckets } from "@/lib/db/schema";

/** Raw visits stay raw this long (run paths read them); after that they are counted into hourly buckets. */
export const RAW_STATS_DAYS = 5;
/** Raw visits are deleted after this long; buckets keep their counts. */
export const RAW_RETENTION_DAYS = 31;

/**
 * Count finished visits older than the raw window into hourly buckets and mark them counted, in one transaction, so
 * a visit is counted exactly once whether read raw or from a bucket.
 */
export async function aggregateRunSteps(db: Db): Promise<{ visits: number }> {
  const cutoff = new Date(now().getTime() - RAW_STATS_DAYS * DAY_MS);
  return db.transaction(async (tx) => {
    const due = and(
      isNull(scenarioRunSteps.aggregatedAt),
      isNotNull(scenarioRunSteps.finishedAt),
      lt(scenarioRunSteps.finishedAt, cutoff),
    );
    const marked = await tx.execute(sql`
      with counted as (
        update ${scenarioRunSteps} set aggregated_at = ${now().toISOString()}::timestamptz
        where ${due}
        returning scenario_id, version_id, node_id, outcome, coalesce(via_edge_id, '') as via_edge_id,
          date_trunc('hour', finished_at) as hour
      ), grouped as (
        select scenario_id, version_id, node_id, outcome, via_edge_id, hour, count(*)::int as count
        from counted group by 1, 2, 3, 4, 5, 6
      ), upserted as (
        insert into ${scenarioStatBuckets} (scenario_id, version_id, node_id, outcome, via_edge_id, hour, count)
        select * from grouped
        on conflict (version_id, node_id, outcome, via_edge_id, hour)
        do update set count = ${scenarioStatBuckets}.count + excluded.count
        returning 1
      )
      select coalesce(sum(count), 0)::int as visits from grouped`);
    const visits = Number(rowsOf<{ visits: number }>(marked)[0]?.visits ?? 0);
    return { visits };
  });
}

/** Delete raw visits past retention that buckets already hold. */
export async function deleteOldRunSteps(db: Db): Promise<{ deleted: number }> {
  const cutoff = new Date(now().getTime() - RAW_RETENTION_DAYS * DAY_MS);
  const deleted = await db
    .delete(scenarioRunSteps)
    .where(and(isNotNull(scenarioRunSteps.aggregatedAt), lt(scenarioRunSteps.finishedAt, cutoff)))
    .returning({ id: scenarioRunSteps.id });
  return { deleted: deleted.length };
}
