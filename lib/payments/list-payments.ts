import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { payments, users, type PaymentStatus } from "@/lib/db/schema";
import { loadPaymentItems } from "./load-payment-items";

/** The payments list's filters: the admin page, its CSV export and the API's export take the same. */
export interface PaymentListFilters {
  /** Only this user's payments (the customer zone passes the session user: ownership in the query). */
  userId?: number;
  status?: PaymentStatus;
  gateway?: string;
}

export interface ListPaymentsOptions extends PaymentListFilters {
  limit: number;
  offset: number;
}

/** The where clause of the payments list's filters (shared with the CSV export, so both list the same rows). */
export function paymentListWhere(filters: PaymentListFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.userId !== undefined) conditions.push(eq(payments.userId, filters.userId));
  if (filters.status) conditions.push(eq(payments.status, filters.status));
  if (filters.gateway) conditions.push(eq(payments.gateway, filters.gateway));
  return and(...conditions);
}

/** Payments with their user and items, newest first. */
export async function listPayments(db: Db, options: ListPaymentsOptions) {
  const where = paymentListWhere(options);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: payments.id,
        userId: payments.userId,
        userEmail: users.email,
        amountCents: payments.amountCents,
        status: payments.status,
        gateway: payments.gateway,
        paidAt: payments.paidAt,
        refundedAt: payments.refundedAt,
        createdAt: payments.createdAt,
        recurrentCardToken: payments.recurrentCardToken,
        failureReason: payments.failureReason,
      })
      .from(payments)
      .innerJoin(users, eq(users.id, payments.userId))
      .where(where)
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(payments).where(where),
  ]);
  const items = await loadPaymentItems(
    db,
    rows.map((row) => row.id),
  );
  return {
    rows: rows.map((row) => ({ ...row, items: items.filter((item) => item.paymentId === row.id) })),
    total: totals?.total ?? 0,
  };
}

export type PaymentListRow = Awaited<ReturnType<typeof listPayments>>["rows"][number];
