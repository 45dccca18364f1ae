import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaymentStatusBadge } from "@/components/billing/badges";
import { PaymentItemsList } from "@/components/billing/payment-items-list";
import { CheckoutForm, type CheckoutCard } from "@/components/customer/checkout-form";
import { AppliedDiscountRow, DiscountCodeForm, type AppliedDiscountView } from "@/components/customer/discount-code-form";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { idField } from "@/lib/forms/form-fields";
import { formatMoney } from "@/lib/money";
import { findCheckoutPayment } from "@/lib/payments/find-checkout-payment";
import { DEMO_CARD_TOKENS, demoGateway } from "@/lib/payments/gateways/demo-gateway";
import { applyDiscountCodeAction, payWithCardAction, removeDiscountCodeAction } from "../actions";

export const metadata: Metadata = { title: "Checkout" };

const DEMO_CARDS: CheckoutCard[] = [
  { token: DEMO_CARD_TOKENS.succeeds, label: "Visa test card", description: "Always charged." },
  { token: DEMO_CARD_TOKENS.declined, label: "Declined test card", description: "Always declined, to try a failed payment." },
];

/** The discount code applyDiscountCode recorded on the payment, if any. */
function appliedDiscount(meta: Record<string, unknown>): AppliedDiscountView | null {
  const { discount_code: code, discount_cents: discountCents } = meta;
  return typeof code === "string" && typeof discountCents === "number" ? { code, discountCents } : null;
}

export default async function CheckoutPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId: rawId } = await params;
  const user = await requireUserPage(`/checkout/${encodeURIComponent(rawId)}`);
  const paymentId = idField.safeParse(rawId);
  if (!paymentId.success) notFound();
  const found = await findCheckoutPayment(await getDb(), { paymentId: paymentId.data, userId: user.id });
  if (!found) notFound();
  const { payment, items, upgrade } = found;
  const resultHref = upgrade ? `/account/upgrade/done/${upgrade.id}` : "/account";
  const payable = payment.status === "form" && payment.gateway === demoGateway.code;
  const discount = appliedDiscount(payment.meta);
  // An upgrade's price is computed and re-checked by the upgrade itself, so codes apply to other payments only.
  const discountable = payable && payment.upgradeType === null;

  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Checkout"
        description={upgrade ? "Pay for your upgrade; it starts as soon as the payment goes through." : undefined}
        back={
          <Link href={resultHref} className="text-brand-700 hover:underline">
            ← Back
          </Link>
        }
      />
      <Card data-testid="checkout">
        <CardHeader title={`Payment #${payment.id}`} actions={<PaymentStatusBadge status={payment.status} />} />
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
            <span className="text-lg font-semibold text-zinc-900 tabular-nums" data-testid="checkout-amount">
              {formatMoney(payment.amountCents)}
            </span>
          </div>
          {payable ? (
            <>
              <Notice tone="info">{demoGateway.name}: no real money moves. Choose a test card.</Notice>
              <CheckoutForm
                action={payWithCardAction}
                paymentId={payment.id}
                amountCents={payment.amountCents}
                cards={DEMO_CARDS}
                payLabel={`Pay ${formatMoney(payment.amountCents)}`}
              />
            </>
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
