import { useTranslations } from "next-intl";

/** A throttle's wait in words, in the page's language: "8 seconds", "8 sekúnd", "2 minúty". */
export function useDescribeWait(): (seconds: number) => string {
  const t = useTranslations("Wait");
  return (seconds) => {
    if (seconds < 60) return t("seconds", { count: Math.max(1, Math.ceil(seconds)) });
    if (seconds < 3600) return t("minutes", { count: Math.ceil(seconds / 60) });
    return t("hours", { count: Math.ceil(seconds / 3600) });
  };
}
