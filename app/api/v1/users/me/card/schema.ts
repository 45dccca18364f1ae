import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { idempotencyKeySchema } from "@/lib/api/idempotency";

export const saveCardBodySchema = z
  .strictObject({
    payment_token: z.string().trim().min(1).max(200).optional().meta({ description: "For the demo gateway: the new test card (`tok_visa`). Stripe needs none." }),
    idempotency_key: idempotencyKeySchema,
  })
  .meta({ id: "SaveCardRequest" });

export const saveCardResponseSchema = z
  .object({
    card: z.object({ brand: z.string(), last4: z.string(), exp_month: z.number().int(), exp_year: z.number().int() }).nullable(),
    checkout_url: z.string().nullable().meta({ description: "Stripe: send the customer here to enter the card; it is saved by webhook." }),
  })
  .meta({ id: "SaveCardResponse" });

export const saveCardOperation = defineOperation({
  operationId: "saveMyCard",
  summary: "Replace the card my renewals are charged on",
  description: "The demo gateway checks the token at once; Stripe answers `checkout_url` (Checkout in setup mode) and replaces the card by webhook.",
  tags: ["Billing"],
  auth: { token: "user" },
  body: saveCardBodySchema,
  responses: { "200": { description: "Saved, or where to save it.", content: jsonContent(saveCardResponseSchema) } },
  errors: { 400: ["renewal_not_found", "card_token_required"], 402: ["card_declined"] },
});
