import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PricingTable } from "@/components/customer/pricing/pricing-table";
import { visitorInvitation } from "@/components/customer/referrals/visitor-invitation";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/lib/db";
import { listOfferedTypes } from "@/lib/purchases/list-offered-types";
import { groupPricingPlans } from "@/lib/purchases/pricing-groups";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pricing"))("metaTitle") };
}

export default async function PricingPage() {
  const [types, invited, t] = await Promise.all([
    listOfferedTypes(await getDb()),
    visitorInvitation(),
    getTranslations("Pricing"),
  ]);
  return (
    <>
      <div className="mx-auto mb-8 max-w-2xl text-center">
        <h1
          className="text-3xl font-semibold tracking-tight text-zinc-900"
          data-testid="page-title"
        >
          {t("title")}
        </h1>
        <p className="mt-3 text-base text-zinc-600">{t("intro")}</p>
      </div>
      {invited ? (
        <Notice
          tone="success"
          className="mx-auto mb-8 max-w-2xl"
          data-testid="pricing-referral-offer"
        >
          <span className="block font-medium">{t("invitedBy", { name: invited.by })}</span>
          {invited.offer ? <span className="block">{invited.offer}</span> : null}
        </Notice>
      ) : null}
      {types.length === 0 ? (
        <Card className="mx-auto max-w-xl">
          <EmptyState title={t("emptyTitle")} description={t("emptyText")} />
        </Card>
      ) : (
        <PricingTable
          groups={{
            monthly: groupPricingPlans(types, "monthly"),
            yearly: groupPricingPlans(types, "yearly"),
          }}
        />
      )}
    </>
  );
}
