"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

// `id` names the section in tests and messages; the label is the page's language.
const ITEMS = [
  { href: "/account", id: "overview", exact: true },
  { href: "/account/billing", id: "billing" },
  { href: "/account/upgrade", id: "upgrade" },
  { href: "/account/family", id: "family" },
  { href: "/account/referrals", id: "referrals" },
  { href: "/account/profile", id: "profile" },
] as const;

/**
 * The account's sections, on every account page: a row of tabs from `sm` up, a grid of three a row on a phone (which
 * never scrolls sideways, whatever the language's words).
 */
export function AccountNav() {
  const t = useTranslations("AccountNav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="mb-6" data-testid="account-nav">
      <ul className="grid grid-cols-3 gap-1 border-b border-zinc-200 pb-2 sm:flex sm:flex-wrap sm:pb-0">
        {ITEMS.map((item) => {
          const active =
            "exact" in item
              ? pathname === item.href
              : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                data-testid={`account-nav-${item.id}`}
                className={cn(
                  "block rounded-md px-2 py-1.5 text-center text-sm font-medium wrap-break-word",
                  "sm:-mb-px sm:inline-block sm:rounded-none sm:border-b-2 sm:px-3 sm:py-2",
                  active
                    ? "bg-brand-50 text-brand-700 sm:border-brand-600 sm:bg-transparent"
                    : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 sm:border-transparent sm:hover:bg-transparent",
                )}
              >
                {t(item.id)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
