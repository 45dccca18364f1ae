import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioRuns } from "@/lib/db/schema";
import {
  BEFORE_EVENT_TRIGGERS,
  type BeforeEventTrigger,
} from "@/lib/scenarios/nodes/before-event/definition";
import { beforeEventStillHolds } from "@/lib/scenarios/before-events/before-event-sources";
import { setRunStatus } from "./run-visits";
import type { VisitResult } from "./visit-node";

export interface ClaimedRun {
  runId: number;
  scenarioId: number;
  versionId: number;
  userId: number;
  entryNodeIds: string[];
  trigger: { event: string; payload: Record<string, unknown> };
  /** The entry nodes' first visits, done in the claim step (`visitEntryNodes`), by node id. */
  entryVisits?: Record<string, VisitResult>;
}

/**
 * The first step of a run: bind the scenario run to this executor run. A second executor run for the same scenario
 * run (the start event sent again after Inngest's 24-hour de-duplication) gets null and walks nothing. A before-event
 * run whose date changed since it was found (extended, stopped, charged) is cancelled here.
 *
 * An executor run that continues a walk (`continuesFrom`: the executor run that paused it near Inngest's step limit)
 * takes the scenario run over from that one; a second continuation of the same pause finds it taken and gets null. A
 * continuation is not a start: the before-event date is not checked again.
 */
export async function claimScenarioRun(
  db: Db,
  options: { runId: number; executorRunId: string; continuesFrom?: string },
): Promise<ClaimedRun | null> {
  const [run] = await db
    .update(scenarioRuns)
    .set({
      executorRunId: options.executorRunId,
      startedAt: sql`coalesce(${scenarioRuns.startedAt}, ${now().toISOString()}::timestamptz)`,
      updatedAt: now(),
    })
    .where(
      and(
        eq(scenarioRuns.id, options.runId),
        inArray(scenarioRuns.status, ["running", "waiting"]),
        or(
          options.continuesFrom === undefined
            ? isNull(scenarioRuns.executorRunId)
            : eq(scenarioRuns.executorRunId, options.continuesFrom),
          eq(scenarioRuns.executorRunId, options.executorRunId),
        ),
      ),
    )
    .returning();
  if (!run) return null;
  const before =
    options.continuesFrom === undefined ? readBeforeOccurrence(run.triggerPayload) : null;
  if (before && !(await beforeEventStillHolds(db, before))) {
    await setRunStatus(db, run.id, "cancelled", "before_event_date_changed");
    return null;
  }
  return {
    runId: run.id,
    scenarioId: run.scenarioId,
    versionId: run.versionId,
    userId: run.userId,
    entryNodeIds: run.entryNodeIds,
    trigger: { event: run.triggerEvent, payload: run.triggerPayload },
  };
}

function readBeforeOccurrence(payload: Record<string, unknown>) {
  const before = payload.before as
    | { trigger?: unknown; entity_id?: unknown; entity_date?: unknown; access_ends?: unknown }
    | undefined;
  if (!before || !BEFORE_EVENT_TRIGGERS.includes(before.trigger as BeforeEventTrigger)) return null;
  if (typeof before.entity_id !== "number" || typeof before.entity_date !== "string") return null;
  return {
    trigger: before.trigger as BeforeEventTrigger,
    entityId: before.entity_id,
    entityDate: new Date(before.entity_date),
    accessEnds: before.access_ends === true,
  };
}
