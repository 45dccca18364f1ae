"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { FactList } from "./fact-list";
import type { SimulationView } from "./scenario-view-types";

/** Simulate a user's path through a version (or the draft) now, with the facts behind each decision. */
export function ScenarioSimulateForm({
  action,
  scenarioId,
  versions,
}: {
  action: FormAction;
  scenarioId: number;
  versions: number[];
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const result = state?.ok ? (state.data as SimulationView | undefined) : undefined;
  return (
    <div className="space-y-4">
      <form {...formProps} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" data-testid="scenario-simulate-form">
        <input type="hidden" name="id" value={scenarioId} />
        <FormField label="User email" htmlFor="scenario-simulate-email" error={fieldError(state, "email")}>
          <Input id="scenario-simulate-email" name="email" type="email" data-testid="scenario-simulate-email" />
        </FormField>
        <FormField label="Version" htmlFor="scenario-simulate-version">
          <Select id="scenario-simulate-version" name="version" defaultValue={versions.length ? "current" : "draft"} data-testid="scenario-simulate-version">
            {versions.length ? <option value="current">Current version</option> : null}
            <option value="draft">Draft</option>
            {versions.map((number) => (
              <option key={number} value={number}>
                Version {number}
              </option>
            ))}
          </Select>
        </FormField>
        <SubmitButton pending={pending} pendingLabel="Simulating…" variant="secondary" data-testid="scenario-simulate-submit">
          Simulate
        </SubmitButton>
      </form>
      {state && !state.ok && state.error !== "validation_error" ? <FormMessage state={state} /> : null}
      {result ? <SimulationSteps result={result} /> : null}
    </div>
  );
}

function SimulationSteps({ result }: { result: SimulationView }) {
  return (
    <div data-testid="scenario-simulation">
      <p className="mb-2 text-xs text-zinc-500">
        Predicted path through {result.versionNumber === null ? "the draft" : `version ${result.versionNumber}`}:
      </p>
      {result.steps.length === 0 ? (
        <p className="text-sm text-zinc-600" data-testid="scenario-simulation-empty">
          The user would not enter this scenario.
        </p>
      ) : (
        <ol className="space-y-2">
          {result.steps.map((step, index) => (
            <li
              key={`${step.nodeId}-${index}`}
              className="rounded-md border border-zinc-200 px-3 py-2 text-sm"
              data-testid={`scenario-simulation-step-${step.nodeId}`}
            >
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-mono text-xs text-zinc-500">{step.nodeId}</span>
                <span className="font-medium">{step.nodeType}</span>
                <span className="text-zinc-500">→ {step.outcome ?? "stops here"}</span>
              </div>
              {step.note ? <p className="mt-0.5 text-zinc-700">{step.note}</p> : null}
              <FactList facts={step.facts} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
