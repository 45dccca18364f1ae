"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateTimeZoneAction } from "@/lib/actions/account/update-time-zone";
import type { TimeZoneOption } from "@/lib/time/time-zones";

/** The user's own time zone; "the site's" stores none, and the installation's zone applies. */
export function TimeZoneForm({
  timeZone,
  installationTimeZone,
  options,
}: {
  timeZone: string | null;
  installationTimeZone: string;
  options: readonly TimeZoneOption[];
}) {
  const t = useTranslations("TimeZoneForm");
  const { state, pending, formProps } = useFormAction(updateTimeZoneAction, {
    resetOnSuccess: false,
  });
  return (
    <form {...formProps} className="space-y-4" data-testid="time-zone-form">
      <FormMessage state={state} success={t("saved")} />
      <FormField
        label={t("label")}
        htmlFor="time-zone"
        hint={t("hint")}
        error={fieldError(state, "time_zone")}
      >
        <TimeZoneSelect
          id="time-zone"
          name="time_zone"
          options={options}
          emptyLabel={t("installation", { zone: installationTimeZone })}
          defaultValue={timeZone ?? ""}
          invalid={!!fieldError(state, "time_zone")}
          className="w-full"
          data-testid="profile-time-zone"
        />
      </FormField>
      <SubmitButton pending={pending} pendingLabel={t("saving")} data-testid="time-zone-submit">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
