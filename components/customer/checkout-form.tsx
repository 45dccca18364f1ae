"use client";

import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export interface CheckoutCard {
  token: string;
  label: string;
  description: string;
}

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
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-4" data-testid="checkout-form">
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="expectedAmountCents" value={amountCents} />
      {cards.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium text-zinc-900">Card</legend>
          {cards.map((card, index) => (
            <label
              key={card.token}
              className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 px-3 py-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="cardToken"
                value={card.token}
                defaultChecked={index === 0}
                className="mt-0.5 accent-brand-600"
                data-testid={`checkout-card-${card.token}`}
              />
              <span>
                <span className="block font-medium text-zinc-900">{card.label}</span>
                <span className="block text-zinc-500">{card.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {state && !state.ok ? (
        <Notice
          tone={state.error === "upgrade_offer_changed" ? "warning" : "error"}
          title={
            state.error === "payment_declined"
              ? "Your card was declined"
              : state.error === "upgrade_offer_changed"
                ? "The price has changed"
                : state.error === "payment_in_progress"
                  ? "Payment in progress"
                  : undefined
          }
          data-testid="checkout-error"
        >
          {state.message}
          {state.error === "payment_declined" ? " Nothing was charged; try another card." : null}
          {state.error === "upgrade_offer_changed" ? " The amount above is the new price; pay it if you still want the upgrade." : null}
        </Notice>
      ) : lastFailure ? (
        <Notice tone="error" title="Your last attempt was declined" data-testid="checkout-last-decline">
          {lastFailure} Nothing was charged; try another card.
        </Notice>
      ) : null}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel={cards.length > 0 ? "Paying…" : "Opening the payment page…"} data-testid="checkout-pay">
          {payLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
