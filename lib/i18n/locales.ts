/**
 * The languages of the customer zone, sign-in, the public pages and the built-in emails (the admin is English only).
 * UI-safe: client components import it. `users.locale` holds one of these, or null for "the browser's choice".
 */
export const LOCALES = ["en", "sk"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** A visitor's choice (the language switch) while signed out; a signed-in user's setting wins over it. */
export const LOCALE_COOKIE = "locale";

/** What the language select shows for each locale, in that language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", sk: "Slovenčina" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The Intl locale for formatting numbers and dates: "sk" → "sk-SK" ("12,90 €", "6. 12. 2026"). */
export function intlLocale(locale: Locale): string {
  return locale === "sk" ? "sk-SK" : "en-US";
}
