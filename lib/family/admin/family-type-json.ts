import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import type { FamilySubscriptionType } from "@/lib/db/schema";
import { FAMILY_DONATION_METHODS } from "../schemas";

/** Family types in the v1 API's snake_case JSON: the response schema (also in OpenAPI) and the row → JSON mapping. */

export const familyTypeJsonSchema = z
  .object({
    id: z.number().int(),
    master_subscription_type_code: z
      .string()
      .meta({ description: "Subscriptions of this type generate the codes." }),
    slave_subscription_type_code: z.string().nullable().meta({
      description:
        "The children's type; null for a customizable family (child types from the payment items).",
    }),
    donation_method: z.enum(FAMILY_DONATION_METHODS).meta({
      description:
        "copy: the master's start and end; days: donation_days from activation; fixed: until donation_fixed_end.",
    }),
    donation_days: z.number().int().nullable(),
    donation_fixed_end: timestampSchema.nullable(),
    count: z
      .number()
      .int()
      .meta({ description: "Requests per master subscription; 0 = the payment item's count." }),
    is_paid: z.boolean().meta({ description: "Whether child subscriptions count as paid." }),
    allow_self_use: z
      .boolean()
      .meta({ description: "Whether the master may activate their own codes." }),
    renewal_gap_days: z.number().int().meta({
      description:
        "A new master subscription starting at most this many days after the old one ended renews the children.",
    }),
  })
  .meta({ id: "FamilyType" });
export type FamilyTypeJson = z.output<typeof familyTypeJsonSchema>;

export function serializeFamilyType(
  row: FamilySubscriptionType & { masterTypeCode: string; childTypeCode: string | null },
): FamilyTypeJson {
  return {
    id: row.id,
    master_subscription_type_code: row.masterTypeCode,
    slave_subscription_type_code: row.childTypeCode,
    donation_method: row.donationMethod,
    donation_days: row.donationDays,
    donation_fixed_end: row.donationFixedEnd?.toISOString() ?? null,
    count: row.count,
    is_paid: row.isPaid,
    allow_self_use: row.allowSelfUse,
    renewal_gap_days: row.renewalGapDays,
  };
}
