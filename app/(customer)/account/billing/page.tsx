import type { Metadata } from "next";
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
import { requireUserPage } from "@/lib/auth/session";
import { loadBilling } from "@/lib/billing/load-billing";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { cardOfColumns, describeCard } from "@/lib/payments/card-summary";
import { getGateway } from "@/lib/payments/gateways";
import { DEMO_CARD_TOKENS } from "@/lib/payments/gateways/demo";
import { listMyPayments } from "@/lib/receipts/list-my-payments";
import { periodLabel } from "@/lib/subscriptions/period-label";
import {
  cancelPlanChangeAction,
  payFailedRenewalAction,
  saveCardAction,
  schedulePlanChangeAction,
  setRenewalAction,
} from "./actions";

export const metadata: Metadata = { title: "Billing" };

const DEMO_NEW_CARDS: CheckoutCard[] = [
  { token: DEMO_CARD_TOKENS.succeeds, label: "Visa test card", description: "Always accepted." },
  {
    token: DEMO_CARD_TOKENS.declined,
    label: "Declined test card",
    description: "Always refused, to try a failure.",
  },
];

/** The billing page lists this many payments, newest first (the API pages through all of them). */
const PAYMENT_HISTORY_LIMIT = 50;

const terms = (amountCents: number, lengthDays: number) =>
  `${formatMoney(amountCents)} every ${periodLabel(lengthDays)}`;

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUserPage("/account/billing");
  const db = await getDb();
  const [billing, history, query] = await Promise.all([
    loadBilling(db, user.id),
    listMyPayments(db, { userId: user.id, limit: PAYMENT_HISTORY_LIMIT, offset: 0 }),
    searchParams,
  ]);
  const { renewal, next, failedPayment, planOptions, currentPlan, unusedDiscountCodes } = billing;
  const gateway = renewal ? getGateway(renewal.gateway) : null;
  const savedCard = renewal ? cardOfColumns(renewal) : null;
  const card = savedCard ? describeCard(savedCard) : null;
  const canResume = renewal?.state === "user_stop" && renewal.chargeAt.getTime() > now().getTime();

  return (
    <>
      <div className="mb-6">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900" data-testid="page-title">
          Billing
        </h1>
        <p className="mt-1 text-sm text-zinc-500">
          Your card, automatic renewal, plan and payments.
        </p>
      </div>
      {query.card === "saved" ? (
        <Notice tone="success" className="mb-6" data-testid="card-saved-notice">
          Your new card is saved; it may take a moment to show here.
        </Notice>
      ) : null}

      {failedPayment && renewal ? (
        <Notice
          tone="error"
          title="Your renewal payment failed"
          className="mb-6"
          data-testid="failed-renewal"
        >
          <p>
            {formatMoney(failedPayment.amountCents)} on {formatDate(failedPayment.createdAt)}
            {failedPayment.failureReason ? `: ${failedPayment.failureReason}` : "."}{" "}
            {renewal.state === "charge_failed"
              ? "Your subscription is not renewed until it is paid."
              : "We will try again; you can pay it now."}
          </p>
          <div className="mt-3">
            <ActionButton
              action={payFailedRenewalAction}
              fields={{ paymentId: failedPayment.id }}
              label={`Pay ${formatMoney(failedPayment.amountCents)} now`}
              pendingLabel="Opening…"
              variant="primary"
              testId="pay-failed-renewal"
            />
          </div>
        </Notice>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card data-testid="billing-renewal">
          <CardHeader title="Automatic renewal" />
          <CardBody className="space-y-4 text-sm">
            {!renewal || !next ? (
              <p className="text-zinc-500">
                You have no automatic renewal. Subscriptions you buy with “Renew automatically”
                appear here.
              </p>
            ) : (
              <>
                <dl className="space-y-2">
                  <div className="flex justify-between gap-4">
                    <dt className="text-zinc-500">State</dt>
                    <dd>
                      <RecurrentStateBadge state={renewal.state} />
                    </dd>
                  </div>
                  {renewal.state === "charge_failed" ? null : (
                    <div className="flex justify-between gap-4">
                      <dt className="text-zinc-500">
                        {renewal.state === "active" ? "Next charge" : "Subscription ends"}
                      </dt>
                      <dd className="text-zinc-900" data-testid="billing-next-charge">
                        {formatDate(
                          renewal.state === "active"
                            ? (renewal.nextAttemptAt ?? renewal.chargeAt)
                            : renewal.chargeAt,
                        )}
                      </dd>
                    </div>
                  )}
                  <div className="flex justify-between gap-4">
                    <dt className="text-zinc-500">Renews into</dt>
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
                        label="Stop automatic renewal"
                        pendingLabel="Stopping…"
                        variant="danger"
                        confirm="Stop automatic renewal? Your subscription keeps running until it ends."
                        testId="renewal-stop"
                      />
                    ) : canResume ? (
                      <ActionButton
                        action={setRenewalAction}
                        fields={{ action: "resume" }}
                        label="Resume automatic renewal"
                        pendingLabel="Resuming…"
                        variant="primary"
                        testId="renewal-resume"
                      />
                    ) : (
                      <p className="text-zinc-500">
                        Your subscription has ended; choose a plan to subscribe again.
                      </p>
                    )}
                  </div>
                )}
              </>
            )}
          </CardBody>
        </Card>

        <Card data-testid="billing-card">
          <CardHeader title="Payment card" description="The card your renewals are charged on." />
          <CardBody className="space-y-4 text-sm">
            {!renewal || !gateway ? (
              <p className="text-zinc-500">
                No saved card: a card is saved when you buy with automatic renewal.
              </p>
            ) : (
              <>
                <p className="font-medium text-zinc-900" data-testid="saved-card">
                  {card ?? "A saved card (no details from the payment provider)"}
                </p>
                <div className="border-t border-zinc-100 pt-4">
                  <ChangeCardForm
                    action={saveCardAction}
                    cards={gateway.checkoutMode === "token" ? DEMO_NEW_CARDS : []}
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
              title="Plan"
              description="Switch to another length, or a smaller plan, from your next renewal."
            />
            <CardBody className="space-y-4 text-sm">
              {renewal.planChangedAt ? (
                <>
                  <Notice
                    tone="info"
                    title="Plan change scheduled"
                    data-testid="plan-change-scheduled"
                  >
                    From {formatDate(renewal.chargeAt)} you have {next.name}:{" "}
                    {terms(next.amountCents, next.lengthDays)}, instead of {currentPlan.name}.
                  </Notice>
                  <div className="flex justify-end">
                    <ActionButton
                      action={cancelPlanChangeAction}
                      fields={{}}
                      label="Keep my current plan"
                      pendingLabel="Cancelling…"
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
                    ? "There is no other length or smaller plan of yours to switch to."
                    : "Plan changes apply to an active renewal."}
                </p>
              )}
            </CardBody>
          </Card>
        ) : null}

        <Card data-testid="billing-discount-codes">
          <CardHeader
            title="My discount codes"
            description="Apply one at a checkout; a renewal takes the one expiring first."
          />
          <CardBody className="text-sm">
            {unusedDiscountCodes.length === 0 ? (
              <p className="text-zinc-500">You have no unused discount codes.</p>
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
                        ? `${code.percentOff}% off`
                        : `${formatMoney(code.amountOffCents ?? 0)} off`}
                      {code.expiresAt ? ` · until ${formatDate(code.expiresAt)}` : " · no expiry"}
                      {code.paymentId ? " · applied to an unpaid payment" : ""}
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
