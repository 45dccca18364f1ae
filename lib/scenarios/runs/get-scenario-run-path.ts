import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  scenarioRuns,
  scenarioRunSteps,
  scenarios,
  scenarioVersions,
  users,
} from "@/lib/db/schema";
import { scenarioRunColumns, type ScenarioRunRow } from "./list-scenario-runs";

export interface ScenarioRunPathStep {
  nodeId: string;
  nodeType: string;
  visit: number;
  viaEdgeId: string | null;
  enteredAt: Date;
  finishedAt: Date | null;
  outcome: string | null;
  facts: Record<string, unknown>;
}

/** A run and every node visit it made, in order: the user's path and the reasons for it. */
export async function getScenarioRunPath(
  db: Db,
  options: { runId: number; scenarioId?: number },
): Promise<{ run: ScenarioRunRow; steps: ScenarioRunPathStep[] } | null> {
  const [run] = await db
    .select(scenarioRunColumns)
    .from(scenarioRuns)
    .innerJoin(scenarios, eq(scenarios.id, scenarioRuns.scenarioId))
    .innerJoin(scenarioVersions, eq(scenarioVersions.id, scenarioRuns.versionId))
    .innerJoin(users, eq(users.id, scenarioRuns.userId))
    .where(
      and(
        eq(scenarioRuns.id, options.runId),
        options.scenarioId === undefined
          ? undefined
          : eq(scenarioRuns.scenarioId, options.scenarioId),
      ),
    );
  if (!run) return null;
  const steps = await db
    .select({
      nodeId: scenarioRunSteps.nodeId,
      nodeType: scenarioRunSteps.nodeType,
      visit: scenarioRunSteps.visit,
      viaEdgeId: scenarioRunSteps.viaEdgeId,
      enteredAt: scenarioRunSteps.enteredAt,
      finishedAt: scenarioRunSteps.finishedAt,
      outcome: scenarioRunSteps.outcome,
      facts: scenarioRunSteps.facts,
    })
    .from(scenarioRunSteps)
    .where(eq(scenarioRunSteps.runId, options.runId))
    .orderBy(asc(scenarioRunSteps.enteredAt), asc(scenarioRunSteps.id));
  return { run, steps };
}
