import "server-only";
import { and, asc, eq, lte, min, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { localBatchedEvents } from "./schema";
import { evaluateExpression, expressionHolds } from "./expressions";
import { parseDuration, type RegisteredFunction, type StoredEvent } from "./protocol";
import { startRuns } from "./start-run";

/*
 * `batchEvents`, as Inngest runs it: a function's events gather in batches (one per value of the `key` expression)
 * and a batch starts one run, with all its events, when it holds `maxSize` events or when its oldest event has waited
 * `timeout`. Events for which the `if` expression does not hold are not batched: each starts a run of its own.
 * Timeouts follow the wall clock, as leases do; tests' drain() starts partial batches when nothing else is due.
 */

type Batching = NonNullable<RegisteredFunction["batchEvents"]>;

/** Add events to their batches (one statement) and start a run for every batch that is full. Returns the runs. */
export async function addToBatches(
  tx: Db,
  fn: RegisteredFunction,
  batching: Batching,
  events: StoredEvent[],
): Promise<string[]> {
  const alone = events.filter((event) => !expressionHolds(batching.if, { event }));
  const batched = events.filter((event) => !alone.includes(event));
  const started = await startRuns(
    tx,
    fn,
    alone.map((event) => [event]),
  );
  if (batched.length === 0) return started;
  const receivedAt = new Date().toISOString();
  const rows = batched.map((event) => ({ event, key: batchKeyOf(batching, event) }));
  await tx.execute(sql`
    insert into ${localBatchedEvents} (function_id, batch_key, event, received_at)
    select ${fn.id}, value->>'key', value->'event', ${receivedAt}::timestamptz
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality
    order by ordinality`);
  for (const key of new Set(rows.map((row) => row.key))) {
    for (;;) {
      const batch = await takeBatch(tx, {
        functionId: fn.id,
        key,
        take: batching.maxSize,
        full: true,
      });
      if (batch.length === 0) break;
      started.push(...(await startRuns(tx, fn, [batch])));
    }
  }
  return started;
}

/**
 * Start a run for every batch whose oldest event has waited its function's timeout (`all`: every batch, however
 * young). Returns how many runs started.
 */
export async function flushBatches(
  db: Db,
  functions: RegisteredFunction[],
  options: { all: boolean },
): Promise<number> {
  let started = 0;
  for (const fn of functions) {
    const batching = fn.batchEvents;
    if (!batching) continue;
    const timeoutMs = parseDuration(batching.timeout) ?? 0;
    const oldest = min(localBatchedEvents.receivedAt);
    const due = await db
      .select({ key: localBatchedEvents.batchKey })
      .from(localBatchedEvents)
      .where(eq(localBatchedEvents.functionId, fn.id))
      .groupBy(localBatchedEvents.batchKey)
      .having(options.all ? undefined : lte(oldest, new Date(Date.now() - timeoutMs)))
      .orderBy(asc(oldest));
    for (const { key } of due) {
      started += await db.transaction(async (tx) => {
        const batch = await takeBatch(tx, {
          functionId: fn.id,
          key,
          take: batching.maxSize,
          full: false,
        });
        return (await startRuns(tx, fn, batch.length > 0 ? [batch] : [])).length;
      });
    }
  }
  return started;
}

/**
 * Take the oldest `take` events of a batch (SKIP LOCKED: two executors never take the same events); with `full`,
 * only if there are that many.
 */
async function takeBatch(
  tx: Db,
  options: { functionId: string; key: string; take: number; full: boolean },
): Promise<StoredEvent[]> {
  const { functionId, key, take } = options;
  const rows = rowsOf<{ seq: string | number; event: StoredEvent }>(
    await tx.execute(sql`
      with batch as (
        select seq from ${localBatchedEvents}
        where ${and(eq(localBatchedEvents.functionId, functionId), eq(localBatchedEvents.batchKey, key))}
        order by seq limit ${take}
        for update skip locked
      )
      delete from ${localBatchedEvents}
      where seq in (select seq from batch)${options.full ? sql` and (select count(*) from batch) = ${take}` : sql``}
      returning seq, event`),
  );
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((row) => row.event);
}

/** The batch an event joins: the `key` expression's value (as JSON), "" without one, "null" when it cannot be read. */
function batchKeyOf(batching: Batching, event: StoredEvent): string {
  if (!batching.key) return "";
  try {
    return JSON.stringify(evaluateExpression(batching.key, { event }) ?? null);
  } catch {
    return "null";
  }
}
