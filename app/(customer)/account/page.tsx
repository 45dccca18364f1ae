import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BillingWithheld } from "@/components/customer/billing-withheld";
import { MyPayments } from "@/components/customer/my-payments";
import { MyRecurrentPayment } from "@/components/customer/my-recurrent-payment";
import { MySubscriptions } from "@/components/customer/my-subscriptions";
import { EmailPreferencesCard } from "@/components/customer/profile/email-preferences-card";
import { LinkButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUserPageView } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { hasMasterFamilyRequests } from "@/lib/family/has-master-family-requests";
import { listPayments } from "@/lib/payments/list-payments";
import { listRecurrentPayments } from "@/lib/recurrent-payments/list-recurrent-payments";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { listUpgradeOffers } from "@/lib/upgrades/list-upgrade-offers";
import { stopMyRecurrentPaymentAction } from "./actions";
import { updateEmailPreferencesAction } from "./profile/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Account"))("metaTitle") };
}

// The account page lists a person's history in full up to these bounds.
const SUBSCRIPTION_LIMIT = 50;
const PAYMENT_LIMIT = 50;

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, billingShown } = await requireUserPageView("/account");
  const [db, t] = await Promise.all([getDb(), getTranslations("Account")]);
  const none = { rows: [], total: 0 };
  // Every query is restricted to the signed-in user's id: ownership is in the query. Payments and the renewal are not
  // read at all for a staff member viewing the account whose role does not see billing.
  const [subscriptions, payments, recurrent, isFamilyMaster, upgrades, params] = await Promise.all([
    listSubscriptions(db, { userId: user.id, limit: SUBSCRIPTION_LIMIT, offset: 0 }),
    billingShown ? listPayments(db, { userId: user.id, limit: PAYMENT_LIMIT, offset: 0 }) : none,
    billingShown ? listRecurrentPayments(db, { userId: user.id, limit: 10, offset: 0 }) : none,
    hasMasterFamilyRequests(db, { masterUserId: user.id }),
    listUpgradeOffers(db, { userId: user.id }),
    searchParams,
  ]);
  const renewal = recurrent.rows.find((row) => row.state === "active") ?? recurrent.rows[0];
  // Upcoming and running subscriptions first, then the history.
  const order = { actual: 0, upcoming: 1, ended: 2 } as const;
  const sortedSubscriptions = [...subscriptions.rows].sort(
    (a, b) => order[a.state] - order[b.state],
  );
  // The upgrade button only when there is something to upgrade to (the page itself explains why there is nothing).
  const hasUpgradeOffers = upgrades.offers.length > 0;
  // Nothing running and nothing bought to start later: the pricing page is where to go next.
  const hasNoSubscription = sortedSubscriptions.every((row) => row.state === "ended");

  return (
    <>
      {params.denied === "admin" ? (
        <Notice
          tone="warning"
          title={t("denied.title")}
          className="mb-6"
          data-testid="denied-notice"
        >
          {t("denied.text")}
        </Notice>
      ) : null}
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1
            className="text-xl font-semibold tracking-tight text-zinc-900"
            data-testid="page-title"
          >
            {user.name ? t("helloName", { name: user.name }) : t("hello")}
          </h1>
          <p className="mt-1 text-sm text-zinc-500">{t("intro")}</p>
          {isFamilyMaster ? (
            <Link
              href="/account/family"
              className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline"
              data-testid="family-link"
            >
              {t("familyLink")}
            </Link>
          ) : null}
          <Link
            href="/account/referrals"
            className="mt-1 block text-sm font-medium text-brand-700 hover:underline"
            data-testid="referrals-link"
          >
            {t("referralsLink")}
          </Link>
        </div>
        {hasUpgradeOffers ? (
          <LinkButton href="/account/upgrade" data-testid="upgrade-link">
            {t("upgrade")}
          </LinkButton>
        ) : hasNoSubscription ? (
          <LinkButton href="/subscribe" data-testid="choose-plan-link">
            {t("choosePlan")}
          </LinkButton>
        ) : null}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <MySubscriptions rows={sortedSubscriptions} />
          {billingShown ? <MyPayments rows={payments.rows} /> : <BillingWithheld />}
        </div>
        <div className="space-y-6">
          {billingShown ? (
            <MyRecurrentPayment row={renewal} stopAction={stopMyRecurrentPaymentAction} />
          ) : null}
          <EmailPreferencesCard userId={user.id} action={updateEmailPreferencesAction} />
        </div>
      </div>
    </>
  );
}
