import "server-only";
import { and, count, desc, eq, gt, ilike, lte, type SQL } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { subscriptions, subscriptionTypes, users } from "@/lib/db/schema";
import { contentAccessCodesOf } from "./content-access-codes-sql";
import { subscriptionState, type SubscriptionState } from "./subscription-state";

/** The subscriptions list's filters: the admin page, its CSV export and the API's export take the same. */
export interface SubscriptionListFilters {
  /** Only this user's subscriptions (the customer zone passes the session user: ownership in the query). */
  userId?: number;
  /** Part of the user's email, case-insensitive. */
  email?: string;
  subscriptionTypeId?: number;
  state?: SubscriptionState;
}

export interface ListSubscriptionsOptions extends SubscriptionListFilters {
  limit: number;
  offset: number;
}

/**
 * The where clause of the subscriptions list's filters at `at` (for the state), over subscriptions joined with their
 * users; shared with the CSV export, so both list the same rows.
 */
export function subscriptionListWhere(filters: SubscriptionListFilters, at: Date): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.userId !== undefined) conditions.push(eq(subscriptions.userId, filters.userId));
  if (filters.email?.trim())
    conditions.push(
      ilike(users.email, `%${filters.email.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
    );
  if (filters.subscriptionTypeId !== undefined)
    conditions.push(eq(subscriptions.subscriptionTypeId, filters.subscriptionTypeId));
  if (filters.state === "actual")
    conditions.push(lte(subscriptions.startAt, at), gt(subscriptions.endAt, at));
  if (filters.state === "upcoming") conditions.push(gt(subscriptions.startAt, at));
  if (filters.state === "ended") conditions.push(lte(subscriptions.endAt, at));
  return and(...conditions);
}

/** Subscriptions with their type, content access and state, latest end first. */
export async function listSubscriptions(db: Db, options: ListSubscriptionsOptions) {
  const at = now();
  const where = subscriptionListWhere(options, at);

  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: subscriptions.id,
        userId: subscriptions.userId,
        userEmail: users.email,
        typeId: subscriptionTypes.id,
        typeCode: subscriptionTypes.code,
        typeName: subscriptionTypes.name,
        contentAccess: contentAccessCodesOf(subscriptionTypes.id),
        startAt: subscriptions.startAt,
        endAt: subscriptions.endAt,
        kind: subscriptions.kind,
        isPaid: subscriptions.isPaid,
        paymentId: subscriptions.paymentId,
      })
      .from(subscriptions)
      .innerJoin(users, eq(users.id, subscriptions.userId))
      .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
      .where(where)
      .orderBy(desc(subscriptions.endAt), desc(subscriptions.id))
      .limit(options.limit)
      .offset(options.offset),
    db
      .select({ total: count() })
      .from(subscriptions)
      .innerJoin(users, eq(users.id, subscriptions.userId))
      .where(where),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, state: subscriptionState(row.startAt, row.endAt, at) })),
    total: totals?.total ?? 0,
  };
}

export type SubscriptionListRow = Awaited<ReturnType<typeof listSubscriptions>>["rows"][number];
