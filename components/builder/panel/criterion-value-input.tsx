"use client";

import type { BuilderOptions } from "@/lib/scenarios/builder-option-types";
import { Input, Select } from "@/components/ui/input";
import { CURRENCY, centsToDecimal } from "@/lib/money";
import type { ValueInputKind } from "./criterion-values";
import { DraftNumberInput } from "./draft-number-input";
import { parseDecimal, parseInteger, parseMoneyText } from "./parse-text";

const numberText = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) ? String(value) : "";
const moneyText = (value: unknown) =>
  typeof value === "number" && Number.isSafeInteger(value) ? centsToDecimal(value) : "";

function Message({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={`${id}-message`} className="mt-1 text-xs text-red-600" data-testid={`error-${id}`}>
      {message}
    </p>
  ) : null;
}

/** A criterion's value, in the input its kind takes: money in currency units (stored as cents), days, dates, lists. */
export function CriterionValueInput({
  id,
  label,
  kind,
  value,
  options,
  message,
  onChange,
}: {
  /** `criterion-value-<i>`: the control's id and test id. */
  id: string;
  label: string;
  kind: ValueInputKind;
  value: unknown;
  options: Pick<BuilderOptions, "contentAccess" | "subscriptionTypes">;
  message: string | null;
  onChange: (value: unknown) => void;
}) {
  const describedBy = message ? `${id}-message` : undefined;
  if (typeof kind !== "string" || kind === "boolean" || kind === "content_access") {
    const choices =
      typeof kind !== "string"
        ? kind.options.map((o) => ({ value: o, label: o }))
        : kind === "boolean"
          ? [
              { value: "true", label: "yes" },
              { value: "false", label: "no" },
            ]
          : options.contentAccess.map((c) => ({ value: c.code, label: c.name }));
    const current = value === undefined || value === null ? "" : String(value);
    const missing = current !== "" && !choices.some((c) => c.value === current);
    return (
      <div>
        <Select
          id={id}
          data-testid={id}
          aria-label={label}
          aria-describedby={describedBy}
          value={current}
          invalid={message !== null}
          onChange={(event) =>
            onChange(kind === "boolean" ? event.target.value === "true" : event.target.value)
          }
        >
          {current === "" ? (
            <option value="" disabled>
              {choices.length === 0 ? "None defined yet" : "Choose…"}
            </option>
          ) : null}
          {missing ? <option value={current}>{current} (not found)</option> : null}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
        <Message id={id} message={message} />
      </div>
    );
  }
  switch (kind) {
    case "subscription_types":
      return (
        <SubscriptionTypesInput
          id={id}
          label={label}
          value={value}
          types={options.subscriptionTypes}
          message={message}
          onChange={onChange}
        />
      );
    case "money":
      return (
        <DraftNumberInput
          id={id}
          aria-label={`${label} (${CURRENCY})`}
          inputMode="decimal"
          suffix={CURRENCY}
          value={value}
          format={moneyText}
          parse={parseMoneyText}
          message={message}
          onValue={onChange}
        />
      );
    case "days":
      return (
        <DraftNumberInput
          id={id}
          aria-label={`${label} (days)`}
          suffix="days"
          value={value}
          format={numberText}
          parse={parseInteger}
          message={message}
          onValue={onChange}
        />
      );
    case "number":
      return (
        <DraftNumberInput
          id={id}
          aria-label={label}
          inputMode="decimal"
          value={value}
          format={numberText}
          parse={parseDecimal}
          message={message}
          onValue={onChange}
        />
      );
    case "date":
      return (
        <div>
          <Input
            id={id}
            data-testid={id}
            type="date"
            aria-label={label}
            aria-describedby={describedBy}
            value={typeof value === "string" ? value : ""}
            invalid={message !== null}
            onChange={(event) => onChange(event.target.value)}
          />
          <Message id={id} message={message} />
        </div>
      );
    case "text":
      return (
        <div>
          <Input
            id={id}
            data-testid={id}
            aria-label={label}
            aria-describedby={describedBy}
            autoComplete="off"
            value={typeof value === "string" || typeof value === "number" ? String(value) : ""}
            invalid={message !== null}
            onChange={(event) => onChange(event.target.value)}
          />
          <Message id={id} message={message} />
        </div>
      );
  }
}

/** Subscription types are a list (the criterion holds when the subscription is any of them): one checkbox each. */
function SubscriptionTypesInput({
  id,
  label,
  value,
  types,
  message,
  onChange,
}: {
  id: string;
  label: string;
  value: unknown;
  types: BuilderOptions["subscriptionTypes"];
  message: string | null;
  onChange: (value: string[]) => void;
}) {
  const chosen = Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : [];
  const missing = chosen.filter((code) => !types.some((t) => t.code === code));
  const choices = [
    ...types.map((t) => ({ code: t.code, label: `${t.name} (${t.code})` })),
    ...missing.map((code) => ({ code, label: `${code} (not found)` })),
  ];
  return (
    <div
      role="group"
      aria-label={label}
      aria-describedby={message ? `${id}-message` : undefined}
      data-testid={id}
    >
      {choices.length === 0 ? (
        <p className="text-sm text-zinc-500">No subscription types yet.</p>
      ) : (
        <div className="max-h-36 space-y-1 overflow-y-auto rounded-md border border-zinc-200 bg-white p-2">
          {choices.map((choice) => (
            <label
              key={choice.code}
              className="flex cursor-pointer items-center gap-2 text-sm text-zinc-800"
            >
              <input
                type="checkbox"
                data-testid={`${id}-${choice.code}`}
                className="size-4 rounded border-zinc-300 accent-brand-600 focus-visible:outline-2 focus-visible:outline-brand-500"
                checked={chosen.includes(choice.code)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...chosen, choice.code]
                      : chosen.filter((code) => code !== choice.code),
                  )
                }
              />
              <span className="min-w-0 truncate">{choice.label}</span>
            </label>
          ))}
        </div>
      )}
      <Message id={id} message={message} />
    </div>
  );
}
