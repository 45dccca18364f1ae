"use client";

import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { GraphErrorList } from "./graph-error-list";

/** Publish the saved draft as a new version; a refusal lists the errors (`node id — message`) it was refused for. */
export function ScenarioPublishForm({ action, scenarioId }: { action: FormAction; scenarioId: number }) {
  const { state, pending, formProps } = useFormAction(action);
  const errorLines = state && !state.ok ? (state.fieldErrors?.graph ?? []) : [];
  return (
    <form {...formProps} className="space-y-3" data-testid="scenario-publish-form">
      <input type="hidden" name="id" value={scenarioId} />
      <FormField label="Note" htmlFor="scenario-publish-note" hint="Optional: what changed in this version.">
        <Input id="scenario-publish-note" name="note" maxLength={500} data-testid="scenario-publish-note" />
      </FormField>
      {errorLines.length > 0 && state && !state.ok ? (
        <GraphErrorList lines={errorLines} title={state.message} testId="scenario-errors" />
      ) : (
        <FormMessage state={state} />
      )}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel="Publishing…" data-testid="scenario-publish">
          Publish draft
        </SubmitButton>
      </div>
    </form>
  );
}
