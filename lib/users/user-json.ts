import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import { userRole, type User } from "@/lib/db/schema";

/** Users in the v1 API's snake_case JSON: the response schema (also in OpenAPI) and the row → JSON mapping. */

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(userRole.enumValues),
    created_at: timestampSchema,
  })
  .meta({ id: "User" });
export type UserJson = z.output<typeof userSchema>;

export function serializeUser(user: User): UserJson {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    created_at: user.createdAt.toISOString(),
  };
}
