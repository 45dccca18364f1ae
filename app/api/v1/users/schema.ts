import { z } from "zod";
import { userSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { createUserSchema, emailSchema, passwordSchema } from "@/lib/users/user-schemas";

export const createUserBodySchema = z
  .strictObject({
    email: emailSchema.meta({ format: "email", example: "jane@example.com" }),
    password: passwordSchema.optional().meta({ description: "Omit to create an account that cannot sign in yet." }),
    name: createUserSchema.shape.name,
  })
  .meta({ id: "CreateUserRequest" });

export const userResponseSchema = z.object({ user: userSchema }).meta({ id: "UserResponse" });

export const createUserOperation = defineOperation({
  operationId: "createUser",
  summary: "Create a customer account",
  description: "Creates a customer (never an admin) and records `user.created` with source `api`.",
  tags: ["Users"],
  auth: { token: "api", scope: "users:write" },
  body: createUserBodySchema,
  responses: { "201": { description: "Created.", content: jsonContent(userResponseSchema) } },
  errors: { 409: ["user_exists"] },
});
