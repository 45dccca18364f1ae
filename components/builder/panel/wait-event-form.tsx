"use client";

import { DurationField } from "./duration-field";
import { EventChoiceSelect, EventFilterEditor } from "./event-filter-editor";
import type { NodeFormProps } from "./form-props";

/** The event to wait for (the run's user's), the tests its data must pass, and how long to wait before `timeout`. */
export function WaitEventForm({ config, options, issues, onChange }: NodeFormProps<"wait_event">) {
  const fields = options.events.find((e) => e.event === config.event)?.fields ?? [];
  const filterIssue =
    issues.at("filter")[0] ??
    config.filter
      .flatMap((_, i) => [
        issues.at(`filter.${i}.field`)[0],
        issues.at(`filter.${i}.value`)[0],
        issues.at(`filter.${i}`)[0],
      ])
      .find(Boolean);
  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="panel-wait-event" className="text-sm font-medium text-zinc-800">
          Event
        </label>
        <EventChoiceSelect
          id="panel-wait-event"
          label="Event"
          value={config.event}
          events={options.events}
          onChange={(event) => onChange({ ...config, event })}
        />
        {issues.at("event")[0] ? (
          <p className="text-xs text-red-600">{issues.at("event")[0]}</p>
        ) : (
          <p className="text-xs text-zinc-500">Only the run&apos;s user&apos;s events count.</p>
        )}
      </div>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-zinc-800">Filter on the event&apos;s data</p>
        <EventFilterEditor
          id="panel-wait-event-filter"
          filter={config.filter}
          fields={fields}
          issue={filterIssue}
          onChange={(filter) => onChange({ ...config, filter })}
        />
      </div>
      <DurationField
        id="panel-wait-event-timeout"
        label="Timeout"
        hint="Takes the timeout port when no such event came in time."
        minutes={config.timeoutMinutes}
        issue={issues.at("timeoutMinutes")[0]}
        onChange={(minutes) =>
          onChange({ ...config, timeoutMinutes: minutes ?? config.timeoutMinutes })
        }
      />
    </div>
  );
}
