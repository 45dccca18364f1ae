"use client";

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
  if (!state || state.ok) return null;
  const review = (
    <Link href={reviewHref} className="font-medium underline" data-testid="upgrade-review-again">
      Review the upgrades again
    </Link>
  );
  if (state.error === "upgrade_offer_changed") {
    return (
      <Notice tone="warning" title="The price has changed" data-testid="upgrade-error">
        {state.message} Nothing was charged. {review}
      </Notice>
    );
  }
  if (state.error === "payment_declined") {
    return (
      <Notice tone="error" title="Your card was declined" data-testid="upgrade-error">
        {state.message} Your subscription was not changed.
      </Notice>
    );
  }
  if (state.error === "upgrade_not_available") {
    return (
      <Notice
        tone="warning"
        title="This upgrade is no longer available"
        data-testid="upgrade-error"
      >
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
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-4" data-testid="upgrade-confirm-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <UpgradeError state={state} reviewHref={reviewHref} />
      <div className="flex items-center justify-end gap-3">
        <Link href={reviewHref} className="text-sm text-zinc-600 hover:underline">
          Cancel
        </Link>
        <SubmitButton pending={pending} pendingLabel="Upgrading…" data-testid="upgrade-confirm">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
