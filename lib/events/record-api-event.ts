import "server-only";
import { eq } from "drizzle-orm";
import { requireUser } from "@/lib/api/require-user";
import type { Db } from "@/lib/db";
import { events } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";
import type { CustomEventName } from "./event-names";
import { recordEvent } from "./record-event";

export interface ApiEventInput {
  /** The API token sending it: a client's event ids are its own, so two tokens may use the same id. */
  tokenId: number;
  /** The client's id for the event, if it sent one. */
  clientId?: string;
  name: CustomEventName;
  userId: number;
  payload: Record<string, unknown>;
}

export interface RecordedApiEvent {
  id: string;
  name: string;
  /** False when the client's id had already been recorded: this is that event. */
  accepted: boolean;
}

/**
 * Dedupe key of a client's event id. Keys of the earlier global form (`api:<id>`) stay on their rows; the prefix
 * differs, so they never match a token's key.
 */
const dedupeKeyOf = (tokenId: number, clientId: string) => `api-token:${tokenId}:${clientId}`;

/**
 * Record a custom event sent through the API. An event with an id the token already used is a retry when it names
 * the same user and event name: the first event is returned, nothing is recorded. The same id for another user or
 * name is a mistake the client must see (409 `event_id_conflict`), not an event silently dropped.
 */
export async function recordApiEvent(db: Db, input: ApiEventInput): Promise<RecordedApiEvent> {
  const dedupeKey =
    input.clientId === undefined ? undefined : dedupeKeyOf(input.tokenId, input.clientId);
  return db.transaction(async (tx) => {
    await requireUser(tx, input.userId);
    const id = await recordEvent(tx, {
      name: input.name,
      userId: input.userId,
      payload: input.payload,
      dedupeKey,
    });
    if (id !== null) return { id, name: input.name, accepted: true };
    // Already recorded under this key (a retry, or a concurrent duplicate that committed first): the insert waited
    // for that transaction, so the row is visible now.
    const [existing] = await tx
      .select({ id: events.id, name: events.name, userId: events.userId })
      .from(events)
      .where(eq(events.dedupeKey, dedupeKey ?? ""))
      .limit(1);
    if (!existing) throw new Error("deduplicated event vanished");
    if (existing.name !== input.name || existing.userId !== input.userId) {
      const about = existing.userId === null ? "a deleted user" : `user ${existing.userId}`;
      throw conflict(
        "event_id_conflict",
        `The id "${input.clientId}" was already used by this token for ${existing.name} about ${about}; send a new id for a different event.`,
      );
    }
    return { id: existing.id, name: existing.name, accepted: false };
  });
}
