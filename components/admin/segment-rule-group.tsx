"use client";

import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { MatchMode } from "@/lib/segments/segment-rules";
import { newLeafRow, type GroupRow } from "./segment-editor-state";
import { SegmentRuleRow } from "./segment-rule-row";
import type { SegmentFormOptions } from "./segment-rule-value";

/** A nested group: its own all/any and leaf rules. Errors come keyed by the inner row index. */
export function SegmentRuleGroup({
  row,
  onChange,
  onRemove,
  options,
  errors,
  testId,
}: {
  row: GroupRow;
  onChange: (row: GroupRow) => void;
  onRemove: () => void;
  options: SegmentFormOptions;
  errors: { group?: string; rows: (string | undefined)[] };
  testId: string;
}) {
  const { group } = row;
  const setGroup = (next: Partial<GroupRow["group"]>) =>
    onChange({ ...row, group: { ...group, ...next } });
  return (
    <div
      className="space-y-2 rounded-md border border-dashed border-zinc-300 p-3"
      data-testid={testId}
    >
      <div className="flex items-center gap-2 text-sm">
        <Select
          value={group.match}
          onChange={(event) => setGroup({ match: event.target.value as MatchMode })}
          className="w-auto"
          aria-label="Group match"
          data-testid={`${testId}-match`}
        >
          <option value="all">All of</option>
          <option value="any">Any of</option>
        </Select>
        <span className="text-zinc-600">these rules</span>
        <Button
          variant="ghost"
          size="sm"
          className="ml-auto"
          onClick={onRemove}
          data-testid={`${testId}-remove`}
        >
          Remove group
        </Button>
      </div>
      {group.rows.map((leaf, index) => (
        <SegmentRuleRow
          key={leaf.key}
          rule={leaf.rule}
          onChange={(rule) =>
            setGroup({
              rows: group.rows.map((other) =>
                other.key === leaf.key ? { ...other, rule } : other,
              ),
            })
          }
          onRemove={() => setGroup({ rows: group.rows.filter((other) => other.key !== leaf.key) })}
          options={options}
          error={errors.rows[index]}
          testId={`${testId}-${index}`}
        />
      ))}
      {errors.group ? (
        <p className="text-xs text-red-600" role="alert">
          {errors.group}
        </p>
      ) : null}
      <Button
        variant="secondary"
        size="sm"
        onClick={() => setGroup({ rows: [...group.rows, newLeafRow()] })}
        data-testid={`${testId}-add-rule`}
      >
        Add rule to group
      </Button>
    </div>
  );
}
