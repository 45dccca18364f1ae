"use client";

import { Button } from "@/components/ui/button";
import { changeCriterion } from "./criterion-values";
import { CriterionRow } from "./criterion-row";
import type { NodeFormProps } from "./form-props";

/** The criteria editor: every criterion must hold for "yes". */
export function ConditionForm({ config, options, issues, onChange }: NodeFormProps<"condition">) {
  const { criteria } = config;
  const listIssue = issues.at("criteria")[0];
  const first = options.criteria[0];
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-zinc-800">Criteria (all must hold)</p>
      {criteria.length > 0 ? (
        <ol className="space-y-2">
          {criteria.map((criterion, index) => (
            <CriterionRow
              key={index}
              index={index}
              criterion={criterion}
              options={options}
              issue={(field) =>
                issues.at(`criteria.${index}.${field}`)[0] ??
                (field === "key" ? issues.at(`criteria.${index}`)[0] : undefined)
              }
              onChange={(next) =>
                onChange({ criteria: criteria.map((c, i) => (i === index ? next : c)) })
              }
              onRemove={() => onChange({ criteria: criteria.filter((_, i) => i !== index) })}
            />
          ))}
        </ol>
      ) : null}
      {listIssue ? (
        <p className="text-xs text-red-600" data-testid="error-criteria">
          {listIssue}
        </p>
      ) : null}
      {first ? (
        <Button
          variant="secondary"
          size="sm"
          data-testid="criteria-add"
          disabled={criteria.length >= 50}
          onClick={() => onChange({ criteria: [...criteria, changeCriterion(first)] })}
        >
          + Add criterion
        </Button>
      ) : null}
    </div>
  );
}
