import type { ReactNode } from "react";
import { cookies } from "next/headers";
import Link from "next/link";
import { AdminSidebar } from "@/components/admin/admin-sidebar";
import { ADMIN_SIDEBAR_COOKIE, sidebarStateOf } from "@/components/admin/sidebar-preference";
import { CommandPalette } from "@/components/admin/command-palette";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Badge } from "@/components/ui/badge";
import { TimeZoneProvider } from "@/components/ui/time";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { localExecutorEnabled } from "@/inngest/local/mode";
import { getViewerTimeZone } from "@/lib/time/viewer-time-zone";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Pages check again with their own path; this guards the shell itself.
  const staff = await requireStaffPage("/admin", "dashboard.read");
  const [cookieStore, timeZone] = await Promise.all([cookies(), getViewerTimeZone()]);
  return (
    <TimeZoneProvider timeZone={timeZone}>
      <div className="flex min-h-screen">
        <AdminSidebar
          initialState={sidebarStateOf(cookieStore.get(ADMIN_SIDEBAR_COOKIE)?.value)}
          role={staff.role}
          showDevAreas={localExecutorEnabled()}
        />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-10 flex h-14 items-center justify-end gap-3 border-b border-zinc-200 bg-white/90 px-4 backdrop-blur md:px-8">
            <div className="mr-auto flex min-w-0 flex-1">
              <CommandPalette />
            </div>
            <Link href="/account" className="rounded-md text-sm text-zinc-600 hover:text-zinc-900">
              My account
            </Link>
            <span className="hidden h-5 w-px bg-zinc-200 md:block" aria-hidden />
            <span
              className="hidden max-w-56 truncate text-sm text-zinc-700 md:inline"
              title={`${staff.email} · times in ${timeZone}`}
              data-testid="header-email"
            >
              {staff.email}
            </span>
            <Badge tone="gray" data-testid="header-role">
              {ROLE_LABELS[staff.role]}
            </Badge>
            <SignOutButton />
          </header>
          <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 md:px-8 md:py-8">
            {children}
          </main>
        </div>
      </div>
    </TimeZoneProvider>
  );
}
