import "server-only";
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { scenarioBeforeEventFires, scenarios } from "@/lib/db/schema";
import { createScenarioRun } from "@/lib/scenarios/engine/create-scenario-run";
import { listBeforeEventNodes, recordBeforeEventFires } from "./record-before-event-fires";

/**
 * One before-events tick over the window (from, to]: record the occurrences that fell due, give each a run (subject to
 * re-entry), and return the runs of the window to start. Safe to repeat for the same window: occurrences and runs are
 * de-duplicated, and the same run ids come back to be sent again.
 */
export async function startBeforeEventRuns(
  db: Db,
  window: { from: Date; to: Date },
): Promise<number[]> {
  const nodes = await listBeforeEventNodes(db);
  if (nodes.length === 0) return [];
  await recordBeforeEventFires(db, nodes, window);
  const inWindow = and(
    gt(scenarioBeforeEventFires.dueAt, window.from),
    lte(scenarioBeforeEventFires.dueAt, window.to),
  );
  const pending = await db
    .select({
      fire: scenarioBeforeEventFires,
      reentry: scenarios.reentry,
      reentryDays: scenarios.reentryDays,
      versionId: scenarios.currentVersionId,
    })
    .from(scenarioBeforeEventFires)
    .innerJoin(scenarios, eq(scenarios.id, scenarioBeforeEventFires.scenarioId))
    .where(and(inWindow, isNull(scenarioBeforeEventFires.runId), eq(scenarios.status, "enabled")));
  // One transaction for the window's runs: one commit instead of two per occurrence.
  await db.transaction(async (tx) => {
    for (const { fire, reentry, reentryDays, versionId } of pending) {
      if (versionId === null) continue;
      const runId = await createScenarioRun(tx, {
        scenarioId: fire.scenarioId,
        versionId,
        userId: fire.userId,
        reentry,
        reentryDays,
        triggerKey: `before:${fire.nodeId}:${fire.entityId}:${fire.entityDate.toISOString()}`,
        triggerEvent: `before:${fire.trigger}`,
        triggerPayload: { ...fire.payload, user_id: fire.userId },
        entryNodeIds: [fire.nodeId],
      });
      if (runId === null) continue;
      await tx
        .update(scenarioBeforeEventFires)
        .set({ runId })
        .where(
          and(
            eq(scenarioBeforeEventFires.scenarioId, fire.scenarioId),
            eq(scenarioBeforeEventFires.nodeId, fire.nodeId),
            eq(scenarioBeforeEventFires.trigger, fire.trigger),
            eq(scenarioBeforeEventFires.entityId, fire.entityId),
            eq(scenarioBeforeEventFires.entityDate, fire.entityDate),
          ),
        );
    }
  });
  const started = await db
    .select({ runId: scenarioBeforeEventFires.runId })
    .from(scenarioBeforeEventFires)
    .where(
      and(
        inWindow,
        inArray(scenarioBeforeEventFires.scenarioId, [...new Set(nodes.map((n) => n.scenarioId))]),
      ),
    );
  return started.flatMap((row) => (row.runId === null ? [] : [row.runId]));
}
