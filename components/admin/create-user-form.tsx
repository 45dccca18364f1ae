"use client";

import { useFormAction, type FormAction as Action } from "@/components/ui/use-form-action";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateUserForm({ action }: { action: Action }) {
  const { state, pending, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="space-y-4" data-testid="create-user-form">
      {state && !state.ok && state.error !== "validation_error" ? (
        <FormMessage state={state} />
      ) : null}
      <FormField label="Email" htmlFor="email" error={fieldError(state, "email")}>
        <Input
          id="email"
          name="email"
          type="email"
          required
          invalid={!!fieldError(state, "email")}
          data-testid="user-email"
        />
      </FormField>
      <FormField label="Name" htmlFor="name" error={fieldError(state, "name")}>
        <Input id="name" name="name" data-testid="user-name" />
      </FormField>
      <FormField
        label="Password"
        htmlFor="password"
        hint="Optional. Without one, the person cannot sign in until a password is set."
        error={fieldError(state, "password")}
      >
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          invalid={!!fieldError(state, "password")}
          data-testid="user-password"
        />
      </FormField>
      <FormField label="Role" htmlFor="role" error={fieldError(state, "role")}>
        <Select id="role" name="role" defaultValue="customer" data-testid="user-role">
          <option value="customer">Customer</option>
          <option value="admin">Admin</option>
        </Select>
      </FormField>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel="Creating…" data-testid="create-user-submit">
          Create user
        </SubmitButton>
      </div>
    </form>
  );
}
