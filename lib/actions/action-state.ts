import { AppError } from "@/lib/errors";

/** What a server action returns to its form (UI-safe). */
export type ActionState<T = unknown> =
  | { ok: true; message?: string; data?: T }
  | {
      ok: false;
      error: string;
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
    }
  | null;

/** An action's refusal as one line: the field's own message first (a malformed email), else the domain message. */
export function refusalMessage(state: ActionState<unknown>): string {
  if (state === null) return "No answer from the server.";
  if (state.ok) return "The server sent nothing to show.";
  return (
    Object.values(state.fieldErrors ?? {}).find((messages) => messages?.length)?.[0] ??
    state.message
  );
}

/**
 * A save refused because the code is taken (`<thing>_exists`, 409), as the form's answer: the message on the code
 * field. Anything else: null, and the action rethrows it.
 */
export function codeTakenState(
  error: unknown,
  existsCode: string,
): Extract<ActionState, { ok: false }> | null {
  if (!(error instanceof AppError) || error.code !== existsCode) return null;
  return {
    ok: false,
    error: error.code,
    message: error.message,
    fieldErrors: { code: ["This code is taken."] },
  };
}
