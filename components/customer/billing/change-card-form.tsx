"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { CardChoices, type CardChoice } from "@/components/customer/card-choices";

/**
 * Replace the saved card: pick a test card (token gateways), or go on to the gateway's page (no cards listed). The
 * idempotency key is rendered by the server once per page, so a double submit saves once.
 */
export function ChangeCardForm({
  action,
  cards,
  idempotencyKey,
}: {
  action: FormAction;
  cards: CardChoice[];
  idempotencyKey: string;
}) {
  const t = useTranslations("Billing.card");
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-3" data-testid="change-card-form">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {cards.length > 0 ? (
        <CardChoices legend={t("newCard")} cards={cards} testIdPrefix="new-card-" />
      ) : null}
      {state ? (
        <Notice
          tone={state.ok ? "success" : "error"}
          data-testid={state.ok ? "change-card-saved" : "change-card-error"}
        >
          {state.message}
        </Notice>
      ) : null}
      <div className="flex justify-end">
        <SubmitButton
          pending={pending}
          pendingLabel={t("saving")}
          variant="secondary"
          data-testid="change-card-submit"
        >
          {cards.length > 0 ? t("save") : t("change")}
        </SubmitButton>
      </div>
    </form>
  );
}
