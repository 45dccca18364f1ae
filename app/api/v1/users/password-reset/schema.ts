import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi-operations";
import { passwordResetRequestSchema } from "@/lib/users/account-schemas";

export const passwordResetBodySchema = z
  .strictObject({ email: passwordResetRequestSchema.shape.email.meta({ format: "email", example: "jane@subflow.test" }) })
  .meta({ id: "PasswordResetRequest" });

export const passwordResetOperation = defineOperation({
  operationId: "requestPasswordReset",
  summary: "Email a password reset link",
  description:
    "Needs no token. When an account has this address, a single-use link to /reset-password/<token> (valid one " +
    "hour) is emailed to it, at most 5 an hour. The answer is the same whether or not the account exists.",
  tags: ["Users"],
  auth: { token: "none" },
  body: passwordResetBodySchema,
  responses: { "202": { description: "Accepted; a link was sent if the address has an account." } },
});
