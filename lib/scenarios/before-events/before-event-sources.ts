import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { recurrentPayments, subscriptions } from "@/lib/db/schema";
import type { BeforeEventTrigger } from "@/lib/scenarios/graph";

/** What a before-event run carries in its trigger payload, so its start can check that the date still holds. */
export interface BeforeEventOccurrence {
  trigger: BeforeEventTrigger;
  entityId: number;
  entityDate: Date;
}

interface Source {
  /** The table row whose date is watched, and that date as an SQL expression an index covers. */
  table: typeof subscriptions | typeof recurrentPayments;
  id: AnyPgColumn;
  userId: AnyPgColumn;
  date: SQL<Date>;
  /** Rows that can still reach their date (a partial index's predicate). */
  live: SQL;
  /** Trigger payload fields (`subscription_id`, `payment_id`) for criteria. */
  payload: Record<string, AnyPgColumn>;
}

const recurrentLive = sql`${recurrentPayments.state} = 'active'`;

export const BEFORE_EVENT_SOURCES: Record<BeforeEventTrigger, Source> = {
  subscription_ends: {
    table: subscriptions,
    id: subscriptions.id,
    userId: subscriptions.userId,
    date: sql<Date>`${subscriptions.endAt}`,
    // Matches subscriptions_end_pending_idx: a subscription whose end passed has ended_event_at set by the lifecycle.
    live: isNull(subscriptions.endedEventAt) as SQL,
    payload: { subscription_id: subscriptions.id, payment_id: subscriptions.paymentId },
  },
  recurrent_payment_charge: {
    table: recurrentPayments,
    id: recurrentPayments.id,
    userId: recurrentPayments.userId,
    // The expression of recurrent_payments_due_idx: after a decline the next attempt is the date.
    date: sql<Date>`coalesce(${recurrentPayments.nextAttemptAt}, ${recurrentPayments.chargeAt})`,
    live: recurrentLive,
    payload: { recurrent_payment_id: recurrentPayments.id, payment_id: recurrentPayments.parentPaymentId },
  },
  recurrent_payment_expires: {
    table: recurrentPayments,
    id: recurrentPayments.id,
    userId: recurrentPayments.userId,
    date: sql<Date>`${recurrentPayments.expiresAt}`,
    live: recurrentLive,
    payload: { recurrent_payment_id: recurrentPayments.id, payment_id: recurrentPayments.parentPaymentId },
  },
};

/** At run start: is the watched date still what it was when the occurrence was found? (Extended or stopped: no.) */
export async function beforeEventStillHolds(db: Db, occurrence: BeforeEventOccurrence): Promise<boolean> {
  const source = BEFORE_EVENT_SOURCES[occurrence.trigger];
  const [row] = await db
    .select({ id: source.id })
    .from(source.table)
    .where(and(eq(source.id, occurrence.entityId), source.live, sql`${source.date} = ${occurrence.entityDate.toISOString()}::timestamptz`));
  return row !== undefined;
}

