"use client";

import { useFormAction, type FormAction as Action } from "@/components/ui/use-form-action";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SubscriptionTypeOption } from "./subscription-type-option";

const KINDS = [
  ["regular", "Regular"],
  ["gift", "Gift"],
  ["upgrade", "Upgrade"],
  ["family", "Family"],
  ["referral_reward", "Referral reward"],
] as const;

export function GiveSubscriptionForm({
  action,
  userId,
  types,
}: {
  action: Action;
  userId: number;
  types: SubscriptionTypeOption[];
}) {
  const { state, pending, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="space-y-4" data-testid="give-subscription-form">
      <input type="hidden" name="userId" value={userId} />
      <FormField
        label="Subscription type"
        htmlFor="give-type"
        error={fieldError(state, "subscriptionTypeId")}
      >
        <Select
          id="give-type"
          name="subscriptionTypeId"
          defaultValue=""
          invalid={!!fieldError(state, "subscriptionTypeId")}
          data-testid="give-type"
        >
          <option value="" disabled>
            Choose a type…
          </option>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.name} ({type.code}, {type.lengthDays} days){type.active ? "" : " — inactive"}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="grid grid-cols-2 gap-3">
        <FormField
          label="Start (UTC)"
          htmlFor="give-start"
          hint="Empty: after the running one, else now."
          error={fieldError(state, "startAt")}
        >
          <Input
            id="give-start"
            name="startAt"
            type="datetime-local"
            invalid={!!fieldError(state, "startAt")}
          />
        </FormField>
        <FormField
          label="End (UTC)"
          htmlFor="give-end"
          hint="Empty: start + the type's length."
          error={fieldError(state, "endAt")}
        >
          <Input
            id="give-end"
            name="endAt"
            type="datetime-local"
            invalid={!!fieldError(state, "endAt")}
          />
        </FormField>
      </div>
      <FormField label="Kind" htmlFor="give-kind" error={fieldError(state, "kind")}>
        <Select id="give-kind" name="kind" defaultValue="gift">
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </FormField>
      <Checkbox
        name="isPaid"
        label="Paid"
        description="Counts as a paid subscription (e.g. settled outside Subflow)."
      />
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton
          pending={pending}
          pendingLabel="Giving…"
          data-testid="give-subscription-submit"
        >
          Give subscription
        </SubmitButton>
      </div>
    </form>
  );
}
