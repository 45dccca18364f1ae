"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { formatMoney } from "@/lib/money";

export interface AppliedDiscountView {
  code: string;
  discountCents: number;
}

/** The code on a payment and what it saves; `children` is the Remove button where the code can still come off. */
export function AppliedDiscountRow({
  applied,
  children,
}: {
  applied: AppliedDiscountView;
  children?: ReactNode;
}) {
  const t = useTranslations("DiscountCode");
  const locale = useLocale();
  return (
    <div className="flex items-center justify-between gap-3 text-sm" data-testid="discount-applied">
      <span className="text-zinc-700">
        {t("discount")}{" "}
        <code
          className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs"
          data-testid="discount-applied-code"
        >
          {applied.code}
        </code>
      </span>
      <span className="flex items-center gap-3">
        <span
          className="font-medium text-emerald-700 tabular-nums"
          data-testid="discount-applied-saving"
        >
          −{formatMoney(applied.discountCents, locale)}
        </span>
        {children}
      </span>
    </div>
  );
}

/**
 * The checkout's discount code: a field and Apply while none is applied, else the applied code with its saving and
 * Remove. The server changes the payment's amount and re-renders the page, so the total and the Pay button follow.
 */
export function DiscountCodeForm({
  paymentId,
  applied,
  applyAction,
  removeAction,
}: {
  paymentId: number;
  applied: AppliedDiscountView | null;
  applyAction: FormAction;
  removeAction: FormAction;
}) {
  const t = useTranslations("DiscountCode");
  const { state, pending, formProps } = useFormAction(applyAction);

  if (applied) {
    return (
      <AppliedDiscountRow applied={applied}>
        <ActionButton
          action={removeAction}
          fields={{ paymentId }}
          label={t("remove")}
          pendingLabel={t("removing")}
          variant="ghost"
          testId="discount-remove"
        />
      </AppliedDiscountRow>
    );
  }

  return (
    <form {...formProps} className="space-y-2" data-testid="discount-code-form">
      <input type="hidden" name="paymentId" value={paymentId} />
      <label htmlFor="discount-code" className="block text-sm font-medium text-zinc-800">
        {t("label")}
      </label>
      <div className="flex items-center gap-2">
        <Input
          id="discount-code"
          name="code"
          autoComplete="off"
          placeholder={t("placeholder")}
          className="!w-56"
          data-testid="discount-code-input"
        />
        <SubmitButton
          size="sm"
          variant="secondary"
          pending={pending}
          pendingLabel={t("applying")}
          data-testid="discount-code-apply"
        >
          {t("apply")}
        </SubmitButton>
      </div>
      {state && !state.ok ? (
        <Notice tone="error" data-testid="discount-code-error">
          {state.message}
        </Notice>
      ) : null}
    </form>
  );
}
