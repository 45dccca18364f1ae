import { z } from "zod";
import { centsSchema, timestampSchema } from "@/lib/api/response-schemas";
import { subscriptionKind, type Subscription, type SubscriptionType } from "@/lib/db/schema";

/**
 * Subscriptions and subscription types in the v1 API's snake_case JSON: the response schemas (also in OpenAPI) and
 * the row → JSON mapping.
 */

export const subscriptionSchema = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    subscription_type_id: z.number().int(),
    subscription_type_code: z.string(),
    start_at: timestampSchema,
    end_at: timestampSchema,
    kind: z.enum(subscriptionKind.enumValues),
    is_paid: z.boolean(),
    payment_id: z.number().int().nullable(),
    next_subscription_id: z.number().int().nullable(),
    created_at: timestampSchema,
  })
  .meta({ id: "Subscription" });
export type SubscriptionJson = z.output<typeof subscriptionSchema>;

export const subscriptionTypeSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    length_days: z.number().int(),
    price_cents: centsSchema,
    active: z.boolean(),
    is_default: z.boolean(),
    content_access: z.array(z.string()).meta({ description: "Content access codes, sorted." }),
    next_subscription_type_code: z.string().nullable(),
    fixed_end: timestampSchema.nullable(),
    offered: z.boolean().meta({ description: "Sold on the pricing page and through purchases." }),
    position: z.number().int().meta({ description: "Order on the pricing page, lowest first." }),
    description: z.string().nullable(),
    highlighted: z.boolean().meta({ description: "Recommended on the pricing page." }),
    created_at: timestampSchema,
  })
  .meta({ id: "SubscriptionType" });
export type SubscriptionTypeJson = z.output<typeof subscriptionTypeSchema>;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function serializeSubscription(
  subscription: Subscription,
  typeCode: string,
): SubscriptionJson {
  return {
    id: subscription.id,
    user_id: subscription.userId,
    subscription_type_id: subscription.subscriptionTypeId,
    subscription_type_code: typeCode,
    start_at: iso(subscription.startAt),
    end_at: iso(subscription.endAt),
    kind: subscription.kind,
    is_paid: subscription.isPaid,
    payment_id: subscription.paymentId,
    next_subscription_id: subscription.nextSubscriptionId,
    created_at: iso(subscription.createdAt),
  };
}

export function serializeSubscriptionType(
  type: SubscriptionType,
  related: { contentAccessCodes: readonly string[]; nextCode: string | null },
): SubscriptionTypeJson {
  return {
    id: type.id,
    code: type.code,
    name: type.name,
    length_days: type.lengthDays,
    price_cents: type.priceCents,
    active: type.active,
    is_default: type.isDefault,
    content_access: [...related.contentAccessCodes].sort(),
    next_subscription_type_code: related.nextCode,
    fixed_end: isoOrNull(type.fixedEnd),
    offered: type.offered,
    position: type.position,
    description: type.description,
    highlighted: type.highlighted,
    created_at: iso(type.createdAt),
  };
}
