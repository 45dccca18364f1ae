// Over 300 lines on purpose: one domain's API operations, declarative and read as one table of request and
// response schemas; splitting them by endpoint would scatter what a client reads together.
import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { timestampSchema } from "@/lib/api/response-schemas";
import { subscriptionSchema } from "@/lib/subscriptions/subscription-json";
import { userSchema } from "@/lib/users/user-json";
import { LOCALES } from "@/lib/i18n/locales";
import { timeZoneSchema } from "@/lib/time/time-zones";
import { pageQueryFields } from "@/lib/api/scenario-route-params";
import { paymentStatus } from "@/lib/db/schema";
import {
  addressTextSchema,
  changePasswordSchema,
  countryCodeSchema,
  createUserSchema,
  emailChangeSchema,
  emailSchema,
  localeSchema,
  loginSchema,
  passwordResetRequestSchema,
  passwordSchema,
  postalCodeSchema,
  profileNameSchema,
  resetPasswordSchema,
} from "@/lib/users/schemas";

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
      token: z
        .string()
        .meta({ description: "A user token for `Authorization: Bearer`; shown once." }),
      expires_at: timestampSchema,
    }),
  })
  .meta({ id: "LoginResponse" });

export const loginOperation = defineOperation({
  operationId: "login",
  summary: "Sign in with email and password",
  description:
    "Returns a user token (valid 90 days, revocable with POST /users/logout). Failed sign-ins are throttled per " +
    "account and per client address: after too many, 429 `too_many_attempts` with `Retry-After` (seconds), even " +
    "for the right password, until the wait is over.",
  tags: ["Users"],
  auth: { token: "none" },
  body: loginBodySchema,
  responses: { "200": { description: "Signed in.", content: jsonContent(loginResponseSchema) } },
  errors: { 401: ["invalid_credentials"], 429: ["too_many_attempts"] },
});

export const logoutOperation = defineOperation({
  operationId: "logout",
  summary: "Revoke the user token of this request",
  description: "The token stops working at once. Other tokens of the user are untouched.",
  tags: ["Users"],
  auth: { token: "user" },
  responses: { "204": { description: "Revoked." } },
});

export const currentSubscriptionSchema = subscriptionSchema
  .extend({
    content_access: z
      .array(z.string())
      .meta({ description: "Content access codes of its type, sorted." }),
    actual: z
      .boolean()
      .meta({ description: "True while it runs (start_at ≤ now < end_at); false when upcoming." }),
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
    locale: z.enum(LOCALES).nullable().meta({
      description:
        "The language of the customer's pages and emails: en or sk; null: the browser's language decides.",
    }),
    time_zone: z.string().nullable().meta({
      description:
        "IANA time zone the user sees times in (the admin's, for staff), e.g. Europe/Bratislava; null: the installation's.",
    }),
  })
  .meta({ id: "MeUser" });

export const meResponseSchema = z
  .object({
    user: meUserSchema,
    content_access: z
      .array(z.string())
      .meta({ description: "Content the user can access now, sorted." }),
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
    country: countryCodeSchema.optional().meta({
      description: "ISO 3166-1 alpha-2 code (any case), or null to clear.",
      example: "DE",
    }),
    locale: localeSchema.nullable().optional().meta({
      description: "en or sk, or null to let the browser's language decide.",
      example: "sk",
    }),
    time_zone: timeZoneSchema.nullable().optional().meta({
      description:
        'An IANA time zone (Intl.supportedValuesOf("timeZone") or UTC), or null for the installation\'s.',
      example: "Europe/Bratislava",
    }),
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
  summary: "Change the signed-in user's name, postal address, language or time zone",
  description:
    "Only the fields sent change; address fields take null (or an empty string) to clear them. Answers like GET /users/me.",
  tags: ["Users"],
  auth: { token: "user" },
  body: updateMeBodySchema,
  responses: {
    "200": { description: "The updated user.", content: jsonContent(meResponseSchema) },
  },
});

export const requestEmailChangeBodySchema = z
  .strictObject({
    email: emailChangeSchema.shape.email.meta({
      format: "email",
      example: "jane.new@subflow.test",
      description: "The new address.",
    }),
    password: emailChangeSchema.shape.password.meta({
      description: "The user's current password.",
    }),
  })
  .meta({ id: "RequestEmailChangeRequest" });

export const requestEmailChangeResponseSchema = z
  .object({
    new_email: z.string(),
    expires_at: timestampSchema.meta({
      description: "Until when the emailed link works (24 hours).",
    }),
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
  responses: {
    "202": {
      description: "The link was sent.",
      content: jsonContent(requestEmailChangeResponseSchema),
    },
  },
  errors: {
    400: ["wrong_password", "email_unchanged"],
    409: ["email_taken"],
    429: ["email_change_rate_limited"],
  },
});

export const changePasswordBodySchema = z
  .strictObject({
    current_password: changePasswordSchema.shape.currentPassword,
    new_password: changePasswordSchema.shape.newPassword.meta({
      description: "At least 8 characters.",
    }),
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

export const passwordResetBodySchema = z
  .strictObject({
    email: passwordResetRequestSchema.shape.email.meta({
      format: "email",
      example: "jane@subflow.test",
    }),
  })
  .meta({ id: "PasswordResetRequest" });

export const passwordResetOperation = defineOperation({
  operationId: "requestPasswordReset",
  summary: "Email a password reset link",
  description:
    "Needs no token. When an account has this address, a single-use link to /reset-password/<token> (valid one " +
    "hour) is emailed to it, at most 5 an hour. The answer is the same whether or not the account exists. " +
    "Requests are throttled per email and per client address: 429 `too_many_attempts` with `Retry-After` (seconds).",
  tags: ["Users"],
  auth: { token: "none" },
  body: passwordResetBodySchema,
  responses: { "202": { description: "Accepted; a link was sent if the address has an account." } },
  errors: { 429: ["too_many_attempts"] },
});

export const confirmPasswordResetBodySchema = z
  .strictObject({
    token: resetPasswordSchema.shape.token.meta({
      description: "The token at the end of the emailed /reset-password/<token> link.",
    }),
    new_password: resetPasswordSchema.shape.newPassword.meta({
      description: "At least 8 characters.",
    }),
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

export const createUserBodySchema = z
  .strictObject({
    email: emailSchema.meta({ format: "email", example: "jane@example.com" }),
    password: passwordSchema
      .optional()
      .meta({ description: "Omit to create an account that cannot sign in yet." }),
    name: createUserSchema.shape.name,
    time_zone: timeZoneSchema.nullable().optional().meta({
      description:
        "The user's IANA time zone (quiet hours of marketing email follow it); omitted or null: the installation's.",
    }),
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

export const listMyPaymentsQuerySchema = z.strictObject({ ...pageQueryFields });

const myPaymentItemSchema = z
  .object({
    name: z.string(),
    count: z.number().int(),
    amount_cents: z.number().int().meta({ description: "Price of one unit, in cents." }),
  })
  .meta({ id: "MyPaymentItem" });

export const myPaymentSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(paymentStatus.enumValues),
    amount_cents: z.number().int(),
    created_at: timestampSchema,
    paid_at: timestampSchema.nullable(),
    refunded_at: timestampSchema.nullable(),
    items: z.array(myPaymentItemSchema),
    receipt_number: z
      .string()
      .nullable()
      .meta({ description: "Assigned when paid (`2026-000042`)." }),
    credit_note_number: z
      .string()
      .nullable()
      .meta({ description: "Assigned when refunded (`CN-2026-000007`)." }),
    receipt_url: z
      .string()
      .nullable()
      .meta({ description: "The receipt PDF (GET with the user token); null until paid." }),
    credit_note_url: z
      .string()
      .nullable()
      .meta({ description: "The credit note PDF; null unless refunded." }),
  })
  .meta({ id: "MyPayment" });

export const myPaymentsResponseSchema = z
  .object({ payments: z.array(myPaymentSchema), total: z.number().int() })
  .meta({ id: "MyPaymentList" });

export const listMyPaymentsOperation = defineOperation({
  operationId: "listMyPayments",
  summary: "The signed-in user's payments, newest first, with receipt links",
  tags: ["Users"],
  auth: { token: "user" },
  query: listMyPaymentsQuerySchema,
  responses: {
    "200": {
      description: "A page of payments and the total.",
      content: jsonContent(myPaymentsResponseSchema),
    },
  },
});
