import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { currentUser } from "@/lib/auth/session";

/** The checkout keeps the account's look without its banner slot: nothing should distract from paying. */
export default async function CheckoutLayout({ children }: { children: ReactNode }) {
  // The page itself requires sign-in (with the right callback URL); the header only shows who is paying.
  const user = await currentUser();
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between px-6">
          <Logo href="/account" />
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
      <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
    </div>
  );
}
