"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

type RequestResetAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** One field; once sent, the same notice whatever happened, so the page does not tell who has an account. */
export function ForgotPasswordForm({ action }: { action: RequestResetAction }) {
  const t = useTranslations("ForgotPassword");
  const { state, pending, formProps } = useFormAction(action);
  if (state?.ok) {
    return (
      <Notice tone="success" data-testid="forgot-password-sent">
        {state.message}
      </Notice>
    );
  }
  return (
    <form {...formProps} className="space-y-4" data-testid="forgot-password-form">
      {state && !state.ok && state.error !== "validation_error" ? (
        <FormMessage state={state} />
      ) : null}
      <FormField label={t("email")} htmlFor="email" error={fieldError(state, "email")}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          invalid={!!fieldError(state, "email")}
          data-testid="forgot-password-email"
        />
      </FormField>
      <SubmitButton
        pending={pending}
        className="w-full"
        pendingLabel={t("sending")}
        data-testid="forgot-password-submit"
      >
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
