import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { UpgradeBaseSummary } from "@/components/customer/upgrades/upgrade-base-summary";
import { UpgradeOfferDetails } from "@/components/customer/upgrades/upgrade-offer-details";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { slovakServerMessage } from "@/lib/i18n/slovak-server-messages";
import { contentAccessNames } from "@/lib/subscriptions/content-access-names";
import { listUpgradeOffers } from "@/lib/upgrades/list-upgrade-offers";
import { offerRequestQuery, parseOfferRequestParams } from "@/lib/upgrades/offer-request-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Upgrade"))("metaTitle") };
}

export default async function UpgradePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUserPage("/account/upgrade");
  const [params, t, locale] = await Promise.all([
    searchParams,
    getTranslations("Upgrade"),
    getLocale(),
  ]);
  const request = parseOfferRequestParams(params);
  const header = (
    <PageHeader
      title={t("title")}
      description={t("intro")}
      back={
        <Link href="/account" className="text-brand-700 hover:underline">
          {t("back")}
        </Link>
      }
    />
  );

  if (!request.ok) {
    return (
      <>
        {header}
        <Notice tone="warning" title={t("paramsInvalid")} data-testid="upgrade-params-invalid">
          {locale === "sk" ? slovakServerMessage(request.message) : request.message}{" "}
          <Link href="/account/upgrade" className="font-medium underline">
            {t("seeAll")}
          </Link>
        </Notice>
      </>
    );
  }

  const db = await getDb();
  const result = await listUpgradeOffers(db, {
    userId: user.id,
    tags: request.tags,
    content: request.content,
  });
  const names = await contentAccessNames(
    db,
    result.offers.flatMap((offer) => offer.gainedContent),
  );
  const reason = result.reason ?? "no_offer";

  return (
    <>
      {header}
      <div className="space-y-6">
        {result.base ? <UpgradeBaseSummary base={result.base} /> : null}
        {result.offers.length === 0 ? (
          <Card
            className="flex flex-col items-center px-6 py-12 text-center"
            data-testid="upgrade-empty"
          >
            <p className="text-sm font-medium text-zinc-900">{t("emptyTitle")}</p>
            <p
              className="mt-1 max-w-md text-sm text-zinc-500"
              data-testid="upgrade-reason"
              data-reason={reason}
            >
              {t(`reason.${reason}`)}
            </p>
            <LinkButton href="/account" variant="secondary" className="mt-4">
              {t("backToAccount")}
            </LinkButton>
          </Card>
        ) : (
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {result.offers.map((offer) => {
              const key = `${offer.type}-${offer.target.code}`;
              const href = `/account/upgrade/confirm${offerRequestQuery(request, { type: offer.type, target: offer.target.code })}`;
              return (
                <Card key={key} className="flex flex-col" data-testid={`upgrade-offer-${key}`}>
                  <CardHeader
                    title={offer.target.name}
                    description={t("length", { days: offer.target.lengthDays })}
                  />
                  <CardBody className="flex-1">
                    <UpgradeOfferDetails offer={offer} contentNames={names} />
                  </CardBody>
                  <div className="flex justify-end border-t border-zinc-100 px-5 py-3">
                    <LinkButton href={href} data-testid={`upgrade-choose-${key}`}>
                      {t("choose")}
                    </LinkButton>
                  </div>
                </Card>
              );
            })}
          </div>
        )}
      </div>
    </>
  );
}
