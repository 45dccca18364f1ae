import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { scenarios, scenarioVersions } from "@/lib/db/schema";
import { createScenarioRun } from "./create-scenario-run";

export interface TriggeringEvent {
  id: string;
  name: string;
  userId: number;
  payload: Record<string, unknown>;
}

/**
 * The dispatcher's work for one domain event: every enabled scenario whose published version has an `event` trigger
 * for it gets a run for the event's user, entering at those trigger nodes. The match is one query over the versions'
 * JSON. Returns the ids of the runs to start.
 */
export async function createRunsForEvent(db: Db, event: TriggeringEvent): Promise<number[]> {
  const triggerPath = sql`'$.nodes[*] ? (@.type == "event" && @.config.event == $name)'::jsonpath`;
  const vars = sql`jsonb_build_object('name', ${event.name}::text)`;
  const candidates = await db
    .select({
      scenarioId: scenarios.id,
      reentry: scenarios.reentry,
      reentryDays: scenarios.reentryDays,
      versionId: scenarioVersions.id,
      entryNodeIds: sql<
        string[]
      >`array(select jsonb_path_query(${scenarioVersions.graph}, ${triggerPath}, ${vars}) ->> 'id')`,
    })
    .from(scenarios)
    .innerJoin(scenarioVersions, eq(scenarioVersions.id, scenarios.currentVersionId))
    .where(
      and(
        eq(scenarios.status, "enabled"),
        sql`jsonb_path_exists(${scenarioVersions.graph}, ${triggerPath}, ${vars})`,
      ),
    );
  const runIds: number[] = [];
  for (const candidate of candidates) {
    const runId = await createScenarioRun(db, {
      ...candidate,
      userId: event.userId,
      triggerKey: `event:${event.id}`,
      triggerEvent: event.name,
      triggerPayload: event.payload,
    });
    if (runId !== null) runIds.push(runId);
  }
  return runIds;
}
