import type { ActionState } from "@/lib/actions/action-state";
import { Notice } from "./notice";

/** The form-level outcome of a server action: its error, or an optional success message. */
export function FormMessage({ state, success }: { state: ActionState; success?: string }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <Notice tone="error" data-testid="form-error">
        {state.message}
      </Notice>
    );
  }
  const message = state.message ?? success;
  return message ? (
    <Notice tone="success" data-testid="form-success">
      {message}
    </Notice>
  ) : null;
}

export function fieldError(state: ActionState, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}
