"use client";

import { useState } from "react";
import {
  EventChoiceSelect,
  EventFilterEditor,
} from "@/components/builder/panel/event-filter-editor";
import type { EventChoice } from "@/lib/scenarios/builder-option-types";
import type { ExitRules } from "@/lib/scenarios/exit-rules";

/**
 * A scenario's exit rules in its settings form: each an event (domain or custom) and tests on its data. The list goes
 * to the action as JSON in one hidden field (`exitRules`), where the settings schema parses it.
 */
export function ExitRulesField({
  initial,
  events,
  error,
}: {
  initial: ExitRules;
  events: readonly EventChoice[];
  error?: string;
}) {
  const [rules, setRules] = useState<ExitRules>(initial);
  const update = (index: number, rule: ExitRules[number]) =>
    setRules(rules.map((r, i) => (i === index ? rule : r)));
  return (
    <fieldset className="min-w-0 space-y-2" data-testid="scenario-exit-rules">
      <legend className="text-sm font-medium text-zinc-800">Exit rules</legend>
      <p className="text-xs text-zinc-500">
        When one of these events happens to a user, their running or waiting runs of this scenario
        end at once (exited), in every version.
      </p>
      <input type="hidden" name="exitRules" value={JSON.stringify(rules)} />
      {rules.map((rule, index) => (
        <div
          key={index}
          className="space-y-2 rounded-md border border-zinc-200 p-3"
          data-testid={`scenario-exit-rule-${index}`}
        >
          <div className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <EventChoiceSelect
                id={`scenario-exit-rule-${index}-event`}
                label="Exit event"
                value={rule.event}
                events={events}
                onChange={(event) => update(index, { ...rule, event })}
              />
            </div>
            <button
              type="button"
              className="h-9 rounded px-2 text-sm text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
              data-testid={`scenario-exit-rule-${index}-remove`}
              onClick={() => setRules(rules.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </div>
          <EventFilterEditor
            id={`scenario-exit-rule-${index}-filter`}
            filter={rule.filter}
            fields={events.find((e) => e.event === rule.event)?.fields ?? []}
            onChange={(filter) => update(index, { ...rule, filter })}
          />
        </div>
      ))}
      {error ? (
        <p className="text-xs text-red-600" data-testid="error-scenario-exit-rules">
          {error}
        </p>
      ) : null}
      {rules.length < 20 ? (
        <button
          type="button"
          className="text-sm font-medium text-brand-700 hover:underline"
          data-testid="scenario-exit-rule-add"
          onClick={() => setRules([...rules, { event: "payment.paid", filter: [] }])}
        >
          + Add an exit event
        </button>
      ) : null}
    </fieldset>
  );
}
