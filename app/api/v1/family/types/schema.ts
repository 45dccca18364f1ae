import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { timestampInputSchema } from "@/lib/api/request-schemas";
import { familyTypeJsonSchema } from "@/lib/family/admin/family-type-json";
import { checkFamilyType, FAMILY_DONATION_METHODS, FAMILY_TYPE_MAX_COUNT } from "@/lib/family/family-type-schemas";
import { codeSchema } from "@/lib/subscriptions/subscription-type-schemas";

const SNAKE_CASE = {
  slaveTypeCode: "slave_subscription_type_code",
  donationDays: "donation_days",
  donationFixedEnd: "donation_fixed_end",
} as const;

export const createFamilyTypeBodySchema = z
  .strictObject({
    master_subscription_type_code: codeSchema.meta({ description: "An existing type; one family type per master type." }),
    slave_subscription_type_code: codeSchema
      .nullable()
      .optional()
      .meta({ description: "The children's type, different from the master type; null or absent: customizable." }),
    donation_method: z.enum(FAMILY_DONATION_METHODS),
    donation_days: z.number().int().min(1).nullable().optional().meta({ description: "Required for `days`." }),
    donation_fixed_end: timestampInputSchema
      .nullable()
      .optional()
      .meta({ description: "Required for `fixed`, in the future." }),
    count: z
      .number()
      .int()
      .min(0)
      .max(FAMILY_TYPE_MAX_COUNT)
      .meta({ description: "Requests per master subscription; 0 = the payment item's count (dynamic)." }),
    is_paid: z.boolean().optional().meta({ description: "Defaults to false." }),
    allow_self_use: z.boolean().optional().meta({ description: "Defaults to false." }),
    renewal_gap_days: z.number().int().min(0).optional().meta({ description: "Defaults to 0." }),
  })
  // The service checks these too; here the errors name the body's fields.
  .superRefine((body, ctx) =>
    checkFamilyType(
      {
        masterTypeCode: body.master_subscription_type_code,
        slaveTypeCode: body.slave_subscription_type_code ?? null,
        donationMethod: body.donation_method,
        donationDays: body.donation_days,
        donationFixedEnd: body.donation_fixed_end,
      },
      ctx,
      (field) => SNAKE_CASE[field],
    ),
  )
  .meta({ id: "CreateFamilyTypeRequest" });

export const familyTypeResponseSchema = z.object({ type: familyTypeJsonSchema }).meta({ id: "FamilyTypeResponse" });
export const familyTypeListSchema = z.object({ types: z.array(familyTypeJsonSchema) }).meta({ id: "FamilyTypeList" });

export const listFamilyTypesOperation = defineOperation({
  operationId: "listFamilyTypes",
  summary: "List family subscription types",
  tags: ["Family"],
  auth: { token: "api", scope: "family" },
  responses: { "200": { description: "The family types, by master type code.", content: jsonContent(familyTypeListSchema) } },
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
