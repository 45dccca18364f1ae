"use client";

import { CREATE_ROUTES } from "./create-link";
import type { NodeFormProps } from "./form-props";
import { ReferenceSelect } from "./reference-select";

/** Which segment the node asks about (yes when the user is in it now). */
export function SegmentForm({ config, options, issues, onChange }: NodeFormProps<"segment">) {
  return (
    <ReferenceSelect
      id="panel-segment-select"
      label="Segment"
      value={config.segment}
      options={options.segments.map((s) => ({ value: s.code, label: s.name }))}
      placeholder="Choose a segment"
      empty="No segments yet."
      create={{ href: CREATE_ROUTES.segment, label: "New segment" }}
      issue={issues.at("segment")[0]}
      hint={config.segment ? `Code: ${config.segment}` : null}
      onChange={(segment) => onChange({ segment })}
    />
  );
}
