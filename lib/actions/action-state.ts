/** What a server action returns to its form (UI-safe). */
export type ActionState<T = unknown> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; message: string; fieldErrors?: Record<string, string[] | undefined> }
  | null;
