"use client";

import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/input";
import {
  WHEN_LIMITED,
  WHEN_LIMITED_LABELS,
  type WhenLimited,
} from "@/lib/scenarios/nodes/email/definition";
import { CREATE_ROUTES } from "./create-link";
import type { NodeFormProps } from "./form-props";
import { ReferenceSelect } from "./reference-select";

/** Which template the email node sends, and what happens when the frequency cap or quiet hours hold it. */
export function EmailForm({ config, options, issues, onChange }: NodeFormProps<"email">) {
  const whenLimited = config.whenLimited ?? "skip";
  return (
    <div className="space-y-3">
      <ReferenceSelect
        id="panel-template-select"
        label="Email template"
        value={config.template}
        options={options.templates.map((t) => ({ value: t.code, label: t.name }))}
        placeholder="Choose a template"
        empty="No templates yet."
        create={{ href: CREATE_ROUTES.template, label: "New template" }}
        issue={issues.at("template")[0]}
        hint={config.template ? `Code: ${config.template}` : null}
        onChange={(template) => onChange({ ...config, template })}
      />
      <FormField
        label="When the frequency cap or quiet hours hold it"
        htmlFor="panel-email-when-limited"
        hint={
          whenLimited === "delay"
            ? "The run waits until the email may go, then sends it and goes on."
            : "The email is logged as skipped and the run goes on at once."
        }
        error={issues.at("whenLimited")}
      >
        <Select
          id="panel-email-when-limited"
          data-testid="panel-email-when-limited"
          value={whenLimited}
          onChange={(event) =>
            onChange({ ...config, whenLimited: event.target.value as WhenLimited })
          }
        >
          {WHEN_LIMITED.map((value) => (
            <option key={value} value={value}>
              {WHEN_LIMITED_LABELS[value]}
            </option>
          ))}
        </Select>
      </FormField>
    </div>
  );
}
