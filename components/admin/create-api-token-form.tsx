"use client";

import { useState } from "react";
import type { API_SCOPES } from "@/lib/api-tokens/api-scopes";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Checkbox, Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** A new token; `scopes` are the ones the signed-in person's role may grant. */
export function CreateApiTokenForm({
  action,
  scopes,
}: {
  action: FormAction;
  scopes: readonly (typeof API_SCOPES)[number][];
}) {
  const { state, pending, formProps } = useFormAction(action);
  const created = state?.ok
    ? (state.data as { token: string; name: string } | undefined)
    : undefined;
  return (
    <div className="space-y-5">
      {created ? (
        <NewTokenBox token={created.token} name={created.name} key={created.token} />
      ) : null}
      <form {...formProps} className="space-y-4" data-testid="create-api-token-form">
        <FormField
          label="Name"
          htmlFor="token-name"
          hint="Who or what uses it, e.g. “Website backend”."
          error={fieldError(state, "name")}
        >
          <Input
            id="token-name"
            name="name"
            invalid={!!fieldError(state, "name")}
            data-testid="token-name"
          />
        </FormField>
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">Scopes</legend>
          <div className="mt-2 space-y-2">
            {scopes.map(({ scope, label }) => (
              <Checkbox
                key={scope}
                name="scopes[]"
                value={scope}
                label={scope}
                description={label}
                data-testid={`scope-${scope}`}
              />
            ))}
          </div>
          {fieldError(state, "scopes") ? (
            <p className="mt-1.5 text-xs text-red-600" role="alert" data-testid="error-scopes">
              {fieldError(state, "scopes")?.[0]}
            </p>
          ) : null}
        </fieldset>
        {state && !state.ok && state.error !== "validation_error" ? (
          <FormMessage state={state} />
        ) : null}
        <div className="flex justify-end">
          <SubmitButton
            pending={pending}
            pendingLabel="Creating…"
            data-testid="create-token-submit"
          >
            Create token
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

function NewTokenBox({ token, name }: { token: string; name: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Notice tone="warning" title={`Token “${name}” created — copy it now`} data-testid="new-token">
      <p>
        This is the only time it is shown. Subflow stores only a hash, so it cannot be displayed
        again.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <code
          className="min-w-0 flex-1 truncate rounded border border-amber-300 bg-white px-2.5 py-1.5 font-mono text-xs text-zinc-900 select-all"
          data-testid="new-token-value"
        >
          {token}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(token).then(() => setCopied(true));
          }}
          data-testid="copy-token"
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </Notice>
  );
}
