"use client";

import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { CheckoutCard } from "@/components/customer/checkout-form";

/**
 * Replace the saved card: pick a test card (token gateways), or go on to the gateway's page (no cards listed). The
 * idempotency key is rendered by the server once per page, so a double submit saves once.
 */
export function ChangeCardForm({ action, cards, idempotencyKey }: { action: FormAction; cards: CheckoutCard[]; idempotencyKey: string }) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-3" data-testid="change-card-form">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {cards.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-zinc-900">New card</legend>
          {cards.map((card, index) => (
            <label
              key={card.token}
              className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="cardToken" value={card.token} defaultChecked={index === 0} className="mt-0.5 accent-brand-600" data-testid={`new-card-${card.token}`} />
              <span>
                <span className="block font-medium text-zinc-900">{card.label}</span>
                <span className="block text-zinc-500">{card.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {state ? (
        <Notice tone={state.ok ? "success" : "error"} data-testid={state.ok ? "change-card-saved" : "change-card-error"}>
          {state.message}
        </Notice>
      ) : null}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary" data-testid="change-card-submit">
          {cards.length > 0 ? "Save this card" : "Change card"}
        </SubmitButton>
      </div>
    </form>
  );
}
