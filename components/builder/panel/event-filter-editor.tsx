"use client";

import { useState } from "react";
import { Input, Select } from "@/components/ui/input";
import { CUSTOM_EVENT_PATTERN } from "@/lib/events/event-names";
import type { EventChoice } from "@/lib/scenarios/builder-option-types";
import {
  EVENT_FILTER_OP_LABELS,
  EVENT_FILTER_OPS,
  type EventFilter,
  type EventFilterOp,
  type EventFilterTest,
} from "@/lib/scenarios/event-filter";

const CUSTOM = "__custom";
const PREFIX = "custom.";

/** A domain event from the catalog, or a custom event typed by name (`custom.<name>`). */
export function EventChoiceSelect({
  id,
  label,
  value,
  events,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  events: readonly EventChoice[];
  onChange(event: string): void;
}) {
  const known = events.some((e) => e.event === value);
  const custom = !known && value.startsWith(PREFIX);
  const customMessage =
    custom && !CUSTOM_EVENT_PATTERN.test(value)
      ? "Use lowercase letters, digits, _ . and - after custom."
      : null;
  return (
    <div className="space-y-1.5">
      <Select
        id={id}
        data-testid={id}
        aria-label={label}
        value={known ? value : custom ? CUSTOM : value}
        invalid={!known && !custom}
        onChange={(event) => onChange(event.target.value === CUSTOM ? PREFIX : event.target.value)}
      >
        {!known && !custom ? <option value={value}>{value || "Choose an event"}</option> : null}
        {events.map((e) => (
          <option key={e.event} value={e.event}>
            {e.label} ({e.event})
          </option>
        ))}
        <option value={CUSTOM}>Custom event…</option>
      </Select>
      {custom ? (
        <Input
          id={`${id}-custom`}
          data-testid={`${id}-custom`}
          aria-label={`${label}: custom event name`}
          className="font-mono"
          autoComplete="off"
          spellCheck={false}
          placeholder="custom.trial_reminder"
          invalid={customMessage !== null}
          value={value}
          onChange={(event) => onChange(event.target.value.trim())}
        />
      ) : null}
      {customMessage ? <p className="text-xs text-red-600">{customMessage}</p> : null}
    </div>
  );
}

/** What a typed value is: a number, yes/no (`true`, `false`), or text (quotes force text: `"42"`). */
export function parseFilterValue(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1);
  }
  return text;
}

function valueText(value: EventFilterTest["value"]): string {
  if (value === null) return "";
  if (typeof value === "string" && /^(-?\d+(\.\d+)?|true|false)$/.test(value.trim())) {
    return JSON.stringify(value);
  }
  return String(value);
}

function FilterRow({
  id,
  test,
  fields,
  onChange,
  onRemove,
}: {
  id: string;
  test: EventFilterTest;
  fields: readonly string[];
  onChange(test: EventFilterTest): void;
  onRemove(): void;
}) {
  const [text, setText] = useState(valueText(test.value));
  const remove = (
    <button
      type="button"
      className="shrink-0 rounded px-1.5 text-sm text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
      aria-label="Remove this test"
      data-testid={`${id}-remove`}
      onClick={onRemove}
    >
      ✕
    </button>
  );
  return (
    <div className="space-y-1.5 rounded-md bg-zinc-50 p-2" data-testid={id}>
      <div className="flex items-center gap-1.5">
        <Input
          aria-label="Data field"
          data-testid={`${id}-field`}
          className="min-w-0 flex-1 font-mono"
          list={fields.length > 0 ? `${id}-fields` : undefined}
          placeholder="amount_cents"
          autoComplete="off"
          value={test.field}
          onChange={(event) => onChange({ ...test, field: event.target.value.trim() })}
        />
        {fields.length > 0 ? (
          <datalist id={`${id}-fields`}>
            {fields.map((field) => (
              <option key={field} value={field} />
            ))}
          </datalist>
        ) : null}
        {remove}
      </div>
      <div className="flex items-center gap-1.5">
        <Select
          aria-label="Comparison"
          data-testid={`${id}-op`}
          className={test.op === "exists" ? "flex-1" : "!w-24 shrink-0"}
          value={test.op}
          onChange={(event) => {
            const op = event.target.value as EventFilterOp;
            onChange({
              ...test,
              op,
              value: op === "exists" ? null : text === "" ? null : parseFilterValue(text),
            });
          }}
        >
          {EVENT_FILTER_OPS.map((op) => (
            <option key={op} value={op}>
              {EVENT_FILTER_OP_LABELS[op]}
            </option>
          ))}
        </Select>
        {test.op === "exists" ? null : (
          <Input
            aria-label="Value"
            data-testid={`${id}-value`}
            className="min-w-0 flex-1"
            placeholder="500"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              onChange({
                ...test,
                value: event.target.value === "" ? null : parseFilterValue(event.target.value),
              });
            }}
          />
        )}
      </div>
    </div>
  );
}

/**
 * Tests on an event's data that must all hold: a field (a key of the data, dotted for nested), a comparison and a
 * value. Numbers compare as numbers; `true`/`false` are yes/no; anything else is text.
 */
export function EventFilterEditor({
  id,
  filter,
  fields,
  issue,
  onChange,
}: {
  id: string;
  filter: EventFilter;
  fields: readonly string[];
  issue?: string;
  onChange(filter: EventFilter): void;
}) {
  return (
    <div className="space-y-2" data-testid={id}>
      {filter.length === 0 ? (
        <p className="text-xs text-zinc-500">Any such event of the user.</p>
      ) : (
        filter.map((test, index) => (
          <FilterRow
            key={index}
            id={`${id}-${index}`}
            test={test}
            fields={fields}
            onChange={(next) => onChange(filter.map((t, i) => (i === index ? next : t)))}
            onRemove={() => onChange(filter.filter((_, i) => i !== index))}
          />
        ))
      )}
      {issue ? <p className="text-xs text-red-600">{issue}</p> : null}
      {filter.length < 10 ? (
        <button
          type="button"
          className="text-sm font-medium text-brand-700 hover:underline"
          data-testid={`${id}-add`}
          onClick={() => onChange([...filter, { field: fields[0] ?? "", op: "eq", value: null }])}
        >
          + Add a test on the data
        </button>
      ) : null}
    </div>
  );
}
