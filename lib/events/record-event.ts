import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { events } from "@/lib/db/schema";
import { type EventPayload, eventPayloadSchema } from "./catalog";
import type { CustomEventName, DomainEventName, EventName } from "./event-names";

export interface RecordEventOptions<N extends EventName = EventName> {
  name: N;
  userId: number;
  /** Checked against the catalog: a payload that does not match is a programmer error, thrown before the insert. */
  payload: EventPayload<N>;
  /** A client's idempotency key: a second event with the same key is not recorded. */
  dedupeKey?: string;
  occurredAt?: Date;
}

/** Options for any one event, its payload tied to its name (a list may mix names). */
type AnyRecordEventOptions =
  | { [N in DomainEventName]: RecordEventOptions<N> }[DomainEventName]
  | RecordEventOptions<CustomEventName>;

function rowOf(options: RecordEventOptions, at: Date) {
  return {
    name: options.name,
    userId: options.userId,
    payload: eventPayloadSchema(options.name).parse(options.payload),
    dedupeKey: options.dedupeKey,
    occurredAt: options.occurredAt ?? at,
  };
}

/**
 * Write a domain event to the outbox. Call it with the transaction that makes the change, so the event exists if and
 * only if the change committed. Returns the event id, or null when the dedupe key was already recorded.
 */
export async function recordEvent<N extends EventName>(
  db: Db,
  options: RecordEventOptions<N>,
): Promise<string | null> {
  const [row] = await db
    .insert(events)
    .values(rowOf(options, now()))
    .onConflictDoNothing({ target: events.dedupeKey })
    .returning({ id: events.id });
  return row?.id ?? null;
}

/** Record several events in one statement (set-based jobs such as the lifecycle sweep). */
export async function recordEvents(db: Db, list: AnyRecordEventOptions[]): Promise<void> {
  if (list.length === 0) return;
  const at = now();
  await db.insert(events).values(list.map((options) => rowOf(options, at)));
}
