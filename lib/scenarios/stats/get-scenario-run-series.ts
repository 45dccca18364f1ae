import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { countPerBucket } from "@/lib/charts/count-per-bucket";
import type { ChartPoint } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import type { Db } from "@/lib/db";
import { scenarioRuns } from "@/lib/db/schema";

export type ScenarioRunPoint = ChartPoint<
  "completed" | "inProgress" | "failed" | "cancelled" | "exited"
>;

/**
 * A scenario's runs per bucket of the day they started, by their status now: completed, still running or waiting,
 * failed, cancelled, ended by an exit event. Counted on `scenario_runs_scenario_idx` (scenario, created_at).
 */
export async function getScenarioRunSeries(
  db: Db,
  options: { scenarioId: number; window: ChartWindow },
): Promise<ScenarioRunPoint[]> {
  const ofScenario = (statuses: (typeof scenarioRuns.status.enumValues)[number][]) =>
    and(eq(scenarioRuns.scenarioId, options.scenarioId), inArray(scenarioRuns.status, statuses));
  return countPerBucket(db, options.window, [
    {
      key: "completed",
      table: scenarioRuns,
      column: scenarioRuns.createdAt,
      where: ofScenario(["completed"]),
    },
    {
      key: "inProgress",
      table: scenarioRuns,
      column: scenarioRuns.createdAt,
      where: ofScenario(["running", "waiting"]),
    },
    {
      key: "failed",
      table: scenarioRuns,
      column: scenarioRuns.createdAt,
      where: ofScenario(["failed"]),
    },
    {
      key: "cancelled",
      table: scenarioRuns,
      column: scenarioRuns.createdAt,
      where: ofScenario(["cancelled"]),
    },
    {
      key: "exited",
      table: scenarioRuns,
      column: scenarioRuns.createdAt,
      where: ofScenario(["exited"]),
    },
  ]);
}
