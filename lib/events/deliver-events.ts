import "server-only";
import { inArray, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { events } from "@/lib/db/schema";

export interface OutgoingEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

export type SendEvents = (batch: OutgoingEvent[]) => Promise<unknown>;

// Imported when first used: the client reads INNGEST_DEV when it is created, which the dev server sets at start-up.
const sendThroughInngest: SendEvents = async (batch) =>
  (await import("@/inngest/client")).inngest.send(batch);

/** How long a claimed batch is reserved for one sender before another may try it. */
const CLAIM_MS = 60_000;

/**
 * Deliver outbox rows to Inngest, oldest first, at least once. A batch is claimed in one short statement (no
 * transaction is held while sending, so the embedded database stays free for the executor that receives them), sent
 * with the row ids as event ids — Inngest collapses duplicates — and then marked sent. A failed send backs off
 * (5 s · 2^attempts, at most an hour); a
 * crash after claiming is caught by the next sweep once the claim runs out.
 */
export async function deliverEvents(
  db: Db,
  options: { limit?: number; send?: SendEvents } = {},
): Promise<{ sent: number; failed: number }> {
  const at = now();
  const claimedUntil = new Date(at.getTime() + CLAIM_MS);
  const claimed = await db
    .update(events)
    .set({ nextSendAt: claimedUntil })
    .where(
      inArray(
        events.id,
        db
          .select({ id: events.id })
          .from(events)
          .where(
            sql`${events.sentAt} is null and (${events.nextSendAt} is null or ${events.nextSendAt} <= ${at.toISOString()}::timestamptz)`,
          )
          .orderBy(events.occurredAt)
          .limit(options.limit ?? 100)
          .for("update", { skipLocked: true }),
      ),
    )
    .returning();
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const ids = claimed.map((row) => row.id);
  try {
    await (options.send ?? sendThroughInngest)(
      claimed
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
        .map((row) => ({
          id: row.id,
          name: row.name,
          data: { ...row.payload, user_id: row.userId },
          ts: row.occurredAt.getTime(),
        })),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(events)
      .set({
        sendAttempts: sql`${events.sendAttempts} + 1`,
        lastSendError: message.slice(0, 1000),
        nextSendAt: sql`${at.toISOString()}::timestamptz + (least(power(2, ${events.sendAttempts}) * 5, 3600) || ' seconds')::interval`,
      })
      .where(inArray(events.id, ids));
    return { sent: 0, failed: ids.length };
  }
  await db
    .update(events)
    .set({
      sentAt: now(),
      sendAttempts: sql`${events.sendAttempts} + 1`,
      lastSendError: null,
      nextSendAt: null,
    })
    .where(inArray(events.id, ids));
  return { sent: ids.length, failed: 0 };
}
