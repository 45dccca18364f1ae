import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { scenarioRuns, scenarioRunSteps, scenarios, type ScenarioRunStatus } from "@/lib/db/schema";

export interface VisitIdentity {
  runId: number;
  scenarioId: number;
  versionId: number;
  nodeId: string;
  nodeType: string;
  stepKey: string;
  visit: number;
  viaEdgeId: string | null;
}

const OPEN: ScenarioRunStatus[] = ["running", "waiting"];

/**
 * Record that a run entered a node, in one statement with the checks its next move needs: returns when it entered (a
 * retried step finds its row and keeps the first entry time), whether the scenario is still enabled (users inside
 * a disabled scenario stop at their next node) and the run's status (a run an exit event ended meanwhile stops before
 * the node does anything). `waiting`: the node spans time, so the run (if open) is marked waiting in the same
 * statement.
 */
export async function enterVisit(
  db: Db,
  visit: VisitIdentity,
  options: { waiting: boolean } = { waiting: false },
): Promise<{ enteredAt: Date; scenarioEnabled: boolean; runStatus: ScenarioRunStatus }> {
  const at = now().toISOString();
  const result = await db.execute(sql`
    with inserted as (
      insert into ${scenarioRunSteps}
        (run_id, scenario_id, version_id, node_id, node_type, step_key, visit, via_edge_id, entered_at)
      values (${visit.runId}, ${visit.scenarioId}, ${visit.versionId}, ${visit.nodeId}, ${visit.nodeType},
        ${visit.stepKey}, ${visit.visit}, ${visit.viaEdgeId}, ${at}::timestamptz)
      on conflict (run_id, step_key) do nothing
      returning entered_at
    ), enabled as (
      select exists (
        select 1 from ${scenarios} where ${scenarios.id} = ${visit.scenarioId} and ${scenarios.status} = 'enabled'
      ) as yes
    )${
      options.waiting
        ? sql`, waiting as (
          update ${scenarioRuns} set status = 'waiting', updated_at = ${at}::timestamptz
          where ${scenarioRuns.id} = ${visit.runId} and ${scenarioRuns.status} in ('running', 'waiting')
            and (select yes from enabled)
        )`
        : sql``
    }
    select coalesce(
        (select entered_at from inserted),
        (select ${scenarioRunSteps.enteredAt} from ${scenarioRunSteps}
          where ${scenarioRunSteps.runId} = ${visit.runId} and ${scenarioRunSteps.stepKey} = ${visit.stepKey})
      ) as "enteredAt",
      (select yes from enabled) as "scenarioEnabled",
      (select ${scenarioRuns.status} from ${scenarioRuns} where ${scenarioRuns.id} = ${visit.runId}) as "runStatus"`);
  const [row] = rowsOf<{
    enteredAt: Date | string;
    scenarioEnabled: boolean;
    runStatus: ScenarioRunStatus;
  }>(result);
  return {
    enteredAt: new Date(row!.enteredAt),
    scenarioEnabled: row!.scenarioEnabled,
    runStatus: row!.runStatus,
  };
}

/**
 * A visit of a node that only reads, recorded whole in one statement after the node ran: entered and finished now,
 * with its outcome and facts — or `cancelled` when the scenario was disabled meanwhile (the node's answer is then
 * dropped, as if it had not run). A retried step keeps the first record. Returns whether the scenario is enabled.
 * `completesRun`: the visit is the run's last (its port leads nowhere and no other lane is walking), so the run is
 * completed in the same statement.
 */
export async function recordInstantVisit(
  db: Db,
  visit: VisitIdentity,
  result: { outcome: string; facts: Record<string, unknown> },
  options: { completesRun: boolean } = { completesRun: false },
): Promise<{ scenarioEnabled: boolean }> {
  const at = now().toISOString();
  const rows = rowsOf<{ scenarioEnabled: boolean }>(
    await db.execute(sql`
      with enabled as (
        select exists (
          select 1 from ${scenarios} where ${scenarios.id} = ${visit.scenarioId} and ${scenarios.status} = 'enabled'
        ) as yes
      ), recorded as (
        insert into ${scenarioRunSteps}
          (run_id, scenario_id, version_id, node_id, node_type, step_key, visit, via_edge_id, entered_at, finished_at,
            outcome, facts)
        select ${visit.runId}, ${visit.scenarioId}, ${visit.versionId}, ${visit.nodeId}, ${visit.nodeType},
          ${visit.stepKey}, ${visit.visit}, ${visit.viaEdgeId}, ${at}::timestamptz, ${at}::timestamptz,
          case when yes then ${result.outcome} else 'cancelled' end,
          case when yes then ${JSON.stringify(result.facts)}::jsonb else '{"reason":"scenario disabled"}'::jsonb end
        from enabled
        on conflict (run_id, step_key) do update
          set finished_at = excluded.finished_at, outcome = excluded.outcome, facts = excluded.facts
          where ${scenarioRunSteps.finishedAt} is null
      )${options.completesRun ? sql`, completed as (${completeRun(visit.runId, at, sql`(select yes from enabled)`)})` : sql``}
      select yes as "scenarioEnabled" from enabled`),
  );
  return { scenarioEnabled: rows[0]!.scenarioEnabled };
}

/**
 * Record how a visit ended: the port taken (or `cancelled`/`failed`/`skipped`) and the facts behind it. `completesRun`:
 * it was the run's last visit, and the run is completed in the same statement.
 */
export async function finishVisit(
  db: Db,
  visit: Pick<VisitIdentity, "runId" | "stepKey">,
  outcome: string,
  facts: Record<string, unknown>,
  options: { completesRun: boolean } = { completesRun: false },
): Promise<void> {
  const at = now().toISOString();
  await db.execute(sql`
    with finished as (${finishOpenVisit(visit, outcome, facts, at)})${
      options.completesRun
        ? sql`, completed as (${completeRun(visit.runId, at, sql`true`)})`
        : sql``
    }
    select 1`);
}

/** The update that finishes a visit still open (a retried step finds it finished and changes nothing). */
function finishOpenVisit(
  visit: Pick<VisitIdentity, "runId" | "stepKey">,
  outcome: string,
  facts: Record<string, unknown>,
  at: string,
) {
  return sql`
    update ${scenarioRunSteps}
    set outcome = ${outcome}, facts = ${JSON.stringify(facts)}::jsonb, finished_at = ${at}::timestamptz
    where ${scenarioRunSteps.runId} = ${visit.runId} and ${scenarioRunSteps.stepKey} = ${visit.stepKey}
      and ${scenarioRunSteps.finishedAt} is null`;
}

/** The update that completes an open run (as `setRunStatus(…, "completed")`), when `condition` holds. */
function completeRun(runId: number, at: string, condition: SQL) {
  return sql`
    update ${scenarioRuns}
    set status = 'completed', updated_at = ${at}::timestamptz,
      finished_at = coalesce(${scenarioRuns.finishedAt}, ${at}::timestamptz)
    where ${scenarioRuns.id} = ${runId} and ${scenarioRuns.status} in ('running', 'waiting') and ${condition}`;
}

/** Move an open run to another status; a finished run (completed, failed, cancelled, exited) stays as it is. */
export async function setRunStatus(
  db: Db,
  runId: number,
  status: ScenarioRunStatus,
  reason?: string,
): Promise<void> {
  const finished = !OPEN.includes(status);
  const at = now();
  await db
    .update(scenarioRuns)
    .set({
      status,
      updatedAt: at,
      ...(reason !== undefined ? { statusReason: reason } : {}),
      ...(finished
        ? {
            finishedAt: sql`coalesce(${scenarioRuns.finishedAt}, ${at.toISOString()}::timestamptz)`,
          }
        : {}),
    })
    .where(and(eq(scenarioRuns.id, runId), inArray(scenarioRuns.status, OPEN)));
}

/**
 * A visit that spanned time ends: its outcome is recorded and the run, which waited, is running again (one
 * statement).
 */
export async function finishTimedVisit(
  db: Db,
  visit: Pick<VisitIdentity, "runId" | "stepKey">,
  outcome: string,
  facts: Record<string, unknown>,
): Promise<void> {
  const at = now().toISOString();
  await db.execute(sql`
    with finished as (${finishOpenVisit(visit, outcome, facts, at)})
    update ${scenarioRuns} set status = 'running', updated_at = ${at}::timestamptz
    where ${scenarioRuns.id} = ${visit.runId} and ${scenarioRuns.status} in ('running', 'waiting')`);
}

/**
 * An instant visit held until later (an email the frequency cap or quiet hours hold): the visit stays open with why
 * and until when in its facts, and the run is waiting (one statement).
 */
export async function holdVisit(
  db: Db,
  visit: Pick<VisitIdentity, "runId" | "stepKey">,
  facts: Record<string, unknown>,
): Promise<void> {
  const at = now().toISOString();
  await db.execute(sql`
    with held as (
      update ${scenarioRunSteps} set facts = ${JSON.stringify(facts)}::jsonb
      where ${scenarioRunSteps.runId} = ${visit.runId} and ${scenarioRunSteps.stepKey} = ${visit.stepKey}
        and ${scenarioRunSteps.finishedAt} is null
    )
    update ${scenarioRuns} set status = 'waiting', updated_at = ${at}::timestamptz
    where ${scenarioRuns.id} = ${visit.runId} and ${scenarioRuns.status} in ('running', 'waiting')`);
}

/**
 * Whether a held visit may try again (one statement): its run is still running or waiting (not completed, failed,
 * cancelled or exited meanwhile) and its scenario still enabled.
 */
export async function heldVisitMayGo(
  db: Db,
  visit: Pick<VisitIdentity, "runId" | "scenarioId">,
): Promise<{ runOpen: boolean; scenarioEnabled: boolean }> {
  const [row] = rowsOf<{ runOpen: boolean | null; scenarioEnabled: boolean }>(
    await db.execute(sql`
      select
        (select ${scenarioRuns.status} in ('running', 'waiting') from ${scenarioRuns}
          where ${scenarioRuns.id} = ${visit.runId}) as "runOpen",
        exists (
          select 1 from ${scenarios} where ${scenarios.id} = ${visit.scenarioId} and ${scenarios.status} = 'enabled'
        ) as "scenarioEnabled"`),
  );
  return { runOpen: row?.runOpen === true, scenarioEnabled: row?.scenarioEnabled === true };
}
