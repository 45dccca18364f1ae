"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { fieldError } from "@/components/ui/form-message";
import { Checkbox, Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * The choices before paying for a plan: automatic renewal (on by default) and an optional discount code. The
 * idempotency key comes with the page, so a double submit of one form makes one payment.
 */
export function SubscribeForm({
  action,
  code,
  idempotencyKey,
  renewalLine,
  discountCodeAllowed,
}: {
  action: FormAction;
  code: string;
  idempotencyKey: string;
  /** "Charged €4.99 every month until you stop it." */
  renewalLine: string;
  /** False when a referral discount already applies (one discount per payment). */
  discountCodeAllowed: boolean;
}) {
  const t = useTranslations("Subscribe");
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const discountError = fieldError(state, "discountCode");
  const formError = state && !state.ok && !discountError ? state.message : null;
  return (
    <form {...formProps} className="space-y-5" data-testid="subscribe-form">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {formError ? (
        <Notice tone="error" data-testid="form-error">
          {formError}
        </Notice>
      ) : null}
      <Checkbox
        name="recurrent"
        defaultChecked
        label={t("renewAutomatically")}
        description={renewalLine}
        data-testid="subscribe-recurrent"
      />
      {discountCodeAllowed ? (
        <FormField
          label={t("discountCode")}
          htmlFor="subscribe-discount-code"
          error={discountError}
        >
          <Input
            id="subscribe-discount-code"
            name="discountCode"
            autoComplete="off"
            placeholder={t("discountPlaceholder")}
            maxLength={100}
            invalid={!!discountError}
            className="sm:max-w-64"
            data-testid="subscribe-discount-code"
          />
        </FormField>
      ) : null}
      <SubmitButton
        pending={pending}
        pendingLabel={t("preparing")}
        className="w-full"
        data-testid="subscribe-continue"
      >
        {t("continue")}
      </SubmitButton>
    </form>
  );
}
