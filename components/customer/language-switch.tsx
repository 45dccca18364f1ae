"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { chooseLocaleAction } from "@/lib/actions/i18n/choose-locale";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * The public pages' language switch: "English · Slovenčina", the chosen one plain text; `compact` (a header on a
 * phone) shows only the other language's code ("SK"). A refused choice (staff viewing a customer's account, which is
 * read-only: the email-change confirmation is under /account) says why under the full switch; the compact one is
 * on pages outside /account, where no view reaches.
 */
export function LanguageSwitch({
  className,
  compact = false,
}: {
  className?: string;
  compact?: boolean;
}) {
  const t = useTranslations("LanguageSwitch");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<string | null>(null);
  const choose = (locale: string) =>
    startTransition(async () => {
      const result = await chooseLocaleAction(locale);
      if (result && !result.ok) {
        setRefusal(result.message);
        return;
      }
      setRefusal(null);
      router.refresh();
    });
  if (compact) {
    const other = LOCALES.find((locale) => locale !== current) ?? LOCALES[0];
    return (
      <button
        type="button"
        lang={other}
        title={LOCALE_NAMES[other]}
        aria-label={LOCALE_NAMES[other]}
        disabled={pending}
        className={cn(
          "rounded px-1.5 py-1 text-xs font-medium text-zinc-600 uppercase hover:bg-zinc-100 disabled:opacity-50",
          className,
        )}
        data-testid={`language-${other}`}
        onClick={() => choose(other)}
      >
        {other}
      </button>
    );
  }
  return (
    <div className={cn("flex flex-col items-center", className)}>
      <nav
        aria-label={t("label")}
        className="flex items-center gap-1 text-xs text-zinc-500"
        data-testid="language-switch"
      >
        {LOCALES.map((locale, index) => (
          <span key={locale} className="flex items-center gap-1">
            {index > 0 ? <span aria-hidden>·</span> : null}
            {locale === current ? (
              <span className="font-medium text-zinc-900" aria-current="true" lang={locale}>
                {LOCALE_NAMES[locale]}
              </span>
            ) : (
              <button
                type="button"
                lang={locale}
                disabled={pending}
                className="rounded px-1 hover:text-brand-700 hover:underline disabled:opacity-50"
                data-testid={`language-${locale}`}
                onClick={() => choose(locale)}
              >
                {LOCALE_NAMES[locale]}
              </button>
            )}
          </span>
        ))}
      </nav>
      {refusal ? (
        <p
          role="alert"
          className="mt-1 max-w-sm text-center text-xs text-red-700"
          data-testid="language-refused"
        >
          {refusal}
        </p>
      ) : null}
    </div>
  );
}
