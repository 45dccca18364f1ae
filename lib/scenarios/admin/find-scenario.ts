import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { type Scenario, scenarios, scenarioVersions } from "@/lib/db/schema";
import { scenarioNotFound } from "./scenario-errors";

export type ScenarioDetail = Scenario & { currentVersionNumber: number | null };

/** A scenario (deleted ones included) with the number of its current version, or null. */
export async function findScenario(db: Db, scenarioId: number): Promise<ScenarioDetail | null> {
  const [row] = await db
    .select({ scenario: scenarios, currentVersionNumber: scenarioVersions.number })
    .from(scenarios)
    .leftJoin(scenarioVersions, eq(scenarioVersions.id, scenarios.currentVersionId))
    .where(eq(scenarios.id, scenarioId))
    .limit(1);
  return row ? { ...row.scenario, currentVersionNumber: row.currentVersionNumber ?? null } : null;
}

/** Like findScenario, for callers where an unknown id is the caller's mistake (404 `scenario_not_found`). */
export async function requireScenario(db: Db, scenarioId: number): Promise<ScenarioDetail> {
  const scenario = await findScenario(db, scenarioId);
  if (!scenario) throw scenarioNotFound(scenarioId);
  return scenario;
}
