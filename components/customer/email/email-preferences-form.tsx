"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/input";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export interface EmailPreferenceOption {
  code: string;
  name: string;
  description: string | null;
  subscribed: boolean;
  /** False for account mail: shown ticked and disabled. */
  changeable: boolean;
}

/** A box per topic and one save: the account page and the preference centre (with the link's token). */
export function EmailPreferencesForm({
  action,
  options,
  token,
}: {
  action: FormAction;
  options: EmailPreferenceOption[];
  token?: string;
}) {
  const t = useTranslations("EmailPreferences");
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-4" data-testid="email-preferences-form">
      <FormMessage state={state} success={t("saved")} />
      {token ? <input type="hidden" name="token" value={token} /> : null}
      <ul className="space-y-3">
        {options.map((option) => (
          <li key={option.code} data-testid={`email-topic-${option.code}`}>
            {option.changeable ? (
              <>
                <input type="hidden" name="shown[]" value={option.code} />
                <Checkbox
                  name="subscribed[]"
                  value={option.code}
                  defaultChecked={option.subscribed}
                  label={option.name}
                  description={option.description ?? undefined}
                  data-testid={`email-topic-toggle-${option.code}`}
                />
              </>
            ) : (
              <Checkbox
                checked
                disabled
                readOnly
                label={t("accountName")}
                description={t("accountDescription")}
                className="cursor-default opacity-80"
                data-testid={`email-topic-toggle-${option.code}`}
              />
            )}
          </li>
        ))}
      </ul>
      <SubmitButton
        pending={pending}
        pendingLabel={t("saving")}
        data-testid="email-preferences-save"
      >
        {t("save")}
      </SubmitButton>
    </form>
  );
}
