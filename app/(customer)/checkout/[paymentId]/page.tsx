import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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
import { slovakServerMessage } from "@/lib/i18n/slovak-server-messages";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Checkout"))("title") };
}

type CheckoutT = Awaited<ReturnType<typeof getTranslations<"Checkout">>>;

const demoCards = (t: CheckoutT): CheckoutCard[] => [
  {
    token: DEMO_CARD_TOKENS.succeeds,
    label: t("cards.visa"),
    description: t("cards.visaText"),
  },
  {
    token: DEMO_CARD_TOKENS.declined,
    label: t("cards.declined"),
    description: t("cards.declinedText"),
  },
];

/** The discount on the payment: a code applyDiscountCode recorded, or a referred friend's welcome discount. */
function appliedDiscount(meta: Record<string, unknown>, t: CheckoutT): AppliedDiscountView | null {
  const {
    discount_code: code,
    discount_cents: discountCents,
    referral_welcome_discount: welcome,
  } = meta;
  if (typeof discountCents !== "number") return null;
  if (typeof code === "string") return { code, discountCents };
  const description = (welcome as { description?: unknown } | undefined)?.description;
  return typeof description === "string"
    ? { code: t("referralDiscount", { description }), discountCents }
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
  t: CheckoutT,
): CheckoutCard[] {
  const savedChoice: CheckoutCard[] = saved
    ? [
        {
          token: SAVED_CARD_CHOICE,
          label: t("cards.saved", { card: saved }),
          description: t("cards.savedText"),
        },
      ]
    : [];
  if (mode === "token") return [...savedChoice, ...demoCards(t)];
  return saved
    ? [
        ...savedChoice,
        {
          token: "",
          label: t("cards.another"),
          description: t("cards.anotherText", { gateway: gatewayName }),
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
  const [{ paymentId: rawId }, query, t, locale] = await Promise.all([
    params,
    searchParams,
    getTranslations("Checkout"),
    getLocale(),
  ]);
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
  const discount = appliedDiscount(payment.meta, t);
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
        title={payment.status === "paid" ? t("paid") : t("title")}
        description={upgrade && payment.status !== "paid" ? t("upgradeIntro") : undefined}
        back={
          <Link href={resultHref} className="text-brand-700 hover:underline">
            ← {upgrade ? t("back") : t("myAccount")}
          </Link>
        }
      />
      <Card data-testid="checkout">
        <CardHeader
          title={t("payment", { id: payment.id })}
          actions={
            <PaymentStatusBadge status={payment.status} label={t(`status.${payment.status}`)} />
          }
        />
        <CardBody className="space-y-5">
          <div className="text-sm">
            <PaymentItemsList items={items} locale={locale} />
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
            <span className="text-sm text-zinc-500">{t("total")}</span>
            <span
              className="text-lg font-semibold text-zinc-900 tabular-nums"
              data-testid="checkout-amount"
            >
              {formatMoney(payment.amountCents, locale)}
            </span>
          </div>

          {payable && gateway ? (
            <>
              {query.cancelled ? (
                <Notice tone="warning" data-testid="checkout-cancelled">
                  {t("cancelled")}
                </Notice>
              ) : null}
              <Notice tone="info">
                {gateway.checkoutMode === "token"
                  ? t("demoGateway", { gateway: gateway.name })
                  : t("redirectGateway", { gateway: gateway.name })}
              </Notice>
              <CheckoutForm
                action={payAction}
                paymentId={payment.id}
                amountCents={payment.amountCents}
                cards={checkoutCards(gateway.checkoutMode, gateway.name, savedCard, t)}
                payLabel={
                  gateway.checkoutMode === "token"
                    ? t("pay", { amount: formatMoney(payment.amountCents, locale) })
                    : t("continue")
                }
                lastFailure={
                  payment.failureReason && locale === "sk"
                    ? slovakServerMessage(payment.failureReason)
                    : payment.failureReason
                }
              />
            </>
          ) : payment.status === "pending" ? (
            <div className="space-y-4" data-testid="checkout-pending">
              {waiting.action === "confirm" && waiting.url ? (
                <Notice tone="warning" title={t("pending.confirmTitle")}>
                  {t("pending.confirmText")}
                </Notice>
              ) : waiting.action === "checkout" && waiting.url && !query.returned ? (
                <Notice tone="info" title={t("pending.unfinishedTitle")}>
                  {t("pending.unfinishedText")}
                </Notice>
              ) : (
                <Notice tone="info" title={t("pending.confirmingTitle")}>
                  {t("pending.confirmingText")}
                  <AutoRefresh />
                </Notice>
              )}
              {waiting.url &&
              waiting.action !== null &&
              !(waiting.action === "checkout" && query.returned) ? (
                <div className="flex justify-end">
                  <LinkButton href={waiting.url} data-testid="checkout-continue">
                    {waiting.action === "confirm" ? t("pending.confirm") : t("continue")}
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
                  ? t("closed.paid")
                  : payment.status === "form"
                    ? t("closed.notByCard")
                    : t("closed.closed")}
              </Notice>
              <div className="flex justify-end">
                <LinkButton href={resultHref} variant="secondary">
                  {upgrade ? t("closed.seeUpgrade") : t("closed.backToAccount")}
                </LinkButton>
              </div>
            </div>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
