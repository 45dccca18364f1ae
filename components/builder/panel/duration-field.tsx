"use client";

import { useState } from "react";
import { Checkbox, Input, Select } from "@/components/ui/input";
import {
  amountToMinutes,
  DURATION_UNITS,
  type DurationUnit,
  durationRangeMessage,
  splitMinutes,
} from "./duration";

const MAX_MINUTES = 525_600;

/**
 * A duration stored as minutes, typed as an amount and a unit (shown in the largest unit that divides it). With
 * `none`, a checkbox stores null instead ("never expires", "no timeout") and unticking brings back the last amount.
 */
export function DurationField({
  id,
  label,
  minutes,
  onChange,
  min = 1,
  hint,
  issue,
  none,
}: {
  /** Prefix of the controls' ids and test ids: `<id>-amount`, `<id>-unit`, `<id>-none`. */
  id: string;
  label: string;
  minutes: number | null;
  onChange: (minutes: number | null) => void;
  min?: number;
  hint?: string | null;
  /** The schema's message for the field. */
  issue?: string;
  none?: { label: string; fallback: number };
}) {
  const initial = splitMinutes(minutes ?? none?.fallback ?? min);
  const [text, setText] = useState(String(initial.amount));
  const [unit, setUnit] = useState<DurationUnit>(initial.unit);
  const [shown, setShown] = useState(minutes);
  const typed = amountToMinutes(text, unit);
  if (shown !== minutes) {
    setShown(minutes);
    if (minutes !== null && !(typed.ok && typed.value === minutes)) {
      const split = splitMinutes(minutes);
      setText(String(split.amount));
      setUnit(split.unit);
    }
  }
  const disabled = minutes === null;
  const message = disabled
    ? null
    : !typed.ok
      ? typed.message
      : (durationRangeMessage(typed.value, { min, max: MAX_MINUTES }) ?? issue ?? null);
  const amountId = `${id}-amount`;
  return (
    <fieldset className="min-w-0 space-y-1.5">
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">{label}</legend>
      <div className="flex gap-2">
        <Input
          id={amountId}
          data-testid={amountId}
          aria-label={`${label}: amount`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="!w-24 shrink-0"
          value={text}
          disabled={disabled}
          invalid={message !== null}
          aria-describedby={message ? `${id}-message` : hint ? `${id}-hint` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            const parsed = amountToMinutes(event.target.value, unit);
            if (parsed.ok) onChange(parsed.value);
          }}
          onBlur={() => {
            if (!typed.ok && minutes !== null) {
              const split = splitMinutes(minutes);
              setText(String(split.amount));
              setUnit(split.unit);
            }
          }}
        />
        <Select
          id={`${id}-unit`}
          data-testid={`${id}-unit`}
          aria-label={`${label}: unit`}
          className="flex-1"
          value={unit}
          disabled={disabled}
          onChange={(event) => {
            const next = event.target.value as DurationUnit;
            setUnit(next);
            const parsed = amountToMinutes(text, next);
            if (parsed.ok) onChange(parsed.value);
          }}
        >
          {DURATION_UNITS.map((u) => (
            <option key={u.unit} value={u.unit}>
              {u.label}
            </option>
          ))}
        </Select>
      </div>
      {none ? (
        <Checkbox
          id={`${id}-none`}
          data-testid={`${id}-none`}
          label={none.label}
          checked={disabled}
          onChange={(event) =>
            onChange(event.target.checked ? null : typed.ok ? typed.value : none.fallback)
          }
        />
      ) : null}
      {message ? (
        <p id={`${id}-message`} className="text-xs text-red-600" data-testid={`error-${id}`}>
          {message}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
