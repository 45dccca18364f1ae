import { z } from "zod";
import { USER_ROLES } from "@/lib/auth/permissions";
import { LOCALES } from "@/lib/i18n/locales";
import { timeZoneSchema } from "@/lib/time/time-zones";
import { isCountryCode } from "./countries";
import { PASSWORD_MIN_LENGTH_CHARS } from "./password-policy";

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH_CHARS, {
    message: `Use at least ${PASSWORD_MIN_LENGTH_CHARS} characters.`,
  })
  .max(200);

export const userRoleSchema = z.enum(USER_ROLES, { message: "Choose a role." });

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

/**
 * What a customer may change about their own account, shared by the profile page's actions and the
 * /api/v1/users/me routes. UI-safe. Address fields are optional: empty text is stored as null.
 */
export const profileNameSchema = z
  .string()
  .trim()
  .min(1, { message: "Tell us your name." })
  .max(200);

const emptyToNull = (value: string | null) => (value ? value : null);

export const addressTextSchema = z
  .string()
  .trim()
  .max(200, { message: "Use at most 200 characters." })
  .nullable()
  .transform(emptyToNull);

export const postalCodeSchema = z
  .string()
  .trim()
  .max(20, { message: "Use at most 20 characters." })
  .nullable()
  .transform(emptyToNull);

/** ISO 3166-1 alpha-2, any case in, upper case out ("de" → "DE"). */
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => code === "" || isCountryCode(code), {
    message: "Choose a country (ISO code such as DE or US).",
  })
  .nullable()
  .transform(emptyToNull);

/** The language of the customer's pages and emails; null: their browser's. */
export const localeSchema = z.enum(LOCALES, { message: "Choose English (en) or Slovak (sk)." });

export const profileSchema = z.object({
  name: profileNameSchema,
  addressLine1: addressTextSchema,
  addressLine2: addressTextSchema,
  postalCode: postalCodeSchema,
  city: addressTextSchema,
  country: countryCodeSchema,
  locale: localeSchema.nullable().optional(),
  /** IANA zone for the times shown to them (the admin's, for staff); null: the installation's. */
  timeZone: timeZoneSchema.nullable().optional(),
});
export type ProfileInput = z.output<typeof profileSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, { message: "Enter your current password." }).max(200),
  newPassword: passwordSchema,
});

export const emailChangeSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your current password." }).max(200),
});

export const passwordResetRequestSchema = z.object({ email: emailSchema });

/** The link's token: 32 random bytes in base64url (43 characters); anything else cannot be one of ours. */
export const actionTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: "This link is not valid." });

export const resetPasswordSchema = z.object({
  token: actionTokenSchema,
  newPassword: passwordSchema,
});
