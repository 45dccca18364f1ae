import { z } from "zod";
import { timestampSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { emailChangeSchema } from "@/lib/users/account-schemas";

export const requestEmailChangeBodySchema = z
  .strictObject({
    email: emailChangeSchema.shape.email.meta({ format: "email", example: "jane.new@subflow.test", description: "The new address." }),
    password: emailChangeSchema.shape.password.meta({ description: "The user's current password." }),
  })
  .meta({ id: "RequestEmailChangeRequest" });

export const requestEmailChangeResponseSchema = z
  .object({
    new_email: z.string(),
    expires_at: timestampSchema.meta({ description: "Until when the emailed link works (24 hours)." }),
  })
  .meta({ id: "RequestEmailChangeResponse" });

export const requestEmailChangeOperation = defineOperation({
  operationId: "requestEmailChange",
  summary: "Ask to change the signed-in user's email address",
  description:
    "Emails a single-use confirmation link (valid 24 hours) to the new address. The address changes when the link " +
    "is opened, if it is still free then; the old address is told. At most 5 requests an hour.",
  tags: ["Users"],
  auth: { token: "user" },
  body: requestEmailChangeBodySchema,
  responses: { "202": { description: "The link was sent.", content: jsonContent(requestEmailChangeResponseSchema) } },
  errors: { 400: ["wrong_password", "email_unchanged"], 409: ["email_taken"], 429: ["email_change_rate_limited"] },
});
