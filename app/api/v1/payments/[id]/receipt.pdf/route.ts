import { apiRoute } from "@/lib/api/api-route";
import { receiptPdfResponse } from "@/lib/receipts/receipt-pdf-response";
import { receiptPaymentIdParam, receiptQuerySchema } from "./schema";

export const GET = apiRoute({ auth: { token: "user" }, query: receiptQuerySchema }, async ({ db, principal, params, query }) =>
  receiptPdfResponse(db, { paymentId: receiptPaymentIdParam(params), userId: principal.user.id, kind: query.document }),
);
