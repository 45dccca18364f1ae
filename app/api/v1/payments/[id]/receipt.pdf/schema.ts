import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi-operations";
import { receiptNotFound } from "@/lib/receipts/load-receipt-document";
import { RECEIPT_DOCUMENT_KINDS } from "@/lib/receipts/receipt-document";

export const receiptQuerySchema = z.strictObject({
  document: z
    .enum(RECEIPT_DOCUMENT_KINDS)
    .default("receipt")
    .meta({ description: "`receipt` (default), or `credit_note` for a refunded payment's credit note." }),
});

const paymentIdParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** The `{id}` segment; a value that is not an id names no receipt (404, like an unknown one). */
export function receiptPaymentIdParam(params: Record<string, string>): number {
  const parsed = paymentIdParamSchema.safeParse(params.id);
  if (!parsed.success) throw receiptNotFound();
  return parsed.data;
}

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
    path: z.object({ id: z.number().int().positive().meta({ description: "The payment id." }) }),
  },
};
