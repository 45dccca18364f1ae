import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { localIdempotencyKeys, localJobs, localRuns } from "./schema";
import { evaluateExpression } from "./expressions";
import type { RegisteredFunction, StoredEvent } from "./protocol";
import { and, eq, lt } from "drizzle-orm";

const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Start a run of `fn` for `event`: a run row and its first (discovery) call, due now. With an `idempotency`
 * expression, a key already seen for the function within 24 hours starts nothing. Call inside a transaction.
 */
export async function startRun(
  db: Db,
  fn: RegisteredFunction,
  event: StoredEvent,
): Promise<string | null> {
  const at = now();
  if (fn.idempotency) {
    const key = JSON.stringify(evaluateExpression(fn.idempotency, { event }) ?? null);
    await db
      .delete(localIdempotencyKeys)
      .where(
        and(
          eq(localIdempotencyKeys.functionId, fn.id),
          eq(localIdempotencyKeys.key, key),
          lt(localIdempotencyKeys.expiresAt, at),
        ),
      );
    const claimed = await db
      .insert(localIdempotencyKeys)
      .values({ functionId: fn.id, key, expiresAt: new Date(at.getTime() + IDEMPOTENCY_WINDOW_MS) })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) return null;
  }
  const [run] = await db
    .insert(localRuns)
    .values({
      functionId: fn.id,
      eventId: event.id,
      event: event as unknown as Record<string, unknown>,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: localRuns.id });
  if (!run) throw new Error("insert returned no run");
  await db
    .insert(localJobs)
    .values({ runId: run.id, kind: "call", stepId: null, dueAt: at, createdAt: at });
  return run.id;
}
