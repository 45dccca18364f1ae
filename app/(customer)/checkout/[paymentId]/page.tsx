import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaymentStatusBadge } from "@/components/billing/badges";
import { PaymentItemsList } from "@/components/billing/payment-items-list";
import { CheckoutForm, type CheckoutCard } from "@/components/customer/checkout-form";
import { CheckoutResult } from "@/components/customer/checkout-result";
import {
  AppliedDiscountRow,
  DiscountCodeForm,
  type AppliedDiscountView,
} from "@/components/customer/discount-code-form";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import type { Payment } from "@/lib/db/schema";
import { getDb } from "@/lib/db";
import { idField } from "@/lib/forms/form-fields";
import { formatMoney } from "@/lib/money";
import { SAVED_CARD_CHOICE } from "@/lib/payments/checkout-path";
import {
  findCheckoutPayment,
  findPaymentPurchase,
  findRenewalCard,
} from "@/lib/payments/find-checkout-payment";
import { getGateway, isChargeableGateway } from "@/lib/payments/gateways";
import { DEMO_CARD_TOKENS } from "@/lib/payments/gateways/demo";
import { applyDiscountCodeAction, payAction, removeDiscountCodeAction } from "../actions";

export const metadata: Metadata = { title: "Checkout" };

const DEMO_CARDS: CheckoutCard[] = [
  { token: DEMO_CARD_TOKENS.succeeds, label: "Visa test card", description: "Always charged." },
  {
    token: DEMO_CARD_TOKENS.declined,
    label: "Declined test card",
    description: "Always declined, to try a failed payment.",
  },
];

/** The discount on the payment: a code applyDiscountCode recorded, or a referred friend's welcome discount. */
function appliedDiscount(meta: Record<string, unknown>): AppliedDiscountView | null {
  const {
    discount_code: code,
    discount_cents: discountCents,
    referral_welcome_discount: welcome,
  } = meta;
  if (typeof discountCents !== "number") return null;
  if (typeof code === "string") return { code, discountCents };
  const description = (welcome as { description?: unknown } | undefined)?.description;
  return typeof description === "string"
    ? { code: `Referral: ${description}`, discountCents }
    : null;
}

/**
 * The cards to pay with: a renewal paid again may use the card renewals are charged on; a token gateway lists its
 * test cards; a redirect gateway's "another card" is entered on its own page (an empty choice).
 */
function checkoutCards(
  mode: "token" | "redirect",
  gatewayName: string,
  saved: string | null,
): CheckoutCard[] {
  const savedChoice: CheckoutCard[] = saved
    ? [
        {
          token: SAVED_CARD_CHOICE,
          label: `${saved} (saved)`,
          description: "The card your renewals are charged on.",
        },
      ]
    : [];
  if (mode === "token") return [...savedChoice, ...DEMO_CARDS];
  return saved
    ? [
        ...savedChoice,
        {
          token: "",
          label: "Another card",
          description: `Entered on ${gatewayName}'s secure page.`,
        },
      ]
    : [];
}

/** Where the gateway waits for the customer (Stripe's page, their bank's confirmation), while the payment is pending. */
function gatewayAction(payment: Payment): { action: string | null; url: string | null } {
  const value = payment.meta.gateway_action as { action?: unknown; url?: unknown } | undefined;
  return {
    action: typeof value?.action === "string" ? value.action : null,
    url: typeof value?.url === "string" ? value.url : null,
  };
}

export default async function CheckoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ paymentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ paymentId: rawId }, query] = await Promise.all([params, searchParams]);
  const user = await requireUserPage(`/checkout/${encodeURIComponent(rawId)}`);
  const paymentId = idField.safeParse(rawId);
  if (!paymentId.success) notFound();
  const db = await getDb();
  const found = await findCheckoutPayment(db, { paymentId: paymentId.data, userId: user.id });
  if (!found) notFound();
  const { payment, items, upgrade } = found;
  const resultHref = upgrade ? `/account/upgrade/done/${upgrade.id}` : "/account";
  const gateway = isChargeableGateway(payment.gateway) ? getGateway(payment.gateway) : null;
  const payable = payment.status === "form" && gateway !== null;
  const discount = appliedDiscount(payment.meta);
  // An upgrade's price is computed and re-checked by the upgrade itself, and a referral discount is already the one
  // discount of a first payment, so codes apply to other payments only.
  const discountable =
    payable &&
    payment.upgradeType === null &&
    typeof payment.meta.referral_welcome_discount !== "object";
  const purchase =
    payment.status === "paid" && !upgrade
      ? await findPaymentPurchase(db, { paymentId: payment.id, userId: user.id })
      : null;
  const waiting = gatewayAction(payment);
  const savedCard =
    payable && payment.recurrentPaymentId !== null
      ? await findRenewalCard(db, { paymentId: payment.id, userId: user.id })
      : null;

  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title={payment.status === "paid" ? "Payment received" : "Checkout"}
        description={
          upgrade && payment.status !== "paid"
            ? "Pay for your upgrade; it starts as soon as the payment goes through."
            : undefined
        }
        back={
          <Link href={resultHref} className="text-brand-700 hover:underline">
            ← {upgrade ? "Back" : "My account"}
          </Link>
        }
      />
      <Card data-testid="checkout">
        <CardHeader
          title={`Payment #${payment.id}`}
          actions={<PaymentStatusBadge status={payment.status} />}
        />
        <CardBody className="space-y-5">
          <div className="text-sm">
            <PaymentItemsList items={items} />
          </div>
          {discount && !discountable ? <AppliedDiscountRow applied={discount} /> : null}
          {discountable ? (
            <div className="border-t border-zinc-100 pt-4">
              <DiscountCodeForm
                paymentId={payment.id}
                applied={discount}
                applyAction={applyDiscountCodeAction}
                removeAction={removeDiscountCodeAction}
              />
            </div>
          ) : null}
          <div className="flex items-baseline justify-between border-t border-zinc-100 pt-4">
            <span className="text-sm text-zinc-500">Total</span>
            <span
              className="text-lg font-semibold text-zinc-900 tabular-nums"
              data-testid="checkout-amount"
            >
              {formatMoney(payment.amountCents)}
            </span>
          </div>

          {payable && gateway ? (
            <>
              {query.cancelled ? (
                <Notice tone="warning" data-testid="checkout-cancelled">
                  You left the payment page before paying. Nothing was charged; you can pay now.
                </Notice>
              ) : null}
              <Notice tone="info">
                {gateway.checkoutMode === "token"
                  ? `${gateway.name}: no real money moves. Choose a test card.`
                  : `You pay on ${gateway.name}'s secure page and come back here.`}
              </Notice>
              <CheckoutForm
                action={payAction}
                paymentId={payment.id}
                amountCents={payment.amountCents}
                cards={checkoutCards(gateway.checkoutMode, gateway.name, savedCard)}
                payLabel={
                  gateway.checkoutMode === "token"
                    ? `Pay ${formatMoney(payment.amountCents)}`
                    : `Continue to payment`
                }
                lastFailure={payment.failureReason}
              />
            </>
          ) : payment.status === "pending" ? (
            <div className="space-y-4" data-testid="checkout-pending">
              {waiting.action === "confirm" && waiting.url ? (
                <Notice tone="warning" title="Your bank asks you to confirm this payment">
                  Nothing is charged until you confirm it.
                </Notice>
              ) : waiting.action === "checkout" && waiting.url && !query.returned ? (
                <Notice tone="info" title="Your payment is not finished">
                  Continue on the payment page to pay. If you leave it, it expires within half an
                  hour and you can start again here.
                </Notice>
              ) : (
                <Notice tone="info" title="Confirming your payment…">
                  This page updates by itself as soon as the payment goes through.
                  <AutoRefresh />
                </Notice>
              )}
              {waiting.url &&
              waiting.action !== null &&
              !(waiting.action === "checkout" && query.returned) ? (
                <div className="flex justify-end">
                  <LinkButton href={waiting.url} data-testid="checkout-continue">
                    {waiting.action === "confirm" ? "Confirm the payment" : "Continue to payment"}
                  </LinkButton>
                </div>
              ) : null}
            </div>
          ) : payment.status === "paid" && purchase ? (
            <CheckoutResult
              purchase={purchase}
              startsLater={purchase.subscription.startAt.getTime() > now().getTime()}
            />
          ) : (
            <div className="space-y-4" data-testid="checkout-closed">
              <Notice tone={payment.status === "paid" ? "success" : "warning"}>
                {payment.status === "paid"
                  ? "This payment is paid."
                  : payment.status === "form"
                    ? "This payment is not paid by card here."
                    : "This payment can no longer be paid."}
              </Notice>
              <div className="flex justify-end">
                <LinkButton href={resultHref} variant="secondary">
                  {upgrade ? "See your upgrade" : "Back to my account"}
                </LinkButton>
              </div>
            </div>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
