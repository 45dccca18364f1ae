import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { currentUser } from "@/lib/auth/session";

/** The public family pages (a friend opening a shared link): the account's look, signed in or not. */
export default async function FamilyLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between px-6">
          <Logo href={user ? "/account" : "/"} />
          {user ? (
            <div className="flex items-center gap-3">
              <span className="text-sm text-zinc-700" data-testid="header-email">
                {user.email}
              </span>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-6 py-10">{children}</main>
    </div>
  );
}
