import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi-operations";
import { resetPasswordSchema } from "@/lib/users/account-schemas";

export const confirmPasswordResetBodySchema = z
  .strictObject({
    token: resetPasswordSchema.shape.token.meta({ description: "The token at the end of the emailed /reset-password/<token> link." }),
    new_password: resetPasswordSchema.shape.newPassword.meta({ description: "At least 8 characters." }),
  })
  .meta({ id: "ConfirmPasswordResetRequest" });

export const confirmPasswordResetOperation = defineOperation({
  operationId: "confirmPasswordReset",
  summary: "Set a new password with a reset link's token",
  description:
    "Needs no bearer token. Spends the link, sets the password and signs the user out everywhere (browser sessions " +
    "and user tokens). Sign in again with POST /users/login.",
  tags: ["Users"],
  auth: { token: "none" },
  body: confirmPasswordResetBodySchema,
  responses: { "204": { description: "The password was set." } },
  errors: { 404: ["link_invalid"], 409: ["link_used", "link_expired"] },
});
