"use client";

import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import {
  CONVERSION_EVENTS,
  MAX_CONVERSION_WINDOW_DAYS,
  MAX_HOLDOUT_PERCENT,
} from "@/lib/scenarios/conversions/conversion-schemas";

const EVENT_LABELS: Record<(typeof CONVERSION_EVENTS)[number], string> = {
  "payment.paid": "Payment paid",
  "subscription.created": "Subscription created",
  "upgrade.completed": "Upgrade completed",
  "referral.completed": "Referral completed",
  "family.request_accepted": "Family code accepted",
};

/** The scenario's conversion (an event within N days after entry) and its holdout share. */
export function ScenarioConversionForm({
  action,
  initial,
}: {
  action: FormAction;
  initial: {
    id: number;
    conversionEvent: string | null;
    conversionWindowDays: number | null;
    holdoutPercent: number;
  };
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const known = (CONVERSION_EVENTS as readonly string[]).includes(initial.conversionEvent ?? "");
  const [event, setEvent] = useState(
    initial.conversionEvent === null ? "" : known ? initial.conversionEvent : "custom",
  );
  return (
    <form {...formProps} className="@container space-y-4" data-testid="scenario-conversion-form">
      <input type="hidden" name="id" value={initial.id} />
      <div>
        <h3 className="text-sm font-semibold text-zinc-900">Conversion and holdout</h3>
        <p className="mt-0.5 text-xs text-zinc-500">
          What counts as success, and a share of users who enter but get no actions, to compare
          against. The scenario&apos;s report shows both.
        </p>
      </div>
      <div className="grid gap-4 @md:grid-cols-2">
        <FormField
          label="Conversion event"
          htmlFor="scenario-conversion-event"
          error={fieldError(state, "conversionEvent")}
        >
          <Select
            id="scenario-conversion-event"
            name="conversionEvent"
            value={event}
            onChange={(e) => setEvent(e.target.value)}
            data-testid="scenario-conversion-event"
          >
            <option value="">None</option>
            {CONVERSION_EVENTS.map((name) => (
              <option key={name} value={name}>
                {EVENT_LABELS[name]}
              </option>
            ))}
            <option value="custom">Custom event…</option>
          </Select>
        </FormField>
        {event === "custom" ? (
          <FormField
            label="Custom event name"
            htmlFor="scenario-conversion-custom"
            error={fieldError(state, "customEvent")}
          >
            <Input
              id="scenario-conversion-custom"
              name="customEvent"
              placeholder="custom.trial_started"
              defaultValue={known ? "" : (initial.conversionEvent ?? "")}
              invalid={!!fieldError(state, "customEvent")}
              data-testid="scenario-conversion-custom"
            />
          </FormField>
        ) : null}
        {event !== "" ? (
          <FormField
            label="Within days after entry"
            htmlFor="scenario-conversion-window"
            error={fieldError(state, "conversionWindowDays")}
          >
            <Input
              id="scenario-conversion-window"
              name="conversionWindowDays"
              type="number"
              min={1}
              max={MAX_CONVERSION_WINDOW_DAYS}
              defaultValue={initial.conversionWindowDays ?? 7}
              invalid={!!fieldError(state, "conversionWindowDays")}
              data-testid="scenario-conversion-window"
            />
          </FormField>
        ) : null}
        <FormField
          label="Holdout (%)"
          htmlFor="scenario-holdout"
          hint={`0–${MAX_HOLDOUT_PERCENT} % of entering users, the same users on every entry.`}
          error={fieldError(state, "holdoutPercent")}
        >
          <Input
            id="scenario-holdout"
            name="holdoutPercent"
            type="number"
            min={0}
            max={MAX_HOLDOUT_PERCENT}
            defaultValue={initial.holdoutPercent}
            invalid={!!fieldError(state, "holdoutPercent")}
            data-testid="scenario-holdout"
          />
        </FormField>
      </div>
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <div className="flex justify-end">
        <SubmitButton pending={pending} data-testid="scenario-conversion-submit">
          Save conversion
        </SubmitButton>
      </div>
    </form>
  );
}
