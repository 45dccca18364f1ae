"use client";

import { CREATE_ROUTES } from "./create-link";
import type { NodeFormProps } from "./form-props";
import { ReferenceSelect } from "./reference-select";

/** Which template the email node sends. */
export function EmailForm({ config, options, issues, onChange }: NodeFormProps<"email">) {
  return (
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
      onChange={(template) => onChange({ template })}
    />
  );
}
