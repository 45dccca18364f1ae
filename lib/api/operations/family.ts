import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { timestampSchema } from "@/lib/api/response-schemas";
import { paymentSchema } from "@/lib/payments/payment-json";
import { timestampInputSchema } from "@/lib/api/request-schemas";
import { familyRequests } from "@/lib/db/schema";
import { familyTypeJsonSchema } from "@/lib/family/admin/family-type-json";
import { familyCodeBodyField, familyCodeCanceledSchema } from "@/lib/family/family-code-json";
import { FAMILY_SEATS_MAX_COUNT } from "@/lib/family/family-seat-price";
import {
  checkFamilyType,
  FAMILY_DONATION_METHODS,
  FAMILY_TYPE_MAX_COUNT,
} from "@/lib/family/schemas";
import { codeSchema } from "@/lib/subscriptions/schemas";

/** One request as REMP's family list shows it (snake_case, ISO timestamps). */
export const familyRequestItemSchema = z
  .object({
    code: z
      .string()
      .meta({ description: "The code to share: /family/activate/<code> in the browser." }),
    master_user_id: z.number().int(),
    status: z
      .enum(familyRequests.status.enumValues)
      .meta({ description: "`created` (free), `accepted` (used) or `canceled`." }),
    subscription_type_code: z
      .string()
      .meta({ description: "The type of the child subscription this code gives." }),
    slave_user_id: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Who activated it; null while unused." }),
    created_at: timestampSchema,
    updated_at: timestampSchema,
    opened_at: timestampSchema
      .nullable()
      .meta({ description: "When the activation page was first opened." }),
    accepted_at: timestampSchema.nullable(),
    canceled_at: timestampSchema.nullable(),
    expires_at: timestampSchema.nullable(),
  })
  .meta({ id: "FamilyRequest" });

export const familyListResponseSchema = z
  .object({
    codes: z
      .array(familyRequestItemSchema)
      .meta({ description: "Every request of the master, newest first." }),
  })
  .meta({ id: "FamilyRequestList" });

export const listFamilyRequestsOperation = defineOperation({
  operationId: "listFamilyRequests",
  summary: "The signed-in master's family codes",
  description:
    "Every family request of the user's master subscriptions, in every status, newest first.",
  tags: ["Family"],
  auth: { token: "user" },
  responses: {
    "200": { description: "The codes.", content: jsonContent(familyListResponseSchema) },
  },
});

export const activateFamilyBodySchema = z
  .strictObject({
    // Codes are lowercase; a code retyped in capitals or with spaces around it still finds its request.
    code: z.string().trim().toLowerCase().min(1).max(64).meta({
      description: "The family code (32 characters of [0-9a-z]).",
      example: "k3v9q0x2m7c4b8n1z5r6t0y2w4e8u1i3",
    }),
  })
  .meta({ id: "ActivateFamilyRequest" });

export const activateFamilyResponseSchema = z
  .object({
    code: z.string().meta({ description: "The code activated." }),
    subscription: z
      .object({
        start_at: timestampSchema,
        end_at: timestampSchema,
        code: z.string().meta({ description: "The child subscription's type code." }),
        access: z
          .array(z.string())
          .meta({ description: "Content access codes the child subscription gives." }),
      })
      .meta({ description: "The child subscription created for the user." }),
  })
  .meta({ id: "ActivateFamilyResponse" });

export const activateFamilyOperation = defineOperation({
  operationId: "activateFamilyRequest",
  summary: "Activate a family code",
  description:
    "Gives the signed-in user a child subscription (kind `family`) from a master's code. Of concurrent activations " +
    "of one code exactly one succeeds; the others get 409 `family_request_wrong_status`.",
  tags: ["Family"],
  auth: { token: "user" },
  body: activateFamilyBodySchema,
  responses: {
    "201": { description: "Activated.", content: jsonContent(activateFamilyResponseSchema) },
  },
  errors: {
    400: [
      "family_request_expired",
      "family_request_one_per_user",
      "family_request_self_use_forbidden",
    ],
    404: ["family_request_not_found"],
    409: ["family_request_wrong_status"],
  },
});

export const leaveFamilyBodySchema = z
  .strictObject({
    code: familyCodeBodyField.meta({ description: "The code the member activated." }),
  })
  .meta({ id: "LeaveFamilyRequest" });

export const leaveFamilyOperation = defineOperation({
  operationId: "leaveFamily",
  summary: "Leave a family",
  description:
    "The signed-in member leaves the family whose code they activated: their child subscription ends now, the request " +
    "is canceled with reason `left`, and the master gets a new code in its place while the master subscription runs.",
  tags: ["Family"],
  auth: { token: "user" },
  body: leaveFamilyBodySchema,
  responses: { "200": { description: "Left.", content: jsonContent(familyCodeCanceledSchema) } },
  errors: { 404: ["family_request_not_found"], 409: ["family_request_wrong_status"] },
});

export const revokeFamilyBodySchema = z
  .strictObject({
    code: familyCodeBodyField.meta({ description: "An unused code of the master's." }),
  })
  .meta({ id: "RevokeFamilyRequest" });

export const revokeFamilyResponseSchema = familyCodeCanceledSchema
  .extend({
    replacement_code: z.string().meta({ description: "The new code issued in its place." }),
  })
  .meta({ id: "RevokeFamilyResponse" });

export const revokeFamilyOperation = defineOperation({
  operationId: "revokeFamilyCode",
  summary: "Revoke an unused family code",
  description:
    "The signed-in master withdraws a code nobody has used (a link shared with the wrong person): it is canceled with " +
    "reason `revoked` and a new code replaces it. Of a revoke and an activation of one code exactly one succeeds.",
  tags: ["Family"],
  auth: { token: "user" },
  body: revokeFamilyBodySchema,
  responses: {
    "200": { description: "Revoked.", content: jsonContent(revokeFamilyResponseSchema) },
  },
  errors: {
    400: ["family_request_expired"],
    404: ["family_request_not_found"],
    409: ["family_request_wrong_status"],
  },
});

export const familySeatsBodySchema = z
  .strictObject({
    count: z
      .number()
      .int()
      .min(1)
      .max(FAMILY_SEATS_MAX_COUNT)
      .meta({ description: "How many seats to add.", example: 2 }),
    master_subscription_id: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "The family subscription; omitted: the running one that ends last." }),
    subscription_type_code: codeSchema.optional().meta({
      description:
        "The seats' child type, for a customizable family with several; omitted when there is one.",
    }),
  })
  .meta({ id: "FamilySeatsRequest" });

export const familySeatsResponseSchema = z
  .object({
    payment: paymentSchema,
    checkout_url: z
      .string()
      .meta({ description: "Send the customer here to pay; the seats are added once it is paid." }),
  })
  .meta({ id: "FamilySeatsResponse" });

export const buyFamilySeatsOperation = defineOperation({
  operationId: "buyFamilySeats",
  summary: "Buy extra family seats",
  description:
    "The signed-in master of a running dynamic or customizable family subscription buys extra seats for the rest of " +
    "it. Each seat costs round(R · P / L): R whole days left, P a seat's price for L days (the child type's price and " +
    "length; for a dynamic family what the master paid per seat and the master type's length). Creates an unpaid card " +
    "payment; paying it at `checkout_url` adds the codes to the master subscription (no new subscription is bought).",
  tags: ["Family"],
  auth: { token: "user" },
  body: familySeatsBodySchema,
  responses: {
    "201": { description: "Payment created.", content: jsonContent(familySeatsResponseSchema) },
  },
  errors: {
    400: ["family_seat_type_required", "family_seat_type_invalid"],
    404: ["family_subscription_not_found"],
    409: ["family_seats_unavailable"],
  },
});

const SNAKE_CASE = {
  childTypeCode: "slave_subscription_type_code",
  donationDays: "donation_days",
  donationFixedEnd: "donation_fixed_end",
} as const;

export const createFamilyTypeBodySchema = z
  .strictObject({
    master_subscription_type_code: codeSchema.meta({
      description: "An existing type; one family type per master type.",
    }),
    slave_subscription_type_code: codeSchema.nullable().optional().meta({
      description:
        "The children's type, different from the master type; null or absent: customizable.",
    }),
    donation_method: z.enum(FAMILY_DONATION_METHODS),
    donation_days: z
      .number()
      .int()
      .min(1)
      .nullable()
      .optional()
      .meta({ description: "Required for `days`." }),
    donation_fixed_end: timestampInputSchema
      .nullable()
      .optional()
      .meta({ description: "Required for `fixed`, in the future." }),
    count: z.number().int().min(0).max(FAMILY_TYPE_MAX_COUNT).meta({
      description: "Requests per master subscription; 0 = the payment item's count (dynamic).",
    }),
    is_paid: z.boolean().optional().meta({ description: "Defaults to false." }),
    allow_self_use: z.boolean().optional().meta({ description: "Defaults to false." }),
    renewal_gap_days: z.number().int().min(0).optional().meta({ description: "Defaults to 0." }),
  })
  // The service checks these too; here the errors name the body's fields.
  .superRefine((body, ctx) =>
    checkFamilyType(
      {
        masterTypeCode: body.master_subscription_type_code,
        childTypeCode: body.slave_subscription_type_code ?? null,
        donationMethod: body.donation_method,
        donationDays: body.donation_days,
        donationFixedEnd: body.donation_fixed_end,
      },
      ctx,
      (field) => SNAKE_CASE[field],
    ),
  )
  .meta({ id: "CreateFamilyTypeRequest" });

export const familyTypeResponseSchema = z
  .object({ type: familyTypeJsonSchema })
  .meta({ id: "FamilyTypeResponse" });
export const familyTypeListSchema = z
  .object({ types: z.array(familyTypeJsonSchema) })
  .meta({ id: "FamilyTypeList" });

export const listFamilyTypesOperation = defineOperation({
  operationId: "listFamilyTypes",
  summary: "List family subscription types",
  tags: ["Family"],
  auth: { token: "api", scope: "family" },
  responses: {
    "200": {
      description: "The family types, by master type code.",
      content: jsonContent(familyTypeListSchema),
    },
  },
});

export const createFamilyTypeOperation = defineOperation({
  operationId: "createFamilyType",
  summary: "Create a family subscription type",
  tags: ["Family"],
  auth: { token: "api", scope: "family" },
  body: createFamilyTypeBodySchema,
  responses: { "201": { description: "Created.", content: jsonContent(familyTypeResponseSchema) } },
  errors: { 400: ["subscription_type_not_found"], 409: ["family_type_exists"] },
});
