import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AccountNav } from "@/components/customer/account-nav";
import { BannerSlot } from "@/components/customer/banner-slot";
import { ViewAsBanner } from "@/components/customer/view-as-banner";
import { LinkButton } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { isStaff } from "@/lib/auth/permissions";
import { requireUserPage } from "@/lib/auth/session";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireUserPage("/account");
  const [locale, t] = await Promise.all([getLocale(), getTranslations("AccountLayout")]);
  return (
    <NextIntlClientProvider>
      <div className="min-h-screen" lang={locale}>
        <ViewAsBanner />
        <header className="border-b border-zinc-200 bg-white">
          <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-3 px-4 sm:px-6">
            <Logo href="/account" />
            <div className="flex min-w-0 items-center gap-3">
              {isStaff(user.role) ? (
                <LinkButton href="/admin" variant="ghost" size="sm" data-testid="admin-link">
                  Admin
                </LinkButton>
              ) : null}
              {/* A long address is cut short on a phone rather than wrapping or pushing Sign out off the screen. */}
              <span
                className="truncate text-sm text-zinc-700"
                title={user.email}
                data-testid="header-email"
              >
                {user.email}
              </span>
              <SignOutButton labels={{ idle: t("signOut"), pending: t("signingOut") }} />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
          <AccountNav />
          <BannerSlot userId={user.id} />
          {children}
        </main>
      </div>
    </NextIntlClientProvider>
  );
}
