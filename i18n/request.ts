import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request-locale";
import en from "@/messages/en.json";
import sk from "@/messages/sk.json";

const MESSAGES = { en, sk };

/**
 * next-intl's configuration for one request, without locale prefixes in URLs: the locale comes from the user (their
 * setting, else the language switch's cookie, else Accept-Language). Only the translated zones call next-intl, so
 * the admin never runs this.
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = explicit === "en" || explicit === "sk" ? explicit : await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: "UTC" };
});
