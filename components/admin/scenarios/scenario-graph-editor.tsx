"use client";

import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { GraphErrorList, graphErrorLines } from "./graph-error-list";
import type { GraphErrorView } from "./scenario-view-types";

/**
 * The draft graph as JSON — the import/export format of the API. Saving stores any structurally valid graph and then
 * lists what would still stop it from being published; `initialErrors` are those of the stored draft.
 */
export function ScenarioGraphEditor({
  action,
  scenarioId,
  graphJson,
  initialErrors,
  readOnly,
}: {
  action: FormAction;
  scenarioId: number;
  graphJson: string;
  initialErrors: GraphErrorView[];
  readOnly: boolean;
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const saved = state?.ok ? (state.data as { errors: GraphErrorView[] } | undefined) : undefined;
  const errors = saved?.errors ?? initialErrors;
  const jsonError = fieldError(state, "graph");
  return (
    <form {...formProps} className="space-y-3" data-testid="scenario-graph-form">
      <input type="hidden" name="id" value={scenarioId} />
      <label htmlFor="scenario-graph-json" className="sr-only">
        Draft graph JSON
      </label>
      <Textarea
        id="scenario-graph-json"
        name="graph"
        rows={18}
        spellCheck={false}
        readOnly={readOnly}
        defaultValue={graphJson}
        invalid={!!jsonError}
        className="font-mono text-xs"
        data-testid="scenario-graph-json"
      />
      {jsonError ? (
        <p role="alert" className="text-xs text-red-600" data-testid="scenario-graph-json-error">
          {jsonError[0]}
        </p>
      ) : null}
      {state && !state.ok && state.error !== "validation_error" ? <FormMessage state={state} /> : null}
      {state?.ok ? (
        <p className="text-xs text-emerald-700" role="status" data-testid="scenario-draft-saved">
          Draft saved{errors.length === 0 ? " — ready to publish." : "."}
        </p>
      ) : null}
      <GraphErrorList lines={graphErrorLines(errors)} title="Before publishing, fix:" testId="scenario-draft-errors" />
      {readOnly ? null : (
        <div className="flex justify-end">
          <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="scenario-save-draft">
            Save draft
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
