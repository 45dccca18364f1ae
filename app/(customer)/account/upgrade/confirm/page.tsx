import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
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
import type { UpgradeOffer } from "@/lib/upgrades/offer-types";
import { offerRequestQuery, parseOfferRequestParams } from "@/lib/upgrades/offer-request-params";
import { contentAccessNames } from "@/lib/subscriptions/content-access-names";
import { listUpgradeOffers } from "@/lib/upgrades/list-upgrade-offers";
import { applyUpgradeAction } from "../actions";

export const metadata: Metadata = { title: "Confirm upgrade" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function submitLabel(offer: UpgradeOffer): string {
  if (offer.type === "paid_extend")
    return `Continue to payment (${formatCharge(offer.chargeCents)})`;
  if (offer.chargeCents > 0) return `Upgrade and pay ${formatCharge(offer.chargeCents)}`;
  return "Confirm upgrade";
}

export default async function ConfirmUpgradePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const user = await requireUserPage("/account/upgrade");
  const request = parseOfferRequestParams(params);
  const reviewHref = `/account/upgrade${request.ok ? offerRequestQuery(request) : ""}`;
  const header = (
    <PageHeader
      title="Confirm your upgrade"
      description="Check what changes, then confirm."
      back={
        <Link href={reviewHref} className="text-brand-700 hover:underline">
          ← All upgrades
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
          title="This upgrade is no longer available"
          data-testid="upgrade-unavailable"
        >
          It may have changed since you chose it.{" "}
          <Link href={reviewHref} className="font-medium underline">
            See the upgrades open to you now
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
          <CardHeader title={offer.target.name} description={`${offer.target.lengthDays} days`} />
          <CardBody className="space-y-6">
            <UpgradeOfferDetails offer={offer} contentNames={names} />
            <ConfirmUpgradeForm
              action={applyUpgradeAction}
              reviewHref={reviewHref}
              submitLabel={submitLabel(offer)}
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
          Back to my account
        </LinkButton>
      </div>
    </>
  );
}
