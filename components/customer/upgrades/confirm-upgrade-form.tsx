"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

export interface ConfirmUpgradeFields {
  type: string;
  target: string;
  tags: string;
  content: string;
  expectedChargeCents: number;
  idempotencyKey: string;
}

/** Why the upgrade did not happen, with the way forward. */
function UpgradeError({ state, reviewHref }: { state: ActionState; reviewHref: string }) {
  const t = useTranslations("Upgrade.confirm");
  if (!state || state.ok) return null;
  const review = (
    <Link href={reviewHref} className="font-medium underline" data-testid="upgrade-review-again">
      {t("reviewAgain")}
    </Link>
  );
  if (state.error === "upgrade_offer_changed") {
    return (
      <Notice tone="warning" title={t("priceChanged")} data-testid="upgrade-error">
        {state.message} {t("nothingCharged")} {review}
      </Notice>
    );
  }
  if (state.error === "payment_declined") {
    return (
      <Notice tone="error" title={t("declined")} data-testid="upgrade-error">
        {state.message} {t("notChanged")}
      </Notice>
    );
  }
  if (state.error === "upgrade_not_available") {
    return (
      <Notice tone="warning" title={t("unavailableTitle")} data-testid="upgrade-error">
        {state.message} {review}
      </Notice>
    );
  }
  return (
    <Notice tone="error" data-testid="upgrade-error">
      {state.message}
    </Notice>
  );
}

/**
 * The confirmation step. Its idempotency key was made when the page was rendered, so submitting twice performs the
 * upgrade once; the button is disabled while the request runs.
 */
export function ConfirmUpgradeForm({
  action,
  fields,
  submitLabel,
  reviewHref,
}: {
  action: FormAction;
  fields: ConfirmUpgradeFields;
  submitLabel: string;
  reviewHref: string;
}) {
  const t = useTranslations("Upgrade.confirm");
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-4" data-testid="upgrade-confirm-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <UpgradeError state={state} reviewHref={reviewHref} />
      <div className="flex items-center justify-end gap-3">
        <Link href={reviewHref} className="text-sm text-zinc-600 hover:underline">
          {t("cancel")}
        </Link>
        <SubmitButton
          pending={pending}
          pendingLabel={t("submitting")}
          data-testid="upgrade-confirm"
        >
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
