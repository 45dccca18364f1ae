import { z } from "zod";
import { centsSchema, timestampSchema } from "@/lib/api/response-schemas";
import { recurrentState, type RecurrentPayment } from "@/lib/db/schema";
import { cardOfColumns } from "@/lib/payments/card-summary";
import { serializeCard } from "@/lib/payments/payment-json";

/** Recurrent payments in the v1 API's snake_case JSON: the response schema (also in OpenAPI) and the row → JSON mapping. */

export const recurrentPaymentSchema = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    state: z.enum(recurrentState.enumValues),
    gateway: z.string(),
    parent_payment_id: z.number().int(),
    subscription_type_id: z.number().int(),
    next_subscription_type_id: z.number().int().nullable(),
    custom_amount_cents: centsSchema.nullable(),
    charge_at: timestampSchema,
    expires_at: timestampSchema.nullable(),
    card: z
      .object({
        brand: z.string(),
        last4: z.string(),
        exp_month: z.number().int(),
        exp_year: z.number().int(),
      })
      .nullable()
      .meta({ description: "The saved card it charges, when the gateway described it." }),
    plan_changed_at: timestampSchema.nullable().meta({
      description: "When the customer scheduled `next_subscription_type_id` for the next charge.",
    }),
    created_at: timestampSchema,
  })
  .meta({ id: "RecurrentPayment" });
export type RecurrentPaymentJson = z.output<typeof recurrentPaymentSchema>;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/** The card token stays out: it is a gateway credential, not something to echo back. */
export function serializeRecurrentPayment(recurrent: RecurrentPayment): RecurrentPaymentJson {
  return {
    id: recurrent.id,
    user_id: recurrent.userId,
    state: recurrent.state,
    gateway: recurrent.gateway,
    parent_payment_id: recurrent.parentPaymentId,
    subscription_type_id: recurrent.subscriptionTypeId,
    next_subscription_type_id: recurrent.nextSubscriptionTypeId,
    custom_amount_cents: recurrent.customAmountCents,
    charge_at: iso(recurrent.chargeAt),
    expires_at: isoOrNull(recurrent.expiresAt),
    card: serializeCard(cardOfColumns(recurrent)),
    plan_changed_at: isoOrNull(recurrent.planChangedAt),
    created_at: iso(recurrent.createdAt),
  };
}
