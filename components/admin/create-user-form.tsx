"use client";

import { useFormAction, type FormAction as Action } from "@/components/ui/use-form-action";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { RoleDescriptions } from "./role-descriptions";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema/users";

/** A new account; `roles` are the ones the signed-in person may give (only an owner gives staff roles). */
export function CreateUserForm({ action, roles }: { action: Action; roles: readonly UserRole[] }) {
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
      {roles.length > 1 ? (
        <FormField
          label="Role"
          htmlFor="role"
          hint="Staff roles open /admin; each sees and changes only its own areas."
          error={fieldError(state, "role")}
        >
          <Select id="role" name="role" defaultValue="customer" data-testid="user-role">
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
          <RoleDescriptions roles={roles} />
        </FormField>
      ) : (
        <input type="hidden" name="role" value={roles[0] ?? "customer"} />
      )}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel="Creating…" data-testid="create-user-submit">
          Create user
        </SubmitButton>
      </div>
    </form>
  );
}
