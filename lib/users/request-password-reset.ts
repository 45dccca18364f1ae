import "server-only";
import { eq, sql } from "drizzle-orm";
import { MINUTE_MS } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { appBaseUrl, formatEmailDateTime } from "@/lib/email/build-email-context";
import type { EmailTransport } from "@/lib/email/transport";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { reserveAttempt } from "@/lib/throttle/reserve-attempt";
import { countRecentActionTokens } from "./count-recent-action-tokens";
import { issueActionToken } from "./issue-action-token";
import { PASSWORD_RESET_TEMPLATE } from "./password-reset-template";
import { sendAccountEmail } from "./send-account-email";
import { emailSchema } from "./schemas";

export const PASSWORD_RESET_LINK_LIFETIME_MS = 60 * MINUTE_MS;
export const PASSWORD_RESETS_PER_HOUR = 5;

export type PasswordResetOutcome = "sent" | "no_account" | "rate_limited" | "delivery_failed";

/**
 * Email a single-use reset link (valid one hour) when an account has this address, at most five an hour per account.
 * The outcome is for tests and logs only: callers answer the same whatever it is, so nobody learns who has an account.
 *
 * Requests are throttled first, per email (whether or not it has an account, so a refusal tells nothing) and per
 * client address: TooManyAttemptsError (429). The five links an hour stay a limit of their own: they count what the
 * mailbox received, exactly, under the user's row lock.
 */
export async function requestPasswordReset(
  db: Db,
  options: { email: string; clientAddress: string | null; transport?: EmailTransport },
): Promise<PasswordResetOutcome> {
  const email = emailSchema.parse(options.email);
  await reserveAttempt(db, "password-reset", { account: email, address: options.clientAddress });
  const [user] = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (!user) return "no_account";
  const issued = await db.transaction(async (tx) => {
    // The user's row lock makes the hourly count exact when requests arrive together.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("no key update");
    if (
      (await countRecentActionTokens(tx, { userId: user.id, kind: "password_reset" })) >=
      PASSWORD_RESETS_PER_HOUR
    )
      return null;
    return issueActionToken(tx, {
      userId: user.id,
      kind: "password_reset",
      lifetimeMs: PASSWORD_RESET_LINK_LIFETIME_MS,
    });
  });
  if (!issued) return "rate_limited";
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  const sent = await sendAccountEmail(db, {
    userId: user.id,
    to: user.email,
    template: PASSWORD_RESET_TEMPLATE,
    locale,
    idempotencyKey: `password-reset:${issued.row.id}`,
    extra: {
      password_reset: {
        link: `${appBaseUrl()}/reset-password/${issued.token}`,
        expires_at: formatEmailDateTime(issued.row.expiresAt, locale),
      },
    },
    transport: options.transport,
  });
  return sent ? "sent" : "delivery_failed";
}
