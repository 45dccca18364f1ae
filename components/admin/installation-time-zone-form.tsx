"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { TimeZoneOption } from "@/lib/time/time-zones";

/** The installation's time zone: the admin shows times in it to staff who chose none of their own. */
export function InstallationTimeZoneForm({
  action,
  timeZone,
  options,
}: {
  action: FormAction;
  timeZone: string;
  options: readonly TimeZoneOption[];
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-4" data-testid="installation-time-zone-form">
      <FormField
        label="Time zone"
        htmlFor="installation-time-zone"
        hint="Times in the admin read in this zone, 24-hour (6 Dec 2026, 22:54); hover one for UTC."
        error={fieldError(state, "time_zone")}
      >
        <TimeZoneSelect
          id="installation-time-zone"
          name="time_zone"
          options={options}
          defaultValue={timeZone}
          invalid={!!fieldError(state, "time_zone")}
          data-testid="installation-time-zone"
        />
      </FormField>
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton
          pending={pending}
          pendingLabel="Saving…"
          data-testid="installation-time-zone-submit"
        >
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
