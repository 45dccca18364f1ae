import "server-only";
import { and, count, desc, eq, ilike, ne, sql, type SQL } from "drizzle-orm";
import { DAY_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  type ScenarioReentry,
  scenarioRuns,
  scenarios,
  type ScenarioStatus,
  scenarioVersions,
} from "@/lib/db/schema";

export interface ScenarioListRow {
  id: number;
  name: string;
  status: ScenarioStatus;
  reentry: ScenarioReentry;
  reentryDays: number | null;
  currentVersionNumber: number | null;
  /** Runs started in the last 24 hours / 30 days. */
  entries24h: number;
  entries30d: number;
  lastPublishedAt: Date | null;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface ListScenariosOptions {
  /** Part of the name, case-insensitive. */
  search?: string;
  /** true: only deleted scenarios; otherwise deleted ones are left out. */
  deleted?: boolean;
  limit?: number;
  offset?: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Scenarios newest first, with their entry counts — one query, counted through the (scenario, created_at) index. */
export async function listScenarios(
  db: Db,
  options: ListScenariosOptions = {},
): Promise<{ rows: ScenarioListRow[]; total: number }> {
  const conditions: SQL[] = [
    options.deleted ? eq(scenarios.status, "deleted") : ne(scenarios.status, "deleted"),
  ];
  if (options.search) conditions.push(ilike(scenarios.name, `%${escapeLike(options.search)}%`));
  const where = and(...conditions);
  const at = now();
  const since = (days: number) => new Date(at.getTime() - days * DAY_MS).toISOString();
  const entriesSince = (days: number) =>
    sql<number>`(select count(*)::int from ${scenarioRuns} where ${scenarioRuns.scenarioId} = ${scenarios.id} and ${scenarioRuns.createdAt} >= ${since(days)}::timestamptz)`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: scenarios.id,
        name: scenarios.name,
        status: scenarios.status,
        reentry: scenarios.reentry,
        reentryDays: scenarios.reentryDays,
        currentVersionNumber: scenarioVersions.number,
        entries24h: entriesSince(1),
        entries30d: entriesSince(30),
        lastPublishedAt: sql<
          Date | string | null
        >`(select max(v.created_at) from ${scenarioVersions} v where v.scenario_id = ${scenarios.id})`,
        updatedAt: scenarios.updatedAt,
        deletedAt: scenarios.deletedAt,
      })
      .from(scenarios)
      .leftJoin(scenarioVersions, eq(scenarioVersions.id, scenarios.currentVersionId))
      .where(where)
      .orderBy(desc(scenarios.updatedAt), desc(scenarios.id))
      .limit(options.limit ?? 50)
      .offset(options.offset ?? 0),
    db.select({ n: count() }).from(scenarios).where(where),
  ]);
  return {
    rows: rows.map((row) => ({
      ...row,
      currentVersionNumber: row.currentVersionNumber ?? null,
      entries24h: Number(row.entries24h),
      entries30d: Number(row.entries30d),
      // A raw subquery bypasses drizzle's column mapping, so the driver may hand back a string.
      lastPublishedAt: row.lastPublishedAt === null ? null : new Date(row.lastPublishedAt),
    })),
    total: total?.n ?? 0,
  };
}
