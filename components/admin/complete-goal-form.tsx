"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * An admin completes a goal for a user. On a goal's page the goal is fixed and the admin types an email; on a user's
 * page the user is fixed and the admin picks the goal.
 */
export function CompleteGoalForm({
  action,
  target,
}: {
  action: FormAction;
  target: { goalCode: string } | { userId: number; goals: { code: string; name: string }[] };
}) {
  const { state, pending, formProps } = useFormAction(action);
  const error = (name: string) => fieldError(state, name);
  return (
    <form {...formProps} className="space-y-4" data-testid="complete-goal-form">
      <FormMessage state={state} />
      {"goalCode" in target ? (
        <>
          <input type="hidden" name="goalCode" value={target.goalCode} />
          <FormField label="User email" htmlFor="complete-goal-email" error={error("email")}>
            <Input
              id="complete-goal-email"
              name="email"
              type="email"
              autoComplete="off"
              invalid={!!error("email")}
              data-testid="complete-goal-email"
            />
          </FormField>
        </>
      ) : (
        <>
          <input type="hidden" name="userId" value={target.userId} />
          <FormField label="Goal" htmlFor="complete-goal-code" error={error("goalCode")}>
            <Select
              id="complete-goal-code"
              name="goalCode"
              invalid={!!error("goalCode")}
              data-testid="complete-goal-code"
            >
              {target.goals.map((goal) => (
                <option key={goal.code} value={goal.code}>
                  {goal.name} ({goal.code})
                </option>
              ))}
            </Select>
          </FormField>
        </>
      )}
      <SubmitButton pending={pending} pendingLabel="Completing…" data-testid="complete-goal-submit">
        Mark completed
      </SubmitButton>
    </form>
  );
}
