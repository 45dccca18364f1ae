import "server-only";
import { eq, sql } from "drizzle-orm";
import { verifyPassword } from "@/lib/auth/passwords";
import { DAY_MS } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { appBaseUrl, formatEmailDateTime } from "@/lib/email/build-email-context";
import type { EmailTransport } from "@/lib/email/transport";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { wrongPassword } from "./change-password";
import { countRecentActionTokens } from "./count-recent-action-tokens";
import { EMAIL_CHANGE_CONFIRM_TEMPLATE } from "./email-change-confirm-template";
import { issueActionToken } from "./issue-action-token";
import { sendAccountEmail } from "./send-account-email";
import { emailSchema } from "./schemas";

export const EMAIL_CHANGE_LINK_LIFETIME_MS = DAY_MS;
/** Each request emails an address the user typed: the cap keeps an account from being used to send mail at will. */
export const EMAIL_CHANGE_REQUESTS_PER_HOUR = 5;

export interface RequestEmailChangeOptions {
  /** The signed-in user (from the session or user token). */
  userId: number;
  newEmail: string;
  /** Their current password: a session left open on a shared computer is not enough to take the account. */
  password: string;
  transport?: EmailTransport;
}

export const emailTaken = () =>
  conflict("email_taken", "Another account already uses this email address.");

/**
 * Email a single-use confirmation link (valid 24 hours) to the new address; nothing changes until it is opened
 * (confirmEmailChange). Refusals: `wrong_password`, `email_unchanged` (400), `email_taken` (409),
 * `email_change_rate_limited` (429).
 */
export async function requestEmailChange(
  db: Db,
  options: RequestEmailChangeOptions,
): Promise<{ newEmail: string; expiresAt: Date; sent: boolean }> {
  const newEmail = emailSchema.parse(options.newEmail);
  const [user] = await db.select().from(users).where(eq(users.id, options.userId)).limit(1);
  if (!user) throw notFound("user_not_found", "No such user.");
  if (!(await verifyPassword(options.password, user.passwordHash))) throw wrongPassword();
  if (user.email.toLowerCase() === newEmail)
    throw invalid("email_unchanged", "This is already your email address.");
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, newEmail))
    .limit(1);
  if (taken) throw emailTaken();

  const issued = await db.transaction(async (tx) => {
    // The user's row lock makes the hourly count exact when requests arrive together.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("no key update");
    if (
      (await countRecentActionTokens(tx, { userId: user.id, kind: "email_change" })) >=
      EMAIL_CHANGE_REQUESTS_PER_HOUR
    ) {
      throw new AppError(
        "email_change_rate_limited",
        `You can ask for ${EMAIL_CHANGE_REQUESTS_PER_HOUR} email changes an hour; try again later.`,
        429,
      );
    }
    return issueActionToken(tx, {
      userId: user.id,
      kind: "email_change",
      newEmail,
      lifetimeMs: EMAIL_CHANGE_LINK_LIFETIME_MS,
    });
  });
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  const sent = await sendAccountEmail(db, {
    userId: user.id,
    to: newEmail,
    template: EMAIL_CHANGE_CONFIRM_TEMPLATE,
    locale,
    idempotencyKey: `email-change-confirm:${issued.row.id}`,
    extra: {
      email_change: {
        new_email: newEmail,
        link: `${appBaseUrl()}/account/email/confirm/${issued.token}`,
        expires_at: formatEmailDateTime(issued.row.expiresAt, locale),
      },
    },
    transport: options.transport,
  });
  return { newEmail, expiresAt: issued.row.expiresAt, sent: sent !== null };
}
