"use client";

import { Input } from "@/components/ui/input";
import type { Parsed } from "./parse-text";
import { useDraftText } from "./use-draft-text";

/**
 * A number typed as text (integers, decimals, money): the config gets a value only when the text parses, so "4." or
 * an emptied field can be typed through. Shows the parse message, else the caller's.
 */
export function DraftNumberInput<T>({
  id,
  value,
  format,
  parse,
  onValue,
  message,
  inputMode = "numeric",
  suffix,
  className,
  "aria-label": ariaLabel,
}: {
  /** The input's id and test id. */
  id: string;
  value: T;
  format: (value: T) => string;
  parse: (text: string) => Parsed<T>;
  onValue: (value: T) => void;
  /** The value's own problem (range, schema), shown when the text parses. */
  message?: string | null;
  inputMode?: "numeric" | "decimal";
  /** A unit shown after the input ("days", "EUR"). */
  suffix?: string;
  className?: string;
  "aria-label"?: string;
}) {
  const draft = useDraftText(value, format, parse);
  const shown = draft.message ?? message ?? null;
  return (
    <div className="min-w-0">
      <div className="flex items-center gap-1.5">
        <Input
          id={id}
          data-testid={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          value={draft.text}
          invalid={shown !== null}
          aria-label={ariaLabel}
          aria-describedby={shown ? `${id}-message` : undefined}
          className={className}
          onChange={(event) => {
            const parsed = draft.change(event.target.value);
            if (parsed.ok) onValue(parsed.value);
          }}
          onBlur={draft.blur}
        />
        {suffix ? (
          <span className="text-xs text-zinc-500" aria-hidden>
            {suffix}
          </span>
        ) : null}
      </div>
      {shown ? (
        <p id={`${id}-message`} className="mt-1 text-xs text-red-600" data-testid={`error-${id}`}>
          {shown}
        </p>
      ) : null}
    </div>
  );
}
