import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { findEmailTemplateByCode } from "./find-email-template";
import type { EmailTemplateSource } from "./render-template";
import { SLOVAK_BUILT_IN_TEMPLATES } from "./slovak-built-in-templates";

/** The language of a user's emails: their setting, else English (an email has no browser to ask). */
export async function emailLocaleOf(db: Db, userId: number): Promise<Locale> {
  const [row] = await db
    .select({ locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return isLocale(row?.locale) ? row.locale : DEFAULT_LOCALE;
}

/**
 * A built-in email in the recipient's language (a stored template comes with its topic: templateConsent). English: the admins' template with the code, else the built-in text.
 * Slovak: the admins' template with the code and `_sk` (e.g. `password_reset_sk`), else the built-in Slovak text —
 * an admin's edit of the English template does not reach Slovak recipients until they store its `_sk` twin.
 */
export async function findLocalizedTemplate(
  db: Db,
  builtIn: EmailTemplateSource & { code: string },
  locale: Locale,
): Promise<EmailTemplateSource & { topicId?: number }> {
  if (locale !== DEFAULT_LOCALE) {
    const slovak = SLOVAK_BUILT_IN_TEMPLATES[builtIn.code];
    if (slovak) return (await findEmailTemplateByCode(db, `${builtIn.code}_${locale}`)) ?? slovak;
  }
  return (await findEmailTemplateByCode(db, builtIn.code)) ?? builtIn;
}
