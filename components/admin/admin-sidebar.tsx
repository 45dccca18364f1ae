"use client";

import Link from "next/link";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { UserRole } from "@/lib/db/schema/users";
import { AdminNav } from "./admin-nav";
import { sidebarCookie, type SidebarState } from "./sidebar-preference";

/**
 * The admin's sidebar: the areas with their names (240 px) from `lg` up, or a 64 px rail of icons when collapsed by
 * its toggle (remembered in a cookie the layout reads, so the next page renders the same) and in any narrower window.
 */
export function AdminSidebar({
  initialState,
  role,
  showDevAreas,
}: {
  initialState: SidebarState;
  role: UserRole;
  showDevAreas: boolean;
}) {
  const [state, setState] = useState(initialState);
  const collapsed = state === "collapsed";
  const toggle = () => {
    const next: SidebarState = collapsed ? "expanded" : "collapsed";
    setState(next);
    document.cookie = sidebarCookie(next);
  };
  return (
    <aside
      className={cn(
        "sticky top-0 flex h-screen shrink-0 flex-col border-r border-zinc-200 bg-white",
        collapsed ? "w-16" : "w-16 lg:w-60",
      )}
      data-testid="admin-sidebar"
      data-state={state}
    >
      <div
        className={cn(
          "flex h-14 shrink-0 items-center border-b border-zinc-200",
          collapsed ? "justify-center" : "justify-center lg:justify-start lg:px-4",
        )}
      >
        <Link
          href="/admin"
          className="inline-flex items-center gap-2 rounded-md font-semibold tracking-tight text-zinc-900"
          title="Subflow admin"
        >
          <span
            className="flex size-7 items-center justify-center rounded-md bg-brand-600 text-white"
            aria-hidden
          >
            <svg
              viewBox="0 0 20 20"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              className="size-4"
            >
              <path d="M4 13c2.5 0 3-6 6-6s3.5 6 6 6" strokeLinecap="round" />
            </svg>
          </span>
          <span className={collapsed ? "sr-only" : "sr-only lg:not-sr-only"}>Subflow</span>
          <span
            className={
              collapsed
                ? "hidden"
                : "hidden rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-zinc-500 uppercase lg:inline"
            }
          >
            Admin
          </span>
        </Link>
      </div>
      <div
        id="admin-nav-region"
        className={cn(
          "flex-1 overflow-x-hidden overflow-y-auto py-4",
          collapsed ? "px-2" : "px-2 lg:px-3",
        )}
      >
        <AdminNav showDevAreas={showDevAreas} role={role} collapsed={collapsed} />
      </div>
      <div className="hidden shrink-0 border-t border-zinc-200 p-2 lg:block">
        <button
          type="button"
          onClick={toggle}
          aria-expanded={!collapsed}
          aria-controls="admin-nav-region"
          title={collapsed ? "Expand the sidebar" : "Collapse the sidebar"}
          className={cn(
            "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
            collapsed ? "justify-center px-0" : "justify-start",
          )}
          data-testid="sidebar-toggle"
        >
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
            strokeLinecap="round"
            strokeLinejoin="round"
            className={cn("size-5 shrink-0 transition-transform", collapsed && "rotate-180")}
            aria-hidden
          >
            <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
            <path d="M9.5 4.5v15M16 10l-2 2 2 2" />
          </svg>
          <span className={collapsed ? "sr-only" : undefined}>
            {collapsed ? "Expand sidebar" : "Collapse sidebar"}
          </span>
        </button>
      </div>
    </aside>
  );
}
