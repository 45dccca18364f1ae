import { z } from "zod";
import { timestampSchema, userSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { loginSchema } from "@/lib/users/user-schemas";

export const loginBodySchema = z
  .strictObject({
    email: loginSchema.shape.email.meta({ format: "email", example: "jane@subflow.test" }),
    password: loginSchema.shape.password,
  })
  .meta({ id: "LoginRequest" });

export const loginResponseSchema = z
  .object({
    user: userSchema,
    access: z.object({
      token: z.string().meta({ description: "A user token for `Authorization: Bearer`; shown once." }),
      expires_at: timestampSchema,
    }),
  })
  .meta({ id: "LoginResponse" });

export const loginOperation = defineOperation({
  operationId: "login",
  summary: "Sign in with email and password",
  description: "Returns a user token (valid 90 days, revocable with POST /users/logout).",
  tags: ["Users"],
  auth: { token: "none" },
  body: loginBodySchema,
  responses: { "200": { description: "Signed in.", content: jsonContent(loginResponseSchema) } },
  errors: { 401: ["invalid_credentials"] },
});
