import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { currentUser } from "@/lib/auth/session";

const CAPABILITIES = [
  {
    title: "Subscription core",
    text: "Subscription types with content access, payments that create subscriptions, renewals charged on stored cards.",
  },
  { title: "Scenarios", text: "Automation graphs: triggers, conditions, waits, goals and A/B splits, run by a durable engine." },
  { title: "Upgrades", text: "Customers move to a better subscription mid-term; what they paid becomes credit." },
  { title: "Family & referrals", text: "Shareable family codes and refer-a-friend programs with configurable rewards." },
];

export default async function HomePage() {
  const user = await currentUser();
  return (
    <div className="min-h-screen bg-white">
      <header className="border-b border-zinc-200">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between px-6">
          <Logo />
          <nav className="flex items-center gap-2">
            {user ? (
              <>
                {user.role === "admin" ? (
                  <LinkButton href="/admin" variant="ghost" size="sm">
                    Admin
                  </LinkButton>
                ) : null}
                <LinkButton href="/account" size="sm">
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
      <main>
        <section className="mx-auto max-w-5xl px-6 pt-20 pb-16">
          <p className="text-sm font-medium text-brand-700">Subscription-growth CRM</p>
          <h1 className="mt-3 max-w-2xl text-4xl font-semibold tracking-tight text-zinc-900">
            Grow and keep your subscribers, from one subscription core.
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-zinc-600">
            Subflow runs subscriptions and payments for publishers and other subscription businesses, with automation,
            upgrades, family sharing and referrals built on top.
          </p>
          <div className="mt-8 flex gap-3">
            <LinkButton href={user ? "/account" : "/register"}>{user ? "Go to my account" : "Create an account"}</LinkButton>
            {user ? null : (
              <LinkButton href="/login" variant="secondary">
                Sign in
              </LinkButton>
            )}
          </div>
        </section>
        <section className="border-t border-zinc-200 bg-zinc-50">
          <div className="mx-auto grid max-w-5xl grid-cols-1 gap-6 px-6 py-14 sm:grid-cols-2 lg:grid-cols-4">
            {CAPABILITIES.map((capability) => (
              <div key={capability.title}>
                <h2 className="text-sm font-semibold text-zinc-900">{capability.title}</h2>
                <p className="mt-1.5 text-sm text-zinc-600">{capability.text}</p>
              </div>
            ))}
          </div>
        </section>
      </main>
      <footer className="mx-auto max-w-5xl px-6 py-8 text-xs text-zinc-500">
        Subflow · <Link href="/login" className="hover:text-zinc-800">Sign in</Link>
      </footer>
    </div>
  );
}
