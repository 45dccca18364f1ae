"use client";

import { centsToDecimal } from "@/lib/money";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { SUBSCRIPTION_TYPE_DESCRIPTION_MAX } from "@/lib/subscriptions/schemas";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export interface SubscriptionTypeFormValues {
  id?: number;
  code: string;
  name: string;
  lengthDays: number;
  priceCents: number;
  contentAccess: string[];
  isDefault: boolean;
  active: boolean;
  nextTypeCode: string | null;
  offered: boolean;
  position: number;
  description: string | null;
  highlighted: boolean;
}

export function SubscriptionTypeForm({
  action,
  initial,
  contentAccess,
  nextTypes,
}: {
  action: FormAction;
  initial?: SubscriptionTypeFormValues;
  contentAccess: { code: string; name: string; description: string | null }[];
  nextTypes: { code: string; name: string }[];
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const error = (name: string) => fieldError(state, name);
  return (
    <form {...formProps} className="space-y-5" data-testid="subscription-type-form">
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <div className="grid grid-cols-2 gap-4">
        <FormField label="Name" htmlFor="st-name" error={error("name")}>
          <Input
            id="st-name"
            name="name"
            defaultValue={initial?.name}
            invalid={!!error("name")}
            data-testid="st-name"
          />
        </FormField>
        <FormField
          label="Code"
          htmlFor="st-code"
          hint="Lowercase letters, digits, - and _. Used by the API."
          error={error("code")}
        >
          <Input
            id="st-code"
            name="code"
            defaultValue={initial?.code}
            invalid={!!error("code")}
            className="font-mono"
            data-testid="st-code"
          />
        </FormField>
        <FormField label="Length (days)" htmlFor="st-length" error={error("lengthDays")}>
          <Input
            id="st-length"
            name="lengthDays"
            type="number"
            min={1}
            defaultValue={initial?.lengthDays ?? 31}
            invalid={!!error("lengthDays")}
            data-testid="st-length"
          />
        </FormField>
        <FormField label="Price" htmlFor="st-price" hint="For example 4.99" error={error("price")}>
          <Input
            id="st-price"
            name="price"
            inputMode="decimal"
            defaultValue={initial ? centsToDecimal(initial.priceCents) : ""}
            invalid={!!error("price")}
            data-testid="st-price"
          />
        </FormField>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Content access</legend>
        <div
          className="mt-2 grid grid-cols-2 gap-2 rounded-md border border-zinc-200 p-3 sm:grid-cols-3"
          data-testid="st-content-access"
        >
          {contentAccess.length === 0 ? (
            <p className="text-sm text-zinc-500">Create content access first.</p>
          ) : (
            contentAccess.map((access) => (
              <Checkbox
                key={access.code}
                name="contentAccessCodes[]"
                value={access.code}
                defaultChecked={initial?.contentAccess.includes(access.code)}
                label={access.name}
                description={access.code}
                data-testid={`st-access-${access.code}`}
              />
            ))
          )}
        </div>
        {error("contentAccessCodes") ? (
          <p
            className="mt-1.5 text-xs text-red-600"
            role="alert"
            data-testid="error-st-content-access"
          >
            {error("contentAccessCodes")?.[0]}
          </p>
        ) : null}
      </fieldset>

      <FormField
        label="Renews into"
        htmlFor="st-next"
        hint="The type a recurrent payment charges for next. Empty: the same type."
        error={error("nextSubscriptionTypeCode")}
      >
        <Select
          id="st-next"
          name="nextSubscriptionTypeCode"
          defaultValue={initial?.nextTypeCode ?? ""}
          data-testid="st-next"
        >
          <option value="">The same type</option>
          {nextTypes.map((type) => (
            <option key={type.code} value={type.code}>
              {type.name} ({type.code})
            </option>
          ))}
        </Select>
      </FormField>

      <div className="flex flex-wrap gap-6">
        <Checkbox
          name="active"
          defaultChecked={initial?.active ?? true}
          label="Active"
          description="Can be bought, given and renewed."
          data-testid="st-active"
        />
        <Checkbox
          name="isDefault"
          defaultChecked={initial?.isDefault ?? false}
          label="Default"
          description="The default type for its content and length."
          data-testid="st-default"
        />
      </div>

      <fieldset
        className="space-y-4 rounded-md border border-zinc-200 p-4"
        data-testid="st-pricing-page"
      >
        <legend className="px-1 text-sm font-medium text-zinc-800">Pricing page</legend>
        <div className="flex flex-wrap gap-6">
          <Checkbox
            name="offered"
            defaultChecked={initial?.offered ?? false}
            label="Offered on the pricing page"
            description="Customers can buy it themselves at /subscribe (while it is active)."
            data-testid="st-offered"
          />
          <Checkbox
            name="highlighted"
            defaultChecked={initial?.highlighted ?? false}
            label="Highlight as recommended"
            description="Marked as the recommended choice of its group."
            data-testid="st-highlighted"
          />
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[8rem_minmax(0,1fr)]">
          <FormField
            label="Position"
            htmlFor="st-position"
            hint="Lower comes first."
            error={error("position")}
          >
            <Input
              id="st-position"
              name="position"
              type="number"
              min={0}
              defaultValue={initial?.position ?? 100}
              invalid={!!error("position")}
              data-testid="st-position"
            />
          </FormField>
          <FormField
            label="Short description"
            htmlFor="st-description"
            hint={`One line on the plan's card, up to ${SUBSCRIPTION_TYPE_DESCRIPTION_MAX} characters.`}
            error={error("description")}
          >
            <Input
              id="st-description"
              name="description"
              maxLength={SUBSCRIPTION_TYPE_DESCRIPTION_MAX}
              defaultValue={initial?.description ?? ""}
              placeholder="Every article, every day"
              invalid={!!error("description")}
              data-testid="st-description"
            />
          </FormField>
        </div>
      </fieldset>

      {state && !state.ok && state.error === "validation_error" ? (
        <p className="text-sm text-red-600" role="alert">
          Check the highlighted fields.
        </p>
      ) : null}
      <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="st-submit">
          {initial?.id ? "Save changes" : "Create subscription type"}
        </SubmitButton>
      </div>
    </form>
  );
}
