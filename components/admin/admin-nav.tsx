"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { can } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema/users";
import { ADMIN_AREA_GROUPS, ADMIN_AREAS } from "./admin-areas";

/** The admin's areas, grouped; only those the role may open (each page checks again). */
export function AdminNav({ showDevAreas, role }: { showDevAreas: boolean; role: UserRole }) {
  const pathname = usePathname();
  const isActive = (href: string) =>
    href === "/admin" ? pathname === "/admin" : pathname.startsWith(href);
  const shown = ADMIN_AREAS.filter(
    (area) => can(role, area.permission) && (showDevAreas || !area.devOnly),
  );
  return (
    <nav aria-label="Admin" className="space-y-5" data-testid="admin-nav">
      {ADMIN_AREA_GROUPS.filter((group) => shown.some((area) => area.group === group)).map(
        (group) => (
          <div key={group}>
            <p className="px-2.5 pb-1.5 text-[11px] font-semibold tracking-wider text-zinc-400 uppercase">
              {group}
            </p>
            <ul className="space-y-0.5">
              {shown
                .filter((area) => area.group === group)
                .map((area) => {
                  const active = isActive(area.href);
                  return (
                    <li key={area.slug}>
                      <Link
                        href={area.href}
                        aria-current={active ? "page" : undefined}
                        data-testid={`nav-${area.slug}`}
                        className={cn(
                          "flex items-center justify-between rounded-md px-2.5 py-1.5 text-sm",
                          active
                            ? "bg-brand-50 font-medium text-brand-700"
                            : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
                        )}
                      >
                        {area.label}
                        {area.arrivesWith ? (
                          <span className="text-[10px] font-medium tracking-wide text-zinc-400 uppercase">
                            soon
                          </span>
                        ) : null}
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </div>
        ),
      )}
    </nav>
  );
}
