import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioRuns, scenarioRunSteps, type ScenarioRunStatus } from "@/lib/db/schema";

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

/** Record that a run entered a node; returns when. A retried step finds its row and keeps the first entry time. */
export async function enterVisit(db: Db, visit: VisitIdentity): Promise<Date> {
  const [inserted] = await db
    .insert(scenarioRunSteps)
    .values({ ...visit, enteredAt: now() })
    .onConflictDoNothing({ target: [scenarioRunSteps.runId, scenarioRunSteps.stepKey] })
    .returning({ enteredAt: scenarioRunSteps.enteredAt });
  if (inserted) return inserted.enteredAt;
  const [existing] = await db
    .select({ enteredAt: scenarioRunSteps.enteredAt })
    .from(scenarioRunSteps)
    .where(
      and(eq(scenarioRunSteps.runId, visit.runId), eq(scenarioRunSteps.stepKey, visit.stepKey)),
    );
  return existing!.enteredAt;
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
