"use client";

import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { fieldMeta, ruleFor, SEGMENT_FIELDS } from "@/lib/segments/segment-rule-fields";
import type { SegmentLeafRule, SegmentRuleField } from "@/lib/segments/segment-rules";
import { SegmentRuleValue, type SegmentFormOptions } from "./segment-rule-value";

/** One leaf rule: field, operator, value inputs and a remove button. `testId` is e.g. `segment-rule-2` or `segment-rule-2-0`. */
export function SegmentRuleRow({
  rule,
  onChange,
  onRemove,
  options,
  error,
  testId,
}: {
  rule: SegmentLeafRule;
  onChange: (rule: SegmentLeafRule) => void;
  onRemove: () => void;
  options: SegmentFormOptions;
  error?: string;
  testId: string;
}) {
  return (
    <div className="space-y-1" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-2">
        <Select
          value={rule.field}
          onChange={(event) => onChange(ruleFor(event.target.value as SegmentRuleField))}
          className="w-auto"
          aria-label="Field"
          data-testid={`${testId}-field`}
        >
          {SEGMENT_FIELDS.map((meta) => (
            <option key={meta.field} value={meta.field}>
              {meta.label}
            </option>
          ))}
        </Select>
        <Select
          value={rule.operator}
          onChange={(event) => onChange(ruleFor(rule.field, event.target.value, rule))}
          className="w-auto"
          aria-label="Operator"
          data-testid={`${testId}-operator`}
        >
          {fieldMeta(rule.field).operators.map((meta) => (
            <option key={meta.operator} value={meta.operator}>
              {meta.label}
            </option>
          ))}
        </Select>
        <SegmentRuleValue rule={rule} onChange={onChange} options={options} testId={testId} />
        <Button
          variant="ghost"
          size="sm"
          onClick={onRemove}
          aria-label="Remove rule"
          data-testid={`${testId}-remove`}
        >
          Remove
        </Button>
      </div>
      {error ? (
        <p className="text-xs text-red-600" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
