import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi-operations";
import { RECEIPT_DOCUMENT_KINDS } from "@/lib/receipts/receipt-document";
import { paymentIdPathSchema } from "../payment-id";

export const receiptQuerySchema = z.strictObject({
  document: z
    .enum(RECEIPT_DOCUMENT_KINDS)
    .default("receipt")
    .meta({ description: "`receipt` (default), or `credit_note` for a refunded payment's credit note." }),
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
        description: 'The PDF, as a download (`Content-Disposition: attachment; filename="receipt-2026-000042.pdf"`).',
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
