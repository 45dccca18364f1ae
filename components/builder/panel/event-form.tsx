"use client";

import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/input";
import { CUSTOM_EVENT_PATTERN } from "@/lib/events/event-names";
import type { NodeFormProps } from "./form-props";

const CUSTOM = "__custom";
const PREFIX = "custom.";

const PREFIXED_INPUT =
  "flex items-center rounded-md border border-zinc-300 bg-zinc-50 shadow-sm " +
  "focus-within:border-brand-500 focus-within:outline-2 focus-within:outline-brand-500/30";

const PROVIDES_LABELS: Record<string, string> = {
  payment: "payment",
  subscription: "subscription",
  recurrent_payment: "recurrent payment",
};

/** The event a run starts on: a registry trigger, or a custom event sent through the events API. */
export function EventForm({ config, options, issues, onChange }: NodeFormProps<"event">) {
  const triggers = options.triggers;
  const trigger = triggers.find((t) => t.event === config.event) ?? null;
  const custom = trigger === null && config.event.startsWith(PREFIX);
  const selected = trigger ? trigger.event : custom ? CUSTOM : config.event;
  const customMessage =
    custom && !CUSTOM_EVENT_PATTERN.test(config.event)
      ? "Use lowercase letters, digits, _ . and - after custom."
      : null;
  const unknown = trigger === null && !custom;
  const carries = trigger?.provides.map((p) => PROVIDES_LABELS[p] ?? p).join(", ");
  const hint = trigger
    ? `${trigger.description}${carries ? ` Carries ${carries} data.` : ""}`
    : custom
      ? "Sent through the events API; it carries only the user."
      : null;
  return (
    <div className="space-y-3">
      <FormField
        label="Event"
        htmlFor="panel-event-select"
        hint={hint ?? undefined}
        error={
          issues.at("event")[0] ??
          (unknown ? `"${config.event}" is not an event scenarios can start on.` : undefined)
        }
      >
        <Select
          id="panel-event-select"
          data-testid="panel-event-select"
          value={selected}
          invalid={unknown}
          onChange={(event) =>
            onChange({ event: event.target.value === CUSTOM ? PREFIX : event.target.value })
          }
        >
          {unknown ? (
            <option value={config.event}>{config.event || "Choose an event"} (unknown)</option>
          ) : null}
          {triggers.map((t) => (
            <option key={t.event} value={t.event}>
              {t.label} ({t.event})
            </option>
          ))}
          <option value={CUSTOM}>Custom event…</option>
        </Select>
      </FormField>
      {custom ? (
        <FormField
          label="Custom event name"
          htmlFor="panel-event-custom"
          error={customMessage ?? undefined}
        >
          <div className={PREFIXED_INPUT}>
            <span className="pl-3 font-mono text-sm text-zinc-500" aria-hidden>
              {PREFIX}
            </span>
            <input
              id="panel-event-custom"
              data-testid="panel-event-custom"
              aria-invalid={customMessage ? true : undefined}
              autoComplete="off"
              spellCheck={false}
              placeholder="trial_reminder"
              className="h-9 min-w-0 flex-1 rounded-r-md bg-white px-1 font-mono text-sm text-zinc-900 outline-none disabled:bg-zinc-100"
              value={config.event.slice(PREFIX.length)}
              onChange={(event) => onChange({ event: `${PREFIX}${event.target.value.trim()}` })}
            />
          </div>
        </FormField>
      ) : null}
    </div>
  );
}
