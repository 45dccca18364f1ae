import "server-only";
import { and, eq, gt, inArray, isNotNull, lte } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { scenarioBeforeEventFires, scenarioRuns } from "@/lib/db/schema";
import { createBeforeEventRuns } from "./create-before-event-runs";
import { listBeforeEventNodes, recordBeforeEventFires } from "./record-before-event-fires";

/**
 * One before-events tick over the window (from, to]: record the occurrences that fell due, give each a run (subject to
 * re-entry), and return the runs of the window to start, in id order. Safe to repeat for the same window: occurrences
 * and runs are de-duplicated, and the same run ids come back to be sent again. Held-out runs, created finished, are
 * not returned.
 */
export async function startBeforeEventRuns(
  db: Db,
  window: { from: Date; to: Date },
): Promise<number[]> {
  const nodes = await listBeforeEventNodes(db);
  if (nodes.length === 0) return [];
  await recordBeforeEventFires(db, nodes, window);
  await createBeforeEventRuns(db, nodes, window);
  const started = await db
    .select({ runId: scenarioBeforeEventFires.runId })
    .from(scenarioBeforeEventFires)
    // A held-out run is created finished: nothing to start.
    .innerJoin(
      scenarioRuns,
      and(eq(scenarioRuns.id, scenarioBeforeEventFires.runId), eq(scenarioRuns.holdout, false)),
    )
    .where(
      and(
        gt(scenarioBeforeEventFires.dueAt, window.from),
        lte(scenarioBeforeEventFires.dueAt, window.to),
        isNotNull(scenarioBeforeEventFires.runId),
        inArray(scenarioBeforeEventFires.scenarioId, [...new Set(nodes.map((n) => n.scenarioId))]),
      ),
    )
    .orderBy(scenarioBeforeEventFires.runId);
  return started.flatMap((row) => (row.runId === null ? [] : [row.runId]));
}
