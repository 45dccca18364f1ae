import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { payments, type Payment } from "@/lib/db/schema";
import { getSetting } from "@/lib/settings";
import { documentYear, formatDocumentNumber } from "./document-number-format";
import { takeDocumentNumber } from "./take-document-number";

/**
 * Give a just-paid payment its receipt number, in the transaction that marked it paid (its row locked), numbered in
 * the year of `paid_at`. Every paid payment gets one, a 0.00 payment too: it is still a document of the sale. A
 * payment that already has a number keeps it, and no number is taken for it. The seller and VAT rate of the day are
 * kept with it (meta.receipt_seller), so a later change of the settings does not alter a document already issued.
 */
export async function assignReceiptNumber(tx: Db, payment: Payment): Promise<Payment> {
  if (payment.receiptNumber !== null) return payment;
  if (payment.paidAt === null)
    throw new Error(`payment ${payment.id} has no paid_at to number its receipt by`);
  const year = documentYear(payment.paidAt);
  const seller = await getSetting(tx, "receipts.seller");
  const sequence = await takeDocumentNumber(tx, { kind: "receipt", year });
  const [numbered] = await tx
    .update(payments)
    .set({
      receiptNumber: formatDocumentNumber("receipt", year, sequence),
      // Merged into the row's meta as it is now: the transaction may have added to it since `payment` was read (a
      // paid_extend paid too late is marked to be refunded).
      meta: sql`${payments.meta} || ${JSON.stringify({ receipt_seller: seller })}::jsonb`,
    })
    .where(and(eq(payments.id, payment.id), isNull(payments.receiptNumber)))
    .returning();
  if (!numbered)
    throw new Error(`payment ${payment.id} was numbered by another transaction while locked`);
  return numbered;
}
