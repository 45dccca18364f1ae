import { apiRoute } from "@/lib/api/api-route";
import { receiptPdfResponse } from "@/lib/receipts/receipt-pdf-response";
import { receiptNotFound } from "@/lib/receipts/load-receipt-document";
import { paymentIdParam } from "@/lib/payments/payment-id-param";
import { receiptQuerySchema } from "@/lib/api/operations/payments";

export const GET = apiRoute(
  { auth: { token: "user" }, query: receiptQuerySchema },
  async ({ db, principal, params, query }) =>
    receiptPdfResponse(db, {
      paymentId: paymentIdParam(params, receiptNotFound),
      userId: principal.user.id,
      kind: query.document,
    }),
);
