"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { can } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema/users";
import { AdminAreaIcon } from "./admin-area-icons";
import { ADMIN_AREA_GROUPS, ADMIN_AREAS } from "./admin-areas";

/**
 * The admin's areas, grouped; only those the role may open (each page checks again). Collapsed (the sidebar's toggle,
 * or any window narrower than `lg`) it is a rail of icons: the names stay for screen readers and show on hover.
 */
export function AdminNav({
  showDevAreas,
  role,
  collapsed = false,
}: {
  showDevAreas: boolean;
  role: UserRole;
  collapsed?: boolean;
}) {
  const pathname = usePathname();
  const isActive = (href: string) =>
    href === "/admin" ? pathname === "/admin" : pathname.startsWith(href);
  const shown = ADMIN_AREAS.filter(
    (area) => can(role, area.permission) && (showDevAreas || !area.devOnly),
  );
  // The rail's classes when collapsed; else the second set, which widens from `lg` up (literal class names, for
  // Tailwind to find).
  const whenWide = (rail: string, responsive: string) => (collapsed ? rail : responsive);
  return (
    <nav aria-label="Admin" className="space-y-3" data-testid="admin-nav">
      {ADMIN_AREA_GROUPS.filter((group) => shown.some((area) => area.group === group)).map(
        (group) => (
          <div
            key={group}
            className={whenWide(
              "border-t border-zinc-100 pt-3 first:border-0 first:pt-0",
              "border-t border-zinc-100 pt-3 first:border-0 first:pt-0 lg:border-0 lg:pt-1 lg:first:pt-0",
            )}
          >
            <p
              className={whenWide(
                "sr-only",
                "sr-only lg:not-sr-only lg:block lg:px-2.5 lg:pb-1.5 lg:text-[11px] lg:font-semibold lg:tracking-wider lg:text-zinc-400 lg:uppercase",
              )}
            >
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
                        title={area.label}
                        data-testid={`nav-${area.slug}`}
                        className={cn(
                          "flex items-center gap-2.5 rounded-md py-1.5 text-sm",
                          whenWide(
                            "justify-center px-0",
                            "justify-center px-0 lg:justify-start lg:px-2.5",
                          ),
                          active
                            ? "bg-brand-50 font-medium text-brand-700"
                            : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
                        )}
                      >
                        <AdminAreaIcon
                          slug={area.slug}
                          className={cn(
                            "size-5 shrink-0",
                            active ? "text-brand-600" : "text-zinc-400",
                          )}
                        />
                        <span className={whenWide("sr-only", "sr-only lg:not-sr-only lg:flex-1")}>
                          {area.label}
                        </span>
                        {area.arrivesWith ? (
                          <span
                            className={whenWide(
                              "hidden",
                              "hidden text-[10px] font-medium tracking-wide text-zinc-400 uppercase lg:inline",
                            )}
                          >
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
