import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { isStaff } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema";
import { LanguageSwitch } from "./language-switch";

/** The public pages' header: the logo, and sign in / create account, or the way to the account (and the admin). */
export async function SiteHeader({ user }: { user: { role: UserRole } | null }) {
  const t = await getTranslations("SiteHeader");
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-4 px-6">
        <Logo />
        <nav className="flex items-center gap-2">
          <NextIntlClientProvider>
            <LanguageSwitch compact />
          </NextIntlClientProvider>
          {user ? (
            <>
              {isStaff(user.role) ? (
                <LinkButton href="/admin" variant="ghost" size="sm">
                  Admin
                </LinkButton>
              ) : null}
              <LinkButton href="/account" size="sm" data-testid="header-account">
                {t("myAccount")}
              </LinkButton>
            </>
          ) : (
            <>
              <LinkButton href="/login" variant="ghost" size="sm" data-testid="home-login">
                {t("signIn")}
              </LinkButton>
              <LinkButton href="/register" size="sm" data-testid="home-register">
                {t("createAccount")}
              </LinkButton>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
