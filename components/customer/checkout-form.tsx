"use client";

import { useTranslations } from "next-intl";
import { CardChoices, type CardChoice } from "@/components/customer/card-choices";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export type CheckoutCard = CardChoice;

/**
 * Pick a (test) card and pay, or — for a gateway with its own payment page (no cards listed) — go on to it. The button
 * is disabled while the charge runs, and the payment is locked and marked pending before the gateway is called, so
 * one click is one charge and a second submit is refused.
 */
export function CheckoutForm({
  action,
  paymentId,
  amountCents,
  cards,
  payLabel,
  lastFailure,
}: {
  action: FormAction;
  paymentId: number;
  /** The amount shown: the charge is refused when the payment's amount changed meanwhile. */
  amountCents: number;
  cards: CheckoutCard[];
  payLabel: string;
  /** Why the payment's last attempt failed (a decline), shown until this form reports something newer. */
  lastFailure?: string | null;
}) {
  const t = useTranslations("Checkout");
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-4" data-testid="checkout-form">
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="expectedAmountCents" value={amountCents} />
      {cards.length > 0 ? (
        <CardChoices legend={t("card")} cards={cards} testIdPrefix="checkout-card-" />
      ) : null}
      {state && !state.ok ? (
        <Notice
          tone={state.error === "upgrade_offer_changed" ? "warning" : "error"}
          title={
            state.error === "payment_declined"
              ? t("errors.declinedTitle")
              : state.error === "upgrade_offer_changed"
                ? t("errors.priceChangedTitle")
                : state.error === "payment_in_progress"
                  ? t("errors.inProgressTitle")
                  : undefined
          }
          data-testid="checkout-error"
        >
          {state.message}
          {state.error === "payment_declined" ? ` ${t("errors.declinedText")}` : null}
          {state.error === "upgrade_offer_changed" ? ` ${t("errors.priceChangedText")}` : null}
        </Notice>
      ) : lastFailure ? (
        <Notice
          tone="error"
          title={t("errors.lastDeclinedTitle")}
          data-testid="checkout-last-decline"
        >
          {lastFailure} {t("errors.declinedText")}
        </Notice>
      ) : null}
      <div className="flex justify-end">
        <SubmitButton
          pending={pending}
          pendingLabel={cards.length > 0 ? t("paying") : t("opening")}
          data-testid="checkout-pay"
        >
          {payLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
