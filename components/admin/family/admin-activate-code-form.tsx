"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** An admin activates a family code for any user (the one-per-user and self-use checks do not apply). */
export function AdminActivateCodeForm({ action }: { action: FormAction }) {
  const { state, pending, formProps } = useFormAction(action);
  const error = (name: string) => fieldError(state, name);
  return (
    <form {...formProps} className="space-y-4" data-testid="family-admin-activate-form">
      <FormMessage state={state} />
      <FormField label="Code" htmlFor="family-activate-code" error={error("code")}>
        <Input
          id="family-activate-code"
          name="code"
          autoComplete="off"
          className="font-mono"
          invalid={!!error("code")}
          data-testid="family-admin-activate-code"
        />
      </FormField>
      <FormField label="User email" htmlFor="family-activate-email" error={error("email")}>
        <Input
          id="family-activate-email"
          name="email"
          type="email"
          autoComplete="off"
          invalid={!!error("email")}
          data-testid="family-admin-activate-email"
        />
      </FormField>
      <SubmitButton
        pending={pending}
        pendingLabel="Activating…"
        data-testid="family-admin-activate-submit"
      >
        Activate for the user
      </SubmitButton>
    </form>
  );
}
