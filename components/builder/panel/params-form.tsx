"use client";

import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import { DraftNumberInput } from "./draft-number-input";
import { checkParams, type ParamField, paramFields } from "./json-schema";
import { optional, type Parsed, parseDecimal, parseInteger } from "./parse-text";
import { useDraftText } from "./use-draft-text";

const numberText = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) ? String(value) : "";

/** An action's params as a form generated from its JSON Schema: one field per property, `param-<name>` each. */
export function ParamsForm({
  schema,
  params,
  onChange,
}: {
  schema: unknown;
  params: Record<string, unknown>;
  onChange: (params: Record<string, unknown>) => void;
}) {
  const fields = paramFields(schema);
  const messages = checkParams(schema, params);
  const set = (name: string, value: unknown) => {
    const next = { ...params };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  if (fields.length === 0)
    return <p className="text-sm text-zinc-500">This action has no settings.</p>;
  return (
    <div className="space-y-3">
      {fields.map((field) => (
        <ParamInput
          key={field.name}
          field={field}
          value={params[field.name]}
          message={messages[field.name] ?? null}
          onChange={(value) => set(field.name, value)}
        />
      ))}
    </div>
  );
}

function ParamInput({
  field,
  value,
  message,
  onChange,
}: {
  field: ParamField;
  value: unknown;
  message: string | null;
  onChange: (value: unknown) => void;
}) {
  const id = `param-${field.name}`;
  const label = field.required ? field.label : `${field.label} (optional)`;
  const hint = field.description ?? undefined;
  switch (field.kind) {
    case "boolean":
      return (
        <div className="space-y-1">
          <Checkbox
            id={id}
            data-testid={id}
            label={field.label}
            description={hint}
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          {message ? <p className="text-xs text-red-600">{message}</p> : null}
        </div>
      );
    case "integer":
    case "number": {
      const parse = field.kind === "integer" ? parseInteger : parseDecimal;
      return (
        <FormField label={label} htmlFor={id} hint={hint}>
          <DraftNumberInput
            id={id}
            inputMode={field.kind === "integer" ? "numeric" : "decimal"}
            value={value}
            format={numberText}
            parse={field.required ? parse : optional(parse)}
            message={message}
            onValue={onChange}
          />
        </FormField>
      );
    }
    case "enum":
      return (
        <FormField label={label} htmlFor={id} hint={hint} error={message ?? undefined}>
          <Select
            id={id}
            data-testid={id}
            value={value === undefined ? "" : String(value)}
            invalid={message !== null}
            onChange={(e) =>
              onChange(
                e.target.value === ""
                  ? undefined
                  : field.schema.enum?.find((o) => String(o) === e.target.value),
              )
            }
          >
            <option value="" disabled={field.required}>
              {field.required ? "Choose…" : "—"}
            </option>
            {field.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </FormField>
      );
    case "json":
      return (
        <JsonParamInput
          id={id}
          label={label}
          hint={hint}
          value={value}
          message={message}
          onChange={onChange}
        />
      );
    default:
      return (
        <FormField label={label} htmlFor={id} hint={hint} error={message ?? undefined}>
          <Input
            id={id}
            data-testid={id}
            type={field.kind === "url" ? "url" : "text"}
            autoComplete="off"
            placeholder={field.kind === "url" ? "https://" : undefined}
            value={typeof value === "string" ? value : ""}
            invalid={message !== null}
            onChange={(e) =>
              onChange(e.target.value === "" && !field.required ? undefined : e.target.value)
            }
          />
        </FormField>
      );
  }
}

const jsonText = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 2));
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function parseJson(text: string): Parsed<unknown> {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: "This is not valid JSON yet." };
  }
}

/** Anything else (an object, a list) is typed as JSON; text that does not parse stays on screen and is not handed on. */
function JsonParamInput({
  id,
  label,
  hint,
  value,
  message,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: unknown;
  message: string | null;
  onChange: (value: unknown) => void;
}) {
  const draft = useDraftText(value, jsonText, parseJson, sameJson);
  const shown = draft.message ?? message;
  return (
    <FormField label={label} htmlFor={id} hint={hint ?? "JSON"} error={shown ?? undefined}>
      <Textarea
        id={id}
        data-testid={id}
        rows={4}
        spellCheck={false}
        className="font-mono text-xs"
        value={draft.text}
        invalid={shown !== null}
        onChange={(e) => {
          const parsed = draft.change(e.target.value);
          if (parsed.ok) onChange(parsed.value);
        }}
        onBlur={draft.blur}
      />
    </FormField>
  );
}
