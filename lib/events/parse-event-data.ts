import { z } from "zod";
import { type EventPayload, eventPayloadSchema } from "./catalog";
import type { DomainEventName } from "./event-names";

/** A domain event's data as an Inngest function receives it: the recorded payload and the `user_id` the outbox adds. */
export type EventData<N extends DomainEventName> = EventPayload<N> & { user_id: number };

const deliveredUserSchema = z.object({ user_id: z.number().int().positive() });

/**
 * Parse `event.data` of a domain event with its catalog schema. Inngest's own event typing only types the data; this
 * checks it, so a handler never acts on a payload its sender did not mean.
 */
export function parseEventData<N extends DomainEventName>(name: N, data: unknown): EventData<N> {
  const { user_id } = deliveredUserSchema.parse(data);
  return { ...eventPayloadSchema(name).parse(data), user_id };
}
