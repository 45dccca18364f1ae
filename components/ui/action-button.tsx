"use client";

import { useActionState, useEffect } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions/action-state";
import type { FormAction } from "./use-form-action";
import { SubmitButton } from "./submit-button";
import type { ButtonVariant } from "./button";
import { menuItemClasses, useRowActionsMenu } from "./row-actions";

/** The submit button of an ActionButton inside a <RowActions> menu: one of its items. */
function MenuItemSubmit({
  label,
  pendingLabel,
  danger,
  testId,
}: {
  label: string;
  pendingLabel: string;
  danger: boolean;
  testId?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      role="menuitem"
      tabIndex={-1}
      disabled={pending}
      aria-busy={pending}
      className={menuItemClasses(danger ? "danger" : "default")}
      data-testid={testId}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

/**
 * A one-button form for row actions (stop, refund, mark paid, revoke): hidden fields, an optional confirmation,
 * and the action's error shown beside the button. Inside a <RowActions> menu it is one of the menu's items, and
 * closes the menu when the action succeeds (an error stays in the open menu).
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
  const menu = useRowActionsMenu();
  useEffect(() => {
    if (menu && state?.ok) menu.close();
  }, [menu, state]);
  return (
    <form
      action={formAction}
      className={menu ? "block" : "inline-flex flex-col items-end gap-1"}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {menu ? (
        <MenuItemSubmit
          label={label}
          pendingLabel={pendingLabel ?? "Working…"}
          danger={variant === "danger"}
          testId={testId}
        />
      ) : (
        <SubmitButton
          variant={variant}
          size="sm"
          pendingLabel={pendingLabel ?? "Working…"}
          data-testid={testId}
        >
          {label}
        </SubmitButton>
      )}
      {state && !state.ok ? (
        <span
          role="alert"
          className={
            menu
              ? "block max-w-56 px-3 pb-1.5 text-xs whitespace-normal text-red-600"
              : "max-w-56 text-right text-xs text-red-600"
          }
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
