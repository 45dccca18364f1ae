"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const ITEMS = [
  { href: "/account", label: "Overview", exact: true },
  { href: "/account/billing", label: "Billing" },
  { href: "/account/upgrade", label: "Upgrade" },
  { href: "/account/family", label: "Family" },
  { href: "/account/referrals", label: "Referrals" },
  { href: "/account/profile", label: "Profile" },
] as const;

/** The account's sections, on every account page; scrolls sideways on a phone rather than wrapping. */
export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Account"
      className="-mx-4 mb-6 overflow-x-auto px-4 sm:mx-0 sm:px-0"
      data-testid="account-nav"
    >
      <ul className="flex min-w-max gap-1 border-b border-zinc-200">
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
                data-testid={`account-nav-${item.label.toLowerCase()}`}
                className={cn(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium",
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-zinc-600 hover:text-zinc-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
