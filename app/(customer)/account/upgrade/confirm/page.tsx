import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ConfirmUpgradeForm } from "@/components/customer/upgrades/confirm-upgrade-form";
import { UpgradeBaseSummary } from "@/components/customer/upgrades/upgrade-base-summary";
import {
  formatCharge,
  UpgradeOfferDetails,
} from "@/components/customer/upgrades/upgrade-offer-details";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import type { UpgradeOffer } from "@/lib/upgrades/offer-types";
import { offerRequestQuery, parseOfferRequestParams } from "@/lib/upgrades/offer-request-params";
import { contentAccessNames } from "@/lib/subscriptions/content-access-names";
import { listUpgradeOffers } from "@/lib/upgrades/list-upgrade-offers";
import { applyUpgradeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Upgrade"))("confirm.metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;
type UpgradeT = Awaited<ReturnType<typeof getTranslations<"Upgrade">>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function submitLabel(offer: UpgradeOffer, t: UpgradeT, locale: Locale): string {
  const amount = formatCharge(offer.chargeCents, locale, t("offer.free"));
  if (offer.type === "paid_extend") return t("confirm.toPayment", { amount });
  if (offer.chargeCents > 0) return t("confirm.payAndUpgrade", { amount });
  return t("confirm.submit");
}

export default async function ConfirmUpgradePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireUserPage("/account/upgrade");
  const [params, t, locale] = await Promise.all([
    searchParams,
    getTranslations("Upgrade"),
    getLocale(),
  ]);
  const request = parseOfferRequestParams(params);
  const reviewHref = `/account/upgrade${request.ok ? offerRequestQuery(request) : ""}`;
  const header = (
    <PageHeader
      title={t("confirm.title")}
      description={t("confirm.intro")}
      back={
        <Link href={reviewHref} className="text-brand-700 hover:underline">
          {t("confirm.allUpgrades")}
        </Link>
      }
    />
  );

  // The offer is computed again now: the price follows the days left, and what was shown may have changed.
  const type = first(params.type);
  const target = first(params.target);
  const db = await getDb();
  const result = request.ok
    ? await listUpgradeOffers(db, { userId: user.id, tags: request.tags, content: request.content })
    : null;
  const offer = result?.offers.find(
    (candidate) => candidate.type === type && candidate.target.code === target,
  );

  if (!request.ok || !result || !offer) {
    return (
      <>
        {header}
        <Notice
          tone="warning"
          title={t("confirm.unavailableTitle")}
          data-testid="upgrade-unavailable"
        >
          {t("confirm.unavailableText")}{" "}
          <Link href={reviewHref} className="font-medium underline">
            {t("confirm.seeOpen")}
          </Link>
        </Notice>
      </>
    );
  }

  const names = await contentAccessNames(db, offer.gainedContent);
  return (
    <>
      {header}
      <div className="max-w-2xl space-y-6">
        {result.base ? <UpgradeBaseSummary base={result.base} /> : null}
        <Card data-testid={`upgrade-offer-${offer.type}-${offer.target.code}`}>
          <CardHeader
            title={offer.target.name}
            description={t("length", { days: offer.target.lengthDays })}
          />
          <CardBody className="space-y-6">
            <UpgradeOfferDetails offer={offer} contentNames={names} />
            <ConfirmUpgradeForm
              action={applyUpgradeAction}
              reviewHref={reviewHref}
              submitLabel={submitLabel(offer, t, locale)}
              fields={{
                type: offer.type,
                target: offer.target.code,
                tags: request.tags.join(","),
                content: request.content ?? "",
                expectedChargeCents: offer.chargeCents,
                idempotencyKey: randomUUID(),
              }}
            />
          </CardBody>
        </Card>
        <LinkButton href="/account" variant="ghost" size="sm">
          {t("backToAccount")}
        </LinkButton>
      </div>
    </>
  );
}
