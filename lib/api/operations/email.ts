import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { timestampInputSchema } from "@/lib/api/request-schemas";
import { pageQueryFields } from "@/lib/api/scenario-route-params";
import { userEmailLogJsonSchema } from "@/lib/email/email-timeline-json";
import { BOUNCE_TYPES, DELIVERY_EVENT_TYPES, messageIdSchema } from "@/lib/email/events/schemas";
import { emailSuppressionJsonSchema } from "@/lib/email/suppressions/email-suppression-json";
import { suppressionAddressSchema } from "@/lib/email/suppressions/schemas";

/** Email delivery events, a user's email log and suppressions: every route takes an API token with the `email` scope. */
export const EMAIL_AUTH = { token: "api", scope: "email" } as const;

export const recordEmailEventBodySchema = z
  .strictObject({
    id: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({
        description:
          "Your id for the event, unique per API token: an event with an id already recorded is not recorded again. " +
          "Without it, the same event (email, type, bounce type, occurred_at) is recorded once.",
      }),
    message_id: messageIdSchema.meta({
      description:
        "The Message-ID header of the email Subflow sent, with or without angle brackets.",
      example: "3f2c9a0e-7d41-4c55-9a57-2d8f5e0c1b6a@mail.example.com",
    }),
    type: z.enum(DELIVERY_EVENT_TYPES),
    bounce_type: z.enum(BOUNCE_TYPES).optional().meta({
      description:
        "Required for `bounced`, refused otherwise: `hard` (the address takes no mail; suppresses it) or `soft`.",
    }),
    occurred_at: timestampInputSchema,
    detail: z
      .string()
      .max(2000)
      .optional()
      .meta({ description: "The provider's diagnostic, shown with the event." }),
  })
  .superRefine((body, context) => {
    if (body.type === "bounced" && !body.bounce_type)
      context.addIssue({
        code: "custom",
        path: ["bounce_type"],
        message: "A bounce needs its bounce_type: hard or soft.",
      });
    if (body.type !== "bounced" && body.bounce_type)
      context.addIssue({
        code: "custom",
        path: ["bounce_type"],
        message: "Only a bounce has a bounce_type.",
      });
  })
  .meta({ id: "RecordEmailEventRequest" });

export const emailEventResultSchema = z
  .object({
    event: z.object({
      id: z
        .number()
        .int()
        .meta({ description: "The recorded event (or the one recorded before)." }),
      email_log_id: z.number().int(),
      recorded: z
        .boolean()
        .meta({ description: "False when the same event had already been recorded." }),
      suppressed: z.boolean().meta({
        description: "Whether this event suppressed the address (a hard bounce or a complaint).",
      }),
    }),
  })
  .meta({ id: "EmailEventResult" });

export const recordEmailEventOperation = defineOperation({
  operationId: "recordEmailEvent",
  summary: "Report a delivery event of an email (delivered, bounced, complained, deferred)",
  description:
    "For a mail provider's webhooks: the event is recorded on the email Subflow sent with this Message-ID and shows in " +
    "the user's email timeline and the template's and scenario node's stats. A hard bounce or a complaint suppresses " +
    "the address: no non-transactional mail goes to it until staff lift the suppression; a soft bounce or a deferral " +
    "never does. An unknown Message-ID is 404 `email_not_found`. Amazon SES can post to `/api/webhooks/ses` instead " +
    "(SNS, signature verified).",
  tags: ["Email"],
  auth: EMAIL_AUTH,
  body: recordEmailEventBodySchema,
  responses: {
    "200": {
      description: "Recorded (or already recorded).",
      content: jsonContent(emailEventResultSchema),
    },
  },
  errors: { 404: ["email_not_found"] },
});

export const userEmailLogQuerySchema = z.strictObject({ ...pageQueryFields });

const userPath = z.object({ id: z.string().meta({ description: "User id." }) });
const suppressionPath = z.object({ id: z.string().meta({ description: "Suppression id." }) });

export const listUserEmailLogOperation = {
  ...defineOperation({
    operationId: "listUserEmailLog",
    summary: "A user's email timeline: their emails, newest first, each with its events",
    description:
      "A page (`limit`, `offset`) of the emails Subflow sent — or skipped, with the reason — to the user, each with its " +
      "delivery and engagement events (delivered, deferred, bounced, complained, opened, clicked, unsubscribed) in the " +
      "order they happened, and the total.",
    tags: ["Email"],
    auth: EMAIL_AUTH,
    query: userEmailLogQuerySchema,
    responses: {
      "200": { description: "The emails.", content: jsonContent(userEmailLogJsonSchema) },
    },
    errors: { 404: ["user_not_found"] },
  }),
  requestParams: { path: userPath, query: userEmailLogQuerySchema },
};

export const listEmailSuppressionsQuerySchema = z.strictObject({
  address: suppressionAddressSchema.meta({ description: "The address (case does not matter)." }),
});

export const emailSuppressionListSchema = z
  .object({
    suppressed: z.boolean().meta({ description: "Whether the address is suppressed now." }),
    suppressions: z.array(emailSuppressionJsonSchema),
  })
  .meta({ id: "EmailSuppressionList" });

export const listEmailSuppressionsOperation = defineOperation({
  operationId: "listEmailSuppressions",
  summary: "An address's suppressions: the active one, if any, and the lifted history",
  tags: ["Email"],
  auth: EMAIL_AUTH,
  query: listEmailSuppressionsQuerySchema,
  responses: {
    "200": {
      description: "The suppressions, active first.",
      content: jsonContent(emailSuppressionListSchema),
    },
  },
});

export const addEmailSuppressionBodySchema = z
  .strictObject({
    address: suppressionAddressSchema.meta({ example: "reader@example.com" }),
    detail: z
      .string()
      .trim()
      .max(500)
      .optional()
      .meta({ description: "Why, for the staff who read it later." }),
  })
  .meta({ id: "AddEmailSuppressionRequest" });

export const emailSuppressionResultSchema = z
  .object({ suppression: emailSuppressionJsonSchema })
  .meta({ id: "EmailSuppressionResult" });

export const addEmailSuppressionOperation = defineOperation({
  operationId: "addEmailSuppression",
  summary: "Suppress an address: no non-transactional mail goes to it",
  description:
    "A manual suppression (reason `manual`). Transactional mail (receipts, password resets) still goes. An address " +
    "already suppressed is 409 `address_already_suppressed`.",
  tags: ["Email"],
  auth: EMAIL_AUTH,
  body: addEmailSuppressionBodySchema,
  responses: {
    "201": { description: "Suppressed.", content: jsonContent(emailSuppressionResultSchema) },
  },
  errors: { 409: ["address_already_suppressed"] },
});

export const liftEmailSuppressionOperation = {
  ...defineOperation({
    operationId: "liftEmailSuppression",
    summary: "Lift a suppression: the address gets non-transactional mail again",
    description:
      "The suppression stays in the address's history, lifted. A later hard bounce or complaint suppresses the address " +
      "anew. A suppression that does not exist or is already lifted is 404 `email_suppression_not_found`.",
    tags: ["Email"],
    auth: EMAIL_AUTH,
    responses: {
      "200": { description: "Lifted.", content: jsonContent(emailSuppressionResultSchema) },
    },
    errors: { 404: ["email_suppression_not_found"] },
  }),
  requestParams: { path: suppressionPath },
};
