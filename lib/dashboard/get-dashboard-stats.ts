import "server-only";
import { and, count, eq, gt, gte, lte, sum } from "drizzle-orm";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, recurrentPayments, subscriptions, users } from "@/lib/db/schema";

export const DASHBOARD_WINDOW_DAYS = 30;

/** Headline counts for the admin dashboard (the charts' series are get-*-series.ts). */
export async function getDashboardStats(db: Db) {
  const at = now();
  const since = addDays(at, -DASHBOARD_WINDOW_DAYS);
  const [[userCount], [actualCount], [paidTotals], [activeRecurrent]] = await Promise.all([
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
  ]);
  return {
    users: userCount?.value ?? 0,
    actualSubscriptions: actualCount?.value ?? 0,
    paidPayments: paidTotals?.value ?? 0,
    revenueCents: Number(paidTotals?.revenue ?? 0),
    activeRecurrentPayments: activeRecurrent?.value ?? 0,
  };
}
