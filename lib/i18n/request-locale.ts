import "server-only";
import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate-locale";

/**
 * The locale a visitor's browser asks for, before any account: the language switch's cookie, else `Accept-Language`.
 * Registration stores it on the new user.
 */
export async function browserLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

/**
 * The locale of this request: the signed-in user's setting, else the browser's (cookie, then Accept-Language).
 * Outside a request (a script or a test calling an action directly) there is nobody to ask: English. The language
 * only words the answer, so it never fails the request it belongs to.
 */
export async function requestLocale(): Promise<Locale> {
  try {
    const setting = (await currentUser())?.locale;
    if (isLocale(setting)) return setting;
    return await browserLocale();
  } catch (error) {
    // Next.js's own signals (dynamic rendering, redirects) still go up.
    unstable_rethrow(error);
    return DEFAULT_LOCALE;
  }
}
