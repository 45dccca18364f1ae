import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContentAccessBadges } from "@/components/billing/badges";
import { SubscribeForm } from "@/components/customer/pricing/subscribe-form";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { currentUser } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatMoney, mulDivRounded } from "@/lib/money";
import { MONTH_DAYS } from "@/lib/purchases/pricing-groups";
import { quotePurchase, type PurchaseQuote } from "@/lib/purchases/quote-purchase";
import { contentAccessNames } from "@/lib/subscriptions/content-access-names";
import { findRenewalType } from "@/lib/subscriptions/find-renewal-type";
import { periodUnit } from "@/lib/subscriptions/period-unit";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { startPurchaseAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Subscribe"))("metaTitle") };
}

/** The quote, or null when the type is not for sale here (unknown, inactive or not offered). */
async function quoteOrNull(
  db: Db,
  userId: number | null,
  code: string,
): Promise<PurchaseQuote | null> {
  try {
    return await quotePurchase(db, { userId, subscriptionTypeCode: code });
  } catch (error) {
    if (isAppError(error) && error.code === "subscription_type_not_offered") return null;
    throw error;
  }
}

function SummaryRow({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 text-zinc-900" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

export default async function SubscribePlanPage({ params }: { params: Promise<{ code: string }> }) {
  const code = codeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const [user, db, t, locale, timeZone] = await Promise.all([
    currentUser(),
    getDb(),
    getTranslations(),
    getLocale(),
    getTimeZone(),
  ]);
  const quote = await quoteOrNull(db, user?.id ?? null, code.data);
  if (!quote) notFound();
  const { type } = quote;
  const names = await contentAccessNames(db, type.contentAccess);
  const access = type.contentAccess
    .map((accessCode) => names[accessCode] ?? accessCode)
    .join(" + ");
  const period = t("Period.per", periodUnit(type.lengthDays));
  const here = `/subscribe/${type.code}`;

  const price = (
    <>
      <span className="font-medium tabular-nums">{formatMoney(type.priceCents, locale)}</span>
      <span className="text-zinc-500"> / {period}</span>
      {type.lengthDays > MONTH_DAYS ? (
        <span className="block text-xs text-zinc-500">
          {t("Pricing.perMonth", {
            amount: formatMoney(
              mulDivRounded(type.priceCents, MONTH_DAYS, type.lengthDays),
              locale,
            ),
          })}
        </span>
      ) : null}
    </>
  );
  const planRows = (
    <>
      <SummaryRow label={t("Subscribe.access")}>
        <span className="flex flex-wrap items-center gap-2">
          <ContentAccessBadges codes={type.contentAccess} />
          <span className="text-zinc-500">{access}</span>
        </span>
      </SummaryRow>
      <SummaryRow label={t("Subscribe.price")} testId="subscribe-price">
        {price}
      </SummaryRow>
    </>
  );
  const back = (
    <Link href="/subscribe" className="text-sm text-brand-700 hover:underline">
      {t("Subscribe.allPlans")}
    </Link>
  );

  if (!user) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        {back}
        <Card data-testid="subscribe-summary">
          <CardHeader title={type.name} description={type.description ?? undefined} />
          <CardBody className="space-y-5">
            <dl className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-4 gap-y-3 text-sm">
              {planRows}
            </dl>
            <div className="space-y-3 border-t border-zinc-100 pt-4">
              <p className="text-sm text-zinc-600">{t("Subscribe.signInFirst")}</p>
              <div className="flex flex-wrap gap-2">
                <LinkButton
                  href={`/register?callbackUrl=${encodeURIComponent(here)}`}
                  data-testid="subscribe-register"
                >
                  {t("Subscribe.register")}
                </LinkButton>
                <LinkButton
                  href={`/login?callbackUrl=${encodeURIComponent(here)}`}
                  variant="secondary"
                  data-testid="subscribe-signin"
                >
                  {t("Subscribe.signIn")}
                </LinkButton>
              </div>
            </div>
          </CardBody>
        </Card>
      </div>
    );
  }

  const renewal = await findRenewalType(db, type.id);
  const renewalValues = {
    amount: formatMoney(renewal.priceCents, locale),
    every: t("Period.every", periodUnit(renewal.lengthDays)),
  };
  const renewalLine =
    renewal.code === type.code
      ? t("Subscribe.renewalSame", renewalValues)
      : t("Subscribe.renewalNext", { ...renewalValues, name: renewal.name });
  const startsText = quote.followsSubscriptionEndingAt
    ? t("Subscribe.startsOn", {
        date: formatDate(quote.followsSubscriptionEndingAt, locale, timeZone),
        access,
      })
    : t("Subscribe.startsToday");

  return (
    <div className="mx-auto max-w-xl space-y-4">
      {back}
      <Card data-testid="subscribe-summary">
        <CardHeader title={type.name} description={type.description ?? undefined} />
        <CardBody className="space-y-5">
          <dl className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-4 gap-y-3 text-sm">
            {planRows}
            {quote.welcomeDiscount ? (
              <SummaryRow label={t("Subscribe.discount")} testId="subscribe-welcome-discount">
                <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span>
                    {t("Subscribe.referralWelcome", {
                      description: quote.welcomeDiscount.description,
                    })}
                  </span>
                  <span className="font-medium text-emerald-700 tabular-nums">
                    −{formatMoney(quote.welcomeDiscount.discountCents, locale)}
                  </span>
                </span>
              </SummaryRow>
            ) : null}
            <SummaryRow label={t("Subscribe.starts")} testId="subscribe-start-date">
              {startsText}
            </SummaryRow>
          </dl>
          {quote.replacesRenewalsOf.length > 0 ? (
            <Notice data-testid="subscribe-replaces-renewal">
              {t("Subscribe.replacesRenewal", {
                names: new Intl.ListFormat(locale, { type: "conjunction" }).format(
                  quote.replacesRenewalsOf,
                ),
              })}
            </Notice>
          ) : null}
          <div className="flex items-baseline justify-between border-t border-zinc-100 pt-4">
            <span className="text-sm text-zinc-500">{t("Subscribe.totalToday")}</span>
            <span
              className="text-lg font-semibold text-zinc-900 tabular-nums"
              data-testid="subscribe-total"
            >
              {formatMoney(quote.amountCents, locale)}
            </span>
          </div>
          <div className="border-t border-zinc-100 pt-4">
            <SubscribeForm
              action={startPurchaseAction}
              code={type.code}
              idempotencyKey={randomUUID()}
              renewalLine={renewalLine}
              discountCodeAllowed={quote.welcomeDiscount === null}
            />
            <p className="mt-3 text-center text-xs text-zinc-500">
              {t.rich("Subscribe.forAccount", {
                email: user.email,
                strong: (chunks) => <span className="font-medium text-zinc-700">{chunks}</span>,
              })}
            </p>
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
