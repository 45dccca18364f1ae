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
 * The variables a template sees for a user: the user, their actual subscription (the one ending last, or null),
 * the app, and whatever the caller adds (`extra` cannot replace user, subscription or app).
 */
export async function buildEmailContext(
  db: Db,
  userId: number,
  extra: Record<string, unknown> = {},
): Promise<EmailContext> {
  const at = now();
  // The user and their actual subscription in one query.
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
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      typeName: actual.typeName,
      startAt: actual.startAt,
      endAt: actual.endAt,
    })
    .from(users)
    .leftJoinLateral(actual, sql`true`)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw notFound("user_not_found", `No user with id ${userId}.`);
  return {
    ...extra,
    user: { id: row.id, email: row.email, name: row.name ?? "" },
    subscription:
      row.typeName !== null && row.startAt !== null && row.endAt !== null
        ? {
            type_name: row.typeName,
            start_at: formatEmailDateTime(row.startAt),
            end_at: formatEmailDateTime(row.endAt),
          }
        : null,
    app: { name: "Subflow", url: appBaseUrl() },
  };
}
