"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import {
  segmentRulesSchema,
  type MatchMode,
  type SegmentRules,
} from "@/lib/segments/segment-rules";
import { codeSchema } from "@/lib/subscriptions/schemas";
import {
  newGroupRow,
  newLeafRow,
  toEditorState,
  toRules,
  type EditorRow,
  type EditorState,
} from "./segment-editor-state";
import { SegmentLiveCount, type CountSegmentAction } from "./segment-live-count";
import { SegmentRuleGroup } from "./segment-rule-group";
import { SegmentRuleRow } from "./segment-rule-row";
import type { SegmentFormOptions } from "./segment-rule-value";

export interface SegmentFormValues {
  id?: number;
  code: string;
  name: string;
  description: string | null;
  rules: SegmentRules;
}

type Issue = { path: PropertyKey[]; message: string };

/** The first message of an issue under `rules[i]` (or `rules[i].rules[j]`), for the row it belongs to. */
function messageAt(issues: Issue[], path: PropertyKey[], exact = false): string | undefined {
  return issues.find(
    (issue) =>
      path.every((part, index) => issue.path[index] === part) &&
      (!exact || issue.path.length === path.length),
  )?.message;
}

export function SegmentForm({
  action,
  countAction,
  options,
  initial,
}: {
  action: FormAction;
  countAction: CountSegmentAction;
  options: SegmentFormOptions;
  initial?: SegmentFormValues;
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const [editor, setEditor] = useState<EditorState>(() =>
    toEditorState(initial?.rules ?? { match: "all", rules: [] }),
  );
  const [code, setCode] = useState(initial?.code ?? "");
  const rules = useMemo(() => toRules(editor), [editor]);
  const parsed = useMemo(() => segmentRulesSchema.safeParse(rules), [rules]);
  const issues: Issue[] = parsed.success ? [] : parsed.error.issues;
  const validCode = codeSchema.safeParse(code).success ? code.trim() : null;
  const error = (name: string) => fieldError(state, name);

  const setRows = (rows: EditorRow[]) => setEditor({ ...editor, rows });
  const replace = (row: EditorRow) =>
    setRows(editor.rows.map((other) => (other.key === row.key ? row : other)));
  const remove = (key: string) => setRows(editor.rows.filter((other) => other.key !== key));

  return (
    <form {...formProps} className="space-y-5" data-testid="segment-form">
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <input type="hidden" name="rules" value={JSON.stringify(rules)} />
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}
      <div className="grid grid-cols-2 gap-4">
        <FormField label="Name" htmlFor="segment-name" error={error("name")}>
          <Input
            id="segment-name"
            name="name"
            defaultValue={initial?.name}
            invalid={!!error("name")}
            data-testid="segment-name"
          />
        </FormField>
        <FormField
          label="Code"
          htmlFor="segment-code"
          hint="Lowercase letters, digits, - and _. Scenarios refer to it."
          error={error("code")}
        >
          <Input
            id="segment-code"
            name="code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            invalid={!!error("code")}
            className="font-mono"
            data-testid="segment-code"
          />
        </FormField>
      </div>
      <FormField label="Description" htmlFor="segment-description" error={error("description")}>
        <Textarea
          id="segment-description"
          name="description"
          rows={2}
          defaultValue={initial?.description ?? ""}
          data-testid="segment-description"
        />
      </FormField>

      <fieldset className="space-y-3" data-testid="segment-rules">
        <legend className="flex items-center gap-2 text-sm font-medium text-zinc-800">
          Users matching
          <Select
            value={editor.match}
            onChange={(event) => setEditor({ ...editor, match: event.target.value as MatchMode })}
            className="w-auto"
            aria-label="Match"
            data-testid="segment-match"
          >
            <option value="all">all</option>
            <option value="any">any</option>
          </Select>
          of these rules
        </legend>
        {editor.rows.length === 0 ? (
          <p className="text-sm text-zinc-500">
            No rules: {editor.match === "all" ? "every user" : "no user"} matches.
          </p>
        ) : null}
        {editor.rows.map((row, index) =>
          "group" in row ? (
            <SegmentRuleGroup
              key={row.key}
              row={row}
              onChange={replace}
              onRemove={() => remove(row.key)}
              options={options}
              errors={{
                group: messageAt(issues, ["rules", index, "rules"], true),
                rows: row.group.rows.map((_, inner) =>
                  messageAt(issues, ["rules", index, "rules", inner]),
                ),
              }}
              testId={`segment-rule-${index}`}
            />
          ) : (
            <SegmentRuleRow
              key={row.key}
              rule={row.rule}
              onChange={(rule) => replace({ ...row, rule })}
              onRemove={() => remove(row.key)}
              options={options}
              error={messageAt(issues, ["rules", index])}
              testId={`segment-rule-${index}`}
            />
          ),
        )}
        <div className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setRows([...editor.rows, newLeafRow()])}
            data-testid="segment-add-rule"
          >
            Add rule
          </Button>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setRows([...editor.rows, newGroupRow()])}
            data-testid="segment-add-group"
          >
            Add group
          </Button>
        </div>
        {error("rules") ? (
          <p className="text-sm text-red-600" role="alert" data-testid="segment-rules-error">
            {error("rules")?.[0]}
          </p>
        ) : null}
      </fieldset>

      <SegmentLiveCount
        action={countAction}
        rules={parsed.success ? parsed.data : null}
        code={validCode}
      />

      <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="segment-save">
          {initial?.id ? "Save changes" : "Create segment"}
        </SubmitButton>
      </div>
    </form>
  );
}
