import "server-only";
import { and, count, eq, gt, gte, lte, sql, sum } from "drizzle-orm";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, recurrentPayments, subscriptions, users } from "@/lib/db/schema";

export const DASHBOARD_WINDOW_DAYS = 30;

/** Headline counts for the admin dashboard and paid revenue per day over the last 30 days (UTC days). */
export async function getDashboardStats(db: Db) {
  const at = now();
  const since = addDays(at, -DASHBOARD_WINDOW_DAYS);
  const day = sql<string>`to_char(${payments.paidAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const [[userCount], [actualCount], [paidTotals], [activeRecurrent], daily] = await Promise.all([
    db.select({ value: count() }).from(users),
    db
      .select({ value: count() })
      .from(subscriptions)
      .where(and(lte(subscriptions.startAt, at), gt(subscriptions.endAt, at))),
    db
      .select({ value: count(), revenue: sum(payments.amountCents) })
      .from(payments)
      .where(and(eq(payments.status, "paid"), gte(payments.paidAt, since))),
    db
      .select({ value: count() })
      .from(recurrentPayments)
      .where(eq(recurrentPayments.state, "active")),
    db
      .select({ day, revenue: sum(payments.amountCents), payments: count() })
      .from(payments)
      .where(and(eq(payments.status, "paid"), gte(payments.paidAt, since)))
      .groupBy(day)
      .orderBy(day),
  ]);
  return {
    users: userCount?.value ?? 0,
    actualSubscriptions: actualCount?.value ?? 0,
    paidPayments: paidTotals?.value ?? 0,
    revenueCents: Number(paidTotals?.revenue ?? 0),
    activeRecurrentPayments: activeRecurrent?.value ?? 0,
    dailyRevenue: daily.map((row) => ({
      day: row.day,
      revenueCents: Number(row.revenue ?? 0),
      payments: row.payments,
    })),
    since,
    until: at,
  };
}
