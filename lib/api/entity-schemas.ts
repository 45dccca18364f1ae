import { z } from "zod";
import { paymentItemType, paymentStatus, recurrentState, subscriptionKind, userRole } from "@/lib/db/schema";

/**
 * Response shapes of the v1 API, shared by the routes that return them, the serializers (lib/api/serializers.ts) and
 * the OpenAPI document. JSON is snake_case; timestamps are ISO 8601 with an offset; money is integer cents.
 */
export const timestampSchema = z.iso
  .datetime({ offset: true })
  .meta({ description: "ISO 8601 timestamp with offset.", example: "2026-01-01T00:00:00.000Z" });

export const centsSchema = z.number().int().meta({ description: "Money in integer cents.", example: 499 });

export const errorSchema = z
  .object({
    error: z.string().meta({ description: "A stable code a program can switch on.", example: "validation_error" }),
    message: z.string().meta({ description: "What went wrong, for people." }),
    details: z.unknown().optional().meta({ description: "Field errors, when the body or query did not validate." }),
  })
  .meta({ id: "Error" });

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(userRole.enumValues),
    created_at: timestampSchema,
  })
  .meta({ id: "User" });

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

export const paymentSchema = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    amount_cents: centsSchema,
    status: z.enum(paymentStatus.enumValues),
    gateway: z.string(),
    paid_at: timestampSchema.nullable(),
    recurrent: z.boolean().meta({ description: "Whether paying it sets up (or it came from) a recurrent payment." }),
    created_at: timestampSchema,
    items: z.array(paymentItemSchema),
  })
  .meta({ id: "Payment" });

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
      .object({ brand: z.string(), last4: z.string(), exp_month: z.number().int(), exp_year: z.number().int() })
      .nullable()
      .meta({ description: "The saved card it charges, when the gateway described it." }),
    plan_changed_at: timestampSchema.nullable().meta({ description: "When the customer scheduled `next_subscription_type_id` for the next charge." }),
    created_at: timestampSchema,
  })
  .meta({ id: "RecurrentPayment" });

export type UserJson = z.output<typeof userSchema>;
export type SubscriptionJson = z.output<typeof subscriptionSchema>;
export type SubscriptionTypeJson = z.output<typeof subscriptionTypeSchema>;
export type PaymentItemJson = z.output<typeof paymentItemSchema>;
export type PaymentJson = z.output<typeof paymentSchema>;
export type RecurrentPaymentJson = z.output<typeof recurrentPaymentSchema>;
