import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SiteHeader } from "@/components/customer/site-header";
import { LinkButton } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";

// Each capability's title and text are messages (Home.capabilities.<id>).
const CAPABILITIES = ["core", "scenarios", "upgrades", "family"] as const;

/** Signed out, or signed in without a running subscription: the pricing page is the next step. */
async function showsPlans(userId: number | null): Promise<boolean> {
  if (userId === null) return true;
  const actual = await listSubscriptions(await getDb(), {
    userId,
    state: "actual",
    limit: 1,
    offset: 0,
  });
  return actual.total === 0;
}

export default async function HomePage() {
  const [user, t] = await Promise.all([currentUser(), getTranslations("Home")]);
  const seePlans = await showsPlans(user?.id ?? null);
  return (
    <div className="min-h-screen bg-white">
      <SiteHeader user={user} />
      <main>
        <section className="mx-auto max-w-5xl px-6 pt-20 pb-16">
          <p className="text-sm font-medium text-brand-700">{t("kicker")}</p>
          <h1 className="mt-3 max-w-2xl text-4xl font-semibold tracking-tight text-zinc-900">
            {t("title")}
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-zinc-600">{t("intro")}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            {seePlans ? (
              <LinkButton href="/subscribe" data-testid="home-see-plans">
                {t("seePlans")}
              </LinkButton>
            ) : null}
            <LinkButton
              href={user ? "/account" : "/register"}
              variant={seePlans ? "secondary" : "primary"}
            >
              {user ? t("goToAccount") : t("createAccount")}
            </LinkButton>
            {user ? null : (
              <LinkButton href="/login" variant="ghost">
                {t("signIn")}
              </LinkButton>
            )}
          </div>
        </section>
        <section className="border-t border-zinc-200 bg-zinc-50">
          <div className="mx-auto grid max-w-5xl grid-cols-1 gap-6 px-6 py-14 sm:grid-cols-2 lg:grid-cols-4">
            {CAPABILITIES.map((capability) => (
              <div key={capability}>
                <h2 className="text-sm font-semibold text-zinc-900">
                  {t(`capabilities.${capability}.title`)}
                </h2>
                <p className="mt-1.5 text-sm text-zinc-600">
                  {t(`capabilities.${capability}.text`)}
                </p>
              </div>
            ))}
          </div>
        </section>
      </main>
      <footer className="mx-auto max-w-5xl px-6 py-8 text-xs text-zinc-500">
        Subflow ·{" "}
        <Link href="/subscribe" className="hover:text-zinc-800">
          {t("plans")}
        </Link>{" "}
        ·{" "}
        <Link href="/login" className="hover:text-zinc-800">
          {t("signIn")}
        </Link>
      </footer>
    </div>
  );
}
