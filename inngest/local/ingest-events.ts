import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { localEvents, localJobs, localRuns, localSteps, localWaits } from "./schema";
import { expressionHolds } from "./expressions";
import { loadFunctions } from "./register-functions";
import type { IncomingEvent, RegisteredFunction, StoredEvent } from "./protocol";
import { addToBatches } from "./batch-events";
import { startRuns } from "./start-run";

export interface IngestResult {
  ids: string[];
  runIds: string[];
}

/**
 * Take events in (`POST /e/:key`), all in one transaction and set-based: each is stored once by id (a re-sent id
 * changes nothing), then waits they satisfy resume, runs they cancel stop, and functions they trigger start (or, for
 * a batching function, the events join its batches). When an event of the request cancels runs, the events are
 * taken one after the other instead, so an earlier event's run can be cancelled by a later one, as if sent apart.
 */
export async function ingestEvents(db: Db, incoming: IncomingEvent[]): Promise<IngestResult> {
  const functions = await loadFunctions(db);
  const events = incoming.map((raw): StoredEvent => ({
    id: raw.id ?? randomUUID(),
    name: raw.name,
    data: raw.data ?? {},
    ...(raw.user ? { user: raw.user } : {}),
    ts: raw.ts ?? now().getTime(),
    ...(raw.v ? { v: raw.v } : {}),
  }));
  const ids = events.map((event) => event.id);
  if (events.length === 0) return { ids, runIds: [] };
  const runIds = await db.transaction(async (tx) => {
    const fresh = await storeEvents(tx, events);
    const names = new Set(fresh.map((event) => event.name));
    const cancelling = functions.some((fn) => fn.cancel?.some((rule) => names.has(rule.event)));
    if (!cancelling) return takeEvents(tx, functions, fresh);
    const started: string[] = [];
    for (const event of fresh) started.push(...(await takeEvents(tx, functions, [event])));
    return started;
  });
  return { ids, runIds };
}

/** Insert the events in one statement; returns those not seen before (the first of a repeated id), in order. */
async function storeEvents(tx: Db, events: StoredEvent[]): Promise<StoredEvent[]> {
  const inserted = rowsOf<{ id: string }>(
    await tx.execute(sql`
      insert into ${localEvents} (id, name, event, received_at)
      select value->>'id', value->>'name', value, ${now().toISOString()}::timestamptz
      from jsonb_array_elements(${JSON.stringify(events)}::jsonb) with ordinality
      order by ordinality
      on conflict (id) do nothing
      returning id`),
  );
  const fresh = new Set(inserted.map((row) => row.id));
  return events.filter((event) => fresh.delete(event.id));
}

async function takeEvents(
  tx: Db,
  functions: RegisteredFunction[],
  events: StoredEvent[],
): Promise<string[]> {
  await resumeWaits(tx, events);
  await cancelRuns(tx, functions, events);
  const started: string[] = [];
  for (const fn of functions) {
    const triggering = events.filter((event) =>
      fn.triggers.some(
        (trigger) =>
          "event" in trigger &&
          eventNameMatches(trigger.event, event.name) &&
          expressionHolds(trigger.expression, { event }),
      ),
    );
    if (triggering.length === 0) continue;
    started.push(
      ...(fn.batchEvents
        ? await addToBatches(tx, fn, fn.batchEvents, triggering)
        : await startRuns(
            tx,
            fn,
            triggering.map((event) => [event]),
          )),
    );
  }
  return started;
}

/**
 * step.waitForEvent: the first matching event is memoized as the step's result and the run is called again. One
 * query finds the waits for all the events' names; each wait is taken by the first event that matches it.
 */
async function resumeWaits(tx: Db, events: StoredEvent[]): Promise<void> {
  // Through an alias: drizzle writes `for update of` with the schema-qualified name, which Postgres refuses.
  const lockedWaits = alias(localWaits, "waits");
  const names = [...new Set(events.map((event) => event.name))];
  const waits = await tx
    .select({ wait: lockedWaits, runEvent: localRuns.event })
    .from(lockedWaits)
    .innerJoin(localRuns, eq(localRuns.id, lockedWaits.runId))
    // A run that ended has no waits to resume: its end deletes them, but one a parallel call added as it ended stays.
    .where(
      and(inArray(lockedWaits.eventName, names), inArray(localRuns.status, ["running", "waiting"])),
    )
    .for("update", { of: lockedWaits, skipLocked: true });
  if (waits.length === 0) return;
  const at = now();
  const open = waits.filter(({ wait }) => wait.expiresAt > at);
  for (const event of events) {
    const matched = open.filter(
      ({ wait, runEvent }) =>
        wait.eventName === event.name &&
        expressionHolds(wait.expression, { event: runEvent, async: event }),
    );
    for (const match of matched) {
      open.splice(open.indexOf(match), 1); // a wait is resumed by the first event that matches it
      await resumeWait(tx, match.wait, event, at);
    }
  }
}

async function resumeWait(
  tx: Db,
  wait: typeof localWaits.$inferSelect,
  event: StoredEvent,
  at: Date,
): Promise<void> {
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

/** cancelOn: an event matching a function's cancel rule cancels its open runs (their pending work is dropped). */
async function cancelRuns(
  tx: Db,
  functions: RegisteredFunction[],
  events: StoredEvent[],
): Promise<void> {
  const at = now();
  for (const event of events) {
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
