import "server-only";
import { and, desc, eq, gt, lte } from "drizzle-orm";
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
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw notFound("user_not_found", `No user with id ${userId}.`);
  const at = now();
  const [subscription] = await db
    .select({
      typeName: subscriptionTypes.name,
      startAt: subscriptions.startAt,
      endAt: subscriptions.endAt,
    })
    .from(subscriptions)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
    .where(
      and(
        eq(subscriptions.userId, userId),
        lte(subscriptions.startAt, at),
        gt(subscriptions.endAt, at),
      ),
    )
    .orderBy(desc(subscriptions.endAt), desc(subscriptions.id))
    .limit(1);
  return {
    ...extra,
    user: { id: user.id, email: user.email, name: user.name ?? "" },
    subscription: subscription
      ? {
          type_name: subscription.typeName,
          start_at: formatEmailDateTime(subscription.startAt),
          end_at: formatEmailDateTime(subscription.endAt),
        }
      : null,
    app: { name: "Subflow", url: appBaseUrl() },
  };
}
