import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { recurrentPayments, subscriptions } from "@/lib/db/schema";
import type { BeforeEventTrigger } from "@/lib/scenarios/nodes/before-event/definition";
import { followingSubscriptionExists } from "@/lib/subscriptions/following-subscription";

/** What a before-event run carries in its trigger payload, so its start can check that the date still holds. */
export interface BeforeEventOccurrence {
  trigger: BeforeEventTrigger;
  entityId: number;
  entityDate: Date;
  /** A `subscription_ends` node that fires when access ends: a following subscription undoes the occurrence. */
  accessEnds?: boolean;
}

interface Source {
  /** The table row whose date is watched, and that date as an SQL expression an index covers. */
  table: typeof subscriptions | typeof recurrentPayments;
  id: AnyPgColumn;
  userId: AnyPgColumn;
  date: SQL<Date>;
  /**
   * Rows whose date still stands (the predicate of the index the lookup uses). Not "not yet passed": a date that
   * just passed must still be found by the tick that covers it, however soon other jobs act on it.
   */
  live: SQL;
  /** Trigger payload fields (`subscription_id`, `payment_id`) for criteria. */
  payload: Record<string, AnyPgColumn>;
}

const recurrentActive = sql`${recurrentPayments.state} = 'active'`;
/** The charge cron moves a row on at its date (charged, or declined): it still had that charge date. */
const recurrentCharging = sql`${recurrentPayments.state} in ('active', 'charged', 'charge_failed')`;

export const BEFORE_EVENT_SOURCES: Record<BeforeEventTrigger, Source> = {
  subscription_ends: {
    table: subscriptions,
    id: subscriptions.id,
    userId: subscriptions.userId,
    date: sql<Date>`${subscriptions.endAt}`,
    // Stopping or extending a subscription moves end_at, so the end date itself says whether it still stands.
    live: sql`true`,
    payload: { subscription_id: subscriptions.id, payment_id: subscriptions.paymentId },
  },
  recurrent_payment_charge: {
    table: recurrentPayments,
    id: recurrentPayments.id,
    userId: recurrentPayments.userId,
    // The expression of recurrent_payments_charge_date_idx: after a decline the next attempt is the date.
    date: sql<Date>`coalesce(${recurrentPayments.nextAttemptAt}, ${recurrentPayments.chargeAt})`,
    live: recurrentCharging,
    payload: {
      recurrent_payment_id: recurrentPayments.id,
      payment_id: recurrentPayments.parentPaymentId,
    },
  },
  recurrent_payment_expires: {
    table: recurrentPayments,
    id: recurrentPayments.id,
    userId: recurrentPayments.userId,
    date: sql<Date>`${recurrentPayments.expiresAt}`,
    // Charging copies expires_at to the next row, so only the active row of a chain may fire.
    live: recurrentActive,
    payload: {
      recurrent_payment_id: recurrentPayments.id,
      payment_id: recurrentPayments.parentPaymentId,
    },
  },
};

/**
 * At run start: is the watched date still what it was when the occurrence was found? (Extended or stopped: no.) For
 * a node that fires when access ends, a following subscription bought since undoes it too: access no longer ends.
 */
export async function beforeEventStillHolds(
  db: Db,
  occurrence: BeforeEventOccurrence,
): Promise<boolean> {
  const source = BEFORE_EVENT_SOURCES[occurrence.trigger];
  const [row] = await db
    .select({ id: source.id })
    .from(source.table)
    .where(
      and(
        eq(source.id, occurrence.entityId),
        source.live,
        // Occurrences keep dates to the millisecond (JS dates); a stored date may carry microseconds.
        sql`date_trunc('milliseconds', ${source.date}) = ${occurrence.entityDate.toISOString()}::timestamptz`,
        occurrence.accessEnds && occurrence.trigger === "subscription_ends"
          ? sql`not ${followingSubscriptionExists({
              userId: sql`${subscriptions.userId}`,
              subscriptionId: sql`${subscriptions.id}`,
              endAt: sql`${occurrence.entityDate.toISOString()}::timestamptz`,
            })}`
          : undefined,
      ),
    );
  return row !== undefined;
}
