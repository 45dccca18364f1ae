import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { cn } from "@/components/ui/cn";

/** The customer zone's header without its navigation: the logo and, when signed in, who it is and Sign out. */
export function SimpleHeader({
  email,
  logoHref,
  width,
  signOutLabels,
}: {
  email: string | null;
  logoHref: string;
  width: "max-w-3xl" | "max-w-5xl";
  /** Sign out in the page's language. */
  signOutLabels: { idle: string; pending: string };
}) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div
        className={cn("mx-auto flex h-14 items-center justify-between gap-3 px-4 sm:px-6", width)}
      >
        <Logo href={logoHref} />
        {email ? (
          <div className="flex min-w-0 items-center gap-3">
            {/* A long address is cut short on a phone rather than pushing Sign out off the screen. */}
            <span
              className="truncate text-sm text-zinc-700"
              title={email}
              data-testid="header-email"
            >
              {email}
            </span>
            <SignOutButton labels={signOutLabels} />
          </div>
        ) : null}
      </div>
    </header>
  );
}
