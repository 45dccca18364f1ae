import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { randomUUID } from "node:crypto";
import { RecurrentStateBadge } from "@/components/billing/badges";
import { ChangeCardForm } from "@/components/customer/billing/change-card-form";
import { PaymentHistory } from "@/components/customer/billing/payment-history";
import { PlanChangeForm } from "@/components/customer/billing/plan-change-form";
import type { CheckoutCard } from "@/components/customer/checkout-form";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { BillingWithheld } from "@/components/customer/billing-withheld";
import { requireUserPageView } from "@/lib/auth/session";
import { loadBilling } from "@/lib/billing/load-billing";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { slovakServerMessage } from "@/lib/i18n/slovak-server-messages";
import { formatMoney } from "@/lib/money";
import { cardOfColumns } from "@/lib/payments/card-summary";
import { getGateway } from "@/lib/payments/gateways";
import { DEMO_CARD_TOKENS } from "@/lib/payments/gateways/demo";
import { listMyPayments } from "@/lib/receipts/list-my-payments";
import { periodUnit } from "@/lib/subscriptions/period-unit";
import {
  cancelPlanChangeAction,
  payFailedRenewalAction,
  saveCardAction,
  schedulePlanChangeAction,
  setRenewalAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Billing"))("title") };
}

/** The billing page lists this many payments, newest first (the API pages through all of them). */
const PAYMENT_HISTORY_LIMIT = 50;

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, billingShown } = await requireUserPageView("/account/billing");
  if (!billingShown) return <BillingWithheld />;
  const db = await getDb();
  const [billing, history, query, t, locale, timeZone] = await Promise.all([
    loadBilling(db, user.id),
    listMyPayments(db, { userId: user.id, limit: PAYMENT_HISTORY_LIMIT, offset: 0 }),
    searchParams,
    getTranslations(),
    getLocale(),
    getTimeZone(),
  ]);
  const terms = (amountCents: number, lengthDays: number) =>
    t("Billing.terms", {
      amount: formatMoney(amountCents, locale),
      every: t("Period.every", periodUnit(lengthDays)),
    });
  const demoNewCards: CheckoutCard[] = [
    {
      token: DEMO_CARD_TOKENS.succeeds,
      label: t("Checkout.cards.visa"),
      description: t("Billing.cards.visaText"),
    },
    {
      token: DEMO_CARD_TOKENS.declined,
      label: t("Checkout.cards.declined"),
      description: t("Billing.cards.declinedText"),
    },
  ];
  const { renewal, next, failedPayment, planOptions, currentPlan, unusedDiscountCodes } = billing;
  const gateway = renewal ? getGateway(renewal.gateway) : null;
  const savedCard = renewal ? cardOfColumns(renewal) : null;
  const card = savedCard
    ? t("Billing.card.summary", {
        brand: savedCard.brand.charAt(0).toUpperCase() + savedCard.brand.slice(1),
        last4: savedCard.last4,
        expires: `${String(savedCard.expMonth).padStart(2, "0")}/${savedCard.expYear}`,
      })
    : null;
  const canResume = renewal?.state === "user_stop" && renewal.chargeAt.getTime() > now().getTime();

  return (
    <>
      <div className="mb-6">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900" data-testid="page-title">
          {t("Billing.title")}
        </h1>
        <p className="mt-1 text-sm text-zinc-500">{t("Billing.intro")}</p>
      </div>
      {query.card === "saved" ? (
        <Notice tone="success" className="mb-6" data-testid="card-saved-notice">
          {t("Billing.cardSaved")}
        </Notice>
      ) : null}

      {failedPayment && renewal ? (
        <Notice
          tone="error"
          title={t("Billing.failed.title")}
          className="mb-6"
          data-testid="failed-renewal"
        >
          <p>
            {t("Billing.failed.amountOn", {
              amount: formatMoney(failedPayment.amountCents, locale),
              date: formatDate(failedPayment.createdAt, locale, timeZone),
            })}
            {failedPayment.failureReason
              ? `: ${locale === "sk" ? slovakServerMessage(failedPayment.failureReason) : failedPayment.failureReason}`
              : "."}{" "}
            {renewal.state === "charge_failed"
              ? t("Billing.failed.notRenewed")
              : t("Billing.failed.willRetry")}
          </p>
          <div className="mt-3">
            <ActionButton
              action={payFailedRenewalAction}
              fields={{ paymentId: failedPayment.id }}
              label={t("Billing.failed.payNow", {
                amount: formatMoney(failedPayment.amountCents, locale),
              })}
              pendingLabel={t("Billing.opening")}
              variant="primary"
              testId="pay-failed-renewal"
            />
          </div>
        </Notice>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card data-testid="billing-renewal">
          <CardHeader title={t("Billing.renewal.title")} />
          <CardBody className="space-y-4 text-sm">
            {!renewal || !next ? (
              <p className="text-zinc-500">{t("Billing.renewal.none")}</p>
            ) : (
              <>
                <dl className="space-y-2">
                  <div className="flex justify-between gap-4">
                    <dt className="text-zinc-500">{t("Billing.renewal.state")}</dt>
                    <dd>
                      <RecurrentStateBadge
                        state={renewal.state}
                        label={t(`MyRecurrentPayment.state.${renewal.state}`)}
                      />
                    </dd>
                  </div>
                  {renewal.state === "charge_failed" ? null : (
                    <div className="flex justify-between gap-4">
                      <dt className="text-zinc-500">
                        {renewal.state === "active"
                          ? t("Billing.renewal.nextCharge")
                          : t("Billing.renewal.ends")}
                      </dt>
                      <dd className="text-zinc-900" data-testid="billing-next-charge">
                        {formatDate(
                          renewal.state === "active"
                            ? (renewal.nextAttemptAt ?? renewal.chargeAt)
                            : renewal.chargeAt,
                          locale,
                          timeZone,
                        )}
                      </dd>
                    </div>
                  )}
                  <div className="flex justify-between gap-4">
                    <dt className="text-zinc-500">{t("Billing.renewal.renewsInto")}</dt>
                    <dd className="text-right text-zinc-900" data-testid="billing-next-plan">
                      {next.name} · {terms(next.amountCents, next.lengthDays)}
                    </dd>
                  </div>
                </dl>
                {renewal.state === "charge_failed" ? null : (
                  <div className="flex justify-end border-t border-zinc-100 pt-4">
                    {renewal.state === "active" ? (
                      <ActionButton
                        action={setRenewalAction}
                        fields={{ action: "stop" }}
                        label={t("Billing.renewal.stop")}
                        pendingLabel={t("Billing.renewal.stopping")}
                        variant="danger"
                        confirm={t("Billing.renewal.stopConfirm")}
                        testId="renewal-stop"
                      />
                    ) : canResume ? (
                      <ActionButton
                        action={setRenewalAction}
                        fields={{ action: "resume" }}
                        label={t("Billing.renewal.resume")}
                        pendingLabel={t("Billing.renewal.resuming")}
                        variant="primary"
                        testId="renewal-resume"
                      />
                    ) : (
                      <p className="text-zinc-500">{t("Billing.renewal.ended")}</p>
                    )}
                  </div>
                )}
              </>
            )}
          </CardBody>
        </Card>

        <Card data-testid="billing-card">
          <CardHeader title={t("Billing.card.title")} description={t("Billing.card.description")} />
          <CardBody className="space-y-4 text-sm">
            {!renewal || !gateway ? (
              <p className="text-zinc-500">{t("Billing.card.none")}</p>
            ) : (
              <>
                <p className="font-medium text-zinc-900" data-testid="saved-card">
                  {card ?? t("Billing.card.noDetails")}
                </p>
                <div className="border-t border-zinc-100 pt-4">
                  <ChangeCardForm
                    action={saveCardAction}
                    cards={gateway.checkoutMode === "token" ? demoNewCards : []}
                    idempotencyKey={`card-${randomUUID()}`}
                  />
                </div>
              </>
            )}
          </CardBody>
        </Card>

        {renewal && currentPlan && next ? (
          <Card data-testid="billing-plan">
            <CardHeader
              title={t("Billing.plan.title")}
              description={t("Billing.plan.description")}
            />
            <CardBody className="space-y-4 text-sm">
              {renewal.planChangedAt ? (
                <>
                  <Notice
                    tone="info"
                    title={t("Billing.plan.scheduled")}
                    data-testid="plan-change-scheduled"
                  >
                    {t("Billing.plan.scheduledText", {
                      date: formatDate(renewal.chargeAt, locale, timeZone),
                      next: next.name,
                      terms: terms(next.amountCents, next.lengthDays),
                      current: currentPlan.name,
                    })}
                  </Notice>
                  <div className="flex justify-end">
                    <ActionButton
                      action={cancelPlanChangeAction}
                      fields={{}}
                      label={t("Billing.plan.keep")}
                      pendingLabel={t("Billing.plan.cancelling")}
                      testId="plan-change-cancel"
                    />
                  </div>
                </>
              ) : planOptions.length > 0 ? (
                <PlanChangeForm
                  action={schedulePlanChangeAction}
                  choices={planOptions.map((option) => ({
                    code: option.code,
                    name: option.name,
                    terms: terms(option.priceCents, option.lengthDays),
                  }))}
                />
              ) : (
                <p className="text-zinc-500">
                  {renewal.state === "active"
                    ? t("Billing.plan.noOptions")
                    : t("Billing.plan.needsActive")}
                </p>
              )}
            </CardBody>
          </Card>
        ) : null}

        <Card data-testid="billing-discount-codes">
          <CardHeader
            title={t("Billing.codes.title")}
            description={t("Billing.codes.description")}
          />
          <CardBody className="text-sm">
            {unusedDiscountCodes.length === 0 ? (
              <p className="text-zinc-500">{t("Billing.codes.none")}</p>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {unusedDiscountCodes.map((code) => (
                  <li
                    key={code.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-2"
                    data-testid="billing-discount-code"
                  >
                    <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs">{code.code}</code>
                    <span className="text-zinc-600">
                      {code.kind === "percent"
                        ? t("Billing.codes.percentOff", { percent: code.percentOff ?? 0 })
                        : t("Billing.codes.amountOff", {
                            amount: formatMoney(code.amountOffCents ?? 0, locale),
                          })}
                      {" · "}
                      {code.expiresAt
                        ? t("Billing.codes.until", {
                            date: formatDate(code.expiresAt, locale, timeZone),
                          })
                        : t("Billing.codes.noExpiry")}
                      {code.paymentId ? ` · ${t("Billing.codes.applied")}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
      <div className="mt-6">
        <PaymentHistory rows={history.rows} />
      </div>
    </>
  );
}
