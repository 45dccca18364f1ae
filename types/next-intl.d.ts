import type { Locale } from "@/lib/i18n/locales";
import type en from "@/messages/en.json";

// Typed keys: t("…") with a key missing from messages/en.json fails the type check (sk.json has the same keys: a
// unit test compares them).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
