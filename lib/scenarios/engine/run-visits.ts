import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
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

/**
 * Record that a run entered a node, in one statement with the check its next move needs: returns when it entered (a
 * retried step finds its row and keeps the first entry time) and whether the scenario is still enabled (users inside
 * a disabled scenario stop at their next node).
 */
export async function enterVisit(
  db: Db,
  visit: VisitIdentity,
): Promise<{ enteredAt: Date; scenarioEnabled: boolean }> {
  const result = await db.execute(sql`
    with inserted as (
      insert into ${scenarioRunSteps}
        (run_id, scenario_id, version_id, node_id, node_type, step_key, visit, via_edge_id, entered_at)
      values (${visit.runId}, ${visit.scenarioId}, ${visit.versionId}, ${visit.nodeId}, ${visit.nodeType},
        ${visit.stepKey}, ${visit.visit}, ${visit.viaEdgeId}, ${now().toISOString()}::timestamptz)
      on conflict (run_id, step_key) do nothing
      returning entered_at
    )
    select coalesce(
        (select entered_at from inserted),
        (select ${scenarioRunSteps.enteredAt} from ${scenarioRunSteps}
          where ${scenarioRunSteps.runId} = ${visit.runId} and ${scenarioRunSteps.stepKey} = ${visit.stepKey})
      ) as "enteredAt",
      exists (
        select 1 from ${scenarios} where ${scenarios.id} = ${visit.scenarioId} and ${scenarios.status} = 'enabled'
      ) as "scenarioEnabled"`);
  const [row] = rowsOf<{ enteredAt: Date | string; scenarioEnabled: boolean }>(result);
  return { enteredAt: new Date(row!.enteredAt), scenarioEnabled: row!.scenarioEnabled };
}

/** Record how a visit ended: the port taken (or `cancelled`/`failed`/`skipped`) and the facts behind it. */
export async function finishVisit(
  db: Db,
  visit: Pick<VisitIdentity, "runId" | "stepKey">,
  outcome: string,
  facts: Record<string, unknown>,
): Promise<void> {
  await db
    .update(scenarioRunSteps)
    .set({ outcome, facts, finishedAt: now() })
    .where(
      and(
        eq(scenarioRunSteps.runId, visit.runId),
        eq(scenarioRunSteps.stepKey, visit.stepKey),
        isNull(scenarioRunSteps.finishedAt),
      ),
    );
}

const OPEN: ScenarioRunStatus[] = ["running", "waiting"];

/** Move an open run to another status; a finished run (completed, failed, cancelled) stays as it is. */
export async function setRunStatus(
  db: Db,
  runId: number,
  status: ScenarioRunStatus,
  reason?: string,
): Promise<void> {
  const finished = status === "completed" || status === "failed" || status === "cancelled";
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

/** A visit that spanned time ends: its outcome is recorded and the run, which waited, is running again. */
export async function finishTimedVisit(
  db: Db,
  visit: Pick<VisitIdentity, "runId" | "stepKey">,
  outcome: string,
  facts: Record<string, unknown>,
): Promise<void> {
  await finishVisit(db, visit, outcome, facts);
  await setRunStatus(db, visit.runId, "running");
}
