import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { paymentItems, payments, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { sumCents } from "@/lib/money";
import { getSetting } from "@/lib/settings";
import { vatContained } from "./compute-vat";
import type { ReceiptDocument, ReceiptDocumentKind } from "./receipt-document";
import { sellerSettingsSchema } from "./seller-settings";

export interface LoadReceiptDocumentOptions {
  paymentId: number;
  /** The customer asking: only their own payment is found (ownership in the query). */
  userId: number;
  kind: ReceiptDocumentKind;
}

export const receiptNotFound = () =>
  notFound(
    "receipt_not_found",
    "No such receipt: the payment is not yours, not paid, or (for a credit note) not refunded.",
  );

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * A paid or refunded payment of the user as a receipt, or a refunded one as its credit note, with the seller from
 * settings. Throws `receipt_not_found` (404) for another user's payment, an unpaid one, or a document not issued.
 */
export async function loadReceiptDocument(
  db: Db,
  options: LoadReceiptDocumentOptions,
): Promise<ReceiptDocument> {
  const issued =
    options.kind === "receipt"
      ? and(inArray(payments.status, ["paid", "refund"]), isNotNull(payments.receiptNumber))
      : and(eq(payments.status, "refund"), isNotNull(payments.creditNoteNumber));
  const [row] = await db
    .select({ payment: payments, user: users })
    .from(payments)
    .innerJoin(users, eq(users.id, payments.userId))
    .where(and(eq(payments.id, options.paymentId), eq(payments.userId, options.userId), issued));
  const payment = row?.payment;
  const number = options.kind === "receipt" ? payment?.receiptNumber : payment?.creditNoteNumber;
  if (!row || !payment?.paidAt || !number) throw receiptNotFound();
  const { user } = row;
  const paidAt = payment.paidAt;

  const itemRows = await db
    .select()
    .from(paymentItems)
    .where(eq(paymentItems.paymentId, payment.id))
    .orderBy(asc(paymentItems.id));
  // The seller as the receipt was issued (assignReceiptNumber keeps it); today's settings for a payment without it.
  const issuedBy = sellerSettingsSchema.safeParse(payment.meta.receipt_seller);
  const seller = issuedBy.success ? issuedBy.data : await getSetting(db, "receipts.seller");
  // A credit note gives the money back: its amounts are the receipt's, negated.
  const sign = options.kind === "credit_note" ? -1 : 1;
  const items = itemRows.map((item) => ({
    name: item.name,
    count: item.count,
    unitPriceCents: item.amountCents,
    amountCents: sign * item.amountCents * item.count,
  }));
  const totalCents = sign * payment.amountCents;
  // The discount (payments.meta.discount_cents) is what the items' sum exceeds the amount charged by; taking the
  // difference keeps the printed lines adding up for any payment, including one whose meta has no discount.
  const subtotalCents =
    items.length > 0 ? sumCents(items.map((item) => item.amountCents)) : totalCents;
  const cityLine = [user.postalCode, user.city].filter((part) => part?.trim()).join(" ");
  const addressLines = [
    user.addressLine1,
    user.addressLine2,
    cityLine,
    user.country ? countryName(user.country) : null,
  ]
    .map((line) => line?.trim() ?? "")
    .filter((line) => line !== "");
  return {
    kind: options.kind,
    number,
    cancelsReceiptNumber: options.kind === "credit_note" ? payment.receiptNumber : null,
    paidAt,
    refundedAt: payment.refundedAt,
    seller,
    customer: { name: user.name, email: user.email, addressLines },
    items,
    subtotalCents,
    discountCents: subtotalCents - totalCents,
    discountCode:
      typeof payment.meta.discount_code === "string" ? payment.meta.discount_code : null,
    totalCents,
    vatRatePercent: seller.vat_rate_percent,
    vatCents: vatContained(totalCents, seller.vat_rate_percent),
    paymentId: payment.id,
    gateway: payment.gateway,
    gatewayReference:
      payment.gatewayReference ??
      (typeof payment.meta.transaction_id === "string" ? payment.meta.transaction_id : null),
  };
}
