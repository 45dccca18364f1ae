import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { paymentSchema } from "@/lib/payments/payment-json";
import { recurrentPaymentSchema } from "@/lib/recurrent-payments/recurrent-payment-json";
import { subscriptionSchema } from "@/lib/subscriptions/subscription-json";
import { idempotencyKeySchema } from "@/lib/api/idempotency";
import { codeSchema } from "@/lib/subscriptions/schemas";

export const purchaseBodySchema = z
  .strictObject({
    subscription_type_code: codeSchema.meta({
      description: "An offered subscription type (see /subscribe).",
    }),
    recurrent: z.boolean().meta({
      description: "Renew automatically: paying saves the card and sets up the recurrent payment.",
    }),
    discount_code: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "One of the customer's discount codes." }),
    payment_token: z.string().trim().min(1).max(200).optional().meta({
      description:
        "For the demo gateway: a card token (`tok_visa`, `tok_declined`) charged at once. Stripe needs none.",
    }),
    idempotency_key: idempotencyKeySchema,
  })
  .meta({ id: "PurchaseRequest" });

export const purchaseResponseSchema = z
  .object({
    payment: paymentSchema,
    subscription: subscriptionSchema
      .nullable()
      .meta({ description: "The subscription, once the payment is paid." }),
    recurrent_payment: recurrentPaymentSchema
      .nullable()
      .meta({ description: "The automatic renewal, once paid with `recurrent`." }),
    checkout_url: z.string().nullable().meta({
      description:
        "Send the customer here to pay (Stripe Checkout, or the hosted checkout page); null once paid or charging.",
    }),
  })
  .meta({ id: "PurchaseResponse" });

export const purchaseOperation = defineOperation({
  operationId: "createPurchase",
  summary: "Buy a subscription",
  description:
    "The signed-in customer buys an offered subscription type. With the demo gateway and a `payment_token` the card " +
    "is charged at once; with Stripe the response carries `checkout_url` (Stripe Checkout) and the payment settles by " +
    "webhook. The subscription starts when the customer's running subscription with the same content access ends, " +
    "else now. A referred friend's first payment carries the referral program's friend discount. The same " +
    "`idempotency_key` returns the same payment (`Idempotent-Replayed: true`) and never charges twice.",
  tags: ["Payments"],
  auth: { token: "user" },
  body: purchaseBodySchema,
  responses: {
    "201": {
      description: "Created (and paid, charging, or waiting at `checkout_url`).",
      content: jsonContent(purchaseResponseSchema),
    },
  },
  errors: {
    400: ["discount_code_invalid", "card_token_required"],
    402: ["payment_declined"],
    404: ["subscription_type_not_offered"],
    409: ["idempotency_key_reused", "payment_in_progress", "referral_discount_used"],
  },
});
