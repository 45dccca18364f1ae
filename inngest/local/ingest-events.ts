import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { localEvents, localJobs, localRuns, localSteps, localWaits } from "./schema";
import { expressionHolds } from "./expressions";
import { loadFunctions } from "./register-functions";
import type { IncomingEvent, RegisteredFunction, StoredEvent } from "./protocol";
import { startRun } from "./start-run";

export interface IngestResult {
  ids: string[];
  runIds: string[];
}

/**
 * Take events in (`POST /e/:key`). Each is stored once by id (a re-sent id changes nothing), then, in the same
 * transaction: waits it satisfies resume, runs it cancels stop, and functions it triggers start.
 */
export async function ingestEvents(db: Db, incoming: IncomingEvent[]): Promise<IngestResult> {
  const functions = await loadFunctions(db);
  const ids: string[] = [];
  const runIds: string[] = [];
  for (const raw of incoming) {
    const event: StoredEvent = {
      id: raw.id ?? randomUUID(),
      name: raw.name,
      data: raw.data ?? {},
      ...(raw.user ? { user: raw.user } : {}),
      ts: raw.ts ?? now().getTime(),
      ...(raw.v ? { v: raw.v } : {}),
    };
    ids.push(event.id);
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(localEvents)
        .values({
          id: event.id,
          name: event.name,
          event: event as unknown as Record<string, unknown>,
          receivedAt: now(),
        })
        .onConflictDoNothing({ target: localEvents.id })
        .returning({ id: localEvents.id });
      if (inserted.length === 0) return;
      await resumeWaits(tx, event);
      await cancelRuns(tx, functions, event);
      for (const fn of functions) {
        const triggered = fn.triggers.some(
          (trigger) =>
            "event" in trigger &&
            eventNameMatches(trigger.event, event.name) &&
            expressionHolds(trigger.expression, { event }),
        );
        if (!triggered) continue;
        const runId = await startRun(tx, fn, event);
        if (runId) runIds.push(runId);
      }
    });
  }
  return { ids, runIds };
}

/** step.waitForEvent: the first matching event is memoized as the step's result and the run is called again. */
async function resumeWaits(tx: Db, event: StoredEvent): Promise<void> {
  // Through an alias: drizzle writes `for update of` with the schema-qualified name, which Postgres refuses.
  const lockedWaits = alias(localWaits, "waits");
  const waits = await tx
    .select({ wait: lockedWaits, runEvent: localRuns.event })
    .from(lockedWaits)
    .innerJoin(localRuns, eq(localRuns.id, lockedWaits.runId))
    .where(eq(lockedWaits.eventName, event.name))
    .for("update", { of: lockedWaits, skipLocked: true });
  const at = now();
  for (const { wait, runEvent } of waits) {
    if (wait.expiresAt <= at) continue;
    if (!expressionHolds(wait.expression, { event: runEvent, async: event })) continue;
    await tx
      .delete(localWaits)
      .where(and(eq(localWaits.runId, wait.runId), eq(localWaits.stepId, wait.stepId)));
    await tx
      .insert(localSteps)
      .values({
        runId: wait.runId,
        stepId: wait.stepId,
        op: "WaitForEvent",
        data: event,
        createdAt: at,
      })
      .onConflictDoNothing();
    await tx
      .delete(localJobs)
      .where(
        and(
          eq(localJobs.runId, wait.runId),
          eq(localJobs.kind, "wait_timeout"),
          eq(localJobs.stepId, wait.stepId),
        ),
      );
    await tx
      .insert(localJobs)
      .values({ runId: wait.runId, kind: "call", dueAt: at, createdAt: at })
      .onConflictDoNothing();
    await tx
      .update(localRuns)
      .set({ status: "running", updatedAt: at })
      .where(eq(localRuns.id, wait.runId));
  }
}

/** cancelOn: an event matching a function's cancel rule cancels its open runs (their pending work is dropped). */
async function cancelRuns(
  tx: Db,
  functions: RegisteredFunction[],
  event: StoredEvent,
): Promise<void> {
  const at = now();
  for (const fn of functions) {
    for (const rule of fn.cancel ?? []) {
      if (rule.event !== event.name) continue;
      const open = await tx
        .select({ id: localRuns.id, event: localRuns.event })
        .from(localRuns)
        .where(
          and(eq(localRuns.functionId, fn.id), inArray(localRuns.status, ["running", "waiting"])),
        )
        .for("update", { skipLocked: true });
      const cancelled = open
        .filter((run) => expressionHolds(rule.if, { event: run.event, async: event }))
        .map((run) => run.id);
      if (cancelled.length === 0) continue;
      await tx
        .update(localRuns)
        .set({
          status: "cancelled",
          endedAt: at,
          updatedAt: at,
          error: { message: `cancelled by ${event.name} (${event.id})` },
        })
        .where(inArray(localRuns.id, cancelled));
      await tx.delete(localJobs).where(inArray(localJobs.runId, cancelled));
      await tx.delete(localWaits).where(inArray(localWaits.runId, cancelled));
    }
  }
}

/**
 * Inngest's trigger names: exact, or a wildcard after a `/` or `.` (`app/*`, `user.*`) matching every name with that
 * prefix.
 */
export function eventNameMatches(pattern: string, name: string): boolean {
  if (!pattern.endsWith("*")) return pattern === name;
  const prefix = pattern.slice(0, -1);
  return (
    (prefix.endsWith(".") || prefix.endsWith("/")) &&
    name.startsWith(prefix) &&
    name.length > prefix.length
  );
}
