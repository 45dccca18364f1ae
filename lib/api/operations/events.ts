import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { idInputSchema } from "@/lib/api/request-schemas";
import { CUSTOM_EVENT_PATTERN } from "@/lib/events/event-names";

export const EVENT_PAYLOAD_MAX_BYTES = 16_384;

export const createEventBodySchema = z
  .strictObject({
    id: z.string().trim().min(1).max(200).optional().meta({
      description:
        "Your id for the event, unique per API token: the same id with the same `user_id` and `name` is accepted once (a retry gets the first event back, `accepted: false`); the same id with another user or name is 409 `event_id_conflict`.",
    }),
    name: z
      .string()
      .regex(CUSTOM_EVENT_PATTERN, {
        message: "Only custom events can be sent: custom.<name> (a-z, 0-9, _ . -).",
      })
      .meta({ example: "custom.newsletter_opened" }),
    user_id: idInputSchema,
    payload: z
      .record(z.string(), z.unknown())
      .refine((payload) => Buffer.byteLength(JSON.stringify(payload)) <= EVENT_PAYLOAD_MAX_BYTES, {
        message: `The payload may take up to ${EVENT_PAYLOAD_MAX_BYTES} bytes of JSON.`,
      })
      .optional()
      .meta({ description: "Any JSON object, up to 16 KiB." }),
  })
  .meta({ id: "CreateEventRequest" });

export const eventResponseSchema = z
  .object({
    event: z.object({
      id: z.uuid().meta({ description: "Subflow's id of the recorded event." }),
      name: z.string(),
      accepted: z
        .boolean()
        .meta({ description: "False when an event with the same `id` was already accepted." }),
    }),
  })
  .meta({ id: "EventResponse" });

export const createEventOperation = defineOperation({
  operationId: "createEvent",
  summary: "Send a custom event about a user",
  description:
    "Recorded in the event outbox for scenarios to react to. Unknown `user_id` is 400 `user_not_found`. Event ids are scoped to the API token: two tokens may send the same `id` independently. Resending an `id` this token already used replays the first event when `user_id` and `name` match, and is 409 `event_id_conflict` when they do not.",
  tags: ["Events"],
  auth: { token: "api", scope: "events:write" },
  body: createEventBodySchema,
  responses: {
    "202": {
      description: "Accepted (or already accepted).",
      content: jsonContent(eventResponseSchema),
    },
  },
  errors: { 400: ["user_not_found"], 409: ["event_id_conflict"] },
});
