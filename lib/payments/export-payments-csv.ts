import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { csvStream } from "@/lib/csv/csv-stream";
import { centsToDecimal } from "@/lib/csv/csv";
import {
  cursorText,
  EXPORT_BATCH_SIZE,
  keysetAfter,
  keysetBatches,
  mapBatches,
} from "@/lib/csv/keyset-batches";
import type { Db } from "@/lib/db";
import { payments, users } from "@/lib/db/schema";
import { CURRENCY } from "@/lib/money";
import { paymentListWhere, type PaymentListFilters } from "./list-payments";
import { loadPaymentItems } from "./load-payment-items";

const HEADER = [
  "id",
  "user_id",
  "user_email",
  "amount",
  "currency",
  "status",
  "gateway",
  "items",
  "created_at",
  "paid_at",
  "refunded_at",
  "failure_reason",
];

/**
 * The payments the admin list shows for these filters, newest first, as a streamed CSV (keyset-paged batches). The
 * amount is a decimal in the installation's currency; items read `2 × Web monthly (9.99)`, separated by `; `.
 */
export function exportPaymentsCsv(db: Db, filters: PaymentListFilters): ReadableStream<Uint8Array> {
  const where = paymentListWhere(filters);
  const batches = keysetBatches(async (cursor) => {
    const rows = await db
      .select({
        id: payments.id,
        userId: payments.userId,
        userEmail: users.email,
        amountCents: payments.amountCents,
        status: payments.status,
        gateway: payments.gateway,
        createdAt: payments.createdAt,
        paidAt: payments.paidAt,
        refundedAt: payments.refundedAt,
        failureReason: payments.failureReason,
        sortKey: cursorText(payments.createdAt),
      })
      .from(payments)
      .innerJoin(users, eq(users.id, payments.userId))
      .where(and(where, keysetAfter(payments.createdAt, payments.id, cursor)))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(EXPORT_BATCH_SIZE);
    const items = await loadPaymentItems(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      ...row,
      items: items
        .filter((item) => item.paymentId === row.id)
        .map((item) => `${item.count} × ${item.name} (${centsToDecimal(item.amountCents)})`)
        .join("; "),
    }));
  });
  return csvStream(
    HEADER,
    mapBatches(batches, (row) => [
      row.id,
      row.userId,
      row.userEmail,
      centsToDecimal(row.amountCents),
      CURRENCY,
      row.status,
      row.gateway,
      row.items,
      row.createdAt,
      row.paidAt,
      row.refundedAt,
      row.failureReason,
    ]),
  );
}
