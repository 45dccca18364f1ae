"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Fire `scenario.test` for a user: every enabled scenario triggered by it starts a run for them. */
export function ScenarioTestEventForm({ action }: { action: FormAction }) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-3" data-testid="scenario-test-event-form">
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <FormField label="User email" htmlFor="scenario-test-event-email" error={fieldError(state, "email")}>
          <Input id="scenario-test-event-email" name="email" type="email" data-testid="scenario-test-event-email" />
        </FormField>
        <SubmitButton pending={pending} pendingLabel="Sending…" variant="secondary" data-testid="scenario-test-event-submit">
          Send test event
        </SubmitButton>
      </div>
      {state && !state.ok && state.error === "validation_error" ? null : <FormMessage state={state} />}
    </form>
  );
}
