"use client";

import { DurationField } from "./duration-field";
import type { NodeFormProps } from "./form-props";

/** How long the run pauses. */
export function WaitForm({ config, issues, onChange }: NodeFormProps<"wait">) {
  return (
    <DurationField
      id="panel-wait"
      label="Wait for"
      minutes={config.minutes}
      issue={issues.at("minutes")[0]}
      onChange={(minutes) => onChange({ minutes: minutes ?? config.minutes })}
    />
  );
}
