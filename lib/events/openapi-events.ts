import { z } from "zod";
import { DOMAIN_EVENT_CATALOG } from "./catalog";
import { DOMAIN_EVENT_NAMES, type DomainEventName } from "./event-names";

/** `recurrent_payment.state_changed` → `RecurrentPaymentStateChanged` */
const pascalCaseOf = (name: DomainEventName) =>
  name
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");

function eventSchemaOf(name: DomainEventName) {
  const { label, description, payload } = DOMAIN_EVENT_CATALOG[name];
  return z
    .object({
      name: z.literal(name),
      payload: payload.meta({ id: `${pascalCaseOf(name)}DomainEventPayload` }),
    })
    .meta({ id: `${pascalCaseOf(name)}DomainEvent`, title: label, description });
}

const eventSchemas = DOMAIN_EVENT_NAMES.map(eventSchemaOf) as [
  ReturnType<typeof eventSchemaOf>,
  ...ReturnType<typeof eventSchemaOf>[],
];

/**
 * The domain events as OpenAPI components, one per name with its payload schema, straight from the catalog: what a
 * scenario can start on and what its webhooks carry as `trigger`.
 */
export const domainEventComponents = {
  DomainEvent: z.discriminatedUnion("name", eventSchemas).meta({
    description:
      "An event Subflow records about a user. Scenario webhooks send it as `trigger` (`event` and `payload`), the " +
      "payload with the event's `user_id` added. `custom.*` events carry any JSON object (POST /events).",
  }),
};
