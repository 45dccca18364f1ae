import "server-only";
import { sql } from "drizzle-orm";
import { DAY_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { scenarioRunSteps, scenarioStatBuckets } from "@/lib/db/schema";

export interface ScenarioStats {
  /** Per node id: visits by outcome (`in_progress` for visits not finished yet). */
  nodes: Record<string, { last24h: Record<string, number>; last30d: Record<string, number> }>;
  /** Per edge id: users who passed along it. */
  edges: Record<string, { last24h: number; last30d: number }>;
}

const hourStart = (ms: number) => new Date(Math.floor(ms / 3_600_000) * 3_600_000);

/**
 * Counts for the last 24 hours and 30 days, from raw visits not yet aggregated plus hourly buckets. Both sides are cut
 * at the same hour boundary, so a visit counts the same before and after the hourly aggregation moves it.
 */
export async function getScenarioStats(
  db: Db,
  options: { scenarioId: number; versionId?: number },
): Promise<ScenarioStats> {
  const at = now().getTime();
  const since30 = hourStart(at - 30 * DAY_MS).toISOString();
  const since24 = hourStart(at - DAY_MS).toISOString();
  const rawVersion =
    options.versionId === undefined
      ? sql``
      : sql`and ${scenarioRunSteps.versionId} = ${options.versionId}`;
  const bucketVersion =
    options.versionId === undefined
      ? sql``
      : sql`and ${scenarioStatBuckets.versionId} = ${options.versionId}`;
  const result = await db.execute(sql`
    with counted as (
      select node_id, coalesce(outcome, 'in_progress') as outcome, coalesce(via_edge_id, '') as via,
        date_trunc('hour', coalesce(finished_at, entered_at)) as hour, count(*)::int as n
      from ${scenarioRunSteps}
      where scenario_id = ${options.scenarioId} ${rawVersion} and aggregated_at is null
        and date_trunc('hour', coalesce(finished_at, entered_at)) >= ${since30}::timestamptz
      group by 1, 2, 3, 4
      union all
      select node_id, outcome, via_edge_id, hour, count
      from ${scenarioStatBuckets}
      where scenario_id = ${options.scenarioId} ${bucketVersion} and hour >= ${since30}::timestamptz
    )
    select node_id, outcome, via,
      coalesce(sum(n) filter (where hour >= ${since24}::timestamptz), 0)::int as last24h,
      sum(n)::int as last30d
    from counted group by 1, 2, 3`);
  const stats: ScenarioStats = { nodes: {}, edges: {} };
  for (const row of rowsOf<{
    node_id: string;
    outcome: string;
    via: string;
    last24h: number;
    last30d: number;
  }>(result)) {
    const node = (stats.nodes[row.node_id] ??= { last24h: {}, last30d: {} });
    if (Number(row.last24h) > 0)
      node.last24h[row.outcome] = (node.last24h[row.outcome] ?? 0) + Number(row.last24h);
    node.last30d[row.outcome] = (node.last30d[row.outcome] ?? 0) + Number(row.last30d);
    if (row.via) {
      const edge = (stats.edges[row.via] ??= { last24h: 0, last30d: 0 });
      edge.last24h += Number(row.last24h);
      edge.last30d += Number(row.last30d);
    }
  }
  return stats;
}
