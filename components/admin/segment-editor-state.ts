import { ruleFor } from "@/lib/segments/segment-rule-fields";
import type { MatchMode, SegmentLeafRule, SegmentRules } from "@/lib/segments/segment-rules";

/**
 * The rule builder's state: the domain rules tree plus a stable key per row, so React keeps each row's inputs (a
 * half-typed amount) when rows above it are removed. `toRules` drops the keys again.
 */
export interface LeafRow {
  key: string;
  rule: SegmentLeafRule;
}
export interface GroupRow {
  key: string;
  group: { match: MatchMode; rows: LeafRow[] };
}
export type EditorRow = LeafRow | GroupRow;
export interface EditorState {
  match: MatchMode;
  rows: EditorRow[];
}

let nextKey = 0;
const key = () => `r${++nextKey}`;

export const newLeafRow = (rule: SegmentLeafRule = ruleFor("email")): LeafRow => ({
  key: key(),
  rule,
});
export const newGroupRow = (): GroupRow => ({
  key: key(),
  group: { match: "any", rows: [newLeafRow()] },
});

export function toEditorState(rules: SegmentRules): EditorState {
  return {
    match: rules.match,
    rows: rules.rules.map((rule) =>
      rule.field === "group"
        ? {
            key: key(),
            group: { match: rule.match, rows: rule.rules.map((leaf) => newLeafRow(leaf)) },
          }
        : newLeafRow(rule),
    ),
  };
}

export function toRules(state: EditorState): SegmentRules {
  return {
    match: state.match,
    rules: state.rows.map((row) =>
      "group" in row
        ? { field: "group", match: row.group.match, rules: row.group.rows.map((leaf) => leaf.rule) }
        : row.rule,
    ),
  };
}
