"use client";

import { useState } from "react";
import { useFormAction, type FormAction as Action } from "@/components/ui/use-form-action";
import { formatMoney } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CustomizableFamilyOption } from "@/lib/family/customizable-family-payment";
import { CustomizableFamilyItems } from "./family/customizable-family-items";
import type { SubscriptionTypeOption } from "./subscription-type-option";

/**
 * A payment with one or more subscription-type items; rows are posted as parallel lists (itemType[], …). When the
 * first item is a customizable family type, its child types' counts and prices replace the other rows.
 */
export function CreatePaymentForm({
  action,
  userId,
  types,
  customizableFamilies = [],
}: {
  action: Action;
  userId: number;
  types: SubscriptionTypeOption[];
  customizableFamilies?: CustomizableFamilyOption[];
}) {
  const { state, pending, formProps } = useFormAction(action);
  const [rows, setRows] = useState<number[]>([0]);
  const [nextKey, setNextKey] = useState(1);
  const [firstType, setFirstType] = useState("");
  // A created payment resets the form, so the first row's (controlled) type goes back to "Choose…" with it.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok) setFirstType("");
  }
  const family = customizableFamilies.find((candidate) => candidate.masterCode === firstType);
  const familyMaster = family ? types.find((type) => type.code === family.masterCode) : undefined;
  const visibleRows = family ? rows.slice(0, 1) : rows;
  const itemErrors = fieldError(state, "items");

  return (
    <form {...formProps} className="space-y-4" data-testid="create-payment-form">
      <input type="hidden" name="userId" value={userId} />
      <fieldset className="space-y-2">
        <legend className="mb-1.5 text-sm font-medium text-zinc-800">Items</legend>
        {visibleRows.map((key, index) => (
          <div
            key={key}
            className="grid grid-cols-[4.5rem_1fr_2rem] items-center gap-2 rounded-md border border-zinc-200 p-2"
            data-testid="payment-item-row"
          >
            <Select
              name="itemType[]"
              {...(index === 0
                ? { value: firstType, onChange: (event) => setFirstType(event.target.value) }
                : { defaultValue: "" })}
              aria-label={`Item ${index + 1} type`}
              className="col-span-3"
              data-testid={`item-type-${index}`}
            >
              <option value="" disabled>
                Choose…
              </option>
              {types.map((type) => (
                <option key={type.id} value={type.code}>
                  {type.name} · {formatMoney(type.priceCents)}
                </option>
              ))}
            </Select>
            {family && index === 0 ? (
              <div className="col-span-3">
                <CustomizableFamilyItems
                  key={family.masterCode}
                  family={family}
                  masterPriceCents={familyMaster?.priceCents ?? 0}
                />
              </div>
            ) : (
              <>
                <Input
                  name="itemCount[]"
                  type="number"
                  min={1}
                  defaultValue={1}
                  title="Count"
                  aria-label={`Item ${index + 1} count`}
                  data-testid={`item-count-${index}`}
                />
                <Input
                  name="itemPrice[]"
                  inputMode="decimal"
                  placeholder="Unit price"
                  title="Empty: the type's price"
                  aria-label={`Item ${index + 1} unit price`}
                  data-testid={`item-price-${index}`}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove item ${index + 1}`}
                  disabled={rows.length === 1}
                  onClick={() => setRows(rows.filter((candidate) => candidate !== key))}
                >
                  ✕
                </Button>
              </>
            )}
          </div>
        ))}
        {family ? null : (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setRows([...rows, nextKey]);
              setNextKey(nextKey + 1);
            }}
            data-testid="add-item"
          >
            + Add item
          </Button>
        )}
        {itemErrors ? (
          <ul className="space-y-0.5 text-xs text-red-600" role="alert" data-testid="error-items">
            {itemErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <FormField label="Gateway" htmlFor="payment-gateway" error={fieldError(state, "gateway")}>
          <Select
            id="payment-gateway"
            name="gateway"
            defaultValue="manual"
            data-testid="payment-gateway"
          >
            <option value="manual">Manual (settled outside Subflow)</option>
            <option value="demo">Demo (test cards)</option>
          </Select>
        </FormField>
        <FormField
          label="Recurrent card token"
          htmlFor="payment-card"
          hint="Optional, e.g. tok_visa."
          error={fieldError(state, "recurrentCardToken")}
        >
          <Input
            id="payment-card"
            name="recurrentCardToken"
            placeholder="tok_visa"
            data-testid="payment-card-token"
          />
        </FormField>
      </div>
      <Checkbox
        name="markPaid"
        label="Mark paid now"
        description="Creates the subscription at once."
        data-testid="payment-mark-paid"
      />
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton
          pending={pending}
          pendingLabel="Creating…"
          data-testid="create-payment-submit"
        >
          Create payment
        </SubmitButton>
      </div>
    </form>
  );
}
