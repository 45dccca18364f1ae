import { z } from "zod";
import { PASSWORD_MIN_LENGTH_CHARS } from "./password-policy";

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH_CHARS, { message: `Use at least ${PASSWORD_MIN_LENGTH_CHARS} characters.` })
  .max(200);

export const userRoleSchema = z.enum(["admin", "customer"]);

export const createUserSchema = z.object({
  email: emailSchema,
  password: passwordSchema.optional(),
  name: z.string().trim().max(200).optional(),
  role: userRoleSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
