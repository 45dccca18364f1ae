"use client";

import { useFormAction, type FormAction as Action } from "@/components/ui/use-form-action";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { RoleDescriptions } from "./role-descriptions";
import { ROLE_LABELS, USER_ROLES } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/schema/users";

/** An owner sets a user's role; the change signs that user out everywhere (lib/users/change-user-role.ts). */
export function ChangeRoleForm({
  action,
  userId,
  role,
}: {
  action: Action;
  userId: number;
  role: UserRole;
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-3" data-testid="change-role-form">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor="role" className="sr-only">
          Role
        </label>
        <Select
          id="role"
          name="role"
          defaultValue={role}
          className="w-40"
          data-testid="role-select"
        >
          {USER_ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </Select>
        <SubmitButton
          pending={pending}
          variant="secondary"
          pendingLabel="Saving…"
          data-testid="change-role-submit"
        >
          Change role
        </SubmitButton>
      </div>
      <RoleDescriptions roles={USER_ROLES} />
      <FormMessage state={state} />
    </form>
  );
}
