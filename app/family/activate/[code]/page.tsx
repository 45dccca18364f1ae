import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ContentAccessBadges } from "@/components/billing/badges";
import { ActivateFamilyForm } from "@/components/customer/family/activate-family-form";
import { maskEmail } from "@/lib/mask-email";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { currentUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { childDates } from "@/lib/family/child-dates";
import { findFamilyRequestByCode, type FamilyRequestView } from "@/lib/family/find-family-request";
import { contentAccessNames } from "@/lib/subscriptions/content-access-names";
import type { Locale } from "@/lib/i18n/locales";
import { activateFamilyCodeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("FamilyActivate"))("metaTitle") };
}

type ActivateT = Awaited<ReturnType<typeof getTranslations<"FamilyActivate">>>;

/** What the code would give, in words: the master's dates, N days from activation, or until a fixed date. */
function describeDates(
  view: FamilyRequestView,
  t: ActivateT,
  locale: Locale,
  timeZone: string,
): string {
  const dates = childDates(view, view.masterSubscription, now());
  if (!dates) return t("dates.none");
  const end = formatDate(dates.endAt, locale, timeZone);
  if (view.donationMethod === "days")
    return t("dates.days", { count: view.donationDays ?? 0, end });
  if (view.donationMethod === "fixed") return t("dates.fixed", { end });
  return t("dates.same", { start: formatDate(dates.startAt, locale, timeZone), end });
}

/** Why a code cannot be activated any more, or null while it can. */
function unavailableReason(
  view: FamilyRequestView,
  t: ActivateT,
): { title: string; body: string } | null {
  if (view.request.status === "accepted") return { title: t("used.title"), body: t("used.body") };
  if (view.request.status === "canceled")
    return { title: t("canceled.title"), body: t("canceled.body") };
  if (view.expired) return { title: t("expired.title"), body: t("expired.body") };
  return null;
}

export default async function ActivateFamilyPage({
  params,
}: {
  params: Promise<{ code: string }>;
}) {
  const { code } = await params;
  const [user, db, t, locale, timeZone] = await Promise.all([
    currentUser(),
    getDb(),
    getTranslations("FamilyActivate"),
    getLocale(),
    getTimeZone(),
  ]);
  const view = await findFamilyRequestByCode(db, code, {
    markOpened: true,
    viewerId: user?.id ?? null,
  });

  if (!view) {
    return (
      <Notice tone="warning" title={t("unknown.title")} data-testid="family-activate-unknown">
        {t("unknown.body")}
      </Notice>
    );
  }

  const names = await contentAccessNames(db, view.subscriptionType.contentAccess);
  const giver = view.master.name?.trim() || maskEmail(view.master.email);
  const unavailable = unavailableReason(view, t);
  const here = `/family/activate/${view.request.code}`;

  return (
    <Card
      data-testid="family-activate-card"
      data-status={view.request.status}
      data-expired={view.expired ? "true" : "false"}
    >
      <CardHeader title={t("title", { giver })} description={t("description")} />
      <CardBody className="space-y-5">
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          <dt className="text-zinc-500">{t("from")}</dt>
          <dd className="text-zinc-900" data-testid="family-activate-master">
            {giver}
          </dd>
          <dt className="text-zinc-500">{t("subscription")}</dt>
          <dd className="font-medium text-zinc-900" data-testid="family-activate-type">
            {view.subscriptionType.name}
          </dd>
          <dt className="text-zinc-500">{t("access")}</dt>
          <dd className="flex flex-wrap items-center gap-2" data-testid="family-activate-access">
            <ContentAccessBadges codes={view.subscriptionType.contentAccess} />
            <span className="text-zinc-500">
              {view.subscriptionType.contentAccess
                .map((access) => names[access] ?? access)
                .join(", ")}
            </span>
          </dd>
          <dt className="text-zinc-500">{t("runs")}</dt>
          <dd className="text-zinc-900" data-testid="family-activate-dates">
            {describeDates(view, t, locale, timeZone)}
          </dd>
        </dl>

        {view.request.status === "accepted" &&
        user !== null &&
        view.request.childUserId === user.id ? (
          // Activated by this user (the action's re-render lands here too).
          <Notice tone="success" title={t("active.title")} data-testid="family-activate-result">
            <p>
              {t("active.since", {
                name: view.subscriptionType.name,
                date: formatDate(view.request.acceptedAt, locale, timeZone),
              })}
            </p>
            <p className="mt-2 flex items-center gap-2">
              <span>{t("active.access")}</span>{" "}
              <ContentAccessBadges codes={view.subscriptionType.contentAccess} />
            </p>
            <LinkButton href="/account" className="mt-4" data-testid="family-activate-account">
              {t("goToAccount")}
            </LinkButton>
          </Notice>
        ) : unavailable ? (
          <Notice
            tone="warning"
            title={unavailable.title}
            data-testid="family-activate-unavailable"
          >
            {unavailable.body}{" "}
            {user ? (
              <Link href="/account" className="font-medium underline">
                {t("myAccount")}
              </Link>
            ) : null}
          </Notice>
        ) : user ? (
          <div className="space-y-2">
            <p className="text-sm text-zinc-600">
              {t.rich("signedInAs", {
                email: user.email,
                strong: (chunks) => <span className="font-medium text-zinc-900">{chunks}</span>,
              })}
            </p>
            {user.id === view.master.id && !view.allowSelfUse ? (
              <p className="text-sm text-amber-700" data-testid="family-activate-own">
                {t("ownCode")}
              </p>
            ) : null}
            <ActivateFamilyForm
              action={activateFamilyCodeAction}
              code={view.request.code}
              typeName={view.subscriptionType.name}
            />
          </div>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-zinc-600">{t("signInFirst")}</p>
            <div className="flex flex-wrap gap-2">
              <LinkButton
                href={`/login?callbackUrl=${encodeURIComponent(here)}`}
                data-testid="family-signin"
              >
                {t("signIn")}
              </LinkButton>
              <LinkButton
                href={`/register?callbackUrl=${encodeURIComponent(here)}`}
                variant="secondary"
                data-testid="family-register"
              >
                {t("register")}
              </LinkButton>
            </div>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
