import { LinkButton } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { isStaff } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema";

/** The public pages' header: the logo, and sign in / create account, or the way to the account (and the admin). */
export function SiteHeader({ user }: { user: { role: UserRole } | null }) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-4 px-6">
        <Logo />
        <nav className="flex items-center gap-2">
          {user ? (
            <>
              {isStaff(user.role) ? (
                <LinkButton href="/admin" variant="ghost" size="sm">
                  Admin
                </LinkButton>
              ) : null}
              <LinkButton href="/account" size="sm" data-testid="header-account">
                My account
              </LinkButton>
            </>
          ) : (
            <>
              <LinkButton href="/login" variant="ghost" size="sm" data-testid="home-login">
                Sign in
              </LinkButton>
              <LinkButton href="/register" size="sm" data-testid="home-register">
                Create account
              </LinkButton>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
