import "server-only";
import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { localIdempotencyKeys, localJobs, localRuns } from "./schema";
import { evaluateExpression } from "./expressions";
import type { RegisteredFunction, StoredEvent } from "./protocol";

const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Start runs of `fn`: one per entry of `batches` (a run's events; one event unless the function batches), each a run
 * row and its first (discovery) call, due now — in one statement whatever the number. With an `idempotency`
 * expression, a key already seen for the function within 24 hours (or earlier in `batches`) starts nothing.
 * Returns the new runs' ids. Call inside a transaction.
 */
export async function startRuns(
  db: Db,
  fn: RegisteredFunction,
  batches: StoredEvent[][],
): Promise<string[]> {
  if (batches.length === 0) return [];
  const at = now().toISOString();
  const rows = batches.map((events) => ({
    event: events[0]!,
    events: events.length > 1 || fn.batchEvents ? events : null,
    key: fn.idempotency
      ? JSON.stringify(evaluateExpression(fn.idempotency, { event: events[0]! }) ?? null)
      : null,
  }));
  const input = sql`(
    select ordinality as position, value->'event' as event, value->'events' as events, value->>'key' as key
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality)`;
  // With a key: each key is claimed once (a new one, or one whose 24 hours ran out); only rows whose key was
  // claimed here start.
  const expiresAt = new Date(Date.parse(at) + IDEMPOTENCY_WINDOW_MS).toISOString();
  const claimed = fn.idempotency
    ? sql`, claimed as (
        insert into ${localIdempotencyKeys} (function_id, key, expires_at)
        select distinct on (key) ${fn.id}, key, ${expiresAt}::timestamptz from input order by key, position
        on conflict (function_id, key) do update set expires_at = excluded.expires_at
          where idempotency_keys.expires_at < ${at}::timestamptz
        returning key
      ), starting as (
        select distinct on (input.key) input.* from input join claimed using (key) order by input.key, position
      )`
    : sql`, starting as (select * from input)`;
  const started = rowsOf<{ id: string }>(
    await db.execute(sql`
      with input as ${input}${claimed}, runs as (
        insert into ${localRuns} (function_id, event_id, event, events, created_at, updated_at)
        select ${fn.id}, event->>'id', event, nullif(events, 'null'::jsonb), ${at}::timestamptz, ${at}::timestamptz
        from starting order by position
        returning id
      ), jobs as (
        insert into ${localJobs} (run_id, kind, due_at, created_at)
        select id, 'call', ${at}::timestamptz, ${at}::timestamptz from runs
      )
      select id from runs`),
  );
  return started.map((row) => row.id);
}
