"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Create an upgrade schema (no id) or rename one. */
export function UpgradeSchemaNameForm({
  action,
  initial,
}: {
  action: FormAction;
  initial?: { id: number; name: string };
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: !initial });
  const error = fieldError(state, "name");
  return (
    <form
      {...formProps}
      className="space-y-3"
      data-testid={initial ? "upgrade-schema-rename-form" : "upgrade-schema-create-form"}
    >
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <div className="flex items-end gap-3">
        <FormField
          label={initial ? "Name" : "New schema name"}
          htmlFor="upgrade-schema-name"
          error={error}
          className="flex-1"
        >
          <Input
            id="upgrade-schema-name"
            name="name"
            defaultValue={initial?.name}
            invalid={!!error}
            placeholder={initial ? undefined : "Web upgrades"}
            data-testid="upgrade-schema-name"
          />
        </FormField>
        <SubmitButton
          pending={pending}
          pendingLabel="Saving…"
          data-testid={initial ? "upgrade-schema-rename" : "upgrade-schema-create"}
        >
          {initial ? "Rename" : "Create schema"}
        </SubmitButton>
      </div>
    </form>
  );
}
