import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { appBaseUrl } from "@/lib/email/build-email-context";
import { listMyPayments } from "@/lib/receipts/list-my-payments";
import { apiReceiptPath } from "@/lib/receipts/receipt-paths";
import { listMyPaymentsQuerySchema, type myPaymentSchema } from "@/lib/api/operations/users";
import type { z } from "zod";

export const GET = apiRoute(
  { auth: { token: "user" }, query: listMyPaymentsQuerySchema },
  async ({ db, principal, query }) => {
    const { rows, total } = await listMyPayments(db, {
      userId: principal.user.id,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    const base = appBaseUrl();
    const payments: z.input<typeof myPaymentSchema>[] = rows.map((row) => ({
      id: row.id,
      status: row.status,
      amount_cents: row.amountCents,
      created_at: row.createdAt.toISOString(),
      paid_at: row.paidAt?.toISOString() ?? null,
      refunded_at: row.refundedAt?.toISOString() ?? null,
      items: row.items.map((item) => ({
        name: item.name,
        count: item.count,
        amount_cents: item.amountCents,
      })),
      receipt_number: row.receiptNumber,
      credit_note_number: row.creditNoteNumber,
      receipt_url: row.receiptNumber ? `${base}${apiReceiptPath(row.id, "receipt")}` : null,
      credit_note_url: row.creditNoteNumber
        ? `${base}${apiReceiptPath(row.id, "credit_note")}`
        : null,
    }));
    return NextResponse.json({ payments, total });
  },
);
