import type { ReactNode } from "react";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Badge } from "@/components/ui/badge";
import { Logo } from "@/components/ui/logo";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { localExecutorEnabled } from "@/inngest/local/mode";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Pages check again with their own path; this guards the shell itself.
  const staff = await requireStaffPage("/admin", "dashboard.read");
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-zinc-200 bg-white">
        <div className="flex h-14 items-center border-b border-zinc-200 px-4">
          <Logo href="/admin" />
          <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-zinc-500 uppercase">
            Admin
          </span>
        </div>
        <div className="flex-1 overflow-y-auto px-3 py-4">
          <AdminNav showDevAreas={localExecutorEnabled()} role={staff.role} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center justify-end gap-3 border-b border-zinc-200 bg-white/90 px-8 backdrop-blur">
          <Link href="/account" className="rounded-md text-sm text-zinc-600 hover:text-zinc-900">
            My account
          </Link>
          <span className="h-5 w-px bg-zinc-200" aria-hidden />
          <span className="text-sm text-zinc-700" data-testid="header-email">
            {staff.email}
          </span>
          <Badge tone="gray" data-testid="header-role">
            {ROLE_LABELS[staff.role]}
          </Badge>
          <SignOutButton />
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-8 py-8">{children}</main>
      </div>
    </div>
  );
}
