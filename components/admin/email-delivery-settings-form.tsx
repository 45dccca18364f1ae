"use client";

import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Checkbox, Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import {
  type EmailDeliverySettings,
  MAX_PER_DAY,
  RECENT_SENDS_READ,
} from "@/lib/email/consent/delivery-settings";

/** The frequency cap (empty: none) and quiet hours (or none) of marketing email. */
export function EmailDeliverySettingsForm({
  action,
  settings,
}: {
  action: FormAction;
  settings: EmailDeliverySettings;
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const [quiet, setQuiet] = useState(settings.quiet_hours !== null);
  const cap = (name: "per_day" | "per_week", label: string, hint: string, max: number) => (
    <FormField
      label={label}
      htmlFor={`email-delivery-${name}`}
      hint={hint}
      error={fieldError(state, name)}
    >
      <Input
        id={`email-delivery-${name}`}
        name={name}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        placeholder="No cap"
        defaultValue={settings.frequency_cap[name] ?? ""}
        invalid={!!fieldError(state, name)}
        data-testid={`email-delivery-${name}`}
        className="w-32"
      />
    </FormField>
  );
  return (
    <form {...formProps} className="space-y-5" data-testid="email-delivery-form">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-zinc-900">Frequency cap</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {cap(
            "per_day",
            "Per user per day",
            `Any 24 hours; empty for no cap (at most ${MAX_PER_DAY}).`,
            MAX_PER_DAY,
          )}
          {cap(
            "per_week",
            "Per user per week",
            `Any 7 days; empty for no cap (at most ${RECENT_SENDS_READ}).`,
            RECENT_SENDS_READ,
          )}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-zinc-900">Quiet hours</legend>
        <Checkbox
          name="quiet_hours"
          value="on"
          checked={quiet}
          onChange={(event) => setQuiet(event.target.checked)}
          label="No marketing email at night"
          description="Read in each user's own time zone. An end before the start crosses midnight."
          data-testid="email-delivery-quiet"
        />
        {quiet ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label="From"
              htmlFor="email-delivery-quiet-start"
              error={fieldError(state, "quiet_start")}
            >
              <Input
                id="email-delivery-quiet-start"
                name="quiet_start"
                type="time"
                defaultValue={settings.quiet_hours?.start ?? "21:00"}
                invalid={!!fieldError(state, "quiet_start")}
                data-testid="email-delivery-quiet-start"
                className="w-36"
              />
            </FormField>
            <FormField
              label="Until"
              htmlFor="email-delivery-quiet-end"
              error={fieldError(state, "quiet_end")}
            >
              <Input
                id="email-delivery-quiet-end"
                name="quiet_end"
                type="time"
                defaultValue={settings.quiet_hours?.end ?? "08:00"}
                invalid={!!fieldError(state, "quiet_end")}
                data-testid="email-delivery-quiet-end"
                className="w-36"
              />
            </FormField>
          </div>
        ) : null}
      </fieldset>
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="email-delivery-submit">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
