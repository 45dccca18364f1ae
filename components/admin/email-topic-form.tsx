"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Checkbox, Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export interface EmailTopicFormValues {
  id?: number;
  code: string;
  name: string;
  description: string | null;
  subscribedByDefault: boolean;
  sorting: number;
  /** The account topic: its code and default are fixed. */
  transactional: boolean;
}

/** Create or edit an email topic (a list users can leave); the account topic's code and default stay as they are. */
export function EmailTopicForm({
  action,
  initial,
}: {
  action: FormAction;
  initial?: EmailTopicFormValues;
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const error = (name: string) => fieldError(state, name);
  const builtIn = initial?.transactional ?? false;
  return (
    <form {...formProps} className="max-w-xl space-y-5" data-testid="email-topic-form">
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <div className="grid grid-cols-2 gap-4">
        <FormField label="Name" htmlFor="topic-name" hint="Users see it." error={error("name")}>
          <Input
            id="topic-name"
            name="name"
            defaultValue={initial?.name}
            invalid={!!error("name")}
            data-testid="topic-name"
          />
        </FormField>
        <FormField
          label="Code"
          htmlFor="topic-code"
          hint={
            builtIn ? "The built-in topic's code cannot change." : "Templates and the API name it."
          }
          error={error("code")}
        >
          <Input
            id="topic-code"
            name="code"
            defaultValue={initial?.code}
            readOnly={builtIn}
            invalid={!!error("code")}
            className="font-mono"
            data-testid="topic-code"
          />
        </FormField>
      </div>
      <FormField
        label="Description"
        htmlFor="topic-description"
        hint="Shown under the name in the preference centre."
        error={error("description")}
      >
        <Textarea
          id="topic-description"
          name="description"
          rows={2}
          maxLength={1000}
          defaultValue={initial?.description ?? ""}
          data-testid="topic-description"
        />
      </FormField>
      <FormField
        label="Order"
        htmlFor="topic-sorting"
        hint="Lower comes first in preference lists."
        error={error("sorting")}
      >
        <Input
          id="topic-sorting"
          name="sorting"
          type="number"
          defaultValue={initial?.sorting ?? 0}
          className="w-32"
          data-testid="topic-sorting"
        />
      </FormField>
      {builtIn ? (
        <>
          <input type="hidden" name="subscribedByDefault" value="on" />
          <p className="text-sm text-zinc-600">
            Transactional: receipts, password resets, invitations. Everyone gets this mail; it
            carries no unsubscribe link and no consent, suppression, cap or quiet hours apply.
          </p>
        </>
      ) : (
        <Checkbox
          name="subscribedByDefault"
          defaultChecked={initial?.subscribedByDefault ?? true}
          label="Subscribed by default"
          description="On: users get this mail until they leave the topic (opt-out). Off: only users who opt in."
          data-testid="topic-subscribed-by-default"
        />
      )}
      <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="topic-submit">
          {initial?.id ? "Save changes" : "Create topic"}
        </SubmitButton>
      </div>
    </form>
  );
}
