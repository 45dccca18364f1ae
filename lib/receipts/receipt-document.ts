import type { Cents } from "@/lib/money";
import type { SellerSettings } from "./seller-settings";

/** Which document of a payment: its receipt, or (once refunded) the credit note that cancels it. UI-safe. */
export const RECEIPT_DOCUMENT_KINDS = ["receipt", "credit_note"] as const;
export type ReceiptDocumentKind = (typeof RECEIPT_DOCUMENT_KINDS)[number];

/** Everything printed on a receipt or credit note; amounts of a credit note are negative. */
export interface ReceiptDocument {
  kind: ReceiptDocumentKind;
  /** This document's number (`2026-000042`, `CN-2026-000007`). */
  number: string;
  /** The receipt a credit note cancels (null on a receipt, or for a payment paid before receipts were numbered). */
  cancelsReceiptNumber: string | null;
  paidAt: Date;
  /** When a credit note was issued: the refund. */
  refundedAt: Date | null;
  seller: SellerSettings;
  customer: { name: string | null; email: string; addressLines: string[] };
  items: { name: string; count: number; unitPriceCents: Cents; amountCents: Cents }[];
  /** The items' sum before the discount; equal to the total when there is none. */
  subtotalCents: Cents;
  /** subtotal − total: the discount (payments.meta.discount_cents), zero when there is none. */
  discountCents: Cents;
  discountCode: string | null;
  totalCents: Cents;
  vatRatePercent: number;
  vatCents: Cents;
  paymentId: number;
  gateway: string;
  gatewayReference: string | null;
}

/** The file name a browser saves it as: `receipt-2026-000042.pdf`, `credit-note-CN-2026-000007.pdf`. */
export function receiptFileName(document: Pick<ReceiptDocument, "kind" | "number">): string {
  return `${document.kind === "receipt" ? "receipt" : "credit-note"}-${document.number}.pdf`;
}
