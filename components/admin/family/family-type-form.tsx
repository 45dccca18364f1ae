"use client";

import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import {
  FAMILY_DONATION_METHOD_LABELS,
  FAMILY_DONATION_METHODS,
  FAMILY_TYPE_MAX_COUNT,
  type FamilyDonationMethodInput,
} from "@/lib/family/schemas";

export interface FamilyTypeFormValues {
  id?: number;
  masterTypeCode: string;
  childTypeCode: string | null;
  donationMethod: FamilyDonationMethodInput;
  donationDays: number | null;
  /** A value for <input type="datetime-local">, in UTC. */
  donationFixedEnd: string;
  count: number;
  isPaid: boolean;
  allowSelfUse: boolean;
  renewalGapDays: number;
}

/** Create or edit a family type; the days or fixed-end field appears only for its donation method. */
export function FamilyTypeForm({
  action,
  initial,
  subscriptionTypes,
}: {
  action: FormAction;
  initial?: FamilyTypeFormValues;
  subscriptionTypes: { code: string; name: string }[];
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const [method, setMethod] = useState<FamilyDonationMethodInput>(
    initial?.donationMethod ?? "copy",
  );
  const error = (name: string) => fieldError(state, name);
  const typeOptions = subscriptionTypes.map((type) => (
    <option key={type.code} value={type.code}>
      {type.name} ({type.code})
    </option>
  ));
  return (
    <form {...formProps} className="space-y-5" data-testid="family-type-form">
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField
          label="Master type"
          htmlFor="ft-master"
          hint="Its subscriptions generate the codes."
          error={error("masterTypeCode")}
        >
          <Select
            id="ft-master"
            name="masterTypeCode"
            defaultValue={initial?.masterTypeCode ?? ""}
            invalid={!!error("masterTypeCode")}
            data-testid="family-type-master"
          >
            <option value="" disabled>
              Choose a type
            </option>
            {typeOptions}
          </Select>
        </FormField>
        <FormField
          label="Child type"
          htmlFor="ft-child"
          hint="Customizable: each payment item's type becomes a child type."
          error={error("childTypeCode")}
        >
          <Select
            id="ft-child"
            name="childTypeCode"
            defaultValue={initial?.childTypeCode ?? ""}
            invalid={!!error("childTypeCode")}
            data-testid="family-type-child"
          >
            <option value="">Customizable (from the payment items)</option>
            {typeOptions}
          </Select>
        </FormField>
        <FormField
          label="Donation method"
          htmlFor="ft-method"
          hint="How a child subscription's dates are chosen."
          error={error("donationMethod")}
        >
          <Select
            id="ft-method"
            name="donationMethod"
            value={method}
            onChange={(event) => setMethod(event.target.value as FamilyDonationMethodInput)}
            data-testid="family-type-method"
          >
            {FAMILY_DONATION_METHODS.map((value) => (
              <option key={value} value={value}>
                {FAMILY_DONATION_METHOD_LABELS[value]}
              </option>
            ))}
          </Select>
        </FormField>
        {method === "days" ? (
          <FormField
            label="Days"
            htmlFor="ft-days"
            hint="A child subscription lasts this long from activation."
            error={error("donationDays")}
          >
            <Input
              id="ft-days"
              name="donationDays"
              type="number"
              min={1}
              defaultValue={initial?.donationDays ?? 31}
              invalid={!!error("donationDays")}
              data-testid="family-type-days"
            />
          </FormField>
        ) : null}
        {method === "fixed" ? (
          <FormField
            label="Fixed end (UTC)"
            htmlFor="ft-fixed-end"
            hint="Every child subscription ends then."
            error={error("donationFixedEnd")}
          >
            <Input
              id="ft-fixed-end"
              name="donationFixedEnd"
              type="datetime-local"
              defaultValue={initial?.donationFixedEnd ?? ""}
              invalid={!!error("donationFixedEnd")}
              data-testid="family-type-fixed-end"
            />
          </FormField>
        ) : null}
        <FormField
          label="Codes per master subscription"
          htmlFor="ft-count"
          hint="0: the payment item's count (dynamic)."
          error={error("count")}
        >
          <Input
            id="ft-count"
            name="count"
            type="number"
            min={0}
            max={FAMILY_TYPE_MAX_COUNT}
            defaultValue={initial?.count ?? 3}
            invalid={!!error("count")}
            data-testid="family-type-count"
          />
        </FormField>
        <FormField
          label="Renewal gap (days)"
          htmlFor="ft-gap"
          hint="A new master subscription starting within this many days of the old one's end renews the children."
          error={error("renewalGapDays")}
        >
          <Input
            id="ft-gap"
            name="renewalGapDays"
            type="number"
            min={0}
            defaultValue={initial?.renewalGapDays ?? 0}
            invalid={!!error("renewalGapDays")}
            data-testid="family-type-gap"
          />
        </FormField>
      </div>
      <div className="flex flex-wrap gap-6">
        <Checkbox
          name="isPaid"
          defaultChecked={initial?.isPaid ?? false}
          label="Paid"
          description="Child subscriptions count as paid."
          data-testid="family-type-paid"
        />
        <Checkbox
          name="allowSelfUse"
          defaultChecked={initial?.allowSelfUse ?? false}
          label="Self-use"
          description="The master may activate their own codes."
          data-testid="family-type-self-use"
        />
      </div>
      {state && !state.ok && state.error === "validation_error" ? (
        <p className="text-sm text-red-600" role="alert">
          Check the highlighted fields.
        </p>
      ) : null}
      <div className="flex justify-end border-t border-zinc-100 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="family-type-save">
          {initial?.id ? "Save changes" : "Create family type"}
        </SubmitButton>
      </div>
    </form>
  );
}
