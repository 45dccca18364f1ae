"use client";

import { FormMessage } from "@/components/ui/form-message";
import { Checkbox } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** The installation-wide "subsequent upgrades" switch. */
export function SubsequentUpgradesForm({
  action,
  enabled,
}: {
  action: FormAction;
  enabled: boolean;
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-3" data-testid="subsequent-upgrades-form">
      <FormMessage state={state} />
      <Checkbox
        name="enabled"
        defaultChecked={enabled}
        label="Subsequent upgrades"
        description="Subscriptions that follow an upgraded one are shortened and upgraded the same way."
        data-testid="subsequent-upgrades"
      />
      <SubmitButton
        pending={pending}
        pendingLabel="Saving…"
        size="sm"
        data-testid="subsequent-upgrades-save"
      >
        Save setting
      </SubmitButton>
    </form>
  );
}
