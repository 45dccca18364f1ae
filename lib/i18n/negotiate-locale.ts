import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

interface Preference {
  language: string;
  quality: number;
  order: number;
}

/** One `Accept-Language` entry ("sk-SK;q=0.8") as its primary language ("sk") and quality; null when malformed. */
function parseEntry(entry: string, order: number): Preference | null {
  const [tag = "", ...params] = entry.trim().split(";");
  const language = tag.trim().toLowerCase().split("-")[0] ?? "";
  if (!/^[a-z]{1,8}$|^\*$/.test(language)) return null;
  let quality = 1;
  for (const param of params) {
    const [key, value] = param.split("=").map((part) => part.trim());
    if (key?.toLowerCase() !== "q") continue;
    quality =
      value !== undefined && /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0;
  }
  return { language, quality, order };
}

/**
 * The best supported locale for an `Accept-Language` header (RFC 9110: q-values, the first listed wins a tie), or
 * the default: "sk-SK,sk;q=0.9,en;q=0.8" → "sk", "de-DE,fr;q=0.9" → "en", "cs,sk;q=0.5" → "sk". A language with
 * q=0 is refused; "*" stands for any language, so it means the default.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const preferences = acceptLanguage
    .slice(0, 1000)
    .split(",")
    .map(parseEntry)
    .filter((preference): preference is Preference => preference !== null && preference.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  for (const { language } of preferences) {
    if (language === "*") return DEFAULT_LOCALE;
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}
