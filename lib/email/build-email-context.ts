import "server-only";
import { and, desc, eq, gt, lte, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { subscriptions, subscriptionTypes, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { EmailContext } from "./render-template";

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const slovakDateTimeFormat = new Intl.DateTimeFormat("sk-SK", {
  timeZone: "UTC",
  day: "numeric",
  month: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "22 Nov 2026, 14:05 UTC" (sk: "22. 11. 2026 14:05 UTC") — emails state the zone, since readers are anywhere. */
export function formatEmailDateTime(date: Date, locale: Locale = "en"): string {
  return `${(locale === "sk" ? slovakDateTimeFormat : dateTimeFormat).format(date)} UTC`;
}

export function appBaseUrl(): string {
  return (process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * The user (by id) with their actual subscription (the one ending last, or none), as a subquery of at most one row:
 * `buildEmailContext` selects it alone, a sender that needs more in the same round trip joins it.
 */
export function recipientWithSubscription(db: Db, userId: number) {
  const at = now();
  const actual = db
    .select({
      typeName: sql<string>`${subscriptionTypes.name}`.as("type_name"),
      startAt: subscriptions.startAt,
      endAt: subscriptions.endAt,
    })
    .from(subscriptions)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
    .where(
      and(
        eq(subscriptions.userId, users.id),
        lte(subscriptions.startAt, at),
        gt(subscriptions.endAt, at),
      ),
    )
    .orderBy(desc(subscriptions.endAt), desc(subscriptions.id))
    .limit(1)
    .as("actual");
  return db
    .select({
      userId: sql<number>`${users.id}`.as("recipient_user_id"),
      email: sql<string>`${users.email}`.as("recipient_email"),
      name: sql<string | null>`${users.name}`.as("recipient_name"),
      typeName: sql<string | null>`${actual.typeName}`.as("recipient_type_name"),
      startAt: sql<Date | null>`${actual.startAt}`.as("recipient_start_at"),
      endAt: sql<Date | null>`${actual.endAt}`.as("recipient_end_at"),
    })
    .from(users)
    .leftJoinLateral(actual, sql`true`)
    .where(eq(users.id, userId))
    .limit(1)
    .as("recipient");
}

export interface RecipientRow {
  userId: number | null;
  email: string | null;
  name: string | null;
  typeName: string | null;
  startAt: Date | string | null;
  endAt: Date | string | null;
}

/**
 * The variables a template sees for a user: the user, their actual subscription (or null), the app, and whatever the
 * caller adds (`extra` cannot replace user, subscription or app). No row (or a row without the user): not found.
 */
export function emailContextOf(
  row: RecipientRow | null | undefined,
  userId: number,
  extra: Record<string, unknown> = {},
): EmailContext {
  if (!row || row.userId === null || row.email === null)
    throw notFound("user_not_found", `No user with id ${userId}.`);
  return {
    ...extra,
    user: { id: row.userId, email: row.email, name: row.name ?? "" },
    subscription:
      row.typeName !== null && row.startAt !== null && row.endAt !== null
        ? {
            type_name: row.typeName,
            start_at: formatEmailDateTime(new Date(row.startAt)),
            end_at: formatEmailDateTime(new Date(row.endAt)),
          }
        : null,
    app: { name: "Subflow", url: appBaseUrl() },
  };
}

/** The variables a template sees for a user (`emailContextOf`), in one query. */
export async function buildEmailContext(
  db: Db,
  userId: number,
  extra: Record<string, unknown> = {},
): Promise<EmailContext> {
  const recipient = recipientWithSubscription(db, userId);
  const [row] = await db.select().from(recipient);
  return emailContextOf(row, userId, extra);
}
