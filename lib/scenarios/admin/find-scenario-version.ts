import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { type ScenarioVersion, scenarioVersions } from "@/lib/db/schema";
import { requireScenario } from "./find-scenario";
import { scenarioVersionNotFound } from "./scenario-errors";

/** One version of a scenario by its number (404 `scenario_not_found` / `scenario_version_not_found`). */
export async function findScenarioVersion(
  db: Db,
  options: { scenarioId: number; number: number },
): Promise<ScenarioVersion> {
  await requireScenario(db, options.scenarioId);
  const [version] = await db
    .select()
    .from(scenarioVersions)
    .where(
      and(
        eq(scenarioVersions.scenarioId, options.scenarioId),
        eq(scenarioVersions.number, options.number),
      ),
    );
  if (!version) throw scenarioVersionNotFound(options.number);
  return version;
}
