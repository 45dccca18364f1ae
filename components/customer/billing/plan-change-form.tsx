"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export interface PlanChoice {
  code: string;
  name: string;
  /** "€49.90 every year". */
  terms: string;
}

/** Choose the plan the next renewal switches to. */
export function PlanChangeForm({ action, choices }: { action: FormAction; choices: PlanChoice[] }) {
  const t = useTranslations("Billing.plan");
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-3" data-testid="plan-change-form">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-zinc-900">{t("switchTo")}</legend>
        {choices.map((choice, index) => (
          <label
            key={choice.code}
            className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name="subscriptionTypeCode"
              value={choice.code}
              defaultChecked={index === 0}
              className="mt-0.5 accent-brand-600"
              data-testid={`plan-choice-${choice.code}`}
            />
            <span>
              <span className="block font-medium text-zinc-900">{choice.name}</span>
              <span className="block text-zinc-500">{choice.terms}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {state && !state.ok ? (
        <Notice tone="error" data-testid="plan-change-error">
          {state.message}
        </Notice>
      ) : null}
      <div className="flex justify-end">
        <SubmitButton
          pending={pending}
          pendingLabel={t("scheduling")}
          variant="secondary"
          data-testid="plan-change-submit"
        >
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
