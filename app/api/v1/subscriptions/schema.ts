import { z } from "zod";
import { subscriptionSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { idInputSchema, timestampInputSchema } from "@/lib/api/request-schemas";
import { subscriptionKind } from "@/lib/db/schema";
import { codeSchema } from "@/lib/subscriptions/subscription-type-schemas";

export const createSubscriptionBodySchema = z
  .strictObject({
    user_id: idInputSchema,
    subscription_type_code: codeSchema,
    start_at: timestampInputSchema
      .optional()
      .meta({ description: "Omitted: when the user's running subscription with the same content access ends, else now." }),
    end_at: timestampInputSchema
      .optional()
      .meta({ description: "Omitted: start + the type's length (or the type's fixed end)." }),
    kind: z.enum(subscriptionKind.enumValues).optional().meta({ description: "Defaults to `regular`." }),
    is_paid: z.boolean().optional().meta({ description: "Defaults to false." }),
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: "CreateSubscriptionRequest" });

export const subscriptionResponseSchema = z
  .object({ subscription: subscriptionSchema })
  .meta({ id: "SubscriptionResponse" });

export const createSubscriptionOperation = defineOperation({
  operationId: "createSubscription",
  summary: "Give a user a subscription",
  description: "Unknown `user_id` or `subscription_type_code` is bad input: 400 with a `*_not_found` code.",
  tags: ["Subscriptions"],
  auth: { token: "api", scope: "subscriptions:write" },
  body: createSubscriptionBodySchema,
  responses: { "201": { description: "Created.", content: jsonContent(subscriptionResponseSchema) } },
  errors: { 400: ["user_not_found", "subscription_type_not_found", "subscription_dates_invalid"] },
});
