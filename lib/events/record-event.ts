import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { events } from "@/lib/db/schema";
import type { EventName } from "./event-names";

export interface RecordEventOptions {
  name: EventName;
  userId: number | null;
  payload?: Record<string, unknown>;
  /** A client's idempotency key: a second event with the same key is not recorded. */
  dedupeKey?: string;
  occurredAt?: Date;
}

/**
 * Write a domain event to the outbox. Call it with the transaction that makes the change, so the event exists if and
 * only if the change committed. Returns the event id, or null when the dedupe key was already recorded.
 */
export async function recordEvent(db: Db, options: RecordEventOptions): Promise<string | null> {
  const [row] = await db
    .insert(events)
    .values({
      name: options.name,
      userId: options.userId,
      payload: options.payload ?? {},
      dedupeKey: options.dedupeKey,
      occurredAt: options.occurredAt ?? now(),
    })
    .onConflictDoNothing({ target: events.dedupeKey })
    .returning({ id: events.id });
  return row?.id ?? null;
}

/** Record several events in one statement (set-based jobs such as the lifecycle sweep). */
export async function recordEvents(db: Db, list: RecordEventOptions[]): Promise<void> {
  if (list.length === 0) return;
  const at = now();
  await db.insert(events).values(
    list.map((options) => ({
      name: options.name,
      userId: options.userId,
      payload: options.payload ?? {},
      dedupeKey: options.dedupeKey,
      occurredAt: options.occurredAt ?? at,
    })),
  );
}
