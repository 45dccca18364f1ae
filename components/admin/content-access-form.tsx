"use client";

import { Input, Textarea } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Create (no `initial`) or edit the name and description of a content access; its code never changes. */
export function ContentAccessForm({
  action,
  initial,
}: {
  action: FormAction;
  initial?: { id: number; code: string; name: string; description: string | null };
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: !initial });
  return (
    <form {...formProps} className="space-y-4" data-testid="content-access-form">
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      {initial ? null : (
        <FormField
          label="Code"
          htmlFor="ca-code"
          hint="Lowercase, e.g. web. It cannot change later."
          error={fieldError(state, "code")}
        >
          <Input
            id="ca-code"
            name="code"
            className="font-mono"
            invalid={!!fieldError(state, "code")}
            data-testid="ca-code"
          />
        </FormField>
      )}
      <FormField label="Name" htmlFor="ca-name" error={fieldError(state, "name")}>
        <Input
          id="ca-name"
          name="name"
          defaultValue={initial?.name}
          invalid={!!fieldError(state, "name")}
          data-testid="ca-name"
        />
      </FormField>
      <FormField
        label="Description"
        htmlFor="ca-description"
        error={fieldError(state, "description")}
      >
        <Textarea
          id="ca-description"
          name="description"
          rows={3}
          defaultValue={initial?.description ?? ""}
          data-testid="ca-description"
        />
      </FormField>
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="ca-submit">
          {initial ? "Save changes" : "Create content access"}
        </SubmitButton>
      </div>
    </form>
  );
}
