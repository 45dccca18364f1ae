import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { scenarioRuns, scenarioRunSteps, scenarios } from "@/lib/db/schema";
import { matchesEventFilter } from "@/lib/scenarios/event-filter";
import { exitReason, readExitRules } from "@/lib/scenarios/exit-rules";
import type { TriggeringEvent } from "./create-runs-for-event";

export interface ExitedRun {
  runId: number;
  eventId: string;
  eventName: string;
}

/**
 * The dispatcher's exits for a batch of events: each open (running or waiting) run of an event's user, in a scenario
 * whose exit rules name the event and whose filter its data passes, ends at once as `exited` (reason
 * `exit_event:<name>`), and its visit in progress (a wait, a goal) is closed as `cancelled` with the event. One query
 * finds the users' open runs of scenarios with a rule for one of the names (through `scenario_runs_user_idx`); the
 * filters are checked here; one statement ends the matches. A batch that no rule names costs the one query.
 *
 * An event ends a run only if it came after the run's trigger: never the run's own trigger event, and of a run that
 * an event of the same batch started (`events` come in the order they happened), only the events after that
 * one — so a user who signs up and pays within one batch leaves the onboarding run the sign-up started. The executor
 * runs of the exited runs are cancelled by the caller (the run function's `cancelOn`); a walk caught between two nodes
 * stops at its next visit, which checks the run's status.
 */
export async function exitRunsForEvents(db: Db, events: TriggeringEvent[]): Promise<ExitedRun[]> {
  if (events.length === 0) return [];
  const userIds = [...new Set(events.map((event) => event.userId))];
  const names = [...new Set(events.map((event) => event.name))];
  const candidates = await db
    .select({
      runId: scenarioRuns.id,
      userId: scenarioRuns.userId,
      triggerKey: scenarioRuns.triggerKey,
      exitRules: scenarios.exitRules,
    })
    .from(scenarioRuns)
    .innerJoin(scenarios, eq(scenarios.id, scenarioRuns.scenarioId))
    .where(
      and(
        inArray(scenarioRuns.userId, userIds),
        inArray(scenarioRuns.status, ["running", "waiting"]),
        sql`${scenarios.exitRules} <> '[]'::jsonb`,
        sql`exists (select 1 from jsonb_array_elements(${scenarios.exitRules}) as rule
          where rule ->> 'event' = any(${sql.param(names)}::text[]))`,
      ),
    );
  if (candidates.length === 0) return [];
  const positions = new Map(events.map((event, index) => [`event:${event.id}`, index]));
  const exits = new Map<number, ExitedRun>();
  for (const [index, event] of events.entries()) {
    for (const run of candidates) {
      if (run.userId !== event.userId || exits.has(run.runId)) continue;
      if ((positions.get(run.triggerKey) ?? -1) >= index) continue;
      const matches = readExitRules(run.exitRules).some(
        (rule) => rule.event === event.name && matchesEventFilter(rule.filter, event.payload),
      );
      if (matches)
        exits.set(run.runId, { runId: run.runId, eventId: event.id, eventName: event.name });
    }
  }
  if (exits.size === 0) return [];
  return endRuns(db, [...exits.values()]);
}

/**
 * End the runs as `exited` and close their open visits; returns the runs that were still open. The runs are locked
 * first, in id order, in a statement of their own: a statement that waits for a run's row (a node being entered holds
 * it) reads the snapshot from before the wait, and would leave the visit entered meanwhile open for ever.
 */
function endRuns(db: Db, exits: ExitedRun[]): Promise<ExitedRun[]> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: scenarioRuns.id })
      .from(scenarioRuns)
      .where(
        inArray(
          scenarioRuns.id,
          exits.map((exit) => exit.runId),
        ),
      )
      .orderBy(scenarioRuns.id)
      .for("no key update");
    return closeRuns(tx, exits);
  });
}

/** The exits' runs, locked, ended as `exited` with their open visits closed, in one statement. */
async function closeRuns(db: Db, exits: ExitedRun[]): Promise<ExitedRun[]> {
  const at = now().toISOString();
  const values = sql.join(
    exits.map(
      (exit) =>
        sql`(${exit.runId}::bigint, ${exit.eventName}::text, ${exitReason(exit.eventName)}::text, ${exit.eventId}::text)`,
    ),
    sql`, `,
  );
  const rows = rowsOf<{ id: number | string }>(
    await db.execute(sql`
      with exits(run_id, event_name, reason, event_id) as (values ${values}),
      ended as (
        update ${scenarioRuns} as r
        set status = 'exited', status_reason = exits.reason, updated_at = ${at}::timestamptz,
          finished_at = coalesce(r.finished_at, ${at}::timestamptz)
        from exits
        where r.id = exits.run_id and r.status in ('running', 'waiting')
        returning r.id
      ), closed as (
        update ${scenarioRunSteps} as s
        set outcome = 'cancelled', finished_at = ${at}::timestamptz,
          facts = jsonb_build_object('reason', 'exited', 'event', exits.event_name, 'event_id', exits.event_id)
        from exits
        where s.run_id = exits.run_id and s.finished_at is null
          and exits.run_id in (select id from ended)
      )
      select id from ended`),
  );
  const ended = new Set(rows.map((row) => Number(row.id)));
  return exits.filter((exit) => ended.has(exit.runId));
}
