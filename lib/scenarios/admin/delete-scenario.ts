import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Scenario } from "@/lib/db/schema";
import { changeScenarioStatus } from "./change-scenario-status";

/** Soft delete: no new entries, hidden from the list unless asked for; versions and runs are kept. Idempotent. */
export async function deleteScenario(db: Db, options: { scenarioId: number }): Promise<Scenario> {
  const at = now();
  const { scenario } = await changeScenarioStatus(db, {
    scenarioId: options.scenarioId,
    from: ["draft", "enabled", "disabled"],
    set: { status: "deleted", deletedAt: at, updatedAt: at },
  });
  return scenario;
}
