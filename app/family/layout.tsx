import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SimpleHeader } from "@/components/customer/simple-header";
import { currentUser } from "@/lib/auth/session";

/** The public family pages (a friend opening a shared link): the account's look, signed in or not. */
export default async function FamilyLayout({ children }: { children: ReactNode }) {
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
          logoHref={user ? "/account" : "/"}
          width="max-w-3xl"
          signOutLabels={{ idle: t("signOut"), pending: t("signingOut") }}
        />
        <main className="mx-auto max-w-3xl px-6 py-10">{children}</main>
      </div>
    </NextIntlClientProvider>
  );
}
