import type { Metadata } from "next";
import { PricingTable } from "@/components/customer/pricing/pricing-table";
import { visitorInvitation } from "@/components/customer/referrals/visitor-invitation";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/lib/db";
import { listOfferedTypes } from "@/lib/purchases/list-offered-types";
import { groupPricingPlans } from "@/lib/purchases/pricing-groups";

export const metadata: Metadata = { title: "Plans and pricing" };

export default async function PricingPage() {
  const [types, invited] = await Promise.all([
    listOfferedTypes(await getDb()),
    visitorInvitation(),
  ]);
  return (
    <>
      <div className="mx-auto mb-8 max-w-2xl text-center">
        <h1
          className="text-3xl font-semibold tracking-tight text-zinc-900"
          data-testid="page-title"
        >
          Choose your subscription
        </h1>
        <p className="mt-3 text-base text-zinc-600">
          Pick what you want to read and how often to pay. Stop renewing whenever you like.
        </p>
      </div>
      {invited ? (
        <Notice
          tone="success"
          className="mx-auto mb-8 max-w-2xl"
          data-testid="pricing-referral-offer"
        >
          <span className="block font-medium">{invited.by} invited you</span>
          {invited.offer ? <span className="block">{invited.offer}</span> : null}
        </Notice>
      ) : null}
      {types.length === 0 ? (
        <Card className="mx-auto max-w-xl">
          <EmptyState
            title="No plans on offer right now"
            description="We are preparing new subscriptions. Please come back soon, or write to us if you need one today."
          />
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
