import { z } from "zod";
import { subscriptionSchema, userSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";

export const currentSubscriptionSchema = subscriptionSchema
  .extend({
    content_access: z.array(z.string()).meta({ description: "Content access codes of its type, sorted." }),
    actual: z.boolean().meta({ description: "True while it runs (start_at ≤ now < end_at); false when upcoming." }),
  })
  .meta({ id: "CurrentSubscription" });

export const meResponseSchema = z
  .object({
    user: userSchema,
    content_access: z.array(z.string()).meta({ description: "Content the user can access now, sorted." }),
    subscriptions: z
      .array(currentSubscriptionSchema)
      .meta({ description: "Running and upcoming subscriptions, by start." }),
  })
  .meta({ id: "MeResponse" });

export const meOperation = defineOperation({
  operationId: "getMe",
  summary: "The signed-in user, their access and subscriptions",
  tags: ["Users"],
  auth: { token: "user" },
  responses: { "200": { description: "The user.", content: jsonContent(meResponseSchema) } },
});
