"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { fieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Invite by email: the server creates the referral and emails the friend the link (refusals come back as messages). */
export function InviteFriendForm({ action }: { action: FormAction }) {
  const t = useTranslations("Referrals.invite");
  const { state, pending, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="space-y-4" data-testid="invite-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("email")} htmlFor="invite-email" error={fieldError(state, "email")}>
          <Input
            id="invite-email"
            name="email"
            type="email"
            required
            placeholder={t("emailPlaceholder")}
            invalid={!!fieldError(state, "email")}
            data-testid="invite-email"
          />
        </FormField>
        <FormField
          label={t("name")}
          htmlFor="invite-name"
          hint={t("nameHint")}
          error={fieldError(state, "name")}
        >
          <Input
            id="invite-name"
            name="name"
            placeholder={t("namePlaceholder")}
            data-testid="invite-name"
          />
        </FormField>
      </div>
      {state && !state.ok ? (
        <Notice tone="error" data-testid="invite-error">
          {state.message}
        </Notice>
      ) : null}
      {state?.ok && state.message ? (
        <Notice tone="success" data-testid="invite-success">
          {state.message}
        </Notice>
      ) : null}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel={t("sending")} data-testid="invite-submit">
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
