import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SimpleHeader } from "@/components/customer/simple-header";
import { currentUser } from "@/lib/auth/session";

/** The checkout keeps the account's look without its banner slot: nothing should distract from paying. */
export default async function CheckoutLayout({ children }: { children: ReactNode }) {
  // The page itself requires sign-in (with the right callback URL); the header only shows who is paying.
  const [user, locale, t] = await Promise.all([
    currentUser(),
    getLocale(),
    getTranslations("AccountLayout"),
  ]);
  return (
    <NextIntlClientProvider>
      <div className="min-h-screen" lang={locale}>
        <SimpleHeader
          email={user?.email ?? null}
          logoHref="/account"
          width="max-w-5xl"
          signOutLabels={{ idle: t("signOut"), pending: t("signingOut") }}
        />
        <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
      </div>
    </NextIntlClientProvider>
  );
}
