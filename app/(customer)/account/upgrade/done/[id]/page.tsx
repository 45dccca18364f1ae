import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContentAccessBadges } from "@/components/billing/badges";
import { formatCharge } from "@/components/customer/upgrades/upgrade-offer-details";
import { UPGRADE_METHOD_TITLES } from "@/components/customer/upgrades/upgrade-text";
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

export const metadata: Metadata = { title: "Your upgrade" };

export default async function UpgradeDonePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const user = await requireUserPage(`/account/upgrade/done/${encodeURIComponent(rawId)}`);
  const id = idField.safeParse(rawId);
  if (!id.success) notFound();
  // The user id is part of the lookup: another customer's upgrade is simply not found.
  const found = await findUserUpgrade(await getDb(), { id: id.data, userId: user.id });
  if (!found) notFound();
  const { upgrade, target, subscription, payment } = found;
  const state = upgradeResultState(upgrade, payment);
  const completed = state === "upgraded";
  const awaitingPayment = state === "awaiting_payment";
  const charging = state === "charging";
  const notCompleted = state === "not_completed";
  const title = completed
    ? "Your subscription is upgraded"
    : awaitingPayment
      ? "One step left: pay for your upgrade"
      : charging
        ? "Your upgrade is being paid"
        : "This upgrade was not completed";

  return (
    <>
      <PageHeader
        title={title}
        back={
          <Link href="/account" className="text-brand-700 hover:underline">
            ← My account
          </Link>
        }
      />
      <Card className="max-w-2xl" data-testid="upgrade-result" data-status={upgrade.status}>
        <CardHeader title={target.name} description={UPGRADE_METHOD_TITLES[upgrade.type]} />
        <CardBody className="space-y-4">
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-500">Content access</dt>
              <dd data-testid="upgrade-result-content">
                <ContentAccessBadges codes={target.contentAccess} />
              </dd>
            </div>
            {subscription ? (
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-500">Runs</dt>
                <dd className="text-zinc-900" data-testid="upgrade-result-dates">
                  {formatDate(subscription.startAt)} – {formatDate(subscription.endAt)}
                </dd>
              </div>
            ) : null}
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-500">
                {completed ? "Charged" : awaitingPayment ? "To pay" : "Price"}
              </dt>
              <dd className="font-medium text-zinc-900 tabular-nums" data-testid="upgrade-charge">
                {formatCharge(payment?.amountCents ?? upgrade.chargeCents)}
              </dd>
            </div>
            {upgrade.creditCents > 0 ? (
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-500">Credit for your days left</dt>
                <dd className="text-zinc-900 tabular-nums">{formatMoney(upgrade.creditCents)}</dd>
              </div>
            ) : null}
          </dl>
          {awaitingPayment ? (
            <Notice tone="info" title="Your upgrade starts when it is paid">
              Until then your current subscription keeps running unchanged.
            </Notice>
          ) : null}
          {charging && payment ? (
            <Notice
              tone="info"
              title="The charge is not confirmed yet"
              data-testid="upgrade-charging"
            >
              Your upgrade starts as soon as it is. Should your bank ask you to confirm the payment,
              we email you the link; you can also do it{" "}
              <Link href={checkoutPath(payment.id)} className="text-brand-700 hover:underline">
                on the payment page
              </Link>
              .
            </Notice>
          ) : null}
          {notCompleted ? (
            <Notice tone="warning" title="This upgrade was not completed">
              Nothing was changed: your current subscription keeps running.{" "}
              <Link
                href="/account/upgrade"
                className="text-brand-700 hover:underline"
                data-testid="upgrade-retry"
              >
                See the upgrades available now
              </Link>
              .
            </Notice>
          ) : null}
          <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
            <LinkButton href="/account" variant="secondary">
              Back to my account
            </LinkButton>
            {awaitingPayment && payment ? (
              <LinkButton href={checkoutPath(payment.id)} data-testid="upgrade-pay-now">
                Pay now
              </LinkButton>
            ) : null}
          </div>
        </CardBody>
      </Card>
    </>
  );
}
