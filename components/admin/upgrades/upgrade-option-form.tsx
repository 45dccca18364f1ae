"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { centsToDecimal } from "@/lib/money";
import {
  UPGRADE_TYPE_LABELS,
  UPGRADE_TYPES,
  type UpgradeMethod,
} from "@/lib/upgrades/option-config";

export interface UpgradeOptionFormValues {
  optionId: number;
  type: UpgradeMethod;
  requireContent: string[];
  omitContent: string[];
  monthlyFixCents: number | null;
  tags: string[];
  targetTypeCode: string | null;
}

interface Choice {
  code: string;
  name: string;
}

function ContentPicker({
  legend,
  hint,
  name,
  testIdPrefix,
  contentAccess,
  checked,
  error,
}: {
  legend: string;
  hint: string;
  name: string;
  testIdPrefix: string;
  contentAccess: Choice[];
  checked: string[];
  error?: string[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800">{legend}</legend>
      <div
        className="mt-2 grid grid-cols-2 gap-2 rounded-md border border-zinc-200 p-3 sm:grid-cols-3"
        data-testid={`${testIdPrefix}s`}
      >
        {contentAccess.length === 0 ? (
          <p className="text-sm text-zinc-500">Create content access first.</p>
        ) : (
          contentAccess.map((access) => (
            <Checkbox
              key={access.code}
              name={`${name}[]`}
              value={access.code}
              defaultChecked={checked.includes(access.code)}
              label={access.name}
              description={access.code}
              data-testid={`${testIdPrefix}-${access.code}`}
            />
          ))
        )}
      </div>
      {error?.[0] ? (
        <p
          className="mt-1.5 text-xs text-red-600"
          role="alert"
          data-testid={`error-${testIdPrefix}`}
        >
          {error[0]}
        </p>
      ) : (
        <p className="mt-1.5 text-xs text-zinc-500">{hint}</p>
      )}
    </fieldset>
  );
}

/** Add an option to a schema, or edit one: the method, its config as real controls, and an optional explicit target. */
export function UpgradeOptionForm({
  action,
  schemaId,
  contentAccess,
  subscriptionTypes,
  initial,
}: {
  action: FormAction;
  schemaId: number;
  contentAccess: Choice[];
  subscriptionTypes: Choice[];
  initial?: UpgradeOptionFormValues;
}) {
  const { state, pending, formProps } = useFormAction(action);
  const error = (name: string) => fieldError(state, name);
  return (
    <form {...formProps} className="space-y-5" data-testid="option-form">
      <input type="hidden" name="schemaId" value={schemaId} />
      {initial ? <input type="hidden" name="optionId" value={initial.optionId} /> : null}
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <FormField label="Method" htmlFor="option-type" error={error("type")}>
        <Select
          id="option-type"
          name="type"
          defaultValue={initial?.type ?? "paid_recurrent"}
          invalid={!!error("type")}
          data-testid="option-type"
        >
          {UPGRADE_TYPES.map((type) => (
            <option key={type} value={type}>
              {UPGRADE_TYPE_LABELS[type]}
            </option>
          ))}
        </Select>
      </FormField>
      <ContentPicker
        legend="Required content"
        hint="The content access the upgrade adds; at least one."
        name="requireContent"
        testIdPrefix="option-require"
        contentAccess={contentAccess}
        checked={initial?.requireContent ?? []}
        error={error("requireContent")}
      />
      <ContentPicker
        legend="Omitted content"
        hint="Content access the target must not include (optional)."
        name="omitContent"
        testIdPrefix="option-omit"
        contentAccess={contentAccess}
        checked={initial?.omitContent ?? []}
        error={error("omitContent")}
      />
      <div className="grid grid-cols-2 gap-4">
        <FormField
          label="Monthly fix"
          htmlFor="option-monthly-fix"
          hint="Price raise per 31 days, e.g. 2.00. Blank: the target's own price."
          error={error("monthlyFix")}
        >
          <Input
            id="option-monthly-fix"
            name="monthlyFix"
            inputMode="decimal"
            defaultValue={
              initial?.monthlyFixCents != null ? centsToDecimal(initial.monthlyFixCents) : ""
            }
            invalid={!!error("monthlyFix")}
            data-testid="option-monthly-fix"
          />
        </FormField>
        <FormField
          label="Required tags"
          htmlFor="option-tags"
          hint="Comma-separated; offered only to callers sending exactly these tags. Blank: regular offer."
          error={error("tags")}
        >
          <Input
            id="option-tags"
            name="tags"
            defaultValue={initial?.tags.join(", ") ?? ""}
            invalid={!!error("tags")}
            className="font-mono"
            data-testid="option-tags"
          />
        </FormField>
      </div>
      <FormField
        label="Target type"
        htmlFor="option-target"
        hint="Automatic: the cheapest active default type of the same length with the resulting content."
        error={error("targetTypeCode")}
      >
        <Select
          id="option-target"
          name="targetTypeCode"
          defaultValue={initial?.targetTypeCode ?? ""}
          invalid={!!error("targetTypeCode")}
          data-testid="option-target"
        >
          <option value="">Resolve automatically</option>
          {subscriptionTypes.map((type) => (
            <option key={type.code} value={type.code}>
              {type.name} ({type.code})
            </option>
          ))}
        </Select>
      </FormField>
      {state && !state.ok && state.error === "validation_error" ? (
        <p className="text-sm text-red-600" role="alert" data-testid="option-form-invalid">
          {state.message}
        </p>
      ) : null}
      <div className="flex justify-end border-t border-zinc-100 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="option-save">
          {initial ? "Save option" : "Add option"}
        </SubmitButton>
      </div>
    </form>
  );
}
