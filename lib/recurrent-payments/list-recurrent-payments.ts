import "server-only";
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { recurrentPayments, subscriptionTypes, users, type RecurrentState } from "@/lib/db/schema";

export interface ListRecurrentPaymentsOptions {
  /** Only this user's recurrent payments (the customer zone passes the session user: ownership in the query). */
  userId?: number;
  state?: RecurrentState;
  limit: number;
  offset: number;
}

/**
 * Recurrent payments with their user, the type the next charge buys (the next type when set) and its amount,
 * most recently created first.
 */
export async function listRecurrentPayments(db: Db, options: ListRecurrentPaymentsOptions) {
  const chargeType = alias(subscriptionTypes, "charge_type");
  const conditions: SQL[] = [];
  if (options.userId !== undefined) conditions.push(eq(recurrentPayments.userId, options.userId));
  if (options.state) conditions.push(eq(recurrentPayments.state, options.state));
  const where = and(...conditions);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: recurrentPayments.id,
        userId: recurrentPayments.userId,
        userEmail: users.email,
        typeName: chargeType.name,
        typeCode: chargeType.code,
        amountCents: sql<number>`coalesce(${recurrentPayments.customAmountCents}, ${chargeType.priceCents})`,
        /** When it is charged next: the period end, or the retry after a decline. */
        nextChargeAt:
          sql`coalesce(${recurrentPayments.nextAttemptAt}, ${recurrentPayments.chargeAt})`.mapWith(
            recurrentPayments.chargeAt,
          ),
        expiresAt: recurrentPayments.expiresAt,
        state: recurrentPayments.state,
        failedAttempts: recurrentPayments.failedAttempts,
        lastFailureReason: recurrentPayments.lastFailureReason,
        gateway: recurrentPayments.gateway,
        stoppedAt: recurrentPayments.stoppedAt,
        createdAt: recurrentPayments.createdAt,
      })
      .from(recurrentPayments)
      .innerJoin(users, eq(users.id, recurrentPayments.userId))
      .innerJoin(
        chargeType,
        eq(
          chargeType.id,
          sql`coalesce(${recurrentPayments.nextSubscriptionTypeId}, ${recurrentPayments.subscriptionTypeId})`,
        ),
      )
      .where(where)
      .orderBy(desc(recurrentPayments.createdAt), desc(recurrentPayments.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(recurrentPayments).where(where),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, amountCents: Number(row.amountCents) })),
    total: totals?.total ?? 0,
  };
}

export type RecurrentPaymentListRow = Awaited<
  ReturnType<typeof listRecurrentPayments>
>["rows"][number];
