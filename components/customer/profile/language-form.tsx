"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateLocaleAction } from "@/lib/actions/account/update-locale";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/** The language of the customer's pages and emails; "the browser's language" stores no setting. */
export function LanguageForm({ locale }: { locale: Locale | null }) {
  const t = useTranslations("LanguageForm");
  const { state, pending, formProps } = useFormAction(updateLocaleAction, {
    resetOnSuccess: false,
  });
  return (
    <form {...formProps} className="space-y-4" data-testid="language-form">
      <FormMessage state={state} success={t("saved")} />
      <FormField
        label={t("label")}
        htmlFor="locale"
        hint={t("hint")}
        error={fieldError(state, "locale")}
      >
        <Select id="locale" name="locale" defaultValue={locale ?? ""} data-testid="profile-locale">
          <option value="">{t("browser")}</option>
          {LOCALES.map((value) => (
            <option key={value} value={value} lang={value}>
              {LOCALE_NAMES[value]}
            </option>
          ))}
        </Select>
      </FormField>
      <SubmitButton pending={pending} pendingLabel={t("saving")} data-testid="language-submit">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
