import "server-only";
import { and, eq, isNotNull, ne } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { type Scenario, scenarios, scenarioVersions } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";
import { validateGraph } from "@/lib/scenarios/validate-graph";
import { scenarioDeleted, scenarioInvalid, scenarioNotFound } from "./scenario-errors";

/**
 * Let new runs enter the current version. Needs a published version (409 `scenario_not_published`), and that version
 * is validated again: a template, segment, goal or banner it names may have been deleted since it was published.
 */
export async function enableScenario(db: Db, options: { scenarioId: number }): Promise<Scenario> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ scenario: scenarios, graph: scenarioVersions.graph })
      .from(scenarios)
      .leftJoin(scenarioVersions, eq(scenarioVersions.id, scenarios.currentVersionId))
      .where(eq(scenarios.id, options.scenarioId))
      .for("update", { of: scenarios });
    if (!row) throw scenarioNotFound(options.scenarioId);
    if (row.scenario.status === "deleted") throw scenarioDeleted();
    if (row.scenario.currentVersionId === null || row.graph === null) {
      throw conflict("scenario_not_published", "Publish the scenario before enabling it.");
    }
    const { graph, errors } = await validateGraph(tx, row.graph, { lockReferences: true });
    if (!graph || errors.length > 0) throw scenarioInvalid(errors, "enabled");
    const [enabled] = await tx
      .update(scenarios)
      .set({ status: "enabled", updatedAt: now() })
      .where(
        and(
          eq(scenarios.id, options.scenarioId),
          ne(scenarios.status, "deleted"),
          isNotNull(scenarios.currentVersionId),
        ),
      )
      .returning();
    if (!enabled) throw scenarioDeleted();
    return enabled;
  });
}
