import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { paymentItems, payments, type PaymentStatus } from "@/lib/db/schema";

export interface ListMyPaymentsOptions {
  /** The customer: only their payments are read (ownership in the query). */
  userId: number;
  limit: number;
  offset: number;
}

export interface MyPaymentRow {
  id: number;
  status: PaymentStatus;
  amountCents: number;
  createdAt: Date;
  paidAt: Date | null;
  refundedAt: Date | null;
  /** Set once paid; the receipt can be downloaded while it is set. */
  receiptNumber: string | null;
  /** Set once refunded. */
  creditNoteNumber: string | null;
  items: { name: string; count: number; amountCents: number }[];
}

/** A customer's payments with their items and document numbers, newest first, a page at a time. */
export async function listMyPayments(
  db: Db,
  options: ListMyPaymentsOptions,
): Promise<{ rows: MyPaymentRow[]; total: number }> {
  const where = eq(payments.userId, options.userId);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: payments.id,
        status: payments.status,
        amountCents: payments.amountCents,
        createdAt: payments.createdAt,
        paidAt: payments.paidAt,
        refundedAt: payments.refundedAt,
        receiptNumber: payments.receiptNumber,
        creditNoteNumber: payments.creditNoteNumber,
      })
      .from(payments)
      .where(where)
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(payments).where(where),
  ]);
  const items =
    rows.length === 0
      ? []
      : await db
          .select({
            paymentId: paymentItems.paymentId,
            name: paymentItems.name,
            count: paymentItems.count,
            amountCents: paymentItems.amountCents,
          })
          .from(paymentItems)
          .innerJoin(payments, eq(payments.id, paymentItems.paymentId))
          .where(
            and(
              inArray(
                paymentItems.paymentId,
                rows.map((row) => row.id),
              ),
              where,
            ),
          )
          .orderBy(asc(paymentItems.id));
  return {
    rows: rows.map((row) => ({
      ...row,
      items: items
        .filter((item) => item.paymentId === row.id)
        .map(({ name, count, amountCents }) => ({ name, count, amountCents })),
    })),
    total: totals?.total ?? 0,
  };
}
