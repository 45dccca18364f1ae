import type { ReactNode } from "react";

/**
 * Around forms the viewer's role may not submit: a disabled fieldset disables every control inside it natively, so a
 * read-only role sees the settings without buttons that would only be refused. The actions check the role anyway.
 */
export function ReadOnlyUnless({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  if (allowed) return children;
  return (
    <fieldset disabled className="min-w-0" data-testid="read-only">
      {children}
    </fieldset>
  );
}

/** At the top of a page whose forms are read-only for the viewer's role: why the controls do not respond. */
export function ReadOnlyNotice({ allowed }: { allowed: boolean }) {
  if (allowed) return null;
  return (
    <p
      className="mb-6 rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-600"
      data-testid="read-only-notice"
    >
      Your role can view this page but not change it.
    </p>
  );
}
