import type { ReceiptDocumentKind } from "./receipt-document";

/** Where a receipt or credit note PDF is downloaded. UI-safe. */

const query = (kind: ReceiptDocumentKind) =>
  kind === "credit_note" ? "?document=credit_note" : "";

/** For the signed-in customer (session): the billing page links here. */
export function customerReceiptPath(paymentId: number, kind: ReceiptDocumentKind): string {
  return `/account/billing/receipts/${paymentId}${query(kind)}`;
}

/** For API clients holding a user token. */
export function apiReceiptPath(paymentId: number, kind: ReceiptDocumentKind): string {
  return `/api/v1/payments/${paymentId}/receipt.pdf${query(kind)}`;
}
