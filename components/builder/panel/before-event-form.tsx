"use client";

import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/input";
import {
  BEFORE_EVENT_TRIGGERS,
  type BeforeEventTrigger,
  beforeEventLabel,
  SUBSCRIPTION_END_FIRES,
  SUBSCRIPTION_END_FIRES_LABELS,
  type SubscriptionEndFires,
  subscriptionEndFires,
} from "@/lib/scenarios/nodes/before-event/definition";
import { formatMinutes } from "@/lib/scenarios/nodes/format-minutes";
import { DurationField } from "./duration-field";
import type { NodeFormProps } from "./form-props";

/** A run that starts a set time before a date the user has (0 = at that moment). */
export function BeforeEventForm({ config, issues, onChange }: NodeFormProps<"before_event">) {
  const what = beforeEventLabel(config.trigger);
  return (
    <div className="space-y-3">
      <FormField
        label="Starts before the"
        htmlFor="panel-before-trigger"
        error={issues.at("trigger")}
      >
        <Select
          id="panel-before-trigger"
          data-testid="panel-before-trigger"
          value={config.trigger}
          onChange={(event) => {
            const trigger = event.target.value as BeforeEventTrigger;
            // "Fires" belongs to the subscription end: it goes with it and comes back at its default.
            onChange({
              trigger,
              minutes: config.minutes,
              ...(trigger === "subscription_ends" ? { fires: "access_ends" as const } : {}),
            });
          }}
        >
          {BEFORE_EVENT_TRIGGERS.map((trigger) => (
            <option key={trigger} value={trigger}>
              {beforeEventLabel(trigger)}
            </option>
          ))}
        </Select>
      </FormField>
      <DurationField
        id="panel-before"
        label="How long before"
        minutes={config.minutes}
        min={0}
        issue={issues.at("minutes")[0]}
        hint={
          config.minutes === 0
            ? `At the moment the ${what}.`
            : `${formatMinutes(config.minutes)} before the ${what}.`
        }
        onChange={(minutes) => onChange({ ...config, minutes: minutes ?? 0 })}
      />
      {config.trigger === "subscription_ends" ? (
        <FormField
          label="Fires"
          htmlFor="panel-before-fires"
          hint={
            subscriptionEndFires(config) === "access_ends"
              ? "Not when a following subscription (a renewal) starts by the end: the access goes on."
              : "At each subscription's end, even when a renewal continues the access."
          }
          error={issues.at("fires")}
        >
          <Select
            id="panel-before-fires"
            data-testid="panel-before-fires"
            value={subscriptionEndFires(config)}
            onChange={(event) =>
              onChange({ ...config, fires: event.target.value as SubscriptionEndFires })
            }
          >
            {SUBSCRIPTION_END_FIRES.map((fires) => (
              <option key={fires} value={fires}>
                {SUBSCRIPTION_END_FIRES_LABELS[fires]}
              </option>
            ))}
          </Select>
        </FormField>
      ) : null}
    </div>
  );
}
