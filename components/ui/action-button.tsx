"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { FormAction } from "./use-form-action";
import { SubmitButton } from "./submit-button";
import type { ButtonVariant } from "./button";

/**
 * A one-button form for row actions (stop, refund, mark paid, revoke): hidden fields, an optional confirmation,
 * and the action's error shown beside the button.
 */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  confirm,
  variant = "secondary",
  testId,
}: {
  action: FormAction;
  fields: Record<string, string | number>;
  label: string;
  pendingLabel?: string;
  confirm?: string;
  variant?: ButtonVariant;
  testId?: string;
}) {
  const [state, formAction] = useActionState(
    action as unknown as (state: ActionState, formData: FormData) => Promise<ActionState>,
    null,
  );
  return (
    <form
      action={formAction}
      className="inline-flex flex-col items-end gap-1"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton
        variant={variant}
        size="sm"
        pendingLabel={pendingLabel ?? "Working…"}
        data-testid={testId}
      >
        {label}
      </SubmitButton>
      {state && !state.ok ? (
        <span role="alert" className="max-w-56 text-right text-xs text-red-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
