import { z } from "zod";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { PAYMENT_GATEWAY_CODES } from "./gateways/gateway-codes";

export const paymentItemInputSchema = z.object({
  subscriptionTypeCode: codeSchema,
  count: z.number().int().min(1).max(1000).default(1),
  /** Unit price; defaults to the subscription type's price. */
  amountCents: z.number().int().min(0).max(100_000_000).optional(),
});

export const createPaymentSchema = z.object({
  userId: z.number().int().positive(),
  items: z
    .array(paymentItemInputSchema)
    .min(1, { message: "A payment needs at least one item." })
    .max(50),
  /** Defaults to `demo` when a card token is given (it must be charged later), else `manual`. */
  gateway: z.enum(PAYMENT_GATEWAY_CODES).optional(),
  /** Set up a recurrent payment on this card token when the payment is paid. */
  recurrentCardToken: z.string().trim().min(1).max(200).nullable().optional(),
  meta: z.record(z.string(), z.unknown()).default({}),
});
export type CreatePaymentInput = z.input<typeof createPaymentSchema>;
