"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export interface GoalFormValues {
  id?: number;
  code: string;
  name: string;
  description: string | null;
}

/** Create or edit an onboarding goal. */
export function GoalForm({ action, initial }: { action: FormAction; initial?: GoalFormValues }) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const error = (name: string) => fieldError(state, name);
  return (
    <form {...formProps} className="space-y-5" data-testid="goal-form">
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <div className="grid grid-cols-2 gap-4">
        <FormField label="Name" htmlFor="goal-name" error={error("name")}>
          <Input
            id="goal-name"
            name="name"
            defaultValue={initial?.name}
            invalid={!!error("name")}
            data-testid="goal-name"
          />
        </FormField>
        <FormField
          label="Code"
          htmlFor="goal-code"
          hint="Lowercase letters, digits, - and _. Scenarios and the API name the goal by it."
          error={error("code")}
        >
          <Input
            id="goal-code"
            name="code"
            defaultValue={initial?.code}
            invalid={!!error("code")}
            className="font-mono"
            data-testid="goal-code"
          />
        </FormField>
      </div>
      <FormField
        label="Description"
        htmlFor="goal-description"
        hint="Optional, for admins."
        error={error("description")}
      >
        <Textarea
          id="goal-description"
          name="description"
          rows={2}
          defaultValue={initial?.description ?? ""}
          invalid={!!error("description")}
          data-testid="goal-description"
        />
      </FormField>
      {state && !state.ok && state.error === "validation_error" ? (
        <p className="text-sm text-red-600" role="alert">
          Check the highlighted fields.
        </p>
      ) : null}
      <div className="flex justify-end border-t border-zinc-100 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="goal-submit">
          {initial?.id ? "Save changes" : "Create goal"}
        </SubmitButton>
      </div>
    </form>
  );
}
