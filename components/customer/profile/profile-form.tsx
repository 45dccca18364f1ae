"use client";

import { useTranslations } from "next-intl";
import type { User } from "@/lib/db/schema";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export type ProfileValues = Pick<
  User,
  "name" | "addressLine1" | "addressLine2" | "postalCode" | "city" | "country"
>;

/** Name and the postal address printed on receipts; every address field may stay empty. */
export function ProfileForm({
  action,
  profile,
  countries,
}: {
  action: FormAction;
  profile: ProfileValues;
  countries: { code: string; name: string }[];
}) {
  const t = useTranslations("Profile");
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const text = (
    name: keyof ProfileValues,
    label: string,
    autoComplete: string,
    testId: string,
    className?: string,
  ) => (
    <FormField label={label} htmlFor={name} error={fieldError(state, name)} className={className}>
      <Input
        id={name}
        name={name}
        autoComplete={autoComplete}
        defaultValue={profile[name] ?? ""}
        invalid={!!fieldError(state, name)}
        data-testid={testId}
      />
    </FormField>
  );
  return (
    <form {...formProps} className="space-y-4" data-testid="profile-form">
      <FormMessage state={state} />
      {text("name", t("name"), "name", "profile-name")}
      <fieldset className="grid gap-4 sm:grid-cols-6">
        <legend className="mb-3 text-sm font-medium text-zinc-800">{t("postalAddress")}</legend>
        {text(
          "addressLine1",
          t("addressLine1"),
          "address-line1",
          "profile-address-line1",
          "sm:col-span-6",
        )}
        {text(
          "addressLine2",
          t("addressLine2"),
          "address-line2",
          "profile-address-line2",
          "sm:col-span-6",
        )}
        {text("postalCode", t("postalCode"), "postal-code", "profile-postal-code", "sm:col-span-2")}
        {text("city", t("city"), "address-level2", "profile-city", "sm:col-span-4")}
        <FormField
          label={t("country")}
          htmlFor="country"
          error={fieldError(state, "country")}
          className="sm:col-span-6"
        >
          <Select
            id="country"
            name="country"
            autoComplete="country"
            defaultValue={profile.country ?? ""}
            invalid={!!fieldError(state, "country")}
            data-testid="profile-country"
          >
            <option value="">—</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </Select>
        </FormField>
      </fieldset>
      <SubmitButton pending={pending} data-testid="profile-submit">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
