"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** New address plus the current password; the server emails a confirmation link to the new address. */
export function ChangeEmailForm({ action }: { action: FormAction }) {
  const t = useTranslations("Profile");
  const { state, pending, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="space-y-4" data-testid="change-email-form">
      {state && !state.ok && Object.keys(state.fieldErrors ?? {}).length > 0 ? null : (
        <FormMessage state={state} />
      )}
      <FormField label={t("newEmail")} htmlFor="new-email" error={fieldError(state, "email")}>
        <Input
          id="new-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          invalid={!!fieldError(state, "email")}
          data-testid="change-email-new"
        />
      </FormField>
      <FormField
        label={t("currentPassword")}
        htmlFor="change-email-password"
        error={fieldError(state, "password")}
      >
        <Input
          id="change-email-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          invalid={!!fieldError(state, "password")}
          data-testid="change-email-password"
        />
      </FormField>
      <SubmitButton
        pending={pending}
        variant="secondary"
        pendingLabel={t("sending")}
        data-testid="change-email-submit"
      >
        {t("sendLink")}
      </SubmitButton>
    </form>
  );
}
