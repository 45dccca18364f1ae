"use client";

import type { BuilderOptions } from "@/lib/scenarios/builder-option-types";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { Criterion } from "@/lib/scenarios/nodes/condition/definition";
import {
  changeCriterion,
  changeOperator,
  criterionOptionId,
  criterionValueMessage,
  findCriterionOption,
  groupCriteria,
  requiresHint,
  valueInputKind,
} from "./criterion-values";
import { CriterionValueInput } from "./criterion-value-input";

/** One criterion of a condition: what to check, how to compare, and the value, with its messages. */
export function CriterionRow({
  index,
  criterion,
  options,
  issue,
  onChange,
  onRemove,
}: {
  index: number;
  criterion: Criterion;
  options: BuilderOptions;
  /** The schema's messages for this row's fields. */
  issue: (field: "kind" | "key" | "operator" | "value") => string | undefined;
  onChange: (criterion: Criterion) => void;
  onRemove: () => void;
}) {
  const option = findCriterionOption(options.criteria, criterion);
  const number = index + 1;
  const keyMessage =
    issue("kind") ??
    issue("key") ??
    (option ? undefined : "This criterion no longer exists: choose another.");
  const knownOperator = option?.operators.some((o) => o.op === criterion.operator) ?? false;
  const operatorMessage =
    issue("operator") ?? (option && !knownOperator ? "Choose an operator." : undefined);
  const valueMessage =
    issue("value") ?? (option ? criterionValueMessage(option, criterion) : null) ?? null;
  const hint = option ? requiresHint(option.requires) : null;
  const kind = option ? valueInputKind(option, criterion.operator) : null;
  return (
    <li
      className="space-y-2 rounded-md border border-zinc-200 bg-zinc-50 p-2.5"
      data-testid={`criterion-${index}`}
    >
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-semibold text-zinc-600">
          {index === 0 ? "Criterion 1" : `and criterion ${number}`}
        </span>
        <Button
          variant="ghost"
          size="sm"
          className="h-7 px-2"
          data-testid={`criterion-remove-${index}`}
          aria-label={`Remove criterion ${number}`}
          onClick={onRemove}
        >
          Remove
        </Button>
      </div>
      <div>
        <Select
          id={`criterion-key-${index}`}
          data-testid={`criterion-key-${index}`}
          aria-label={`Criterion ${number}`}
          aria-describedby={keyMessage ? `criterion-key-${index}-message` : undefined}
          value={criterionOptionId(criterion)}
          invalid={keyMessage !== undefined}
          onChange={(event) => {
            const next = options.criteria.find((o) => criterionOptionId(o) === event.target.value);
            if (next) onChange(changeCriterion(next));
          }}
        >
          {option ? null : (
            <option value={criterionOptionId(criterion)}>
              {criterion.key || "Choose a criterion"} (unknown)
            </option>
          )}
          {groupCriteria(options.criteria).map((group) => (
            <optgroup key={group.kind} label={group.label}>
              {group.options.map((o) => (
                <option key={criterionOptionId(o)} value={criterionOptionId(o)}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
        {keyMessage ? (
          <p id={`criterion-key-${index}-message`} className="mt-1 text-xs text-red-600">
            {keyMessage}
          </p>
        ) : (
          <>
            {option?.description ? (
              <p
                className="mt-1 text-xs text-zinc-500"
                data-testid={`criterion-description-${index}`}
              >
                {option.description}
              </p>
            ) : null}
            {hint ? (
              <p className="mt-1 text-xs text-zinc-500" data-testid={`criterion-requires-${index}`}>
                {hint}
              </p>
            ) : null}
          </>
        )}
      </div>
      {/* A list of choices needs the row's width; one value sits beside its operator. */}
      <div
        className={`grid items-start gap-1.5 ${kind === "subscription_types" ? "grid-cols-1" : "grid-cols-[minmax(0,2fr)_minmax(0,3fr)]"}`}
      >
        <div>
          <Select
            id={`criterion-operator-${index}`}
            data-testid={`criterion-operator-${index}`}
            aria-label={`Criterion ${number} operator`}
            className="px-2"
            value={criterion.operator}
            invalid={operatorMessage !== undefined}
            onChange={(event) => onChange(changeOperator(criterion, option, event.target.value))}
          >
            {knownOperator ? null : (
              <option value={criterion.operator}>{criterion.operator || "—"}</option>
            )}
            {(option?.operators ?? []).map((o) => (
              <option key={o.op} value={o.op}>
                {o.label}
              </option>
            ))}
          </Select>
          {operatorMessage ? <p className="mt-1 text-xs text-red-600">{operatorMessage}</p> : null}
        </div>
        {option && kind ? (
          <CriterionValueInput
            id={`criterion-value-${index}`}
            label={`Criterion ${number} value`}
            kind={kind}
            value={criterion.value}
            options={options}
            message={valueMessage}
            onChange={(value) => onChange({ ...criterion, value })}
          />
        ) : null}
      </div>
    </li>
  );
}
