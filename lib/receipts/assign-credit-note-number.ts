import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { payments, type Payment } from "@/lib/db/schema";
import { documentYear, formatDocumentNumber } from "./document-number-format";
import { takeDocumentNumber } from "./take-document-number";

/**
 * Give a just-refunded payment its credit note number, in the refund's transaction (its row locked), numbered in the
 * year of `refunded_at` with a sequence of its own. Assigned once, like the receipt number.
 */
export async function assignCreditNoteNumber(tx: Db, payment: Payment): Promise<Payment> {
  if (payment.creditNoteNumber !== null) return payment;
  if (payment.refundedAt === null)
    throw new Error(`payment ${payment.id} has no refunded_at to number its credit note by`);
  const year = documentYear(payment.refundedAt);
  const sequence = await takeDocumentNumber(tx, { kind: "credit_note", year });
  const [numbered] = await tx
    .update(payments)
    .set({ creditNoteNumber: formatDocumentNumber("credit_note", year, sequence) })
    .where(and(eq(payments.id, payment.id), isNull(payments.creditNoteNumber)))
    .returning();
  if (!numbered)
    throw new Error(
      `payment ${payment.id} was given a credit note by another transaction while locked`,
    );
  return numbered;
}
