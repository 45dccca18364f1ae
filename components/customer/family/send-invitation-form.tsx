"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** "Send by email": one address, the code's id; the server renders the invitation and sends it (rate-limited). */
export function SendInvitationForm({
  action,
  requestId,
}: {
  action: FormAction;
  requestId: number;
}) {
  const t = useTranslations("FamilyCode");
  const { state, pending, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="flex w-full flex-col gap-1.5 sm:w-auto">
      <div className="flex items-center gap-2">
        <input type="hidden" name="requestId" value={requestId} />
        <Input
          name="email"
          type="email"
          required
          placeholder={t("friendPlaceholder")}
          aria-label={t("friendEmail")}
          className="min-w-0 flex-1 sm:!w-64 sm:flex-none"
          invalid={!!(state && !state.ok && state.fieldErrors?.email)}
          data-testid="family-send-email"
        />
        <SubmitButton
          size="sm"
          variant="secondary"
          pending={pending}
          pendingLabel={t("sending")}
          data-testid="family-send-email-submit"
        >
          {t("sendByEmail")}
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
