import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, recurrentPayments } from "@/lib/db/schema";

/**
 * Active recurrent payments whose charge (or retry after a decline) is due, oldest first, except those whose charge
 * is still pending at the gateway (reconciliation or the customer's confirmation settles those). Index-backed.
 */
export async function findDueRecurrentPayments(db: Db, options: { limit?: number } = {}) {
  return db
    .select({
      id: recurrentPayments.id,
      failedAttempts: recurrentPayments.failedAttempts,
      lastPaymentId: recurrentPayments.paymentId,
    })
    .from(recurrentPayments)
    .where(
      and(
        eq(recurrentPayments.state, "active"),
        sql`coalesce(${recurrentPayments.nextAttemptAt}, ${recurrentPayments.chargeAt}) <= ${now().toISOString()}::timestamptz`,
        sql`not exists (select 1 from ${payments} where ${payments.id} = ${recurrentPayments.paymentId} and ${payments.status} = 'pending')`,
      ),
    )
    .orderBy(sql`coalesce(${recurrentPayments.nextAttemptAt}, ${recurrentPayments.chargeAt})`)
    .limit(options.limit ?? 1000);
}
