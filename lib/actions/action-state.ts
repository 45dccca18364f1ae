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
