import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request-locale";
import { getViewerTimeZone } from "@/lib/time/viewer-time-zone";
import en from "@/messages/en.json";
import sk from "@/messages/sk.json";

const MESSAGES = { en, sk };

/**
 * next-intl's configuration for one request, without locale prefixes in URLs: the locale comes from the user (their
 * setting, else the language switch's cookie, else Accept-Language), and the time zone is the viewer's (their own,
 * else the installation's), so dates on the translated pages read as on the reader's clock. Only the translated
 * zones call next-intl, so the admin never runs this.
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const [locale, timeZone] = await Promise.all([
    explicit === "en" || explicit === "sk" ? explicit : requestLocale(),
    getViewerTimeZone(),
  ]);
  return { locale, messages: MESSAGES[locale], timeZone };
});
