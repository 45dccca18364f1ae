"use client";

import { FormMessage } from "@/components/ui/form-message";
import { Checkbox } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** The base subscription types whose subscribers are offered this schema's options: the whole set, saved at once. */
export function LinkedTypesForm({
  action,
  schemaId,
  types,
  linkedCodes,
}: {
  action: FormAction;
  schemaId: number;
  types: { code: string; name: string; active: boolean }[];
  linkedCodes: string[];
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-4" data-testid="linked-types-form">
      <input type="hidden" name="schemaId" value={schemaId} />
      <FormMessage state={state} />
      {types.length === 0 ? (
        <p className="text-sm text-zinc-500">Create subscription types first.</p>
      ) : (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {types.map((type) => (
            <Checkbox
              key={type.code}
              name="typeCodes[]"
              value={type.code}
              defaultChecked={linkedCodes.includes(type.code)}
              label={type.name}
              description={type.active ? type.code : `${type.code} · inactive`}
              data-testid={`linked-type-${type.code}`}
            />
          ))}
        </div>
      )}
      <div className="flex justify-end border-t border-zinc-100 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="linked-types-save">
          Save linked types
        </SubmitButton>
      </div>
    </form>
  );
}
