import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { paymentSchema } from "@/lib/payments/payment-json";
import { recurrentPaymentSchema } from "@/lib/recurrent-payments/recurrent-payment-json";
import { subscriptionSchema } from "@/lib/subscriptions/subscription-json";
import { IDEMPOTENCY_HEADER, idempotencyKeySchema } from "@/lib/api/idempotency";
import { idInputSchema, timestampInputSchema } from "@/lib/api/request-schemas";
import { PAYMENT_GATEWAY_CODES } from "@/lib/payments/gateways/gateway-codes";
import { paymentIdPathSchema } from "@/lib/payments/payment-id-param";
import { paymentItemInputSchema } from "@/lib/payments/schemas";
import { RECEIPT_DOCUMENT_KINDS } from "@/lib/receipts/receipt-document";
import { codeSchema } from "@/lib/subscriptions/schemas";

const itemFields = paymentItemInputSchema.shape;

export const paymentItemBodySchema = z
  .strictObject({
    subscription_type_code: codeSchema,
    count: itemFields.count.meta({ description: "Units; defaults to 1." }),
    amount_cents: itemFields.amountCents.meta({
      description: "Unit price in cents; defaults to the type's price.",
    }),
  })
  .meta({ id: "PaymentItemRequest" });

export const createPaymentBodySchema = z
  .strictObject({
    user_id: idInputSchema,
    items: z
      .array(paymentItemBodySchema)
      .min(1, { message: "A payment needs at least one item." })
      .max(50),
    status: z.enum(["form", "paid"]).default("form").meta({
      description:
        "`paid` pays it at once, creating the subscription; `form` (default) leaves it unpaid.",
    }),
    paid_at: timestampInputSchema
      .optional()
      .meta({ description: "Only with status `paid`; defaults to now." }),
    recurrent: z
      .strictObject({ card_token: z.string().trim().min(1).max(200) })
      .optional()
      .meta({
        description:
          "Set up a recurrent payment charging this gateway card token when the payment is paid.",
      }),
    gateway: z.enum(PAYMENT_GATEWAY_CODES).default("manual"),
  })
  .meta({ id: "CreatePaymentRequest" });

export const paymentHeadersSchema = z.object({
  [IDEMPOTENCY_HEADER]: idempotencyKeySchema.optional(),
});

export const paymentResponseSchema = z
  .object({
    payment: paymentSchema,
    subscription: subscriptionSchema
      .nullable()
      .meta({ description: "The subscription paying created." }),
    recurrent_payment: recurrentPaymentSchema
      .nullable()
      .meta({ description: "The recurrent payment paying set up." }),
  })
  .meta({ id: "PaymentResponse" });

export const createPaymentOperation = defineOperation({
  operationId: "createPayment",
  summary: "Create a payment, optionally paid",
  description:
    "Creates the payment and its items and, with status `paid`, pays it: the subscription starts when the user's " +
    "running subscription with the same content access ends, else now. All in one transaction. With an " +
    "`Idempotency-Key` header (scoped to the API token), a retry returns the first result with the header " +
    "`Idempotent-Replayed: true`.",
  tags: ["Payments"],
  auth: { token: "api", scope: "payments:write" },
  body: createPaymentBodySchema,
  headers: paymentHeadersSchema,
  responses: { "201": { description: "Created.", content: jsonContent(paymentResponseSchema) } },
  errors: {
    400: [
      "user_not_found",
      "subscription_type_not_found",
      "paid_at_requires_paid_status",
      "paid_at_in_future",
      "idempotency_key_invalid",
    ],
    409: ["idempotency_key_reused"],
  },
});

export const receiptQuerySchema = z.strictObject({
  document: z.enum(RECEIPT_DOCUMENT_KINDS).default("receipt").meta({
    description: "`receipt` (default), or `credit_note` for a refunded payment's credit note.",
  }),
});

export const getReceiptPdfOperation = {
  ...defineOperation({
    operationId: "getPaymentReceiptPdf",
    summary: "A payment's receipt (or credit note) as a PDF",
    description:
      "The signed-in user's own paid or refunded payment as a receipt PDF; with `document=credit_note`, a refunded " +
      "payment's credit note. Another user's payment, an unpaid one, or a credit note of a payment not refunded is " +
      "404 `receipt_not_found`.",
    tags: ["Payments"],
    auth: { token: "user" },
    query: receiptQuerySchema,
    responses: {
      "200": {
        description:
          'The PDF, as a download (`Content-Disposition: attachment; filename="receipt-2026-000042.pdf"`).',
        content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
      },
    },
    errors: { 404: ["receipt_not_found"] },
  }),
  requestParams: {
    query: receiptQuerySchema,
    path: paymentIdPathSchema,
  },
};
