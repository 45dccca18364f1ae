import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi-operations";
import { changePasswordSchema } from "@/lib/users/account-schemas";

export const changePasswordBodySchema = z
  .strictObject({
    current_password: changePasswordSchema.shape.currentPassword,
    new_password: changePasswordSchema.shape.newPassword.meta({ description: "At least 8 characters." }),
  })
  .meta({ id: "ChangePasswordRequest" });

export const changePasswordOperation = defineOperation({
  operationId: "changePassword",
  summary: "Change the signed-in user's password",
  description:
    "Signs the user out everywhere: browser sessions end and every user token is revoked, the one making this call " +
    "included. Sign in again (POST /users/login) with the new password.",
  tags: ["Users"],
  auth: { token: "user" },
  body: changePasswordBodySchema,
  responses: { "204": { description: "Changed; all sessions and user tokens ended." } },
  errors: { 400: ["wrong_password"] },
});
