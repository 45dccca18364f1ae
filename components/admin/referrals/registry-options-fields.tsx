"use client";

import { paramFields } from "@/components/builder/panel/json-schema";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import type { OptionValues } from "./program-form-values";

/**
 * The options of one registry entry as form fields, one per property of its JSON Schema. Each field's id and test id
 * is `<idPrefix>-<property>`; `errorKey` names the property in the save action's field errors.
 */
export function RegistryOptionsFields({
  schema,
  values,
  onChange,
  idPrefix,
  errors,
  errorKey,
}: {
  schema: unknown;
  values: OptionValues;
  onChange: (values: OptionValues) => void;
  idPrefix: string;
  errors: (key: string) => string[] | undefined;
  /** The options' key in the field errors, without the property: `reward.options`, `constraints.timeout_days.options`. */
  errorKey: string;
}) {
  const fields = paramFields(schema);
  if (fields.length === 0) return null;
  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value });
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const error = errors(`${errorKey}.${field.name}`);
        const label = field.required ? field.label : `${field.label} (optional)`;
        const value = values[field.name];
        const text = typeof value === "string" ? value : "";
        if (field.kind === "boolean") {
          return (
            <div key={field.name} className="space-y-1 sm:col-span-2">
              <Checkbox
                id={id}
                data-testid={id}
                label={field.label}
                description={field.description ?? undefined}
                checked={value === true}
                onChange={(event) => set(field.name, event.target.checked)}
              />
              {error ? (
                <p className="text-xs text-red-600" role="alert" data-testid={`error-${id}`}>
                  {error[0]}
                </p>
              ) : null}
            </div>
          );
        }
        return (
          <FormField
            key={field.name}
            label={label}
            htmlFor={id}
            hint={field.description ?? undefined}
            error={error}
          >
            {field.kind === "enum" ? (
              <Select
                id={id}
                data-testid={id}
                value={text}
                invalid={!!error}
                onChange={(event) => set(field.name, event.target.value)}
              >
                {field.required ? null : <option value="">—</option>}
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </Select>
            ) : field.kind === "json" ? (
              <Textarea
                id={id}
                data-testid={id}
                rows={3}
                spellCheck={false}
                className="font-mono text-xs"
                value={text}
                invalid={!!error}
                onChange={(event) => set(field.name, event.target.value)}
              />
            ) : (
              <Input
                id={id}
                data-testid={id}
                type="text"
                inputMode={
                  field.kind === "integer"
                    ? "numeric"
                    : field.kind === "number"
                      ? "decimal"
                      : undefined
                }
                autoComplete="off"
                value={text}
                invalid={!!error}
                onChange={(event) => set(field.name, event.target.value)}
              />
            )}
          </FormField>
        );
      })}
    </div>
  );
}
