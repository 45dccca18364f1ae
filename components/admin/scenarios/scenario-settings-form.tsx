"use client";

import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { EventChoice } from "@/lib/scenarios/builder-option-types";
import type { ExitRules } from "@/lib/scenarios/exit-rules";
import type { ScenarioReentryInput } from "@/lib/scenarios/schemas";
import { ExitRulesField } from "./exit-rules-field";

const REENTRY_LABELS: Record<ScenarioReentryInput, string> = {
  once: "Once per user",
  always: "Every time the trigger happens",
  once_per_days: "Once per user every N days",
};

/** Name and re-entry rule: creates a scenario (no `initial`) or saves an existing one's settings. */
export function ScenarioSettingsForm({
  action,
  initial,
  events,
}: {
  action: FormAction;
  initial?: {
    id: number;
    name: string;
    reentry: ScenarioReentryInput;
    reentryDays: number | null;
    exitRules?: ExitRules;
  };
  /** The events exit rules may name; without them the form has no exit rules (a new scenario). */
  events?: readonly EventChoice[];
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const [reentry, setReentry] = useState<ScenarioReentryInput>(initial?.reentry ?? "once");
  return (
    // A size container: in the builder's side panel the fields stack, however wide the window.
    <form {...formProps} className="@container space-y-4" data-testid="scenario-settings-form">
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <FormField label="Name" htmlFor="scenario-name" error={fieldError(state, "name")}>
        <Input
          id="scenario-name"
          name="name"
          defaultValue={initial?.name}
          invalid={!!fieldError(state, "name")}
          data-testid="scenario-name"
        />
      </FormField>
      <div className="grid gap-4 @md:grid-cols-2">
        <FormField
          label="Re-entry"
          htmlFor="scenario-reentry"
          hint="How often one user may enter this scenario."
        >
          <Select
            id="scenario-reentry"
            name="reentry"
            value={reentry}
            onChange={(event) => setReentry(event.target.value as ScenarioReentryInput)}
            data-testid="scenario-reentry"
          >
            {Object.entries(REENTRY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </FormField>
        {reentry === "once_per_days" ? (
          <FormField
            label="Days between entries"
            htmlFor="scenario-reentry-days"
            error={fieldError(state, "reentryDays")}
          >
            <Input
              id="scenario-reentry-days"
              name="reentryDays"
              type="number"
              min={1}
              max={3650}
              defaultValue={initial?.reentryDays ?? 30}
              invalid={!!fieldError(state, "reentryDays")}
              data-testid="scenario-reentry-days"
            />
          </FormField>
        ) : null}
      </div>
      {events ? (
        <ExitRulesField
          initial={initial?.exitRules ?? []}
          events={events}
          error={fieldError(state, "exitRules")?.join(" ")}
        />
      ) : null}
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <div className="flex justify-end">
        <SubmitButton pending={pending} data-testid="scenario-settings-submit">
          {initial ? "Save settings" : "Create scenario"}
        </SubmitButton>
      </div>
    </form>
  );
}
