import { z } from "zod";
import { paymentSchema, recurrentPaymentSchema, subscriptionSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { paymentIdPathSchema } from "../payment-id";

export const retryPaymentBodySchema = z
  .strictObject({
    card: z.enum(["saved", "new"]).default("saved").meta({ description: "`saved`: the card renewals use; `new`: another card." }),
    payment_token: z.string().trim().min(1).max(200).optional().meta({ description: "With `card: new` on the demo gateway: the test card. Stripe answers `checkout_url`." }),
  })
  .meta({ id: "RetryPaymentRequest" });

export const retryPaymentResponseSchema = z
  .object({
    payment: paymentSchema,
    subscription: subscriptionSchema.nullable(),
    recurrent_payment: recurrentPaymentSchema.nullable().meta({ description: "The renewal that follows, once paid." }),
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
    responses: { "201": { description: "Paid, charging, or waiting at `checkout_url`.", content: jsonContent(retryPaymentResponseSchema) } },
    errors: { 400: ["card_token_required", "saved_card_missing"], 402: ["payment_declined"], 404: ["payment_not_found"], 409: ["payment_not_retryable", "payment_in_progress"] },
  }),
  requestParams: { path: paymentIdPathSchema },
};
