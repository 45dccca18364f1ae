"use client";

import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/input";
import type { NodeFormProps } from "./form-props";
import { defaultParams } from "./json-schema";
import { ParamsForm } from "./params-form";

/** An action from the registry and its params; choosing another action starts its params from their defaults. */
export function GenericForm({ config, options, issues, onChange }: NodeFormProps<"generic">) {
  const action = options.actions.find((a) => a.code === config.action) ?? null;
  return (
    <div className="space-y-3">
      <FormField
        label="Action"
        htmlFor="panel-action-select"
        hint={action?.description}
        error={
          issues.at("action")[0] ??
          (action ? undefined : `There is no action "${config.action}": choose another.`)
        }
      >
        <Select
          id="panel-action-select"
          data-testid="panel-action-select"
          value={config.action}
          invalid={action === null}
          onChange={(event) => {
            const next = options.actions.find((a) => a.code === event.target.value);
            if (next) onChange({ action: next.code, params: defaultParams(next.paramsSchema) });
          }}
        >
          {action ? null : (
            <option value={config.action}>{config.action || "Choose an action"} (unknown)</option>
          )}
          {options.actions.map((a) => (
            <option key={a.code} value={a.code}>
              {a.label}
            </option>
          ))}
        </Select>
      </FormField>
      {action ? (
        <ParamsForm
          key={action.code}
          schema={action.paramsSchema}
          params={config.params}
          onChange={(params) => onChange({ ...config, params })}
        />
      ) : null}
    </div>
  );
}
