import { z } from "zod";
import { centsSchema, timestampSchema } from "@/lib/api/response-schemas";
import { paymentItemType, paymentStatus, type Payment, type PaymentItem } from "@/lib/db/schema";
import type { CardSummary } from "./gateways/gateway";

/** Payments in the v1 API's snake_case JSON: the response schemas (also in OpenAPI) and the row → JSON mapping. */

export const paymentItemSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(paymentItemType.enumValues),
    subscription_type_id: z.number().int().nullable(),
    subscription_type_code: z.string().nullable(),
    name: z.string(),
    amount_cents: centsSchema.meta({ description: "Price of one unit, in cents." }),
    count: z.number().int(),
  })
  .meta({ id: "PaymentItem" });
export type PaymentItemJson = z.output<typeof paymentItemSchema>;

export const paymentSchema = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    amount_cents: centsSchema,
    status: z.enum(paymentStatus.enumValues),
    gateway: z.string(),
    paid_at: timestampSchema.nullable(),
    recurrent: z
      .boolean()
      .meta({ description: "Whether paying it sets up (or it came from) a recurrent payment." }),
    created_at: timestampSchema,
    items: z.array(paymentItemSchema),
  })
  .meta({ id: "Payment" });
export type PaymentJson = z.output<typeof paymentSchema>;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function serializePaymentItem(item: PaymentItem, typeCode: string | null): PaymentItemJson {
  return {
    id: item.id,
    type: item.type,
    subscription_type_id: item.subscriptionTypeId,
    subscription_type_code: typeCode,
    name: item.name,
    amount_cents: item.amountCents,
    count: item.count,
  };
}

export function serializePayment(payment: Payment, items: readonly PaymentItemJson[]): PaymentJson {
  return {
    id: payment.id,
    user_id: payment.userId,
    amount_cents: payment.amountCents,
    status: payment.status,
    gateway: payment.gateway,
    paid_at: isoOrNull(payment.paidAt),
    recurrent: payment.recurrentCardToken !== null || payment.recurrentPaymentId !== null,
    created_at: iso(payment.createdAt),
    items: [...items],
  };
}

export function serializeCard(card: CardSummary | null) {
  return card
    ? { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear }
    : null;
}
