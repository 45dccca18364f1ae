import { z } from "zod";
import { subscriptionSchema, userSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { addressTextSchema, countryCodeSchema, postalCodeSchema, profileNameSchema } from "@/lib/users/account-schemas";

export const currentSubscriptionSchema = subscriptionSchema
  .extend({
    content_access: z.array(z.string()).meta({ description: "Content access codes of its type, sorted." }),
    actual: z.boolean().meta({ description: "True while it runs (start_at ≤ now < end_at); false when upcoming." }),
  })
  .meta({ id: "CurrentSubscription" });

/** The user as they see themselves: the public fields plus the postal address printed on their receipts. */
export const meUserSchema = userSchema
  .extend({
    address_line1: z.string().nullable(),
    address_line2: z.string().nullable(),
    postal_code: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable().meta({ description: "ISO 3166-1 alpha-2 code, e.g. DE." }),
  })
  .meta({ id: "MeUser" });

export const meResponseSchema = z
  .object({
    user: meUserSchema,
    content_access: z.array(z.string()).meta({ description: "Content the user can access now, sorted." }),
    subscriptions: z
      .array(currentSubscriptionSchema)
      .meta({ description: "Running and upcoming subscriptions, by start." }),
  })
  .meta({ id: "MeResponse" });

export const updateMeBodySchema = z
  .strictObject({
    name: profileNameSchema.optional(),
    address_line1: addressTextSchema.optional(),
    address_line2: addressTextSchema.optional(),
    postal_code: postalCodeSchema.optional(),
    city: addressTextSchema.optional(),
    country: countryCodeSchema.optional().meta({ description: "ISO 3166-1 alpha-2 code (any case), or null to clear.", example: "DE" }),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "Send at least one field to change." })
  .meta({ id: "UpdateMeRequest" });

export const meOperation = defineOperation({
  operationId: "getMe",
  summary: "The signed-in user, their access and subscriptions",
  tags: ["Users"],
  auth: { token: "user" },
  responses: { "200": { description: "The user.", content: jsonContent(meResponseSchema) } },
});

export const updateMeOperation = defineOperation({
  operationId: "updateMe",
  summary: "Change the signed-in user's name and postal address",
  description:
    "Only the fields sent change; address fields take null (or an empty string) to clear them. Answers like GET /users/me.",
  tags: ["Users"],
  auth: { token: "user" },
  body: updateMeBodySchema,
  responses: { "200": { description: "The updated user.", content: jsonContent(meResponseSchema) } },
});
