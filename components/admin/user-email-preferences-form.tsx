"use client";

import { FormMessage } from "@/components/ui/form-message";
import { Checkbox } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** The marketing topics of a user as boxes an admin may change (account mail is not on the form: always on). */
export function UserEmailPreferencesForm({
  action,
  userId,
  topics,
}: {
  action: FormAction;
  userId: number;
  topics: { code: string; name: string; subscribed: boolean }[];
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-3" data-testid="user-email-preferences-form">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      {topics.map((topic) => (
        <div key={topic.code}>
          <input type="hidden" name="shown[]" value={topic.code} />
          <Checkbox
            name="subscribed[]"
            value={topic.code}
            defaultChecked={topic.subscribed}
            label={topic.name}
            data-testid={`user-email-topic-toggle-${topic.code}`}
          />
        </div>
      ))}
      <SubmitButton
        pending={pending}
        variant="secondary"
        size="sm"
        pendingLabel="Saving…"
        data-testid="user-email-preferences-save"
      >
        Save topics
      </SubmitButton>
    </form>
  );
}
