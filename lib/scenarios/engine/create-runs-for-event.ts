import "server-only";
import { eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioRuns, scenarios, scenarioVersions } from "@/lib/db/schema";
import { createScenarioRun, scenarioRunRow, type NewScenarioRun } from "./create-scenario-run";
import { isHeldOut } from "./holdout";

export interface TriggeringEvent {
  id: string;
  name: string;
  userId: number;
  payload: Record<string, unknown>;
  /** When it happened: the runs it starts entered then (never later than now). Unknown: now. */
  occurredAt?: Date;
}

/**
 * The dispatcher's work for a batch of domain events: every enabled scenario whose published version has an `event`
 * trigger for an event gets a run for the event's user, entering at those trigger nodes. The match is one query over
 * the versions' JSON for all the events' names; runs of scenarios that anyone may re-enter at any time are created in
 * one statement, the others one by one under their re-entry rule. Returns the ids of the runs to start, including
 * runs an earlier delivery of the same event already made (so a retried dispatch sends their start again), but not
 * held-out runs, which are created finished.
 */
export async function createRunsForEvents(db: Db, events: TriggeringEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  const names = [...new Set(events.map((event) => event.name))];
  const triggerPath = sql`'$.nodes[*] ? (@.type == "event" && @.config.event == $name)'::jsonpath`;
  const vars = sql`jsonb_build_object('name', trigger_name)`;
  const candidates = await db
    .select({
      eventName: sql<string>`trigger_name`,
      scenarioId: scenarios.id,
      reentry: scenarios.reentry,
      reentryDays: scenarios.reentryDays,
      holdoutPercent: scenarios.holdoutPercent,
      versionId: scenarioVersions.id,
      entryNodeIds: sql<
        string[]
      >`array(select jsonb_path_query(${scenarioVersions.graph}, ${triggerPath}, ${vars}) ->> 'id')`,
    })
    .from(sql`unnest(${sql.param(names)}::text[]) as names(trigger_name)`)
    .innerJoin(scenarios, eq(scenarios.status, "enabled"))
    .innerJoin(scenarioVersions, eq(scenarioVersions.id, scenarios.currentVersionId))
    .where(sql`jsonb_path_exists(${scenarioVersions.graph}, ${triggerPath}, ${vars})`);
  const runs = events.flatMap((event) =>
    candidates
      .filter((candidate) => candidate.eventName === event.name)
      .map((candidate): NewScenarioRun => ({
        scenarioId: candidate.scenarioId,
        versionId: candidate.versionId,
        reentry: candidate.reentry,
        reentryDays: candidate.reentryDays,
        holdoutPercent: candidate.holdoutPercent,
        entryNodeIds: candidate.entryNodeIds,
        userId: event.userId,
        triggerKey: `event:${event.id}`,
        triggerEvent: event.name,
        triggerPayload: event.payload,
        enteredAt: event.occurredAt,
      })),
  );
  const runIds = await insertRuns(
    db,
    runs.filter((run) => run.reentry === "always"),
  );
  for (const run of runs.filter((run) => run.reentry !== "always")) {
    const runId = await createScenarioRun(db, run);
    // A held-out run is made finished: nothing to start.
    if (runId !== null && !isHeldOut(run.scenarioId, run.userId, run.holdoutPercent ?? 0))
      runIds.push(runId);
  }
  return runIds;
}

/**
 * Runs under no re-entry rule, in one statement: the unique (scenario, user, trigger) index keeps one run per trigger;
 * a run a replayed event made before is looked up instead.
 */
async function insertRuns(db: Db, runs: NewScenarioRun[]): Promise<number[]> {
  if (runs.length === 0) return [];
  const at = now();
  const created = await db
    .insert(scenarioRuns)
    .values(runs.map((run) => scenarioRunRow(run, at)))
    .onConflictDoNothing({
      target: [scenarioRuns.scenarioId, scenarioRuns.userId, scenarioRuns.triggerKey],
    })
    .returning({
      id: scenarioRuns.id,
      scenarioId: scenarioRuns.scenarioId,
      userId: scenarioRuns.userId,
      triggerKey: scenarioRuns.triggerKey,
      holdout: scenarioRuns.holdout,
    });
  const keyOf = (run: Pick<NewScenarioRun, "scenarioId" | "userId" | "triggerKey">) =>
    `${run.scenarioId}:${run.userId}:${run.triggerKey}`;
  const made = new Set(created.map(keyOf));
  const replayed = runs.filter((run) => !made.has(keyOf(run)));
  const toStart = created.filter((run) => !run.holdout).map((run) => run.id);
  if (replayed.length === 0) return toStart;
  const earlier = await db
    .select({ id: scenarioRuns.id })
    .from(scenarioRuns)
    .where(
      sql`not ${scenarioRuns.holdout} and (${scenarioRuns.scenarioId}, ${scenarioRuns.userId}, ${scenarioRuns.triggerKey}) in (${sql.join(
        replayed.map(
          (run) => sql`(${run.scenarioId}::int, ${run.userId}::int, ${run.triggerKey}::text)`,
        ),
        sql`, `,
      )})`,
    );
  return [...toStart, ...earlier.map((run) => run.id)];
}
