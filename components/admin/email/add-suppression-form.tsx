"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Staff suppress the user's address by hand, with an optional note saying why. */
export function AddSuppressionForm({ action, address }: { action: FormAction; address: string }) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-3" data-testid="add-suppression-form">
      <FormMessage state={state} />
      <input type="hidden" name="address" value={address} />
      <FormField
        label="Suppress by hand: note (optional)"
        htmlFor="suppression-detail"
        hint="Why: the reader asked by phone, a spam trap…"
        error={fieldError(state, "detail")}
      >
        <Input
          id="suppression-detail"
          name="detail"
          maxLength={500}
          autoComplete="off"
          data-testid="suppression-detail"
        />
      </FormField>
      <SubmitButton
        variant="secondary"
        size="sm"
        pending={pending}
        pendingLabel="Suppressing…"
        data-testid="add-suppression-submit"
      >
        Suppress this address
      </SubmitButton>
    </form>
  );
}
