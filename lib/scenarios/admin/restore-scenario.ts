import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Scenario } from "@/lib/db/schema";
import { changeScenarioStatus } from "./change-scenario-status";

/**
 * Bring a deleted scenario back, disabled: an admin enables it deliberately, so runs do not restart by surprise.
 * A scenario that is not deleted is returned unchanged.
 */
export async function restoreScenario(db: Db, options: { scenarioId: number }): Promise<Scenario> {
  const { scenario } = await changeScenarioStatus(db, {
    scenarioId: options.scenarioId,
    from: ["deleted"],
    set: { status: "disabled", deletedAt: null, updatedAt: now() },
  });
  return scenario;
}
