import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { scenarioVersions, users } from "@/lib/db/schema";
import { requireScenario } from "./find-scenario";

export interface ScenarioVersionRow {
  id: number;
  number: number;
  note: string | null;
  publishedBy: number | null;
  publishedByEmail: string | null;
  createdAt: Date;
  isCurrent: boolean;
}

/** A scenario's published versions, newest first (404 `scenario_not_found`). */
export async function listScenarioVersions(
  db: Db,
  options: { scenarioId: number },
): Promise<ScenarioVersionRow[]> {
  const scenario = await requireScenario(db, options.scenarioId);
  const rows = await db
    .select({
      id: scenarioVersions.id,
      number: scenarioVersions.number,
      note: scenarioVersions.note,
      publishedBy: scenarioVersions.publishedBy,
      publishedByEmail: users.email,
      createdAt: scenarioVersions.createdAt,
    })
    .from(scenarioVersions)
    .leftJoin(users, eq(users.id, scenarioVersions.publishedBy))
    .where(eq(scenarioVersions.scenarioId, scenario.id))
    .orderBy(desc(scenarioVersions.number));
  return rows.map((row) => ({ ...row, isCurrent: row.id === scenario.currentVersionId }));
}
