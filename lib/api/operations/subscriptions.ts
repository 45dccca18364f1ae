import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { subscriptionSchema, subscriptionTypeSchema } from "@/lib/subscriptions/subscription-json";
import { idInputSchema, queryBooleanSchema, timestampInputSchema } from "@/lib/api/request-schemas";
import { subscriptionKind } from "@/lib/db/schema";
import { codeSchema, subscriptionTypeInputSchema } from "@/lib/subscriptions/schemas";

const fields = subscriptionTypeInputSchema.shape;

export const createSubscriptionTypeBodySchema = z
  .strictObject({
    code: codeSchema,
    name: fields.name,
    length_days: fields.lengthDays,
    price_cents: fields.priceCents.meta({ description: "Price in integer cents." }),
    content_access: fields.contentAccessCodes.meta({
      description: "Codes of existing content access.",
    }),
    active: z.boolean().optional().meta({ description: "Defaults to true." }),
    is_default: z.boolean().optional().meta({ description: "Defaults to false." }),
    next_subscription_type_code: codeSchema
      .nullable()
      .optional()
      .meta({ description: "The type a recurrent payment renews into." }),
    fixed_end: timestampInputSchema
      .nullable()
      .optional()
      .meta({ description: "Every subscription of it ends then." }),
    offered: z
      .boolean()
      .optional()
      .meta({ description: "Sold on the pricing page and through purchases. Defaults to false." }),
    position: fields.position
      .optional()
      .meta({ description: "Order on the pricing page, lowest first. Defaults to 100." }),
    description: fields.description.meta({ description: "One line for the pricing page." }),
    highlighted: z
      .boolean()
      .optional()
      .meta({ description: "Recommended on the pricing page. Defaults to false." }),
  })
  .meta({ id: "CreateSubscriptionTypeRequest" });

export const subscriptionTypeResponseSchema = z
  .object({ subscription_type: subscriptionTypeSchema })
  .meta({ id: "SubscriptionTypeResponse" });

export const listSubscriptionTypesQuerySchema = z.strictObject({
  active: queryBooleanSchema
    .optional()
    .meta({ description: "Only active (`true`) or inactive (`false`) types." }),
});

export const subscriptionTypeListSchema = z
  .object({ subscription_types: z.array(subscriptionTypeSchema) })
  .meta({ id: "SubscriptionTypeList" });

export const createSubscriptionTypeOperation = defineOperation({
  operationId: "createSubscriptionType",
  summary: "Create a subscription type",
  tags: ["Subscription types"],
  auth: { token: "api", scope: "subscriptions:write" },
  body: createSubscriptionTypeBodySchema,
  responses: {
    "201": { description: "Created.", content: jsonContent(subscriptionTypeResponseSchema) },
  },
  errors: {
    400: ["content_access_not_found", "subscription_type_not_found"],
    409: ["subscription_type_exists"],
  },
});

export const listSubscriptionTypesOperation = defineOperation({
  operationId: "listSubscriptionTypes",
  summary: "List subscription types with their content access",
  tags: ["Subscription types"],
  auth: { token: "api", scope: "subscriptions:read" },
  query: listSubscriptionTypesQuerySchema,
  responses: {
    "200": { description: "The types, by code.", content: jsonContent(subscriptionTypeListSchema) },
  },
});

export const createSubscriptionBodySchema = z
  .strictObject({
    user_id: idInputSchema,
    subscription_type_code: codeSchema,
    start_at: timestampInputSchema.optional().meta({
      description:
        "Omitted: when the user's running subscription with the same content access ends, else now.",
    }),
    end_at: timestampInputSchema
      .optional()
      .meta({ description: "Omitted: start + the type's length (or the type's fixed end)." }),
    kind: z
      .enum(subscriptionKind.enumValues)
      .optional()
      .meta({ description: "Defaults to `regular`." }),
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
  description:
    "Unknown `user_id` or `subscription_type_code` is bad input: 400 with a `*_not_found` code.",
  tags: ["Subscriptions"],
  auth: { token: "api", scope: "subscriptions:write" },
  body: createSubscriptionBodySchema,
  responses: {
    "201": { description: "Created.", content: jsonContent(subscriptionResponseSchema) },
  },
  errors: { 400: ["user_not_found", "subscription_type_not_found", "subscription_dates_invalid"] },
});
