import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/customer/site-header";
import { currentUser } from "@/lib/auth/session";

/** The public pricing and checkout-start pages: the home page's header, signed in or not. */
export default async function SubscribeLayout({ children }: { children: ReactNode }) {
  const [user, locale] = await Promise.all([currentUser(), getLocale()]);
  return (
    <NextIntlClientProvider>
      <div className="min-h-screen bg-zinc-50" lang={locale}>
        <SiteHeader user={user} />
        <main className="mx-auto max-w-5xl px-4 py-10 sm:px-6">{children}</main>
      </div>
    </NextIntlClientProvider>
  );
}
