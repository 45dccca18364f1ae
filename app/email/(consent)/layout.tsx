import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/customer/language-switch";
import { Logo } from "@/components/ui/logo";

/** The pages an email's links open without sign-in (unsubscribe, preference centre): the sign-in pages' look. */
export default async function EmailConsentLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider>
      <div
        lang={locale}
        className="flex min-h-screen flex-col items-center bg-zinc-50 px-4 pt-16 pb-12"
      >
        <div className="mb-8">
          <Logo />
        </div>
        <div className="w-full max-w-md">{children}</div>
        <LanguageSwitch className="mt-6" />
      </div>
    </NextIntlClientProvider>
  );
}
