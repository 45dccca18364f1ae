import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  scenarioRuns,
  scenarios,
  scenarioVersions,
  type ScenarioRunStatus,
  users,
} from "@/lib/db/schema";

export interface ScenarioRunRow {
  id: number;
  scenarioId: number;
  scenarioName: string;
  versionId: number;
  versionNumber: number;
  userId: number;
  userEmail: string;
  triggerEvent: string;
  status: ScenarioRunStatus;
  statusReason: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export const scenarioRunColumns = {
  id: scenarioRuns.id,
  scenarioId: scenarioRuns.scenarioId,
  scenarioName: scenarios.name,
  versionId: scenarioRuns.versionId,
  versionNumber: scenarioVersions.number,
  userId: scenarioRuns.userId,
  userEmail: users.email,
  triggerEvent: scenarioRuns.triggerEvent,
  status: scenarioRuns.status,
  statusReason: scenarioRuns.statusReason,
  createdAt: scenarioRuns.createdAt,
  finishedAt: scenarioRuns.finishedAt,
};

/** Runs newest first, of a scenario, of a user, or both. */
export async function listScenarioRuns(
  db: Db,
  options: { scenarioId?: number; userId?: number; limit?: number; offset?: number },
): Promise<{ rows: ScenarioRunRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (options.scenarioId !== undefined)
    conditions.push(eq(scenarioRuns.scenarioId, options.scenarioId));
  if (options.userId !== undefined) conditions.push(eq(scenarioRuns.userId, options.userId));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(scenarioRunColumns)
      .from(scenarioRuns)
      .innerJoin(scenarios, eq(scenarios.id, scenarioRuns.scenarioId))
      .innerJoin(scenarioVersions, eq(scenarioVersions.id, scenarioRuns.versionId))
      .innerJoin(users, eq(users.id, scenarioRuns.userId))
      .where(where)
      .orderBy(desc(scenarioRuns.createdAt), desc(scenarioRuns.id))
      .limit(Math.min(options.limit ?? 50, 200))
      .offset(options.offset ?? 0),
    db.select({ total: count() }).from(scenarioRuns).where(where),
  ]);
  return { rows, total: total?.total ?? 0 };
}
