import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { type Scenario, type ScenarioStatus, scenarios } from "@/lib/db/schema";
import { scenarioNotFound } from "./scenario-errors";

/**
 * Move a scenario to a status when (and only when) it is in one of `from` — the check is in the UPDATE's WHERE, so
 * two concurrent requests cannot both act on a stale status. Returns the updated row, or the unchanged row when its
 * status was not in `from` (the caller decides whether that is fine or a conflict); 404 when there is no such id.
 */
export async function changeScenarioStatus(
  db: Db,
  options: {
    scenarioId: number;
    from: ScenarioStatus[];
    set: Partial<Pick<Scenario, "status" | "deletedAt" | "updatedAt">>;
  },
): Promise<{ scenario: Scenario; changed: boolean }> {
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const [changed] = await db.transaction((tx) =>
    tx
      .update(scenarios)
      .set(options.set)
      .where(and(eq(scenarios.id, options.scenarioId), inArray(scenarios.status, options.from)))
      .returning(),
  );
  if (changed) return { scenario: changed, changed: true };
  const [current] = await db.select().from(scenarios).where(eq(scenarios.id, options.scenarioId));
  if (!current) throw scenarioNotFound(options.scenarioId);
  return { scenario: current, changed: false };
}
