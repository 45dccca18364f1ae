import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { paymentSchema } from "@/lib/payments/payment-json";
import { recurrentPaymentSchema } from "@/lib/recurrent-payments/recurrent-payment-json";
import { subscriptionSchema } from "@/lib/subscriptions/subscription-json";
import { idempotencyKeySchema } from "@/lib/api/idempotency";
import { paymentIdPathSchema } from "@/lib/payments/payment-id-param";
import { codeSchema } from "@/lib/subscriptions/schemas";

export const renewalBodySchema = z
  .strictObject({
    action: z
      .enum(["stop", "resume"])
      .meta({ description: "`resume` only while the subscription it renews still runs." }),
  })
  .meta({ id: "RenewalRequest" });

export const renewalResponseSchema = z
  .object({ recurrent_payment: recurrentPaymentSchema })
  .meta({ id: "RenewalResponse" });

export const setRenewalOperation = defineOperation({
  operationId: "setMyRenewal",
  summary: "Stop or resume my automatic renewal",
  description:
    "Stopping keeps the subscription running to its end; resuming is possible until then. Repeating an action changes nothing.",
  tags: ["Billing"],
  auth: { token: "user" },
  body: renewalBodySchema,
  responses: {
    "200": { description: "The renewal.", content: jsonContent(renewalResponseSchema) },
  },
  errors: {
    404: ["renewal_not_found"],
    409: ["renewal_not_active", "renewal_not_stopped", "renewal_ended"],
  },
});

export const planChangeBodySchema = z
  .strictObject({
    subscription_type_code: codeSchema.meta({
      description:
        "Another length of the current plan, or a cheaper offered plan with no new content.",
    }),
  })
  .meta({ id: "PlanChangeRequest" });

export const planChangeResponseSchema = z
  .object({
    recurrent_payment: recurrentPaymentSchema,
    next_subscription_type_code: z.string().meta({ description: "What the next renewal buys." }),
  })
  .meta({ id: "PlanChangeResponse" });

export const schedulePlanChangeOperation = defineOperation({
  operationId: "scheduleMyPlanChange",
  summary: "Switch my plan at the next renewal",
  description:
    "The active renewal's next charge buys the chosen plan at its price; until then nothing changes.",
  tags: ["Billing"],
  auth: { token: "user" },
  body: planChangeBodySchema,
  responses: {
    "200": { description: "Scheduled.", content: jsonContent(planChangeResponseSchema) },
  },
  errors: { 404: ["renewal_not_found"], 409: ["renewal_not_active", "plan_change_not_allowed"] },
});

export const cancelPlanChangeOperation = defineOperation({
  operationId: "cancelMyPlanChange",
  summary: "Cancel my scheduled plan change",
  description: "The next renewal buys what the current plan renews into again.",
  tags: ["Billing"],
  auth: { token: "user" },
  responses: {
    "200": { description: "Cancelled.", content: jsonContent(planChangeResponseSchema) },
  },
  errors: { 404: ["renewal_not_found", "plan_change_not_found"], 409: ["renewal_not_active"] },
});

export const saveCardBodySchema = z
  .strictObject({
    payment_token: z.string().trim().min(1).max(200).optional().meta({
      description: "For the demo gateway: the new test card (`tok_visa`). Stripe needs none.",
    }),
    idempotency_key: idempotencyKeySchema,
  })
  .meta({ id: "SaveCardRequest" });

export const saveCardResponseSchema = z
  .object({
    card: z
      .object({
        brand: z.string(),
        last4: z.string(),
        exp_month: z.number().int(),
        exp_year: z.number().int(),
      })
      .nullable(),
    checkout_url: z.string().nullable().meta({
      description: "Stripe: send the customer here to enter the card; it is saved by webhook.",
    }),
  })
  .meta({ id: "SaveCardResponse" });

export const saveCardOperation = defineOperation({
  operationId: "saveMyCard",
  summary: "Replace the card my renewals are charged on",
  description:
    "The demo gateway checks the token at once; Stripe answers `checkout_url` (Checkout in setup mode) and replaces the card by webhook.",
  tags: ["Billing"],
  auth: { token: "user" },
  body: saveCardBodySchema,
  responses: {
    "200": {
      description: "Saved, or where to save it.",
      content: jsonContent(saveCardResponseSchema),
    },
  },
  errors: { 400: ["renewal_not_found", "card_token_required"], 402: ["card_declined"] },
});

export const retryPaymentBodySchema = z
  .strictObject({
    card: z
      .enum(["saved", "new"])
      .default("saved")
      .meta({ description: "`saved`: the card renewals use; `new`: another card." }),
    payment_token: z.string().trim().min(1).max(200).optional().meta({
      description:
        "With `card: new` on the demo gateway: the test card. Stripe answers `checkout_url`.",
    }),
  })
  .meta({ id: "RetryPaymentRequest" });

export const retryPaymentResponseSchema = z
  .object({
    payment: paymentSchema,
    subscription: subscriptionSchema.nullable(),
    recurrent_payment: recurrentPaymentSchema
      .nullable()
      .meta({ description: "The renewal that follows, once paid." }),
    checkout_url: z.string().nullable(),
  })
  .meta({ id: "RetryPaymentResponse" });

export const retryPaymentOperation = {
  ...defineOperation({
    operationId: "retryMyPayment",
    summary: "Pay a failed renewal again",
    description:
      "A failed renewal payment of the signed-in customer is paid now, on the saved card or a new one; paid, the " +
      "subscription starts now and automatic renewal goes on.",
    tags: ["Billing"],
    auth: { token: "user" },
    body: retryPaymentBodySchema,
    responses: {
      "201": {
        description: "Paid, charging, or waiting at `checkout_url`.",
        content: jsonContent(retryPaymentResponseSchema),
      },
    },
    errors: {
      400: ["card_token_required", "saved_card_missing"],
      402: ["payment_declined"],
      404: ["payment_not_found"],
      409: ["payment_not_retryable", "payment_in_progress"],
    },
  }),
  requestParams: { path: paymentIdPathSchema },
};
