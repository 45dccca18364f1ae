import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContentAccessBadges } from "@/components/billing/badges";
import { formatCharge } from "@/components/customer/upgrades/upgrade-offer-details";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { idField } from "@/lib/forms/form-fields";
import { formatMoney } from "@/lib/money";
import { checkoutPath } from "@/lib/payments/checkout-path";
import { findUserUpgrade } from "@/lib/upgrades/find-upgrade";
import { upgradeResultState } from "@/lib/upgrades/upgrade-result-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Upgrade"))("done.metaTitle") };
}

export default async function UpgradeDonePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const user = await requireUserPage(`/account/upgrade/done/${encodeURIComponent(rawId)}`);
  const id = idField.safeParse(rawId);
  if (!id.success) notFound();
  // The user id is part of the lookup: another customer's upgrade is simply not found.
  const [found, t, locale, timeZone] = await Promise.all([
    getDb().then((db) => findUserUpgrade(db, { id: id.data, userId: user.id })),
    getTranslations("Upgrade"),
    getLocale(),
    getTimeZone(),
  ]);
  if (!found) notFound();
  const { upgrade, target, subscription, payment } = found;
  const state = upgradeResultState(upgrade, payment);
  const completed = state === "upgraded";
  const awaitingPayment = state === "awaiting_payment";
  const charging = state === "charging";
  const notCompleted = state === "not_completed";

  return (
    <>
      <PageHeader
        title={t(`done.title.${state}`)}
        back={
          <Link href="/account" className="text-brand-700 hover:underline">
            {t("back")}
          </Link>
        }
      />
      <Card className="max-w-2xl" data-testid="upgrade-result" data-status={upgrade.status}>
        <CardHeader title={target.name} description={t(`method.title.${upgrade.type}`)} />
        <CardBody className="space-y-4">
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-500">{t("done.contentAccess")}</dt>
              <dd data-testid="upgrade-result-content">
                <ContentAccessBadges codes={target.contentAccess} />
              </dd>
            </div>
            {subscription ? (
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-500">{t("done.runs")}</dt>
                <dd className="text-zinc-900" data-testid="upgrade-result-dates">
                  {formatDate(subscription.startAt, locale, timeZone)} –{" "}
                  {formatDate(subscription.endAt, locale, timeZone)}
                </dd>
              </div>
            ) : null}
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-500">
                {completed
                  ? t("done.charged")
                  : awaitingPayment
                    ? t("done.toPay")
                    : t("done.price")}
              </dt>
              <dd className="font-medium text-zinc-900 tabular-nums" data-testid="upgrade-charge">
                {formatCharge(payment?.amountCents ?? upgrade.chargeCents, locale, t("offer.free"))}
              </dd>
            </div>
            {upgrade.creditCents > 0 ? (
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-500">{t("done.credit")}</dt>
                <dd className="whitespace-nowrap text-zinc-900 tabular-nums">
                  {formatMoney(upgrade.creditCents, locale)}
                </dd>
              </div>
            ) : null}
          </dl>
          {awaitingPayment ? (
            <Notice tone="info" title={t("done.awaitingTitle")}>
              {t("done.awaitingText")}
            </Notice>
          ) : null}
          {charging && payment ? (
            <Notice tone="info" title={t("done.chargingTitle")} data-testid="upgrade-charging">
              {t.rich("done.chargingText", {
                link: (chunks) => (
                  <Link href={checkoutPath(payment.id)} className="text-brand-700 hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            </Notice>
          ) : null}
          {notCompleted ? (
            <Notice tone="warning" title={t("done.title.not_completed")}>
              {t.rich("done.notCompletedText", {
                link: (chunks) => (
                  <Link
                    href="/account/upgrade"
                    className="text-brand-700 hover:underline"
                    data-testid="upgrade-retry"
                  >
                    {chunks}
                  </Link>
                ),
              })}
            </Notice>
          ) : null}
          <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
            <LinkButton href="/account" variant="secondary">
              {t("backToAccount")}
            </LinkButton>
            {awaitingPayment && payment ? (
              <LinkButton href={checkoutPath(payment.id)} data-testid="upgrade-pay-now">
                {t("done.payNow")}
              </LinkButton>
            ) : null}
          </div>
        </CardBody>
      </Card>
    </>
  );
}
