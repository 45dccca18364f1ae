import { KNOWN_EMAIL_VARIABLES } from "@/lib/email/known-variables";

/** The variables a template can use, as a compact reference beside the editor. */
export function VariableReference() {
  return (
    <div
      className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2.5 text-xs text-zinc-600"
      data-testid="variable-reference"
    >
      <p className="font-medium text-zinc-700">Variables</p>
      <p className="mt-1 flex flex-wrap gap-1.5">
        {KNOWN_EMAIL_VARIABLES.map((name) => (
          <code
            key={name}
            className="rounded bg-white px-1 py-0.5 ring-1 ring-zinc-200"
          >{`{{${name}}}`}</code>
        ))}
      </p>
      <p className="mt-1.5">
        Values are HTML-escaped in the HTML body. Dates are in UTC. Use{" "}
        <code>{"{{#if subscription}}…{{/if}}"}</code> for users without an actual subscription.
      </p>
      <p className="mt-1.5">
        <code>{"{{unsubscribe_url}}"}</code> and <code>{"{{preferences_url}}"}</code> have a value
        in emails of a marketing topic; when a marketing template uses neither, a footer with both
        is added.
      </p>
    </div>
  );
}
