import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Scenario } from "@/lib/db/schema";
import { changeScenarioStatus } from "./change-scenario-status";
import { scenarioDeleted } from "./scenario-errors";

/**
 * Stop new entries. Users already inside stop at their next node (the engine reads the status). Idempotent for a
 * scenario that is not enabled; a deleted one is 409 `scenario_deleted`.
 */
export async function disableScenario(db: Db, options: { scenarioId: number }): Promise<Scenario> {
  const { scenario } = await changeScenarioStatus(db, {
    scenarioId: options.scenarioId,
    from: ["enabled"],
    set: { status: "disabled", updatedAt: now() },
  });
  if (scenario.status === "deleted") throw scenarioDeleted();
  return scenario;
}
